// `npm run emulator` (or `node emulator/cli.ts`): the CPP emulator as a standalone server, for the
// repository's CI job and for local runs (`npx @github/local-action . src/main.ts .env`).
// Flags: --port N (default 8787; 0 picks a free one), --url-file PATH (written once listening),
// --scenario succeed|fail|endless (what a go-live does, one step per status read).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { DEFAULT_TOKEN, startCppEmulator } from './cpp-emulator.ts'
import { endlessGoLive, failingGoLive, succeedingGoLive } from './scenarios.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'url-file': { type: 'string' },
    scenario: { type: 'string', default: 'succeed' }
  }
})
const progressions = { succeed: succeedingGoLive, fail: failingGoLive, endless: endlessGoLive }
const progression = progressions[values.scenario as keyof typeof progressions]
if (!progression) {
  console.error(`--scenario must be one of ${Object.keys(progressions).join(', ')}; got '${values.scenario}'`)
  process.exit(2)
}

const emulator = await startCppEmulator({ port: Number(values.port) })
emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: progression() })
if (values['url-file']) writeFileSync(values['url-file'], emulator.url)
console.log(`CPP emulator listening on ${emulator.url} (offer contoso/contoso-vm, scenario ${values.scenario}, token ${DEFAULT_TOKEN})`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${emulator.requests.length} requests served; stopping.`)
    void emulator.close().then(() => process.exit(0))
  })
}
setInterval(() => undefined, 1 << 30) // keep serving until a signal
