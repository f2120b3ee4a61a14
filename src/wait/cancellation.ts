// SIGINT/SIGTERM (a cancelled workflow) abort the run at once; the remote go-live is left alone.
// The wait's deadline aborts the same signal, so every request, retry and sleep in flight stops at
// it too: `timeout` is a hard limit, not a point after which the next poll is skipped.
import { CancelledError, DeadlineError } from '../errors.js'
import { MAX_TIMER_MS } from './sleep.js'

export interface Cancellation {
  signal: AbortSignal
  /** Aborts the signal with a DeadlineError at `epochMs` (at once when it has passed). */
  setDeadline(epochMs: number): void
  dispose(): void
}

export function watchForCancellation(): Cancellation {
  const controller = new AbortController()
  const signals = ['SIGINT', 'SIGTERM'] as const
  let cancelled = false
  let deadlineTimer: NodeJS.Timeout | undefined
  const handler = (name: NodeJS.Signals): void => {
    if (cancelled) process.exit(1) // a second signal: no more grace
    cancelled = true
    if (!controller.signal.aborted) controller.abort(new CancelledError(name))
  }
  for (const name of signals) process.on(name, handler)
  return {
    signal: controller.signal,
    setDeadline(epochMs) {
      clearTimeout(deadlineTimer)
      const abort = (): void => {
        if (!controller.signal.aborted) controller.abort(new DeadlineError())
      }
      const remaining = epochMs - Date.now()
      if (remaining <= 0) return abort()
      // Inputs keep deadlines inside the timer range; clamp anyway rather than fire at once.
      deadlineTimer = setTimeout(abort, Math.min(remaining, MAX_TIMER_MS))
    },
    dispose: () => {
      clearTimeout(deadlineTimer)
      for (const name of signals) process.off(name, handler)
    }
  }
}
