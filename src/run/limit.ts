// At most `max` tasks at once, started in the order they were given: the fleet's go-live requests go
// a few at a time, never all at once. A task that fails frees its place as one that succeeds does.

/** Runs each task it is given when one of its `max` places is free, first given first started. */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`A limiter needs a whole number of places, at least 1, not ${max}`)
  let running = 0
  const waiting: Array<() => void> = []
  // A freed place goes straight to the first in line, so a task given later cannot take it first.
  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await task()
    } finally {
      release()
    }
  }
}
