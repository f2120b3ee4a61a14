// `npm run bench`: the figures the issues set targets for, measured against the emulator.
// Timings on a shared machine are noisy: medians over repeated runs, never a single run.
import { execFileSync, spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../emulator/cpp-emulator.ts'
import { endlessGoLive, succeedingGoLive } from '../emulator/scenarios.ts'
import { startIdentityEmulator, TEST_CA_FILE } from '../emulator/identity-emulator.ts'
import { answer, endless, startHostileServer } from '../emulator/hostile-server.ts'
import { startPiaEmulator } from '../emulator/pia-emulator.ts'
import { endlessJob, succeedingJob } from '../emulator/pia-scenarios.ts'
import { bench256Offers } from './bench-256-offers.ts'
import { benchFleet } from './bench-fleet.ts'
import { benchHtml } from './bench-html.ts'
import { benchLists } from './bench-lists.ts'
import { benchPacer } from './bench-pacer.ts'
import { benchUnreachable } from './bench-unreachable.ts'
import { BUNDLE, NODE24, startAction } from './run-action.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}
const ms = (value: number): string => `${value.toFixed(1)} ms`
const rows: Array<[string, string, string, string]> = []
/** A figure against its target (`met` or `MISSED`), or with no target (`ok` left out): `reported`, never `met`. */
const report = (what: string, figure: string, target: string, ok?: boolean): void =>
  void rows.push([what, figure, target, ok === undefined ? 'reported' : ok ? 'met' : 'MISSED'])

const emulator: CppEmulator = await startCppEmulator()
const inputs = (extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer: 'contoso-vm',
  token: DEFAULT_TOKEN,
  'base-url': emulator.url,
  ...extra
})

// 1. Start-to-exit of a trigger-only run vs a bare node process doing one fetch POST.
const bareScript = `await fetch(process.argv[1], { method: 'POST', headers: { authorization: 'Bearer ${DEFAULT_TOKEN}' } }).then((r) => r.arrayBuffer())`
async function bareRun(): Promise<number> {
  const url = `${emulator.url}/api/publishers/contoso/offers/contoso-vm/golive?api-version=2017-10-31`
  const started = performance.now()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(NODE24, ['--input-type=module', '-e', bareScript, url], { stdio: 'ignore' })
    child.on('error', reject).on('close', () => resolve())
  })
  return performance.now() - started
}
async function actionRun(): Promise<number> {
  const result = await startAction({ inputs: inputs() }).result
  if (result.exitCode !== 0) throw new Error(`trigger run failed: ${result.stdout}`)
  return result.durationMs
}
const bare: number[] = []
const action: number[] = []
for (let i = 0; i < RUNS + 2; i++) {
  emulator.reset()
  emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
  const b = await bareRun()
  emulator.reset()
  emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
  const a = await actionRun()
  if (i >= 2) {
    bare.push(b)
    action.push(a)
  } // the first two warm the file cache
}
const ratio = median(action) / median(bare)
report(
  'trigger-only run, start to exit (median)',
  `${ms(median(action))} vs bare fetch ${ms(median(bare))}: ratio ${ratio.toFixed(2)}`,
  'ratio <= 1.3',
  ratio <= 1.3
)

// 1b. The same trigger-only run, and a short wait, through the Product Ingestion API.
const pia = await startPiaEmulator()
const piaInputs = (extra: Record<string, string> = {}) => ({
  api: 'product-ingestion',
  offer: 'contoso-vm',
  token: DEFAULT_TOKEN,
  'base-url': pia.url,
  ...extra
})
const piaTrigger: number[] = []
const piaWait: number[] = []
for (let i = 0; i < RUNS + 2; i++) {
  pia.reset()
  pia.addProduct({ externalId: 'contoso-vm', progression: [...endlessJob(), ...succeedingJob()] })
  const trigger = await startAction({ inputs: piaInputs() }).result
  pia.reset()
  pia.addProduct({ externalId: 'contoso-vm', progression: [...endlessJob(), ...succeedingJob()] })
  const wait = await startAction({ inputs: piaInputs({ wait: 'true', 'poll-interval': '10ms' }) }).result
  if (trigger.exitCode !== 0 || wait.exitCode !== 0) throw new Error(`PIA run failed: ${trigger.stdout}${wait.stdout}`)
  if (i >= 2) {
    piaTrigger.push(trigger.durationMs)
    piaWait.push(wait.durationMs)
  }
}
await pia.close()
report(
  'Product Ingestion API: trigger-only run (product, submissions, configure), start to exit (median)',
  `${ms(median(piaTrigger))} (CPP: ${ms(median(action))}); 5 job reads at 10ms polls: ${ms(median(piaWait))}`,
  'none (the ratio target is the CPP run above)'
)

// 2 and 3. Terminal state to exit, and GETs per wait, at a 200ms poll interval.
const interval = 200
const gaps: number[] = []
let extraGets = 0
for (let i = 0; i < 8; i++) {
  emulator.reset()
  emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: endlessGoLive() })
  const running = startAction({ inputs: inputs({ wait: 'true', 'poll-interval': `${interval}ms` }) })
  await running.waitForOutput('Waiting up to')
  // Let it run a while, then make the terminal state appear at a moment unrelated to the polls.
  await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * interval))
  const finishedAt = Date.now()
  emulator.setProgression('contoso', 'contoso-vm', [succeedingGoLive().at(-1) as Record<string, unknown>])
  const result = await running.result
  const exitedAt = Date.now()
  gaps.push(exitedAt - finishedAt)
  const gets = emulator.requestsTo('GET', '/operations/')
  const span = (gets.at(-1)?.at ?? 0) - (gets[0]?.at ?? 0)
  // One GET at the start, then one per full interval: anything above that is extra.
  extraGets += Math.max(0, gets.length - (Math.floor(span / interval) + 1))
  if (result.exitCode !== 0) throw new Error('wait run failed')
}
report(
  'terminal state appears -> action exits (max of 8)',
  `${ms(Math.max(...gaps))} (median ${ms(median(gaps))})`,
  `<= ${interval + 50} ms (interval + 50)`,
  Math.max(...gaps) <= interval + 50
)
report('GETs per wait beyond one per interval (8 waits)', String(extraGets), '0', extraGets === 0)

// SIGTERM while waiting (a cancelled workflow) to exit: the issue asks for within a second.
const signalGaps: number[] = []
for (let i = 0; i < 5; i++) {
  emulator.reset()
  emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: endlessGoLive() })
  const running = startAction({ inputs: inputs({ wait: 'true', 'poll-interval': '10m' }) })
  await running.waitForOutput('Now at step')
  const signalledAt = performance.now()
  running.child.kill('SIGTERM')
  await running.result
  signalGaps.push(performance.now() - signalledAt)
}
report(
  'SIGTERM while waiting -> exit (max of 5)',
  `${ms(Math.max(...signalGaps))} (median ${ms(median(signalGaps))})`,
  '< 1000 ms',
  Math.max(...signalGaps) < 1_000
)

// Sign-in with a client secret (MSAL loaded on demand) against the identity emulator over https.
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'
const identity = await startIdentityEmulator({
  apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: ['bench-secret'] }],
  onToken: (t) => emulator.acceptToken(t)
})
const signIn: number[] = []
for (let i = 0; i < Math.min(RUNS, 7); i++) {
  emulator.reset()
  emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
  const result = await startAction({
    inputs: {
      publisher: 'contoso',
      offer: 'contoso-vm',
      api: 'cloud-partner-portal',
      'client-id': CLIENT_ID,
      'tenant-id': TENANT_ID,
      'client-secret': 'bench-secret',
      'authority-host': identity.authorityHost,
      'base-url': emulator.url
    },
    env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
  }).result
  if (result.exitCode !== 0) throw new Error(`sign-in run failed: ${result.stdout}`)
  signIn.push(result.durationMs)
}
await identity.close()
report(
  'trigger-only run signing in with a client secret (median)',
  `${ms(median(signIn))} (token run: ${ms(median(action))})`,
  'none (MSAL loads only here)'
)

// 4. Bundle size.
const size = statSync(BUNDLE).size
const msalChunk = readdirSync(dirname(BUNDLE))
  .filter((f) => /^\d+\.index\.js$/.test(f))
  .reduce((sum, f) => sum + statSync(join(dirname(BUNDLE), f)).size, 0)
report(
  'bundle size',
  `dist/index.js ${(size / 1024).toFixed(0)} KiB; MSAL chunk, loaded only for Entra sign-in, ${(msalChunk / 1024).toFixed(0)} KiB`,
  'none'
)

// 5. Peak RSS over a 1,000-poll wait, at 10ms so the process idles between polls as a real wait does,
// next to a bare node process making the same 1,000 GETs (the runtime's own share).
function sampleRss(pid: number | undefined, onSample: (kb: number) => void): NodeJS.Timeout {
  return setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
      if (kb > 0) onSample(kb)
    } catch {
      // the process has exited
    }
  }, 25)
}
emulator.reset()
const polls = 1_000
emulator.addOffer({
  publisher: 'contoso',
  offer: 'contoso-vm',
  progression: [...Array(polls - 1).fill(endlessGoLive()[0]), succeedingGoLive().at(-1)]
})
const soak = startAction({ inputs: inputs({ wait: 'true', 'poll-interval': '10ms' }), nodeArgs: ['--trace-gc'] })
const samples: Array<{ gets: number; rssKb: number }> = []
const sampler = sampleRss(soak.child.pid, (rssKb) => samples.push({ gets: emulator.requestsTo('GET', '/operations/').length, rssKb }))
const soakResult = await soak.result
clearInterval(sampler)
const gets = emulator.requestsTo('GET', '/operations/').length
// What stays alive after each full GC: a leak makes this climb; heap sizing and JIT do not.
const liveAfterGc = [...soakResult.stdout.matchAll(/Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)].map((m) => Number(m[1]))
const operationUrl = `${emulator.url}${emulator.requestsTo('GET', '/operations/')[0]?.path}?api-version=2017-10-31`
const peakMb = Math.max(...samples.map((s) => s.rssKb)) / 1024
const avg = (list: typeof samples): number => list.reduce((sum, s) => sum + s.rssKb, 0) / Math.max(1, list.length) / 1024
const early = avg(samples.filter((s) => s.gets >= 100 && s.gets <= 200))
const late = avg(samples.filter((s) => s.gets >= 900))

const bareLoop = `import http from 'node:http'
const agent = new http.Agent({ keepAlive: false })
for (let i = 0; i < ${polls}; i++) {
  await new Promise((resolve, reject) => http.get(process.argv[1], { agent, headers: { authorization: 'Bearer ${DEFAULT_TOKEN}' } }, (res) => {
    let body = ''; res.on('data', (c) => (body += c)); res.on('end', () => resolve(JSON.parse(body)))
  }).on('error', reject))
  await new Promise((resolve) => setTimeout(resolve, 10))
}`
const bareChild = spawn(NODE24, ['--input-type=module', '-e', bareLoop, operationUrl], { stdio: 'ignore' })
let barePeakKb = 0
const bareSampler = sampleRss(bareChild.pid, (kb) => (barePeakKb = Math.max(barePeakKb, kb)))
await new Promise((resolve) => bareChild.on('close', resolve))
clearInterval(bareSampler)
report(
  `peak RSS over a ${gets}-poll wait at 10ms (exit ${soakResult.exitCode})`,
  `${peakMb.toFixed(1)} MB (bare node, same ${polls} GETs: ${(barePeakKb / 1024).toFixed(1)} MB); polls 100-200 ${early.toFixed(1)} MB, 900+ ${late.toFixed(1)} MB`,
  '< 80 MB and flat',
  peakMb < 80 && late - early < 5
)
report(
  `live heap after each full GC over the same wait (${liveAfterGc.length} GCs)`,
  liveAfterGc.length > 0
    ? `first ${liveAfterGc[0]} MB, last ${liveAfterGc.at(-1)} MB, max ${Math.max(...liveAfterGc)} MB`
    : 'no full GC ran',
  'flat (no leak)',
  liveAfterGc.length === 0 || Math.max(...liveAfterGc) - (liveAfterGc[0] as number) < 3
)

// 6 and 7. Hostile answers: an endless status body on every read, and a large (3.9 MB) one.
const hostile = await startHostileServer()
const hostileInputs = (extra: Record<string, string>) => ({
  ...inputs(extra),
  'base-url': hostile.url,
  'operation-location': '/api/operations/contoso$contoso-vm$1$preview'
})
hostile.handle(() => endless('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n', Buffer.alloc(256 * 1024, 'a'), 1))
const flood = await startAction({ inputs: hostileInputs({ wait: 'true', timeout: '4s', 'poll-interval': '50ms' }) }).result
const floodReads = hostile.requests.length
const floodClosed = hostile.requests.every((r) => r.closedAt !== undefined)
report(
  'endless status body on every read (timeout 4s): peak RSS, reads, time to give up',
  `${flood.peakRssMb.toFixed(1)} MB; ${floodReads} reads, each cut at 4 MiB, all sockets closed: ${floodClosed}; gave up after ${ms(flood.durationMs)} (exit ${flood.exitCode})`,
  'bounded RSS, every socket closed',
  flood.peakRssMb < 200 && floodClosed
)
const bigBody = JSON.stringify({ status: 'running', steps: [], padding: 'x'.repeat(3_900_000) })
const readTimes = { big: [] as number[], small: [] as number[] }
for (let i = 0; i < 7; i++) {
  for (const [kind, body] of [
    ['big', bigBody],
    ['small', JSON.stringify({ status: 'running', steps: [] })]
  ] as const) {
    hostile.handle(() => answer(200, { 'content-type': 'application/json' }, body))
    const run = await startAction({ inputs: hostileInputs({}) }).result
    if (run.exitCode !== 0) throw new Error(`check run failed: ${run.stdout}`)
    readTimes[kind].push(run.durationMs)
  }
}
report(
  'check-later run reading a 3.9 MB status body (median of 7)',
  `${ms(median(readTimes.big))} vs ${ms(median(readTimes.small))} for a small body`,
  'none (linear read: chunks joined once)'
)
await hostile.close()

// 8. Many offers in one step: its own module.
await benchFleet(report)

// 9. HTML to text on hostile shapes, in process: its own module.
benchHtml(report)

// 10. The starved tail (issue 19): 256 waits sharing the pacer, as offers finish around them.
await benchPacer(report)

// 11. Lists of 100 pages of 3.9 MB for 256 offers, 32 at once (issue 19): its own module.
await benchLists(report)

// 12. An unreachable base-url (issue 18): time and attempts to fail, one offer and twelve.
await benchUnreachable(report, Math.min(RUNS, 5))

// 13. 256 offers through the bundle (issue 19): token requests under a revoked token, the largest
// read gap per running offer, the output file against the final results, start to all recorded.
await bench256Offers(report)

await emulator.close()
const node = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim()
console.log(`\nBenchmark against the emulator on loopback, Node ${node}, ${RUNS} runs per timing\n`)
console.log('| measure | figure | target | verdict |\n| --- | --- | --- | --- |')
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
// The verdict counts only figures with a target; a MISSED one is named, never rounded into "met".
const judged = rows.filter((row) => row[3] !== 'reported')
const missed = judged.filter((row) => row[3] === 'MISSED').map((row) => row[0])
console.log(
  `\nVerdict: ${judged.length - missed.length} of ${judged.length} targets met${missed.length ? `; MISSED: ${missed.join('; ')}` : ''}.`
)
