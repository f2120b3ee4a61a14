// A listing that lags the request that changed it: a go-live started by a POST shows in the
// submissions list only after a number of listings or milliseconds, as a real service's listing can.
export interface ListingLag {
  /** The go-live is missing from this many listings after it started. */
  listings?: number
  /** The go-live is missing from every listing for this long after it started. */
  ms?: number
}

export class LaggingListing<T extends object> {
  private readonly hidden = new Map<T, { listingsLeft: number; visibleAt: number }>()

  /** `entry` (just started) is left out of listings for as long as `lag` says. */
  hide(entry: T, lag: ListingLag | undefined): void {
    if (lag) this.hidden.set(entry, { listingsLeft: lag.listings ?? 0, visibleAt: Date.now() + (lag.ms ?? 0) })
  }

  /** One listing of `entries`: what it shows now. Each call counts as one listing. */
  list(entries: T[]): T[] {
    return entries.filter((entry) => {
      const lag = this.hidden.get(entry)
      if (!lag) return true
      if (lag.listingsLeft > 0) {
        lag.listingsLeft--
        return false
      }
      if (Date.now() < lag.visibleAt) return false
      this.hidden.delete(entry)
      return true
    })
  }

  clear(): void {
    this.hidden.clear()
  }
}
