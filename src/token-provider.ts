/** Where bearer tokens for the CPP API come from. */
export interface TokenProvider {
  /** A token to send now (renewed ahead of expiry where the source allows). */
  getToken(): Promise<string>
  /** After a 401: a fresh token, or undefined when this source cannot give another. */
  renew(): Promise<string | undefined>
  /** Why a 401 happened and what to do, in the terms of this source. */
  rejectionHint(): string
}

/** A token passed in by the caller: used as is, and cannot be renewed. */
export function staticTokenProvider(token: string): TokenProvider {
  return {
    getToken: async () => token,
    renew: async () => undefined,
    rejectionHint: () =>
      "The 'token' input was rejected: it is missing a scope, malformed or expired (Entra ID access tokens for https://cloudpartner.azure.com live about an hour)."
  }
}
