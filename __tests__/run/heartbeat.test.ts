// The heartbeat, on fake timers: while the step waits, a line at least every interval (ten minutes)
// for the whole step, with where the go-live is (step, percentage) and the step's times; with several
// offers one line with the count per state; nothing while no offer is waited for, nothing after it
// stops. The progress lines at a change carry the same times.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppRef } from '../helpers/refs.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { Heartbeat, HEARTBEAT_ENV, HEARTBEAT_MS, heartbeatLine, heartbeatMs, stepClock, stepTimes } =
  await import('../../src/run/heartbeat.js')
const { Offer } = await import('../../src/run/offer.js')
const { parseOperation } = await import('../../src/wait/operation.js')
const { DeadlineError } = await import('../../src/errors.js')

const START = Date.parse('2026-11-20T10:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE
// A 5h step, started at START.
const clock = stepClock(START + 5 * HOUR, 5 * HOUR)

/** An operation whose current step is `name` at `progress` percent (the documented shape). */
const at = (name: string, progress: number, status = 'running') =>
  parseOperation({
    status,
    steps: [
      { id: 'prep', stepName: 'Go-live preparation', status: 'complete', progressPercentage: 100 },
      { id: name.toLowerCase(), stepName: name, status: status === 'running' ? 'inProgress' : 'complete', progressPercentage: progress }
    ]
  })

/** An offer of a step of `count`, named `vm-<n>`, its lines prefixed when there are several. */
function offerOf(n: number, count: number, times?: () => string | undefined) {
  const subject = { publisher: 'contoso', offer: `vm-${n}` }
  return new Offer(subject, count > 1 ? `contoso/vm-${n}: ` : '', () => undefined, times)
}

/** An offer whose go-live was started and read once (`operation`). */
function waiting(n: number, count: number, operation = at('Live', 5)) {
  const offer = offerOf(n, count)
  offer.record({ location: cppRef(), how: 'started' })
  offer.observe(operation)
  return offer
}

const heartbeats = () => core.logged('info').filter((line) => line.startsWith('Still waiting'))

beforeEach(() => {
  core.reset()
  jest.useFakeTimers({ now: START })
})
afterEach(() => void jest.useRealTimers())

describe('heartbeatMs: ten minutes, shortened only by the test hook', () => {
  it('reads the test hook, and ignores a value that is not a whole number of milliseconds up to ten minutes', () => {
    expect(HEARTBEAT_MS).toBe(10 * MINUTE)
    expect(heartbeatMs({})).toBe(HEARTBEAT_MS)
    expect(heartbeatMs({ [HEARTBEAT_ENV]: '250' })).toBe(250)
    for (const value of ['', '0', '-5', '1.5', '10m', '600001', '1e3']) expect(heartbeatMs({ [HEARTBEAT_ENV]: value })).toBe(HEARTBEAT_MS)
  })
})

describe('stepTimes', () => {
  it('says the time since the step started and the time left before its timeout', () => {
    expect(stepTimes(clock, START + 2 * HOUR + 10 * MINUTE)).toBe('2h 10m elapsed, 2h 50m left before the timeout')
    // Past the deadline: nothing left, never a negative time.
    expect(stepTimes(clock, START + 6 * HOUR)).toBe('6h elapsed, 0ms left before the timeout')
    // Without a deadline (never in a run: the step sets one first): the elapsed time alone.
    expect(stepTimes(stepClock(Infinity, 5 * HOUR, START), START + 90_000)).toBe('1m 30s elapsed')
  })
})

describe('Heartbeat, one offer', () => {
  it('a wait with no change: one line per interval, naming the offer, its step and percentage, elapsed and left', () => {
    const offer = waiting(1, 1, at('Live', 5))
    const heartbeat = new Heartbeat([offer], clock, HEARTBEAT_MS)
    core.reset()
    // 30 s of a wait with no change wrote nothing before; nor does it now: the interval is ten minutes.
    jest.advanceTimersByTime(30_000)
    expect(heartbeats()).toEqual([])
    jest.advanceTimersByTime(10 * MINUTE - 30_000)
    expect(heartbeats()).toEqual([
      "Still waiting for the go-live of contoso/vm-1: running, at step 'Live' (inProgress, 5%); 10m elapsed, 4h 50m left before the timeout."
    ])
    // Hours of no change: a line every ten minutes, never more.
    jest.advanceTimersByTime(3 * HOUR)
    expect(heartbeats()).toHaveLength(19)
    expect(heartbeats().at(-1)).toContain('3h 10m elapsed, 1h 50m left before the timeout')
    heartbeat.stop()
    jest.advanceTimersByTime(HOUR)
    expect(heartbeats()).toHaveLength(19)
  })

  it('nothing while no go-live is waited for: not started yet, ended, or its wait broken off', () => {
    const notYet = offerOf(1, 1)
    const heartbeat = new Heartbeat([notYet], clock, MINUTE)
    jest.advanceTimersByTime(5 * MINUTE)
    expect(heartbeats()).toEqual([])
    heartbeat.stop()

    const ended = waiting(1, 1, at('Live', 100, 'succeeded'))
    const broken = waiting(2, 1)
    broken.fail(new DeadlineError(), { timeoutMs: 5 * HOUR })
    for (const offer of [ended, broken]) expect(heartbeatLine([offer], clock)).toBeUndefined()
  })

  it('a go-live named and not read yet: says so', () => {
    const offer = offerOf(1, 1)
    offer.record({ location: cppRef(), how: 'started' })
    expect(heartbeatLine([offer], clock, START + MINUTE)).toBe(
      'Still waiting for the go-live of contoso/vm-1: accepted, no status read yet; 1m elapsed, 4h 59m left before the timeout.'
    )
  })

  it('its timer is unref’d: it never keeps the process alive', () => {
    const spy = jest.spyOn(globalThis, 'setInterval')
    const heartbeat = new Heartbeat([waiting(1, 1)], clock, MINUTE)
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout
    expect(timer.hasRef()).toBe(false)
    heartbeat.stop()
    spy.mockRestore()
  })
})

describe('Heartbeat, several offers', () => {
  it('one line for the whole step with the count per state, not a line per offer', () => {
    const offers = [
      waiting(1, 6, at('Live', 5)),
      waiting(2, 6, at('Live', 12)),
      waiting(3, 6, at('Certification', 40)),
      waiting(4, 6, at('Live', 100, 'succeeded')),
      waiting(5, 6, at('Live', 100, 'succeeded')),
      waiting(6, 6, parseOperation({ status: 'failed', steps: [{ id: 'live', stepName: 'Live', status: 'rejected' }] }))
    ]
    const heartbeat = new Heartbeat(offers, clock, HEARTBEAT_MS)
    core.reset()
    jest.advanceTimersByTime(2 * HOUR + 10 * MINUTE)
    expect(heartbeats()).toHaveLength(13)
    expect(heartbeats().at(-1)).toBe(
      "Still waiting: 3 running (2 at 'Live' 5–12%, 1 at 'Certification' 40%), 2 succeeded, 1 failed; 2h 10m elapsed, 2h 50m left before the timeout."
    )
    // No per-offer heartbeat: the lines that name an offer are its change lines only.
    expect(core.logged('info').filter((line) => line.startsWith('contoso/'))).toEqual([])
    heartbeat.stop()
  })

  it('counts the offers still to start and starting; names at most three steps', () => {
    const offers = [offerOf(1, 8), offerOf(2, 8), ...['A', 'B', 'C', 'D', 'D'].map((step, i) => waiting(i + 3, 8, at(step, 0)))]
    const sending = offerOf(8, 8)
    sending.sending()
    expect(heartbeatLine([...offers, sending], clock, START + MINUTE)).toBe(
      "Still waiting: 5 running (2 at 'D', 1 at 'A', 1 at 'B', …), 1 starting, 2 to start; 1m elapsed, 4h 59m left before the timeout."
    )
  })
})

describe('the progress lines at a change carry the times', () => {
  it("on the step's line at a step change, on the status line otherwise; none once ended", () => {
    const offer = offerOf(1, 2, () => stepTimes(clock))
    offer.record({ location: cppRef(), how: 'started' })
    core.reset()
    offer.observe(at('Preparation', 40))
    jest.advanceTimersByTime(25 * MINUTE)
    offer.observe(at('Live', 5))
    // A percentage alone is no change (the heartbeat says it): no line.
    offer.observe(at('Live', 6))
    offer.observe(
      parseOperation({ status: 'publishing', steps: [{ id: 'live', stepName: 'Live', status: 'inProgress', progressPercentage: 7 }] })
    )
    offer.observe(at('Live', 100, 'succeeded'))
    expect(core.logged('info')).toEqual([
      'contoso/vm-1: Operation status: running',
      "contoso/vm-1: Now at step 'Preparation' (inProgress, 40%); 0ms elapsed, 5h left before the timeout",
      "contoso/vm-1: Now at step 'Live' (inProgress, 5%); 25m elapsed, 4h 35m left before the timeout",
      'contoso/vm-1: Operation status: running -> publishing; 25m elapsed, 4h 35m left before the timeout',
      'contoso/vm-1: Operation status: publishing -> succeeded',
      "contoso/vm-1: Step 'Live': inProgress -> complete"
    ])
  })
})
