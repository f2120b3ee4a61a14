// `npm run emulator` (or `node emulator/cli.ts`): an emulator as a standalone server, for the
// repository's CI job and for trying the action offline (`npx @github/local-action . src/main.ts
// .env`, or the bundle). It serves any publisher and offer: one it has not seen is created by the
// first request that names it, ready to go live, so any offer, or several, can be tried.
// Flags: --api cloud-partner-portal|product-ingestion (default the CPP API), --port N (default 8787;
// 0 picks a free one), --url-file PATH (the base-url, written once listening),
// --scenario succeed|fail|endless (what a go-live does, one step per status read),
// --identity (also Microsoft Entra ID and GitHub OIDC, for `client-id` sign-in) with
// --identity-port N (default the port after --port; a free one with --port 0).
// It prints the .env lines and commands for a trial (trial-env.ts).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startCppEmulator } from './cpp-emulator.ts'
import { startIdentityEmulator, type IdentityEmulator } from './identity-emulator.ts'
import { startPiaEmulator } from './pia-emulator.ts'
import { endlessJob, failedCertificationJob, succeedingJob } from './pia-scenarios.ts'
import { endlessGoLive, failingGoLive, succeedingGoLive } from './scenarios.ts'
import { trialEnvironment, trialIdentity, trialInstructions } from './trial-env.ts'

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'cloud-partner-portal' },
    port: { type: 'string', default: '8787' },
    'url-file': { type: 'string' },
    scenario: { type: 'string', default: 'succeed' },
    identity: { type: 'boolean', default: false },
    'identity-port': { type: 'string' }
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
const portOf = (flag: string, text: string): number => {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65_535) {
    console.error(`--${flag} must be a port number, 0 to 65535 (0 picks a free one); got '${text}'`)
    process.exit(2)
  }
  return port
}
const port = portOf('port', values.port as string)
const identityPort = portOf('identity-port', values['identity-port'] ?? String(port === 0 ? 0 : port + 1))

let emulator: { url: string; requests: unknown[]; acceptToken(token: string): void; close(): Promise<void> }
let what: string
if (ingestion) {
  const progression = { succeed: succeedingJob, fail: failedCertificationJob, endless: endlessJob }[scenario]
  emulator = await startPiaEmulator({ port, productOnFirstUse: (externalId) => ({ externalId, progression: progression() }) })
  what = 'Product Ingestion API emulator'
} else {
  const progression = (publisher: string, offer: string) =>
    scenario === 'succeed'
      ? succeedingGoLive('succeeded', { publisher, offer })
      : { fail: failingGoLive, endless: endlessGoLive }[scenario]()
  emulator = await startCppEmulator({
    port,
    offerOnFirstUse: (publisher, offer) => ({ publisher, offer, progression: progression(publisher, offer) })
  })
  what = 'CPP emulator'
}
let identity: IdentityEmulator | undefined
if (values.identity) {
  // Every access token it issues is one the API emulator accepts.
  identity = await startIdentityEmulator(trialIdentity((token) => emulator.acceptToken(token), identityPort))
}
if (values['url-file']) writeFileSync(values['url-file'], emulator.url)
console.log(`${what} listening on ${emulator.url} (scenario ${scenario}): any offer, created on first use ready to go live, or several.`)
if (identity) console.log(`Identity emulator (Microsoft Entra ID and GitHub OIDC) listening on ${identity.authorityHost}.`)
console.log('')
console.log(trialInstructions(trialEnvironment(ingestion ? 'product-ingestion' : 'cloud-partner-portal', emulator.url, identity)))
console.log('')
console.log('Serving; stop with Ctrl+C.')

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${emulator.requests.length} requests served; stopping.`)
    void Promise.all([emulator.close(), identity?.close()]).then(() => process.exit(0))
  })
}
setInterval(() => undefined, 1 << 30) // keep serving until a signal
