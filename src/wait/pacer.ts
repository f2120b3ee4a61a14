// STAND-IN (F1) until the pacing slice lands its own: the fleet's status reads, spaced evenly over
// the poll interval. This one grants every turn at once.

export class Pacer {
  readonly intervalMs: number
  private members = 0
  constructor(intervalMs: number) {
    this.intervalMs = intervalMs
  }
  join(): void {
    this.members++
  }
  leave(): void {
    this.members = Math.max(0, this.members - 1)
  }
  turn(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    return Promise.resolve()
  }
}
