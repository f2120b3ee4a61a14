import { describe, expect, it, jest } from '@jest/globals'
import { endlessGoLive, failingGoLive, succeedingGoLive } from '../emulator/scenarios.js'
import { createCoreMock } from './helpers/core-mock.js'
import { cppFixture } from './helpers/cpp-fixture.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { waitForOperation } = await import('../src/wait-for-operation.js')
const { CancelledError } = await import('../src/errors.js')

const subject = { publisher: 'contoso', offer: 'vm' }
const fixture = cppFixture(core)

/** A go-live started on the emulator, and a client whose retries are quick. */
async function started(progression = succeedingGoLive()) {
  fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', progression })
  const client = await fixture.client({ requestTimeoutMs: 1_000, backoff: { maxAttempts: 2, baseDelayMs: 2, maxDelayMs: 5 } })
  const answer = await client.goLive(subject)
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
    expect(core.logged('warning')).toEqual([
      expect.stringMatching(/^Poll 1 failed \(.*HTTP 503.*\); trying again at the next poll \(1 of 3/)
    ])

    fixture.emulator.reset()
    const again = await started(endlessGoLive())
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', status: 500, times: 100 })
    await expect(
      waitForOperation(again.client, again.location, subject, {
        intervalMs: 5,
        deadline: Date.now() + 10_000,
        onOperation: () => undefined
      })
    ).rejects.toThrow(/HTTP 500/)
    expect(polls()).toHaveLength(6) // 3 polls of 2 attempts each
  })

  it('fails at once on an answer that will not heal (404)', async () => {
    const { client, location } = await started()
    fixture.emulator.injectFault({
      method: 'GET',
      kind: 'status',
      status: 404,
      body: '{"error":{"code":"NotFound","message":"gone"}}',
      contentType: 'application/json'
    })
    await expect(
      waitForOperation(client, location, subject, { intervalMs: 5, deadline: Date.now() + 10_000, onOperation: () => undefined })
    ).rejects.toThrow(/HTTP 404 Not Found \(NotFound: gone\)/)
    expect(polls()).toHaveLength(1)
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
