// The bench's fleet run (issue 13): 100 offers in one step, through sign-in (a client secret, against
// the identity emulator), trigger and a short wait, next to the same step for one offer. Figures:
// token requests, POSTs, the peak request rates against the poll interval, start-to-all-recorded
// against 100 x one offer's, and peak RSS against one offer's.
import { startCppEmulator, type RecordedRequest } from '../emulator/cpp-emulator.ts'
import { startIdentityEmulator, TEST_CA_FILE } from '../emulator/identity-emulator.ts'
import { endlessGoLive, succeedingGoLive } from '../emulator/scenarios.ts'
import { startAction, type RunResult } from './run-action.ts'

type Report = (what: string, figure: string, target: string, ok?: boolean) => void

const OFFERS = 100
const SINGLE_RUNS = 5
const POLL_MS = 1_000
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const ms = (value: number): string => `${value.toFixed(0)} ms`

/** The most requests in any window of `windowMs` that starts at one of them. */
function peak(requests: RecordedRequest[], windowMs: number): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b)
  let most = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && (times[j] as number) < (times[i] as number) + windowMs) j++
    most = Math.max(most, j - i)
  }
  return most
}

interface Measured {
  run: RunResult
  /** From spawn to the moment the last offer's operation was recorded (its log line); undefined if one never was. */
  recordedMs?: number
}

export async function benchFleet(report: Report): Promise<void> {
  const cpp = await startCppEmulator()
  const identity = await startIdentityEmulator({
    apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: ['bench-secret'] }],
    onToken: (token) => cpp.acceptToken(token)
  })
  const signIn = {
    api: 'cloud-partner-portal',
    'client-id': CLIENT_ID,
    'tenant-id': TENANT_ID,
    'client-secret': 'bench-secret',
    'authority-host': identity.authorityHost
  }
  // A short wait: two reads that find it running, then success.
  const progression = [...endlessGoLive(), ...endlessGoLive(), succeedingGoLive().at(-1) as Record<string, unknown>]

  async function measure(offers: string[]): Promise<Measured> {
    cpp.reset()
    identity.requests.length = 0
    for (const offer of offers) cpp.addOffer({ publisher: 'contoso', offer, offerStatus: 'waitingForPublisherReview', progression })
    const started = performance.now()
    const running = startAction({
      inputs: {
        publisher: 'contoso',
        offer: offers.join('\n'),
        'base-url': cpp.url,
        wait: 'true',
        'poll-interval': `${POLL_MS}ms`,
        ...signIn
      },
      env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    })
    let recordedMs: number | undefined
    void Promise.all(offers.map((offer) => running.waitForOutput(`Go-live started for contoso/${offer}.`))).then(
      () => (recordedMs = performance.now() - started)
    )
    const run = await running.result
    return recordedMs === undefined ? { run } : { run, recordedMs }
  }

  const singles: Measured[] = []
  for (let i = 0; i < SINGLE_RUNS; i++) singles.push(await measure(['contoso-vm']))
  const offers = Array.from({ length: OFFERS }, (_, i) => `fleet-${String(i + 1).padStart(3, '0')}`)
  const fleet = await measure(offers)
  const tokens = identity.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length
  const posts = cpp.requestsTo('POST', '/golive')
  const reads = cpp.requestsTo('GET', '/operations/')
  await identity.close()
  await cpp.close()

  const label = `fleet of ${OFFERS} offers (sign-in, trigger, 3 reads each at poll-interval ${POLL_MS}ms)`
  const singleOk = singles.every((s) => s.run.exitCode === 0 && s.recordedMs !== undefined)
  if (!singleOk || fleet.run.exitCode !== 0 || fleet.recordedMs === undefined) {
    const [which, run] = singleOk
      ? ['the fleet run', fleet.run]
      : ['a one-offer run', singles.find((s) => s.run.exitCode !== 0)?.run ?? fleet.run]
    const why = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? `exit ${run.exitCode}`
    report(label, `${which} failed: ${why.slice(0, 200)}`, 'exit 0, every offer recorded', false)
    return
  }
  report(`${label}: token requests`, String(tokens), '1', tokens === 1)
  const perOffer = new Set(posts.map((r) => r.path)).size
  report(`${label}: POSTs`, `${posts.length} (to ${perOffer} offers)`, String(OFFERS), posts.length === OFFERS && perOffer === OFFERS)
  report(
    `${label}: peak requests`,
    `${peak(cpp.requests, 1_000)} requests in one second (all kinds); ${peak(reads, POLL_MS)} status reads in one poll interval`,
    `reads <= 1.5 x ${OFFERS} per interval`,
    peak(reads, POLL_MS) <= 1.5 * OFFERS
  )
  const single = median(singles.map((s) => s.recordedMs as number))
  report(
    `${label}: start to all recorded`,
    `${ms(fleet.recordedMs)} vs ${OFFERS} x one offer's ${ms(single)} = ${ms(OFFERS * single)} (ratio ${(fleet.recordedMs / (OFFERS * single)).toFixed(3)})`,
    `none (against ${OFFERS} separate runs)`
  )
  const singleRss = median(singles.map((s) => s.run.peakRssMb))
  report(
    `${label}: peak RSS`,
    `${fleet.run.peakRssMb.toFixed(1)} MB vs one offer's ${singleRss.toFixed(1)} MB (median of ${SINGLE_RUNS})`,
    '<= 1.5 x one offer',
    fleet.run.peakRssMb <= 1.5 * singleRss
  )
}
