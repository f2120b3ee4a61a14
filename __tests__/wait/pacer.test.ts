// The fleet's status reads, spread over the poll interval: with n members, turns come at least
// interval / n apart, first asked first served, never a burst. On fake time, to the millisecond.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { OperationRead } from '../../src/apis/go-live-service.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { Pacer, turnBefore } = await import('../../src/wait/pacer.js')
const { MAX_TIMER_MS, sleep } = await import('../../src/wait/sleep.js')
const { waitForOperation } = await import('../../src/wait/wait-for-operation.js')
const { parseOperation } = await import('../../src/wait/operation.js')
const { CancelledError, DeadlineError } = await import('../../src/errors.js')
const { Throttle } = await import('../../src/http/throttle.js')

beforeEach(() => {
  core.reset()
  jest.useFakeTimers({ now: 0 })
})
afterEach(() => {
  jest.useRealTimers()
})

/** A pacer with `members` joined. */
function pacerOf(intervalMs: number, members: number) {
  const pacer = new Pacer(intervalMs)
  for (let i = 0; i < members; i++) pacer.join()
  return pacer
}

/** Asks `count` turns at once; returns [caller, when granted] in the order they were granted. */
function askTurns(pacer: InstanceType<typeof Pacer>, count: number): Array<[number, number]> {
  const granted: Array<[number, number]> = []
  for (let i = 0; i < count; i++) void pacer.turn().then(() => granted.push([i, Date.now()]))
  return granted
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number))

describe('Pacer', () => {
  it('with one member, grants one turn per interval, first asked first served', async () => {
    const granted = askTurns(pacerOf(1_000, 1), 3)
    await jest.advanceTimersByTimeAsync(2_500)
    expect(granted).toEqual([
      [0, 0],
      [1, 1_000],
      [2, 2_000]
    ])
  })

  it('with three members, spaces turns a third of the interval apart: never a burst', async () => {
    const granted = askTurns(pacerOf(900, 3), 6)
    await jest.advanceTimersByTimeAsync(299)
    expect(granted).toEqual([[0, 0]]) // the others wait, though all asked at once
    await jest.advanceTimersByTimeAsync(2_000)
    expect(granted.map(([caller]) => caller)).toEqual([0, 1, 2, 3, 4, 5])
    expect(granted.map(([, at]) => at)).toEqual([0, 300, 600, 900, 1_200, 1_500])
  })

  it('with 100 members polling every minute, makes 100 reads a minute, evenly spread', async () => {
    const interval = 60_000
    const pacer = pacerOf(interval, 100)
    const reads: number[] = []
    const byMember: number[][] = Array.from({ length: 100 }, () => [])
    // Each member as the wait loop does it: a turn, a read, then a sleep of one interval.
    const member = async (index: number) => {
      for (let poll = 0; poll < 5; poll++) {
        await pacer.turn()
        reads.push(Date.now())
        byMember[index]?.push(Date.now())
        await sleep(interval)
      }
    }
    for (let i = 0; i < 100; i++) void member(i)
    await jest.advanceTimersByTimeAsync(6 * interval)
    expect(reads).toHaveLength(500)
    // Never two reads closer than interval / 100, and as many reads in each minute as members.
    expect(Math.min(...gaps(reads))).toBe(600)
    for (let minute = 0; minute < 5; minute++) {
      expect(reads.filter((t) => t >= minute * interval && t < (minute + 1) * interval)).toHaveLength(100)
    }
    // Each member still reads once per interval.
    for (const times of byMember) expect(gaps(times)).toEqual([interval, interval, interval, interval])
  })

  it('a member joining mid-way brings the next turn closer', async () => {
    const pacer = pacerOf(1_000, 1)
    const granted = askTurns(pacer, 3)
    await jest.advanceTimersByTimeAsync(200)
    pacer.join()
    await jest.advanceTimersByTimeAsync(2_000)
    // Without the join: 0, 1000, 2000.
    expect(granted.map(([, at]) => at)).toEqual([0, 500, 1_000])
  })

  it('a member leaving mid-way spreads the next turns out again', async () => {
    const pacer = pacerOf(1_000, 2)
    const granted = askTurns(pacer, 4)
    await jest.advanceTimersByTimeAsync(600)
    pacer.leave()
    await jest.advanceTimersByTimeAsync(3_000)
    // Without the leave: 0, 500, 1000, 1500.
    expect(granted.map(([, at]) => at)).toEqual([0, 500, 1_500, 2_500])
  })

  it('with every member gone (or none joined), turns are a whole interval apart', async () => {
    const pacer = pacerOf(1_000, 1)
    pacer.leave()
    pacer.leave() // one leave too many changes nothing
    const granted = askTurns(pacer, 2)
    await jest.advanceTimersByTimeAsync(1_500)
    expect(granted.map(([, at]) => at)).toEqual([0, 1_000])
  })

  it('a turn asked after a quiet spell comes at once, the ones after it spaced again', async () => {
    const pacer = pacerOf(1_000, 2)
    askTurns(pacer, 1)
    await jest.advanceTimersByTimeAsync(10_000)
    const granted = askTurns(pacer, 3)
    await jest.advanceTimersByTimeAsync(1_500)
    expect(granted.map(([, at]) => at)).toEqual([10_000, 10_500, 11_000])
  })

  it('a waiting turn rejects with the reason of its aborted signal, and frees its place in line', async () => {
    const pacer = pacerOf(1_000, 1)
    const controller = new AbortController()
    const first = pacer.turn()
    const cancelled = pacer.turn(controller.signal).catch((error: unknown) => error)
    let thirdAt: number | undefined
    void pacer.turn().then(() => (thirdAt = Date.now()))
    await first
    await jest.advanceTimersByTimeAsync(400)
    controller.abort(new CancelledError('SIGTERM'))
    expect(await cancelled).toBeInstanceOf(CancelledError)
    await jest.advanceTimersByTimeAsync(1_000)
    expect(thirdAt).toBe(1_000) // the next in line takes the cancelled turn's time
  })

  it('a turn asked with a signal already aborted rejects at once, with its reason', async () => {
    const pacer = pacerOf(1_000, 1)
    await expect(pacer.turn(AbortSignal.abort(new DeadlineError()))).rejects.toBeInstanceOf(DeadlineError)
    // It took no turn: the next one is granted at once.
    let at: number | undefined
    void pacer.turn().then(() => (at = Date.now()))
    await jest.advanceTimersByTimeAsync(0)
    expect(at).toBe(0)
  })

  it('keeps its timers inside the timer range however long the interval', async () => {
    const pacer = pacerOf(3 * MAX_TIMER_MS, 1)
    const granted = askTurns(pacer, 2)
    // A timer past the range would fire after 1 ms: the second turn must not come early.
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS + 10)
    expect(granted).toHaveLength(1)
    await jest.advanceTimersByTimeAsync(2 * MAX_TIMER_MS)
    expect(granted.map(([, at]) => at)).toEqual([0, 3 * MAX_TIMER_MS])
  })

  it.each([-1, Number.NaN, Infinity])('refuses an interval of %p', (interval) => {
    expect(() => new Pacer(interval)).toThrow(RangeError)
  })
})

describe('turnBefore', () => {
  it('is false when the deadline comes before the turn', async () => {
    const pacer = pacerOf(60_000, 1)
    await pacer.turn()
    const turn = turnBefore(pacer, 5_000)
    await jest.advanceTimersByTimeAsync(5_000)
    expect(await turn).toBe(false)
  })
})

describe('waitForOperation with a pacer', () => {
  const running = { operation: parseOperation({ status: 'running', steps: [] }) }
  const succeeded = { operation: parseOperation({ status: 'succeeded', steps: [] }) }

  /** A wait whose reads are recorded in `at`; the operation succeeds at read `succeedAt`. */
  function waitOn(
    pacer: InstanceType<typeof Pacer> | undefined,
    at: number[],
    options: { succeedAt?: number; deadline?: number; signal?: AbortSignal } = {}
  ) {
    const read = async (): Promise<OperationRead> => {
      at.push(Date.now())
      return at.length >= (options.succeedAt ?? 4) ? succeeded : running
    }
    return waitForOperation(read, {
      intervalMs: 1_000,
      deadline: options.deadline ?? 3_600_000,
      missedBudgetMs: 0,
      onOperation: () => undefined,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(pacer ? { pacer } : {})
    })
  }

  it('two waits sharing a pacer take turns, half an interval apart, each still once per interval', async () => {
    const pacer = pacerOf(1_000, 2)
    const a: number[] = []
    const b: number[] = []
    const waits = Promise.all([waitOn(pacer, a), waitOn(pacer, b)])
    await jest.advanceTimersByTimeAsync(5_000)
    expect((await waits).map((outcome) => outcome.kind)).toEqual(['finished', 'finished'])
    expect(a).toEqual([0, 1_000, 2_000, 3_000])
    expect(b).toEqual([500, 1_500, 2_500, 3_500])
  })

  it('without a pacer, both read at once as before', async () => {
    const a: number[] = []
    const b: number[] = []
    const waits = Promise.all([waitOn(undefined, a), waitOn(undefined, b)])
    await jest.advanceTimersByTimeAsync(5_000)
    await waits
    expect(a).toEqual([0, 1_000, 2_000, 3_000])
    expect(b).toEqual([0, 1_000, 2_000, 3_000])
  })

  it('a turn that would come after the deadline ends the wait as a timeout at the deadline', async () => {
    const pacer = pacerOf(3_600_000, 1)
    await pacer.turn() // another offer's read: the next turn is an hour away
    const at: number[] = []
    const wait = waitOn(pacer, at, { deadline: 30_000 })
    await jest.advanceTimersByTimeAsync(30_000)
    expect(await wait).toEqual({ kind: 'timeout' })
    expect(at).toEqual([])
  })

  it('a cancellation while waiting for a turn ends the wait with the CancelledError', async () => {
    const pacer = pacerOf(3_600_000, 1)
    await pacer.turn()
    const controller = new AbortController()
    const wait = waitOn(pacer, [], { signal: controller.signal }).catch((error: unknown) => error)
    await jest.advanceTimersByTimeAsync(1_000)
    controller.abort(new CancelledError('SIGINT'))
    expect(await wait).toBeInstanceOf(CancelledError)
  })

  it('after the service asked the fleet to slow down, the held reads resume spaced, not all at once', async () => {
    const throttle = new Throttle()
    const pacer = new Pacer(1_000, () => throttle.waitMs())
    for (let i = 0; i < 4; i++) pacer.join()
    const at: number[] = []
    // Each read waits on the throttle first, as every request of the API clients does; the first
    // one is answered with a Retry-After of 3 s for the whole fleet.
    const reads = Array.from({ length: 4 }, (_, i) =>
      waitForOperation(
        async () => {
          await throttle.ready()
          at.push(Date.now())
          if (i === 0) throttle.slowDown(3_000)
          return succeeded
        },
        { intervalMs: 1_000, deadline: 3_600_000, missedBudgetMs: 0, onOperation: () => undefined, pacer }
      )
    )
    await jest.advanceTimersByTimeAsync(10_000)
    await Promise.all(reads)
    expect(at[0]).toBe(0)
    // Not before the time asked for, and a quarter of the interval apart, as before the hold.
    expect(at.slice(1).every((t) => t >= 3_000)).toBe(true)
    expect(Math.min(...gaps(at.slice(1)))).toBeGreaterThanOrEqual(250)
  })
})
