// SIGINT/SIGTERM (a cancelled workflow) abort the wait at once; the remote go-live is left alone.
import { CancelledError } from './errors.js'

export interface Cancellation {
  signal: AbortSignal
  dispose(): void
}

export function watchForCancellation(): Cancellation {
  const controller = new AbortController()
  const signals = ['SIGINT', 'SIGTERM'] as const
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(1) // a second signal: no more grace
    controller.abort(new CancelledError(name))
  }
  for (const name of signals) process.on(name, handler)
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of signals) process.off(name, handler)
    }
  }
}
