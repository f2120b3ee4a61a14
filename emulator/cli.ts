// `npm run emulator` (or `node emulator/cli.ts`): an emulator as a standalone server, for the
// repository's CI job and for local runs (`npx @github/local-action . src/main.ts .env`).
// Flags: --api cloud-partner-portal|product-ingestion (default the CPP API), --port N (default 8787;
// 0 picks a free one), --url-file PATH (the base-url, written once listening),
// --scenario succeed|fail|endless (what a go-live does, one step per status read).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { DEFAULT_TOKEN, startCppEmulator } from './cpp-emulator.ts'
import { startPiaEmulator } from './pia-emulator.ts'
import { endlessJob, failedCertificationJob, succeedingJob } from './pia-scenarios.ts'
import { endlessGoLive, failingGoLive, succeedingGoLive } from './scenarios.ts'

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'cloud-partner-portal' },
    port: { type: 'string', default: '8787' },
    'url-file': { type: 'string' },
    scenario: { type: 'string', default: 'succeed' }
  }
})
const ingestion = values.api === 'product-ingestion'
if (!ingestion && values.api !== 'cloud-partner-portal') {
  console.error(`--api must be cloud-partner-portal or product-ingestion; got '${values.api}'`)
  process.exit(2)
}
const scenarios = ['succeed', 'fail', 'endless']
if (!scenarios.includes(values.scenario as string)) {
  console.error(`--scenario must be one of ${scenarios.join(', ')}; got '${values.scenario}'`)
  process.exit(2)
}
const scenario = values.scenario as 'succeed' | 'fail' | 'endless'
const port = Number(values.port)
let emulator: { url: string; requests: unknown[]; close(): Promise<void> }
let what: string
if (ingestion) {
  const pia = await startPiaEmulator({ port })
  pia.addProduct({
    externalId: 'contoso-vm',
    progression: { succeed: succeedingJob, fail: failedCertificationJob, endless: endlessJob }[scenario]()
  })
  ;[emulator, what] = [pia, 'Product Ingestion API emulator (product contoso-vm)']
} else {
  const cpp = await startCppEmulator({ port })
  cpp.addOffer({
    publisher: 'contoso',
    offer: 'contoso-vm',
    progression: { succeed: succeedingGoLive, fail: failingGoLive, endless: endlessGoLive }[scenario]()
  })
  ;[emulator, what] = [cpp, 'CPP emulator (offer contoso/contoso-vm)']
}
if (values['url-file']) writeFileSync(values['url-file'], emulator.url)
console.log(`${what} listening on ${emulator.url} (scenario ${scenario}, token ${DEFAULT_TOKEN})`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${emulator.requests.length} requests served; stopping.`)
    void emulator.close().then(() => process.exit(0))
  })
}
setInterval(() => undefined, 1 << 30) // keep serving until a signal
