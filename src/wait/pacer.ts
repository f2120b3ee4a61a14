// The fleet's status reads, spread evenly over the poll interval: with n offers waiting, a turn to
// read comes at least interval / n after the turn before, first asked first served. So n waits make
// about n reads per interval, evenly spread, and never a burst, however their polls line up.
import { DeadlineError } from '../errors.js'
import { MAX_TIMER_MS } from './sleep.js'

interface Waiter {
  resolve(): void
  reject(reason: unknown): void
  /** Stops listening to the waiter's signal. */
  forget(): void
}

export class Pacer {
  private readonly intervalMs: number
  private members = 0
  private readonly queue: Waiter[] = []
  /** When the last turn was granted (epoch ms). */
  private last = -Infinity
  private timer: NodeJS.Timeout | undefined
  private readonly holdMs: () => number

  /**
   * `intervalMs`: how often each member reads (the poll interval). `holdMs`: how long the service
   * asked every request to wait (the step's Throttle): no turn is granted meanwhile, so the reads
   * resume spaced when it ends instead of all at once.
   */
  constructor(intervalMs: number, holdMs: () => number = () => 0) {
    if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`A pacer needs an interval of 0 ms or more, not ${intervalMs}`)
    this.intervalMs = intervalMs
    this.holdMs = holdMs
  }

  /** One more wait shares the interval (the turns come closer together). */
  join(): void {
    this.members++
    this.schedule()
  }

  /** A wait ended: the others' turns spread out again. */
  leave(): void {
    this.members = Math.max(0, this.members - 1)
    this.schedule()
  }

  /** Resolves when it is this caller's turn; rejects with the signal's reason if it aborts first. */
  turn(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter)
        if (index >= 0) this.queue.splice(index, 1)
        reject(signal?.reason)
        this.schedule()
      }
      const waiter: Waiter = { resolve, reject, forget: () => signal?.removeEventListener('abort', onAbort) }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.queue.push(waiter)
      this.schedule()
    })
  }

  /** The least time between two turns: the interval shared by the members (all of it with none). */
  private gapMs(): number {
    return this.intervalMs / Math.max(1, this.members)
  }

  /** Grants every turn that is due, then sets one timer for the next (bounded to the timer range). */
  private schedule(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      const now = Date.now()
      const due = Math.max(this.last + this.gapMs(), now + this.holdMs())
      if (now < due) {
        this.timer = setTimeout(() => this.schedule(), Math.min(Math.ceil(due - now), MAX_TIMER_MS))
        return
      }
      this.queue.shift()
      this.last = now
      head.forget()
      head.resolve()
    }
  }
}

/**
 * A turn of `pacer` that comes before `deadline` (epoch ms): false when the deadline comes first.
 * Rejects with the signal's reason when it aborts first (a DeadlineError also means false).
 */
export async function turnBefore(pacer: Pacer, deadline: number, signal?: AbortSignal): Promise<boolean> {
  const bounded = new AbortController()
  const follow = (): void => bounded.abort(signal?.reason)
  if (signal?.aborted) follow()
  signal?.addEventListener('abort', follow, { once: true })
  const timer = setTimeout(() => bounded.abort(new DeadlineError()), Math.max(0, Math.min(deadline - Date.now(), MAX_TIMER_MS)))
  try {
    await pacer.turn(bounded.signal)
    return true
  } catch (error) {
    if (error instanceof DeadlineError) return false
    throw error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', follow)
  }
}
