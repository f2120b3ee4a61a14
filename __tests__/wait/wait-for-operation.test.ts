// The wait loop on fake time: every read is scripted, and the clock moves only when the loop sleeps,
// so intervals, Retry-After and deadlines are asserted to the millisecond with no real sleep. The
// errors and reads fed to it are the ones the CPP client makes of each answer, taken from the
// emulator first (with real timers), so the loop is tested against what it really gets.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { endlessGoLive, failingGoLive, succeedingGoLive } from '../../emulator/scenarios.js'
import type { Fault } from '../../emulator/cpp-emulator.js'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppFixture, type ClientOptions } from '../helpers/cpp-fixture.js'
import type { OperationRead } from '../../src/apis/go-live-service.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { missedPollBudget, waitForOperation } = await import('../../src/wait/wait-for-operation.js')
const { parseOperation } = await import('../../src/wait/operation.js')
const { CancelledError, DeadlineError } = await import('../../src/errors.js')
type WaitOptions = Parameters<typeof waitForOperation>[1]

const subject = { publisher: 'contoso', offer: 'vm' }
const fixture = cppFixture(core)
const START = Date.parse('2026-11-20T10:00:00Z')

afterEach(() => {
  jest.useRealTimers() // also after a test that failed mid-wait
})

/** A status read as the loop gets it: a body, or a body with a Retry-After. */
const read = (body: Record<string, unknown>, retryAfterMs?: number): OperationRead => ({
  operation: parseOperation(body),
  ...(retryAfterMs === undefined ? {} : { retryAfterMs })
})
const reads = (bodies: Array<Record<string, unknown>>): OperationRead[] => bodies.map((body) => read(body))

/**
 * What the CPP client makes of one status read that meets `fault` on the emulator: the error it
 * throws (or the read it returns), and how many GETs it sent (its own retries within one poll).
 */
async function clientReads(fault: Fault, options: ClientOptions = {}): Promise<{ outcome: unknown; gets: number }> {
  fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', progression: succeedingGoLive() })
  const client = await fixture.client({ requestTimeoutMs: 1_000, backoff: { maxAttempts: 2, baseDelayMs: 2, maxDelayMs: 5 }, ...options })
  const answer = await client.requestGoLive(subject)
  if (answer.kind !== 'accepted') throw new Error('not accepted')
  fixture.emulator.requests.length = 0
  fixture.emulator.injectFault({ method: 'GET', path: '/operations/', ...fault })
  const outcome = await client.readOperation(answer.location, subject).catch((error: unknown) => error)
  return { outcome, gets: fixture.emulator.requestsTo('GET', '/operations/').length }
}

/** The client's error for `fault`; fails the test if the client read a status instead. */
async function clientError(fault: Fault, options?: ClientOptions): Promise<Error> {
  const { outcome } = await clientReads(fault, options)
  if (!(outcome instanceof Error)) throw new Error(`expected the client to fail, it read ${JSON.stringify(outcome)}`)
  return outcome
}

/**
 * Runs the wait on fake time against `script`: one entry per read, an Error entry thrown; the last
 * entry repeats. Returns how it ended and when (ms after the start) each read happened.
 */
async function runWait(script: Array<OperationRead | Error>, options: Partial<WaitOptions> & { intervalMs: number }) {
  jest.useFakeTimers({ now: START })
  const at: number[] = []
  const seen: string[] = []
  const next = async (): Promise<OperationRead> => {
    at.push(Date.now() - START)
    const entry = script[Math.min(at.length - 1, script.length - 1)] as OperationRead | Error
    if (entry instanceof Error) throw entry
    return entry
  }
  const wait = waitForOperation(next, {
    deadline: START + 3_600_000,
    missedBudgetMs: 0,
    onOperation: (operation) => seen.push(String(operation.rawStatus)),
    ...options
  })
  const settled = wait.then(
    (outcome) => ({ outcome, error: undefined }),
    (error: unknown) => ({ outcome: undefined, error: error as Error })
  )
  await jest.runAllTimersAsync()
  const result = { ...(await settled), at, seen, elapsed: Date.now() - START }
  // Real time again: the next client read in the same test talks to the emulator.
  jest.useRealTimers()
  return result
}

describe('waitForOperation', () => {
  it('reads once per interval until the operation succeeds, with no extra read', async () => {
    const { outcome, at, seen } = await runWait(reads(succeedingGoLive()), { intervalMs: 10 })
    expect(outcome?.kind).toBe('finished')
    expect(seen).toEqual(['notStarted', 'running', 'running', 'running', 'succeeded'])
    expect(at).toEqual([0, 10, 20, 30, 40])
  })

  it('ends on failure with the failing body', async () => {
    const { outcome } = await runWait(reads(failingGoLive()), { intervalMs: 5 })
    expect(outcome?.kind === 'finished' && outcome.operation.state).toBe('failed')
  })

  it('gives up at the deadline with the last state, the last read at the deadline itself', async () => {
    const { outcome, at, elapsed } = await runWait(reads(endlessGoLive()), { intervalMs: 50, deadline: START + 120 })
    expect(outcome).toMatchObject({ kind: 'timeout', operation: { rawStatus: 'running' } })
    // The sleep before the last read is cut to what is left of the wait, not a whole interval.
    expect(at).toEqual([0, 50, 100, 120])
    expect(elapsed).toBe(120)
  })

  it('a request cut by the deadline ends the wait as a timeout with the last state read', async () => {
    const [first] = reads(endlessGoLive())
    const { outcome, at } = await runWait([first as OperationRead, new DeadlineError()], { intervalMs: 50 })
    expect(outcome).toMatchObject({ kind: 'timeout', operation: { rawStatus: first?.operation.rawStatus } })
    expect(at).toEqual([0, 50])
  })

  it('honours a Retry-After sent with a status as the next interval, never past the deadline', async () => {
    const { outcome: withHeader } = await clientReads({ kind: 'headers', headers: { 'retry-after': '1' } })
    expect(withHeader).toMatchObject({ retryAfterMs: 1_000 })
    const [, ...rest] = reads(succeedingGoLive())
    const honoured = await runWait([withHeader as OperationRead, ...rest], { intervalMs: 5 })
    expect(honoured.at).toEqual([0, 1_000, 1_005, 1_010, 1_015])
    // Shorter than the interval: the interval wins.
    const shorter = await runWait([read(endlessGoLive()[0] as Record<string, unknown>, 1_000), ...rest], { intervalMs: 5_000 })
    expect(shorter.at.slice(0, 2)).toEqual([0, 5_000])
    // Longer than what is left of the wait: the wait ends at its deadline.
    const capped = await runWait([read(endlessGoLive()[0] as Record<string, unknown>, 3_600_000)], {
      intervalMs: 5,
      deadline: START + 30_000
    })
    expect(capped.outcome?.kind).toBe('timeout')
    expect(capped.at).toEqual([0, 30_000])
  })

  it('rides out a poll that fails after its retries, then a lasting outage ends the wait', async () => {
    const { outcome: unavailable, gets } = await clientReads({ kind: 'status', status: 503, times: 2 })
    expect(gets).toBe(2) // the poll's two attempts
    const [, ...rest] = reads(succeedingGoLive())
    const ridden = await runWait([unavailable as Error, ...rest], { intervalMs: 5 })
    expect(ridden.outcome?.kind).toBe('finished')
    expect(core.logged('warning')).toEqual([expect.stringMatching(/^Poll 1 missed: .*HTTP 503.* Trying again at the next poll\.$/)])
    expect(core.logged('info')).toContain('Poll 2 read the status again after 1 missed poll.')

    const serverError = await clientError({ kind: 'status', status: 500, times: 2 })
    const lasting = await runWait([serverError], { intervalMs: 5 })
    expect(lasting.error?.message).toMatch(
      /HTTP 500.* The status could not be read for 10ms \(3 polls in a row\), longer than the wait tolerates \(0ms\); giving up waiting\.$/
    )
    expect(lasting.at).toEqual([0, 5, 10])
  })

  // A 2xx is not retried within a poll; the 502 is, so both attempts of the poll must fail.
  it.each([
    [
      'a 200 with an HTML maintenance page',
      { status: 200, body: '<html><body>Down for maintenance</body></html>', contentType: 'text/html' }
    ],
    ['a bare 202', { status: 202, body: '' }],
    ['invalid JSON', { status: 200, body: '{"status": "runn', contentType: 'application/json' }],
    ['a 502 from a gateway', { status: 502, body: 'Bad Gateway', times: 2 }]
  ])('counts %s as one missed poll, not the end of the wait', async (_what, answer) => {
    const error = await clientError({ kind: 'status', ...answer })
    const [, ...rest] = reads(succeedingGoLive())
    const { outcome, at } = await runWait([error, ...rest], { intervalMs: 5 })
    expect(outcome?.kind === 'finished' && outcome.operation.state).toBe('succeeded')
    expect(core.logged('warning')).toHaveLength(1)
    expect(core.logged('warning')[0]).toMatch(/^Poll 1 missed: /)
    expect(at).toEqual([0, 5, 10, 15, 20])
  })

  it('tolerates missed polls for as long as the budget that scales with the wait', async () => {
    // Twelve unreadable answers in a row: far more than 3 polls, well inside a 10 s budget.
    const unreadable = await clientError({ kind: 'status', status: 200, body: 'not json' })
    const script = [...Array<Error>(12).fill(unreadable), ...reads(succeedingGoLive())]
    const { outcome } = await runWait(script, { intervalMs: 5, deadline: START + 40_000, missedBudgetMs: missedPollBudget(40_000, 5) })
    expect(outcome?.kind).toBe('finished')
    expect(core.logged('warning')).toHaveLength(12)
  })

  it('ends the wait once missed polls outlast the budget, not before', async () => {
    const unreadable = await clientError({ kind: 'status', status: 200, body: 'not json' })
    const { error, at } = await runWait([unreadable], { intervalMs: 1_000, missedBudgetMs: 3_500 })
    // Missing since the first read at 0: the one at 3 s is still inside 3.5 s, the one at 4 s is not.
    expect(at).toEqual([0, 1_000, 2_000, 3_000, 4_000])
    expect(core.logged('warning')).toHaveLength(4)
    expect(error?.message).toMatch(/The status could not be read for 4s \(5 polls in a row\)/)
  })

  it('scales the missed-poll budget with the wait, never below three polls', () => {
    expect(missedPollBudget(5 * 86_400_000, 60_000)).toBe(30 * 3_600_000) // a quarter of five days
    expect(missedPollBudget(6 * 3_600_000, 60_000)).toBe(90 * 60_000)
    expect(missedPollBudget(1_000, 60_000)).toBe(180_000)
  })

  const notFound = { status: 404, body: '{"error":{"code":"NotFound","message":"gone"}}', contentType: 'application/json' }

  // A gateway can answer 404 or 400 for a moment (a deployment, a cold cache): one costs one poll.
  it.each([
    ['a 404', notFound],
    ['a 400 page', { status: 400, body: '<html><body>Bad Request</body></html>', contentType: 'text/html' }],
    ['a 409', { status: 409, body: '' }],
    ['a 410', { status: 410, body: '' }]
  ])('counts %s on a status read as one missed poll, not the end of the wait', async (_what, answer) => {
    const { outcome: error, gets } = await clientReads({ kind: 'status', ...answer })
    expect(gets).toBe(1) // a 4xx is not retried within its poll
    const [, ...rest] = reads(succeedingGoLive())
    const { outcome } = await runWait([error as Error, ...rest], { intervalMs: 5 })
    expect(outcome?.kind === 'finished' && outcome.operation.state).toBe('succeeded')
    expect(core.logged('warning')).toEqual([expect.stringMatching(/^Poll 1 missed: Reading the operation status failed: HTTP 4\d\d/)])
    expect(core.logged('info')).toContain('Poll 2 read the status again after 1 missed poll.')
  })

  it('ends the wait on 404s that last past the budget, saying the operation was not found (not the offer)', async () => {
    const gone = await clientError({ kind: 'status', ...notFound })
    const { error, at } = await runWait([gone], { intervalMs: 5 })
    expect(error?.message).toMatch(
      /^Reading the operation status failed: HTTP 404 Not Found \(NotFound: gone\)\. No operation was found at http:\/\/127\.0\.0\.1:\d+\/api\/publishers\/contoso\/offers\/vm\/operations\/[0-9a-f-]{36}\?api-version=2017-10-31: the location may be wrong, or the service no longer keeps the operation\..* The status could not be read for 10ms \(3 polls in a row\)/
    )
    expect(error?.message).not.toMatch(/Publisher 'contoso' or offer 'vm'/)
    expect(at).toHaveLength(3)
    expect(core.logged('warning')).toHaveLength(2)
  })

  it('ends the wait at once when the identity is refused: a revoked permission does not heal', async () => {
    const refused = await clientError({ kind: 'status', status: 403, body: '' })
    const { error, at } = await runWait([refused], { intervalMs: 5 })
    expect(error?.message).toMatch(/HTTP 403 Forbidden\. The identity is not allowed to act for publisher 'contoso'/)
    expect(at).toEqual([0])
    expect(core.logged('warning')).toEqual([])
  })

  it('ends the wait at once on a 401 that a fresh token did not cure', async () => {
    const { staticTokenProvider } = await import('../../src/auth/static-token.js')
    let renewals = 0
    const tokens = {
      ...staticTokenProvider(DEFAULT_TOKEN, 'https://cloudpartner.azure.com'),
      renewable: true,
      // A fresh token (the emulator takes the same one; its fault answers 401 twice all the same):
      // a source that gives none (undefined) gets no second request.
      renew: async () => {
        renewals++
        return DEFAULT_TOKEN
      }
    }
    const { outcome: unauthorized, gets } = await clientReads({ kind: 'status', status: 401, body: '', times: 2 }, { tokens })
    expect(renewals).toBe(1)
    expect(gets).toBe(2) // the read and its one retry with a fresh token
    const { error, at } = await runWait([unauthorized as Error], { intervalMs: 5 })
    expect(error?.message).toMatch(/HTTP 401 Unauthorized/)
    expect(at).toEqual([0])
  })

  it('stops at once when cancelled mid-sleep', async () => {
    const controller = new AbortController()
    const { error, at, elapsed } = await runWait(reads(endlessGoLive()), {
      intervalMs: 60_000,
      signal: controller.signal,
      onOperation: () => controller.abort(new CancelledError('SIGTERM'))
    })
    expect(error?.message).toBe('Received SIGTERM: the workflow is being cancelled')
    expect(at).toEqual([0])
    expect(elapsed).toBe(0)
  })
})
