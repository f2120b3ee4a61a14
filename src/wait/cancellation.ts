// The step's two ends: SIGINT/SIGTERM (a cancelled workflow) and its one deadline, made once when the
// step starts. `signal` aborts at either: every read, retry, look and sleep in flight stops there, so
// `timeout` is a hard limit. `cancelled` aborts at a signal only: a go-live request already on its
// way is not cut by the deadline (its answer names the go-live it started), only by a cancellation.
import { CancelledError, DeadlineError } from '../errors.js'
import { MAX_TIMER_MS } from './sleep.js'

export interface Cancellation {
  /** Aborts with a CancelledError at SIGINT/SIGTERM, or a DeadlineError at the deadline. */
  signal: AbortSignal
  /** Aborts with a CancelledError at SIGINT/SIGTERM only. */
  cancelled: AbortSignal
  /** The step's deadline (epoch ms); Infinity until setDeadline(). */
  readonly deadline: number
  /** Sets the step's deadline, once: `signal` aborts with a DeadlineError then (at once when it has passed). */
  setDeadline(epochMs: number): void
  /** Stops the deadline's timer. */
  dispose(): void
}

export function watchForCancellation(): Cancellation {
  const onSignal = new AbortController()
  const either = new AbortController()
  const signals = ['SIGINT', 'SIGTERM'] as const
  let deadline = Infinity
  let deadlineTimer: NodeJS.Timeout | undefined
  const abort = (reason: Error): void => {
    if (!either.signal.aborted) either.abort(reason)
  }
  const handler = (name: NodeJS.Signals): void => {
    if (onSignal.signal.aborted) process.exit(1) // a second signal: no more grace
    const reason = new CancelledError(name)
    onSignal.abort(reason)
    abort(reason)
  }
  for (const name of signals) process.on(name, handler)
  return {
    signal: either.signal,
    cancelled: onSignal.signal,
    get deadline() {
      return deadline
    },
    setDeadline(epochMs) {
      if (deadline !== Infinity) throw new Error('The step has one deadline: setDeadline() twice')
      deadline = epochMs
      const remaining = epochMs - Date.now()
      if (remaining <= 0) return abort(new DeadlineError())
      // Inputs keep deadlines inside the timer range; clamp anyway rather than fire at once.
      deadlineTimer = setTimeout(() => abort(new DeadlineError()), Math.min(remaining, MAX_TIMER_MS))
    },
    // The handlers stay until the process exits (they keep nothing alive): a signal that comes as the
    // step ends must not kill it with its outputs half written.
    dispose: () => clearTimeout(deadlineTimer)
  }
}
