// The fleet's go-live requests go a few at a time: at most `max` tasks run at once, in the order
// they were given, and a task that fails frees its place. On fake time, each task lasts a set time.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createLimiter } from '../../src/run/limit.js'

beforeEach(() => {
  jest.useFakeTimers({ now: 0 })
})
afterEach(() => {
  jest.useRealTimers()
})

/** Runs `durations` (ms) through a limiter of `max`: when each started, and the most at once. */
function runAll(max: number, durations: number[], fails: (index: number) => boolean = () => false) {
  const limit = createLimiter(max)
  const started: Array<[number, number]> = []
  let running = 0
  let peak = 0
  const results = durations.map((ms, index) =>
    limit(async () => {
      started.push([index, Date.now()])
      peak = Math.max(peak, ++running)
      await new Promise((resolve) => setTimeout(resolve, ms))
      running--
      if (fails(index)) throw new Error(`task ${index} failed`)
      return index
    }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error: (error as Error).message })
    )
  )
  return { results: Promise.all(results), started, peak: () => peak }
}

describe('createLimiter', () => {
  it('runs at most max tasks at once, each started as soon as a place is free', async () => {
    const run = runAll(2, [100, 30, 50, 10, 10])
    await jest.runAllTimersAsync()
    expect(run.peak()).toBe(2)
    // 0 and 1 at once; 2 when 1 ends (30); 3 when 2 ends (80); 4 when 0 ends (100).
    expect(run.started).toEqual([
      [0, 0],
      [1, 0],
      [2, 30],
      [3, 80],
      [4, 90]
    ])
    expect(await run.results).toEqual([0, 1, 2, 3, 4].map((value) => ({ value })))
  })

  it('starts tasks first given, first started, even when later ones are quick', async () => {
    const run = runAll(1, [50, 1, 1, 1])
    await jest.runAllTimersAsync()
    expect(run.started.map(([index]) => index)).toEqual([0, 1, 2, 3])
    expect(run.started.map(([, at]) => at)).toEqual([0, 50, 51, 52])
    expect(run.peak()).toBe(1)
  })

  it('a rejected task frees its place: the rest run, and each caller gets its own outcome', async () => {
    const run = runAll(2, [10, 10, 10, 10, 10], (index) => index < 2)
    await jest.runAllTimersAsync()
    expect(run.started.map(([, at]) => at)).toEqual([0, 0, 10, 10, 20])
    expect(await run.results).toEqual([{ error: 'task 0 failed' }, { error: 'task 1 failed' }, { value: 2 }, { value: 3 }, { value: 4 }])
  })

  it('keeps to max for tasks given later, while places are being handed on', async () => {
    const limit = createLimiter(2)
    let running = 0
    let peak = 0
    const task = () =>
      limit(async () => {
        peak = Math.max(peak, ++running)
        await new Promise((resolve) => setTimeout(resolve, 10))
        running--
      })
    const first = [task(), task(), task(), task()]
    await jest.advanceTimersByTimeAsync(15)
    const later = [task(), task(), task()]
    await jest.runAllTimersAsync()
    await Promise.all([...first, ...later])
    expect(peak).toBe(2)
  })

  it('a task that throws before its first await frees its place too', async () => {
    const limit = createLimiter(1)
    const thrown = limit((): Promise<never> => {
      throw new Error('at once')
    })
    await expect(thrown).rejects.toThrow('at once')
    await expect(limit(async () => 'next')).resolves.toBe('next')
  })

  it('with more places than tasks, every task starts at once', async () => {
    const run = runAll(32, [5, 5, 5])
    await jest.runAllTimersAsync()
    expect(run.started.map(([, at]) => at)).toEqual([0, 0, 0])
  })

  it.each([0, -1, 1.5, Number.NaN, Infinity])('refuses %p places', (max) => {
    expect(() => createLimiter(max)).toThrow(RangeError)
  })
})
