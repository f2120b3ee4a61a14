// The step's memory of the origins it could not connect to: once one request has spent its retries
// never connecting to an origin, the others (every offer's) try it once, not five times, until a
// connection to it is made again. So a step of many offers facing an unreachable base-url fails in
// seconds, not minutes, while a blip that has passed is still found by that one attempt.

/** What the step's requests through one transport found of each origin: which could not be reached. */
export class Reachability {
  /** Origins a request spent its retries on without connecting, since the last connection made to them. */
  private readonly down = new Set<string>()
  /** Origins a connection was made to in this step (a handful: the API's, and the operations' same origin). */
  private readonly seen = new Set<string>()

  /** A connection to the origin was made (an answer came, or the request may have gone out). */
  reached(origin: string): void {
    this.down.delete(origin)
    this.seen.add(origin)
  }

  /** Whether a connection to the origin was made earlier in this step: then its base-url is right. */
  wasReached(origin: string): boolean {
    return this.seen.has(origin)
  }

  /** A request spent its retries without connecting to the origin. */
  unreachable(origin: string): void {
    this.down.add(origin)
  }

  /** Whether a request of this step already spent its retries on the origin, and nothing connected since. */
  isDown(origin: string): boolean {
    return this.down.has(origin)
  }
}
