/** Where bearer tokens for the API come from: all an API client sees of sign-in. */
export interface TokenProvider {
  /** Whether `renew` can give another token. */
  readonly renewable: boolean
  /** A token to send now (renewed ahead of expiry where the source allows). */
  getToken(): Promise<string>
  /**
   * After a 401: a fresh token, or undefined when this source cannot give another. `rejected`: the
   * token the service refused (a shared source renews each rejected token once).
   */
  renew(rejected?: string): Promise<string | undefined>
  /**
   * The service refused `token` too, on the retry right after renewing for it: no token will do (the
   * app is not on the Partner Center account, say), so a later 401 of it asks for no other.
   */
  refusedAfterRenewal?(token: string): void
  /** Why a 401 happened and what to do, in the terms of this source. */
  rejectionHint(): string
}
