// The fleet's status reads, spread over the poll interval: each member reads at most once per interval
// and at most an interval after it is due; turns come at least interval / n apart, first due first
// served, never a burst, however many members join or leave. On fake time, to the millisecond.
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

type Member = ReturnType<InstanceType<typeof Pacer>['join']>

/** `count` members of one pacer. */
function membersOf(pacer: InstanceType<typeof Pacer>, count: number): Member[] {
  return Array.from({ length: count }, () => pacer.join())
}

/** Each member takes `turns` turns, asking each as soon as it has the one before; [member, when] as granted. */
function takeTurns(members: Member[], turns = 1): Array<[number, number]> {
  const granted: Array<[number, number]> = []
  members.forEach(async (member, index) => {
    for (let i = 0; i < turns; i++) {
      await member.turn()
      granted.push([index, Date.now()])
    }
  })
  return granted
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number))

/** mulberry32: a small seeded generator. */
function generator(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('Pacer', () => {
  it('a fleet of one: the first turn at once, then one per interval however soon it asks', async () => {
    const [member] = membersOf(new Pacer(1_000), 1) as [Member]
    const granted = takeTurns([member], 4)
    await jest.advanceTimersByTimeAsync(3_500)
    expect(granted.map(([, at]) => at)).toEqual([0, 1_000, 2_000, 3_000])
    // Asked after a quiet spell, a turn comes at once.
    await jest.advanceTimersByTimeAsync(2_000)
    let at: number | undefined
    void member.turn().then(() => (at = Date.now()))
    await jest.advanceTimersByTimeAsync(0)
    expect(at).toBe(5_500)
  })

  it('three members asking at once: a third of the interval apart, first asked first served, none twice in an interval', async () => {
    const granted = takeTurns(membersOf(new Pacer(900), 3), 2)
    await jest.advanceTimersByTimeAsync(299)
    expect(granted).toEqual([[0, 0]]) // the others wait, though all asked at once
    await jest.advanceTimersByTimeAsync(2_000)
    expect(granted).toEqual([
      [0, 0],
      [1, 300],
      [2, 600],
      [0, 900],
      [1, 1_200],
      [2, 1_500]
    ])
  })

  it('with 100 members polling every minute, makes 100 reads a minute, evenly spread', async () => {
    const interval = 60_000
    const members = membersOf(new Pacer(interval), 100)
    const reads: number[] = []
    const byMember: number[][] = members.map(() => [])
    // Each member as the paced wait loop does it: a turn, then a read, then the next turn.
    members.forEach(async (member, index) => {
      for (let poll = 0; poll < 5; poll++) {
        await member.turn()
        reads.push(Date.now())
        byMember[index]?.push(Date.now())
      }
    })
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

  it('256 members asking at once are all served within the interval, though 2000 / 256 ms is no whole number', async () => {
    const granted = takeTurns(membersOf(new Pacer(2_000), 256))
    await jest.advanceTimersByTimeAsync(2_500)
    // Timers fire on whole milliseconds: each turn keeps to its planned time, 7.8125 ms after the
    // one before, instead of 8 ms after the timer that granted it (the last one at 2040 ms).
    expect(granted.map(([, at]) => at)).toEqual(Array.from({ length: 256 }, (_, k) => Math.ceil((k * 2_000) / 256)))
  })

  it('a member joining brings the next turn closer at once', async () => {
    const pacer = new Pacer(900)
    const [a, b] = membersOf(pacer, 2) as [Member, Member]
    await a.turn()
    await jest.advanceTimersByTimeAsync(100)
    let at: number | undefined
    void b.turn().then(() => (at = Date.now()))
    await jest.advanceTimersByTimeAsync(100)
    pacer.join()
    await jest.advanceTimersByTimeAsync(1_000)
    expect(at).toBe(300) // without the join: 450
  })

  it('n members due at once, each leaving after its turn: all served within the interval, evenly (no H(n) tail)', async () => {
    const members = membersOf(new Pacer(800), 8)
    const granted: number[] = []
    for (const member of members) void member.turn().then(() => (granted.push(Date.now()), member.leave()))
    await jest.advanceTimersByTimeAsync(3_000)
    // Giving up each leaver's share at once spread the rest out: 0, 115, 248, 408, 608, 875, 1275, 2075.
    expect(granted).toEqual([0, 100, 200, 300, 400, 500, 600, 700])
  })

  it('a member leaving gives its share of the interval to the others an interval later', async () => {
    const pacer = new Pacer(900)
    const [a, b, c] = membersOf(pacer, 3) as [Member, Member, Member]
    c.leave()
    const first = takeTurns([a, b])
    await jest.advanceTimersByTimeAsync(1_000)
    expect(first).toEqual([
      [0, 0],
      [1, 300]
    ])
    await jest.advanceTimersByTimeAsync(1_000) // now 2000: the leave is over an interval old
    const later = takeTurns([a, b])
    await jest.advanceTimersByTimeAsync(1_000)
    expect(later).toEqual([
      [0, 2_000],
      [1, 2_450]
    ])
  })

  it('leaving twice is leaving once, and a member that left takes no turn', async () => {
    const pacer = new Pacer(900)
    const [a, b, c] = membersOf(pacer, 3) as [Member, Member, Member]
    a.leave()
    a.leave()
    await expect(a.turn()).rejects.toThrow(/left/)
    await jest.advanceTimersByTimeAsync(1_000)
    // Two members now (one leave counted): half the interval apart, not all of it.
    const granted = takeTurns([b, c])
    await jest.advanceTimersByTimeAsync(1_000)
    expect(granted.map(([, at]) => at)).toEqual([1_000, 1_450])
  })

  it('one turn at a time: a second turn asked while the first waits is refused', async () => {
    const [member] = membersOf(new Pacer(1_000), 1) as [Member]
    await member.turn()
    const first = member.turn()
    await expect(member.turn()).rejects.toThrow(/one turn at a time/)
    await jest.advanceTimersByTimeAsync(1_000)
    await expect(first).resolves.toBeUndefined()
  })

  it('a member leaving while its turn waits: the turn is refused and its place freed', async () => {
    const pacer = new Pacer(900)
    const [a, b, c] = membersOf(pacer, 3) as [Member, Member, Member]
    await a.turn()
    const refused = b.turn().catch((error: unknown) => error)
    let cAt: number | undefined
    void c.turn().then(() => (cAt = Date.now()))
    await jest.advanceTimersByTimeAsync(100)
    b.leave()
    expect(await refused).toBeInstanceOf(Error)
    await jest.advanceTimersByTimeAsync(1_000)
    expect(cAt).toBe(300) // b's time; b's share is kept for an interval
  })

  it('a turn asked after a quiet spell comes at once, the ones after it spaced again', async () => {
    const members = membersOf(new Pacer(900), 3)
    takeTurns(members.slice(0, 1))
    await jest.advanceTimersByTimeAsync(10_000)
    const granted = takeTurns(members)
    await jest.advanceTimersByTimeAsync(1_500)
    expect(granted.map(([, at]) => at)).toEqual([10_000, 10_300, 10_600])
  })

  it('a waiting turn rejects with the reason of its aborted signal, and frees its place in line', async () => {
    const [a, b, c] = membersOf(new Pacer(900), 3) as [Member, Member, Member]
    const controller = new AbortController()
    await a.turn()
    const cancelled = b.turn(controller.signal).catch((error: unknown) => error)
    let cAt: number | undefined
    void c.turn().then(() => (cAt = Date.now()))
    await jest.advanceTimersByTimeAsync(100)
    controller.abort(new CancelledError('SIGTERM'))
    expect(await cancelled).toBeInstanceOf(CancelledError)
    await jest.advanceTimersByTimeAsync(1_000)
    expect(cAt).toBe(300) // the next in line takes the cancelled turn's time
    // The member that was cancelled may ask again: it took no turn, so it is due at once.
    let bAt: number | undefined
    void b.turn().then(() => (bAt = Date.now()))
    await jest.advanceTimersByTimeAsync(1_000)
    expect(bAt).toBe(1_100)
  })

  it('a turn asked with a signal already aborted rejects at once, with its reason', async () => {
    const [member] = membersOf(new Pacer(1_000), 1) as [Member]
    await expect(member.turn(AbortSignal.abort(new DeadlineError()))).rejects.toBeInstanceOf(DeadlineError)
    // It took no turn: the next one is granted at once.
    let at: number | undefined
    void member.turn().then(() => (at = Date.now()))
    await jest.advanceTimersByTimeAsync(0)
    expect(at).toBe(0)
  })

  it('keeps its timers inside the timer range however long the interval', async () => {
    const granted = takeTurns(membersOf(new Pacer(3 * MAX_TIMER_MS), 1), 2)
    // A timer past the range would fire after 1 ms: the second turn must not come early.
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS + 10)
    expect(granted).toHaveLength(1)
    await jest.advanceTimersByTimeAsync(2 * MAX_TIMER_MS)
    expect(granted.map(([, at]) => at)).toEqual([0, 3 * MAX_TIMER_MS])
  })

  it.each([-1, Number.NaN, Infinity])('refuses an interval of %p', (interval) => {
    expect(() => new Pacer(interval)).toThrow(RangeError)
  })

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'random fleet %p: each turn at most an interval after it is due, none twice in an interval, never a burst',
    async (seed) => {
      const random = generator(seed)
      const interval = 1_000
      const pacer = new Pacer(interval)
      /** Every turn granted: when, and how many members were present or had left within the interval. */
      const turns: Array<{ at: number; sharing: number }> = []
      let present = 0
      const left: number[] = []
      const sharing = (now: number) => present + left.filter((t) => t > now - interval).length
      const member = async () => {
        const me = pacer.join()
        present++
        let last = -Infinity
        try {
          for (let turn = 0, count = 1 + Math.floor(random() * 10); turn < count; turn++) {
            const asked = Date.now()
            await me.turn()
            const at = Date.now()
            const due = Math.max(asked, last + interval)
            expect(at).toBeGreaterThanOrEqual(due) // never twice in an interval
            expect(at - due).toBeLessThanOrEqual(interval) // at most an interval late
            turns.push({ at, sharing: sharing(at) })
            last = at
            // A read, mostly short, sometimes longer than the interval (a slow answer, a Retry-After).
            await sleep(random() < 0.1 ? random() * 2 * interval : random() * 50)
          }
        } finally {
          me.leave()
          present--
          left.push(Date.now())
        }
      }
      // Members join in bursts and alone, over ten intervals.
      const members: Array<Promise<void>> = []
      for (let t = 0; t < 10 * interval; t += Math.floor(random() * 400)) {
        const joining = random() < 0.2 ? Math.floor(random() * 20) : 1
        for (let i = 0; i < joining; i++) members.push(member())
        await jest.advanceTimersByTimeAsync(Math.floor(random() * 300))
      }
      await jest.advanceTimersByTimeAsync(30 * interval)
      await Promise.all(members)
      expect(turns.length).toBeGreaterThan(100)
      // Never a burst: two turns at least the interval shared by the members of the last interval
      // apart, to the millisecond the clock counts (the pacer keeps to the plan, not to the timer).
      for (let i = 1; i < turns.length; i++) {
        const { at, sharing } = turns[i] as { at: number; sharing: number }
        expect(at - (turns[i - 1] as { at: number }).at).toBeGreaterThanOrEqual(Math.floor(interval / Math.max(1, sharing)))
      }
    }
  )
})

describe('turnBefore', () => {
  it('is false when the deadline comes before the turn', async () => {
    const [member] = membersOf(new Pacer(60_000), 1) as [Member]
    await member.turn()
    const turn = turnBefore(member, 5_000)
    await jest.advanceTimersByTimeAsync(5_000)
    expect(await turn).toBe(false)
  })
})

describe('waitForOperation with a pacer', () => {
  const running = { operation: parseOperation({ status: 'running', steps: [] }) }
  const succeeded = { operation: parseOperation({ status: 'succeeded', steps: [] }) }

  /** A wait whose reads are recorded in `at`; the operation succeeds at read `succeedAt`. */
  function waitOn(
    member: Member | undefined,
    at: number[],
    options: { succeedAt?: number; deadline?: number; signal?: AbortSignal; readMs?: number; retryAfterMs?: number } = {}
  ) {
    const read = async (): Promise<OperationRead> => {
      at.push(Date.now())
      if (options.readMs) await sleep(options.readMs)
      if (at.length >= (options.succeedAt ?? 4)) return succeeded
      return options.retryAfterMs === undefined ? running : { ...running, retryAfterMs: options.retryAfterMs }
    }
    return waitForOperation(read, {
      intervalMs: 1_000,
      deadline: options.deadline ?? 3_600_000,
      missedBudgetMs: 0,
      onOperation: () => undefined,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(member ? { pacer: member } : {})
    })
  }

  it('two waits sharing a pacer take turns, half an interval apart, each still once per interval', async () => {
    const [a, b] = membersOf(new Pacer(1_000), 2)
    const readsOfA: number[] = []
    const readsOfB: number[] = []
    const waits = Promise.all([waitOn(a, readsOfA), waitOn(b, readsOfB)])
    await jest.advanceTimersByTimeAsync(5_000)
    expect((await waits).map((outcome) => outcome.kind)).toEqual(['finished', 'finished'])
    expect(readsOfA).toEqual([0, 1_000, 2_000, 3_000])
    expect(readsOfB).toEqual([500, 1_500, 2_500, 3_500])
  })

  it('a paced wait reads once per interval: the read’s own time is not added to the gap', async () => {
    const [member] = membersOf(new Pacer(1_000), 1)
    const paced: number[] = []
    const wait = waitOn(member, paced, { readMs: 300 })
    await jest.advanceTimersByTimeAsync(5_000)
    await wait
    expect(paced).toEqual([0, 1_000, 2_000, 3_000])
    // Without a pacer, the sleep of an interval comes after the read.
    const alone: number[] = []
    const unpaced = waitOn(undefined, alone, { readMs: 300 })
    await jest.advanceTimersByTimeAsync(5_000)
    await unpaced
    expect(gaps(alone)).toEqual([1_300, 1_300, 1_300])
  })

  it('a paced wait still sleeps a Retry-After longer than the interval before its next turn', async () => {
    const [member] = membersOf(new Pacer(1_000), 1)
    const at: number[] = []
    const wait = waitOn(member, at, { retryAfterMs: 2_500, succeedAt: 3 })
    await jest.advanceTimersByTimeAsync(10_000)
    await wait
    expect(at).toEqual([0, 2_500, 5_000])
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
    const [other, member] = membersOf(new Pacer(3_600_000), 2)
    await other?.turn() // another offer's read: the next turn is half an hour away
    const at: number[] = []
    const wait = waitOn(member, at, { deadline: 30_000 })
    await jest.advanceTimersByTimeAsync(30_000)
    expect(await wait).toEqual({ kind: 'timeout' })
    expect(at).toEqual([])
  })

  it('a cancellation while waiting for a turn ends the wait with the CancelledError', async () => {
    const [other, member] = membersOf(new Pacer(3_600_000), 2)
    await other?.turn()
    const controller = new AbortController()
    const wait = waitOn(member, [], { signal: controller.signal }).catch((error: unknown) => error)
    await jest.advanceTimersByTimeAsync(1_000)
    controller.abort(new CancelledError('SIGINT'))
    expect(await wait).toBeInstanceOf(CancelledError)
  })

  it('after the service asked the fleet to slow down, the held reads resume spaced, not all at once', async () => {
    const throttle = new Throttle()
    const pacer = new Pacer(1_000, () => throttle.waitMs())
    const members = membersOf(pacer, 4)
    const at: number[] = []
    // Each read waits on the throttle first, as every request of the API clients does; the first
    // one is answered with a Retry-After of 3 s for the whole fleet.
    const reads = members.map((member, i) =>
      waitForOperation(
        async () => {
          await throttle.ready()
          at.push(Date.now())
          if (i === 0) throttle.slowDown(3_000)
          return succeeded
        },
        { intervalMs: 1_000, deadline: 3_600_000, missedBudgetMs: 0, onOperation: () => undefined, pacer: member }
      )
    )
    await jest.advanceTimersByTimeAsync(10_000)
    await Promise.all(reads)
    expect(at[0]).toBe(0)
    // Not before the time asked for, and a quarter of the interval apart, as before the hold.
    expect(at.slice(1).every((t) => t >= 3_000)).toBe(true)
    expect(Math.min(...gaps(at.slice(1)))).toBeGreaterThanOrEqual(250)
  })

  // The scenario, at full size on fake time: 256 offers started 4 at a time (25 ms each),
  // polled every 2 s within a 14 s timeout, the go-lives ending all 8 s after they started (the
  // issue's), or in waves, or all at once but the last few. Members leaving in a row while the
  // others wait in line is what starved the tail: each of these failed with a pacer that gave up a
  // leaver's share at once (a read 4.1 s after the one before, or go-lives never seen ending).
  it.each([
    ['every go-live ending 8 s in', (): number => 8_000],
    [
      'go-lives ending in waves (4, 6, 8 s in), one in 16 never',
      (i: number): number => (i % 16 === 15 ? Infinity : ([4_000, 6_000, 8_000][i % 3] as number))
    ],
    ['all but the last 16 started ending 6 s in', (i: number): number => (i < 240 ? 6_000 : Infinity)]
  ])(
    '256 offers, %s: each read at most two intervals after the one before, about once per interval, never a burst',
    async (_name, runsFor) => {
      const interval = 2_000
      const timeout = 14_000
      const offers = 256
      const pacer = new Pacer(interval)
      const reads: number[][] = Array.from({ length: offers }, () => [])
      const spans: Array<[number, number]> = []
      const outcomes: string[] = []
      const waits = reads.map(async (at, i) => {
        await sleep(25 * (Math.floor(i / 4) + 1))
        const liveAt = Date.now() + runsFor(i)
        const member = pacer.join()
        const joined = Date.now()
        try {
          const read = async (): Promise<OperationRead> => {
            at.push(Date.now())
            await sleep(3)
            return Date.now() >= liveAt ? succeeded : running
          }
          const outcome = await waitForOperation(read, {
            intervalMs: interval,
            deadline: timeout,
            missedBudgetMs: timeout,
            onOperation: () => undefined,
            pacer: member
          })
          outcomes[i] = outcome.kind
        } finally {
          member.leave()
          spans[i] = [joined, Date.now()]
        }
      })
      await jest.advanceTimersByTimeAsync(timeout + interval)
      await Promise.all(waits)
      // Every go-live that ended two intervals before the timeout was seen ending.
      reads.forEach((_, i) => expect(outcomes[i]).toBe(runsFor(i) === Infinity ? 'timeout' : 'finished'))
      for (const [i, at] of reads.entries()) {
        // Read within an interval of joining, then at most two intervals apart (the last read to the
        // timeout too), never twice in one.
        const [joined, ended] = spans[i] as [number, number]
        const until = outcomes[i] === 'timeout' ? [ended] : []
        expect((at[0] as number) - joined).toBeLessThanOrEqual(interval)
        expect(Math.max(...gaps([...at, ...until]))).toBeLessThanOrEqual(2 * interval)
        expect(Math.min(...gaps(at))).toBeGreaterThanOrEqual(interval)
      }
      // Never a burst: no two reads closer than the interval shared by the whole fleet (to the ms).
      const all = reads.flat().sort((a, b) => a - b)
      expect(Math.min(...gaps(all))).toBeGreaterThanOrEqual(Math.floor(interval / offers))
      // About one read per offer per interval: the reads after each offer's first, over its wait from then.
      const waited = spans.reduce((sum, [, ended], i) => sum + (ended - (reads[i]?.[0] as number)) / interval, 0)
      const pace = (all.length - offers) / waited
      expect(pace).toBeGreaterThanOrEqual(0.9)
      expect(pace).toBeLessThanOrEqual(1)
    }
  )
})
