// STAND-IN (F1) until the pacing slice lands its own: one brake for every request of the step, so
// that a Retry-After from the service slows the whole fleet. This one never holds a request back.

export class Throttle {
  private until = 0
  ready(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    return Promise.resolve()
  }
  slowDown(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms)
  }
}
