// The bench's figures for 256 offers in one step (issue 19), each through the bundle against the
// emulators on loopback: token requests when the token is revoked with requests in flight, the
// largest read gap per running offer against the poll interval, the output file's size against
// the final `results`, and start-to-all-recorded against one offer's. (Peak RSS under the paging
// abuse is bench-lists.ts.)
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../emulator/cpp-emulator.ts'
import { startIdentityEmulator, TEST_CA_FILE, type IdentityEmulator } from '../emulator/identity-emulator.ts'
import { succeedingGoLive } from '../emulator/scenarios.ts'
import { startAction, type RunResult } from './run-action.ts'

type Report = (what: string, figure: string, target: string, ok?: boolean) => void

const OFFERS = Array.from({ length: 256 }, (_, i) => `offer-${String(i + 1).padStart(3, '0')}`)
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'
const SECRET = 'bench-secret'
const SINGLE_RUNS = 5

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const firstError = (run: RunResult): string =>
  (run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? `exit ${run.exitCode}`).slice(0, 200)

interface Emulators {
  cpp: CppEmulator
  identity: IdentityEmulator
  /** The next token issued is refused from its `afterRequests`-th use on, its 401s spread over `spreadMs`. */
  revokeNext(afterRequests: number, spreadMs: number): void
  signIn: Record<string, string>
  close(): Promise<void>
}

async function emulators(): Promise<Emulators> {
  const cpp = await startCppEmulator()
  let planned: { afterRequests: number; holdRefusalsMs: number } | undefined
  const identity = await startIdentityEmulator({
    apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET] }],
    onToken: (token) => {
      cpp.acceptToken(token)
      if (planned) cpp.revokeToken(token, planned)
      planned = undefined
    }
  })
  return {
    cpp,
    identity,
    revokeNext: (afterRequests, holdRefusalsMs) => void (planned = { afterRequests, holdRefusalsMs }),
    signIn: {
      api: 'cloud-partner-portal',
      'client-id': CLIENT_ID,
      'tenant-id': TENANT_ID,
      'client-secret': SECRET,
      'authority-host': identity.authorityHost
    },
    close: async () => {
      await cpp.close()
      await identity.close()
    }
  }
}

/** Ready offers: each go-live started succeeds at its last read, or `endsAfterMs` after its request. */
function addOffers(cpp: CppEmulator, offers: string[], endsAfterMs?: number): void {
  cpp.reset()
  for (const offer of offers) {
    cpp.addOffer({
      publisher: 'contoso',
      offer,
      offerStatus: 'waitingForPublisherReview',
      ...(endsAfterMs === undefined ? {} : { progression: succeedingGoLive(), endsAfterMs })
    })
  }
}

/** 256 offers at max-parallel 32, the token revoked once each has a request on its way, its 401s spread over 300 ms. */
async function revokedToken(report: Report, { cpp, identity, revokeNext, signIn }: Emulators): Promise<void> {
  addOffers(cpp, OFFERS)
  identity.requests.length = 0
  identity.issued.length = 0
  revokeNext(32, 300)
  const run = await startAction({
    inputs: { publisher: 'contoso', offer: OFFERS.join('\n'), 'base-url': cpp.url, 'max-parallel': '32', ...signIn },
    env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
  }).result
  const tokens = identity.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length
  const refusals = cpp.refusalsOf(identity.issued[0]?.token ?? '')
  const label = `${OFFERS.length} offers at max-parallel 32 (client secret), the token revoked with 32 requests in flight, 401s spread over 300 ms: token requests`
  if (run.exitCode !== 0) return report(label, `the run failed: ${firstError(run)}`, '2 (sign-in and one renewal)', false)
  report(label, `${tokens} for ${refusals} refusals of the revoked token (before: 10 for 31)`, '2 (sign-in and one renewal)', tokens === 2)
}

/**
 * The starved tail through the bundle: 256 offers at poll-interval 2s, four started at a
 * time, each go-live ending 6 s after its request, timeout 14s. The gaps come from the server's
 * log: each offer's go-live request, its reads while it ran, and the read that found it ended.
 */
async function readGaps(report: Report, { cpp }: Emulators): Promise<void> {
  const interval = 2_000
  const endsAfter = 3 * interval
  const timeout = 7 * interval
  addOffers(cpp, OFFERS, endsAfter)
  // The step's deadline comes no sooner than this plus the timeout: it counts from the step's start.
  const spawned = Date.now()
  const run = await startAction({
    inputs: {
      publisher: 'contoso',
      offer: OFFERS.join('\n'),
      token: DEFAULT_TOKEN,
      'base-url': cpp.url,
      wait: 'true',
      'poll-interval': `${interval}ms`,
      timeout: `${timeout}ms`
    }
  }).result
  let worst = 0
  let reads = 0
  let waited = 0
  // One still running at the end also counts its last read to the step's last read of any offer.
  const lastRead = Math.max(...cpp.requestsTo('GET', '/operations/').map((r) => r.at))
  const posts: number[] = []
  /** Offers whose go-live ended two intervals before the timeout: each should have been read ended. */
  const inTime: string[] = []
  for (const offer of OFFERS) {
    const started = cpp.requestsTo('POST', `/offers/${offer}/golive`)[0]?.at
    if (started === undefined) continue
    posts.push(started)
    if (started + endsAfter + 2 * interval <= spawned + timeout) inTime.push(offer)
    const at = cpp.requestsTo('GET', `/offers/${offer}/operations/`).map((r) => r.at)
    const ended = at.findIndex((t) => t >= started + endsAfter)
    const moments = [started, ...(ended < 0 ? at : at.slice(0, ended + 1))]
    for (let i = 1; i < moments.length; i++) worst = Math.max(worst, (moments[i] as number) - (moments[i - 1] as number))
    if (ended < 0) worst = Math.max(worst, lastRead - (moments.at(-1) as number))
    reads += moments.length - 1
    waited += (moments.at(-1) as number) - started
  }
  let results: Array<{ offer: string; status: string }> = []
  try {
    results = JSON.parse(run.outputs.results ?? '[]') as typeof results
  } catch {
    // No results: every offer counts as not seen ending.
  }
  const succeeded = new Set(results.filter((r) => r.status === 'succeeded').map((r) => r.offer))
  const leftRunning = inTime.filter((offer) => !succeeded.has(offer)).length
  const notSucceeded = OFFERS.length - succeeded.size
  const startSpan = posts.length > 0 ? Math.max(...posts) - Math.min(...posts) : 0
  report(
    `starved tail through the bundle: ${OFFERS.length} offers, poll-interval 2s, go-lives ending 6s in, timeout 14s: largest read gap per running offer`,
    `${worst} ms = ${(worst / interval).toFixed(2)} x the interval; ${(reads / (waited / interval)).toFixed(2)} reads per offer per interval; ${leftRunning} of the ${inTime.length} offers whose go-live ended two intervals before the timeout left running (${notSucceeded} of ${OFFERS.length} not succeeded in all; the ${posts.length} go-lives started over ${(startSpan / 1_000).toFixed(1)} s; exit ${run.exitCode}, ${(run.durationMs / 1_000).toFixed(1)} s)`,
    '<= 2 x the interval; none left running of those that ended two intervals before the timeout',
    worst <= 2 * interval && leftRunning === 0 && posts.length === OFFERS.length
  )
}

interface Recorded {
  run: RunResult
  /** From spawn to the log line that records the last offer's go-live; undefined if one never came. */
  recordedMs?: number
}

/** A trigger-only step (client secret sign-in) for `offers`, timed to the record of the last one. */
async function recordAll({ cpp, signIn }: Emulators, offers: string[]): Promise<Recorded> {
  addOffers(cpp, offers)
  const started = performance.now()
  const running = startAction({
    inputs: { publisher: 'contoso', offer: offers.join('\n'), 'base-url': cpp.url, 'max-parallel': '32', ...signIn },
    env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
  })
  let recordedMs: number | undefined
  void Promise.all(offers.map((offer) => running.waitForOutput(`Go-live started for contoso/${offer}.`))).then(
    () => (recordedMs = performance.now() - started)
  )
  const run = await running.result
  return recordedMs === undefined ? { run } : { run, recordedMs }
}

/** 256 offers without waiting: the output file against the final `results`, and start to all recorded against one offer. */
async function outputFileAndRecording(report: Report, setup: Emulators): Promise<void> {
  const singles: Recorded[] = []
  for (let i = 0; i < SINGLE_RUNS; i++) singles.push(await recordAll(setup, ['contoso-vm']))
  const fleet = await recordAll(setup, OFFERS)
  const label = `${OFFERS.length} offers without waiting (client secret, max-parallel 32)`
  const failed = [fleet, ...singles].find((r) => r.run.exitCode !== 0 || r.recordedMs === undefined)
  if (failed) return report(label, `a run failed: ${firstError(failed.run)}`, 'exit 0, every offer recorded', false)

  const size = Buffer.byteLength(fleet.run.outputFile)
  const value = Buffer.byteLength(fleet.run.outputs.results ?? '')
  report(
    `${label}: GITHUB_OUTPUT size against the final results`,
    `${(size / 1024).toFixed(1)} KiB for results of ${(value / 1024).toFixed(1)} KiB: ${(size / value).toFixed(2)} x (before: 8.3 MB for 70 KB)`,
    '<= 3 x',
    size <= 3 * value
  )
  const single = median(singles.map((s) => s.recordedMs as number))
  const all = fleet.recordedMs as number
  report(
    `${label}: start to all recorded`,
    `${all.toFixed(0)} ms vs one offer's ${single.toFixed(0)} ms (median of ${SINGLE_RUNS}): ${(all / single).toFixed(1)} x one offer, ${(all / (OFFERS.length * single)).toFixed(3)} x ${OFFERS.length} separate runs`,
    `none (against ${OFFERS.length} separate runs)`
  )
}

export async function bench256Offers(report: Report): Promise<void> {
  const setup = await emulators()
  try {
    await revokedToken(report, setup)
    await readGaps(report, setup)
    await outputFileAndRecording(report, setup)
  } finally {
    await setup.close()
  }
}
