import { describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { endlessGoLive, failingGoLive, succeedingGoLive } from '../../emulator/scenarios.js'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppFixture } from '../helpers/cpp-fixture.js'
import type { CppClient } from '../../src/apis/cloud-partner-portal/client.js'
import type { CppOperationRef } from '../../src/apis/cloud-partner-portal/locations.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { missedPollBudget, waitForOperation: waitWithBudget } = await import('../../src/wait/wait-for-operation.js')
type WaitOptions = Parameters<typeof waitWithBudget>[1]
/** The wait as main.ts calls it, on a CPP operation; a budget of 0 ends it at the third missed poll in a row. */
const waitForOperation = (
  c: CppClient,
  l: CppOperationRef,
  s: typeof subject,
  o: Omit<WaitOptions, 'missedBudgetMs'> & { missedBudgetMs?: number }
) => waitWithBudget(() => c.readOperation(l, s), { missedBudgetMs: 0, ...o })
const { CancelledError } = await import('../../src/errors.js')

const subject = { publisher: 'contoso', offer: 'vm' }
const fixture = cppFixture(core)

/** A go-live started on the emulator, and a client whose retries are quick. */
async function started(progression = succeedingGoLive()) {
  fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', progression })
  const client = await fixture.client({ requestTimeoutMs: 1_000, backoff: { maxAttempts: 2, baseDelayMs: 2, maxDelayMs: 5 } })
  const answer = await client.requestGoLive(subject)
  if (answer.kind !== 'accepted') throw new Error('not accepted')
  fixture.emulator.requests.length = 0
  return { client, location: answer.location }
}

const polls = () => fixture.emulator.requestsTo('GET', '/operations/')

describe('waitForOperation', () => {
  it('polls once per interval until the operation succeeds, with no extra request', async () => {
    const { client, location } = await started()
    const seen: string[] = []
    const outcome = await waitForOperation(client, location, subject, {
      intervalMs: 10,
      deadline: Date.now() + 10_000,
      onOperation: (op) => seen.push(String(op.rawStatus))
    })
    expect(outcome.kind).toBe('finished')
    expect(seen).toEqual(['notStarted', 'running', 'running', 'running', 'succeeded'])
    expect(polls()).toHaveLength(5)
    const gaps = polls()
      .slice(1)
      .map((r, i) => r.at - (polls()[i] as { at: number }).at)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(9)
  })

  it('ends on failure with the failing body', async () => {
    const { client, location } = await started(failingGoLive())
    const outcome = await waitForOperation(client, location, subject, {
      intervalMs: 5,
      deadline: Date.now() + 10_000,
      onOperation: () => undefined
    })
    expect(outcome.kind === 'finished' && outcome.operation.state).toBe('failed')
  })

  it('gives up at the deadline with the last state, the last poll within an interval of the deadline', async () => {
    const { client, location } = await started(endlessGoLive())
    const begin = Date.now()
    const outcome = await waitForOperation(client, location, subject, {
      intervalMs: 50,
      deadline: begin + 150,
      onOperation: () => undefined
    })
    expect(outcome.kind).toBe('timeout')
    expect(outcome.operation?.rawStatus).toBe('running')
    // At most one poll per interval, plus the one at the deadline; how many fit depends on the machine.
    expect(polls().length).toBeLessThanOrEqual(5)
    expect((polls().at(-1) as { at: number }).at).toBeGreaterThanOrEqual(begin + 100)
  })

  it('honours a Retry-After sent with a status as the next interval', async () => {
    const { client, location } = await started()
    fixture.emulator.injectFault({ method: 'GET', kind: 'headers', headers: { 'retry-after': '1' } })
    await waitForOperation(client, location, subject, { intervalMs: 5, deadline: Date.now() + 10_000, onOperation: () => undefined })
    const [first, second] = polls()
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990)
  })

  it('rides out a poll that fails after its retries, then a lasting outage ends the wait', async () => {
    const { client, location } = await started()
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', status: 503, times: 2 })
    const outcome = await waitForOperation(client, location, subject, {
      intervalMs: 5,
      deadline: Date.now() + 10_000,
      onOperation: () => undefined
    })
    expect(outcome.kind).toBe('finished')
    expect(core.logged('warning')).toEqual([expect.stringMatching(/^Poll 1 missed: .*HTTP 503.* Trying again at the next poll\.$/)])
    expect(core.logged('info')).toContain('Poll 2 read the status again after 1 missed poll.')

    fixture.emulator.reset()
    const again = await started(endlessGoLive())
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', status: 500, times: 100 })
    await expect(
      waitForOperation(again.client, again.location, subject, {
        intervalMs: 5,
        deadline: Date.now() + 10_000,
        onOperation: () => undefined
      })
    ).rejects.toThrow(/HTTP 500.* The status could not be read for \d+ms \(3 polls in a row\)/)
    expect(polls()).toHaveLength(6) // 3 polls of 2 attempts each
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
    const { client, location } = await started()
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', ...answer })
    const outcome = await waitForOperation(client, location, subject, {
      intervalMs: 5,
      deadline: Date.now() + 10_000,
      onOperation: () => undefined
    })
    expect(outcome.kind === 'finished' && outcome.operation.state).toBe('succeeded')
    expect(core.logged('warning')).toHaveLength(1)
    expect(core.logged('warning')[0]).toMatch(/^Poll 1 missed: /)
  })

  it('tolerates missed polls for as long as the budget that scales with the wait', async () => {
    const { client, location } = await started()
    // Twelve unreadable answers in a row: far more than 3 polls, well inside a 10 s budget.
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', status: 200, body: 'not json', times: 12 })
    const outcome = await waitForOperation(client, location, subject, {
      intervalMs: 5,
      deadline: Date.now() + 40_000,
      missedBudgetMs: missedPollBudget(40_000, 5),
      onOperation: () => undefined
    })
    expect(outcome.kind).toBe('finished')
    expect(core.logged('warning')).toHaveLength(12)
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
    const { client, location } = await started()
    fixture.emulator.injectFault({ method: 'GET', path: '/operations/', kind: 'status', ...answer })
    const outcome = await waitForOperation(client, location, subject, {
      intervalMs: 5,
      deadline: Date.now() + 10_000,
      onOperation: () => undefined
    })
    expect(outcome.kind === 'finished' && outcome.operation.state).toBe('succeeded')
    expect(core.logged('warning')).toEqual([expect.stringMatching(/^Poll 1 missed: Reading the operation status failed: HTTP 4\d\d/)])
    expect(core.logged('info')).toContain('Poll 2 read the status again after 1 missed poll.')
    expect(polls()).toHaveLength(6) // the 4xx is not retried within its poll: 1 + the five of the go-live
  })

  it('ends the wait on 404s that last past the budget, saying the operation was not found (not the offer)', async () => {
    const { client, location } = await started()
    fixture.emulator.injectFault({ method: 'GET', path: '/operations/', kind: 'status', ...notFound, times: 100 })
    const wait = waitForOperation(client, location, subject, { intervalMs: 5, deadline: Date.now() + 10_000, onOperation: () => undefined })
    await expect(wait).rejects.toThrow(
      /^Reading the operation status failed: HTTP 404 Not Found \(NotFound: gone\)\. No operation was found at http:\/\/127\.0\.0\.1:\d+\/api\/publishers\/contoso\/offers\/vm\/operations\/[0-9a-f-]{36}\?api-version=2017-10-31: the location may be wrong, or the service no longer keeps the operation\..* The status could not be read for \d+ms \(3 polls in a row\)/
    )
    await expect(wait).rejects.not.toThrow(/Publisher 'contoso' or offer 'vm'/)
    expect(polls()).toHaveLength(3)
    expect(core.logged('warning')).toHaveLength(2)
  })

  it('ends the wait at once when the identity is refused: a revoked permission does not heal', async () => {
    const { client, location } = await started()
    fixture.emulator.injectFault({ method: 'GET', path: '/operations/', kind: 'status', status: 403, body: '' })
    await expect(
      waitForOperation(client, location, subject, { intervalMs: 5, deadline: Date.now() + 10_000, onOperation: () => undefined })
    ).rejects.toThrow(/HTTP 403 Forbidden\. The identity is not allowed to act for publisher 'contoso'/)
    expect(polls()).toHaveLength(1)
    expect(core.logged('warning')).toEqual([])
  })

  it('ends the wait at once on a 401 that a fresh token did not cure', async () => {
    const { staticTokenProvider } = await import('../../src/auth/static-token.js')
    let renewals = 0
    const tokens = { ...staticTokenProvider(DEFAULT_TOKEN), renewable: true, renew: async () => void renewals++ }
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', progression: succeedingGoLive() })
    const client = await fixture.client({ tokens, backoff: { maxAttempts: 2, baseDelayMs: 2, maxDelayMs: 5 } })
    const answer = await client.requestGoLive(subject)
    if (answer.kind !== 'accepted') throw new Error('not accepted')
    fixture.emulator.requests.length = 0
    fixture.emulator.injectFault({ method: 'GET', path: '/operations/', kind: 'status', status: 401, body: '', times: 2 })
    await expect(
      waitForOperation(client, answer.location, subject, { intervalMs: 5, deadline: Date.now() + 10_000, onOperation: () => undefined })
    ).rejects.toThrow(/HTTP 401 Unauthorized/)
    expect(renewals).toBe(1)
    expect(polls()).toHaveLength(2) // the poll and its one retry with a fresh token
  })

  it('stops at once when cancelled mid-sleep', async () => {
    const { client, location } = await started(endlessGoLive())
    const controller = new AbortController()
    const wait = waitForOperation(client, location, subject, {
      intervalMs: 60_000,
      deadline: Date.now() + 3_600_000,
      signal: controller.signal,
      onOperation: () => controller.abort(new CancelledError('SIGTERM'))
    })
    await expect(wait).rejects.toThrow('Received SIGTERM')
    expect(polls()).toHaveLength(1)
  })
})
