// One per step, shared by every request of every offer: when the service refuses a request with a
// Retry-After (a 429, or a 503 in its own words), every request waits until then, so a throttled
// service sees the whole fleet slow down, not one offer. The JSON client waits on it within the
// step's deadline.
import { DeadlineError } from '../errors.js'
import { sleep } from '../wait/sleep.js'
import { MAX_RETRY_AFTER_MS } from './retry.js'

export class Throttle {
  /** No request is sent before this (epoch ms). */
  private until = 0

  /** The service asked for `ms` before the next request: the latest time asked wins, capped. */
  slowDown(ms: number): void {
    if (!(ms > 0)) return
    this.until = Math.max(this.until, Date.now() + Math.min(ms, MAX_RETRY_AFTER_MS))
  }

  /** How long a request would wait now (0 when the service asked for nothing). */
  waitMs(): number {
    return Math.max(0, this.until - Date.now())
  }

  /**
   * Resolves when a request may be sent; rejects with the signal's reason if it aborts while waiting.
   * With a `deadline` (epoch ms), no request is held past it: `pastDeadline` gives the error for a
   * hold that would pass it (a go-live request is then not sent at all); without one, the wait lasts
   * to the deadline and ends as the step's timeout (DeadlineError).
   */
  async ready(signal?: AbortSignal, deadline?: number, pastDeadline?: (waitMs: number) => Error): Promise<void> {
    // Again after each sleep: another request may have been asked to wait longer meanwhile.
    for (let wait = this.waitMs(); wait > 0; wait = this.waitMs()) {
      if (deadline !== undefined && Date.now() + wait > deadline) {
        if (pastDeadline) throw pastDeadline(wait)
        await sleep(Math.max(0, deadline - Date.now()), signal)
        throw new DeadlineError()
      }
      await sleep(wait, signal)
    }
  }
}
