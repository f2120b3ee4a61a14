// A token passed in by the caller: used as is, never renewed; its expiry is read when it says.
import { formatDuration } from '../wait/duration.js'
import { decodeJwtClaims, jwtExpiry } from './jwt.js'
import type { TokenProvider } from './token-provider.js'

const SIGN_IN_INSTEAD =
  "Sign in with 'client-id' and 'tenant-id' instead (GitHub OIDC or a client secret): the action then renews its tokens."

/** `resource`: the API's (see its descriptor), named in the advice after a 401. */
export function staticTokenProvider(token: string, resource: string): TokenProvider {
  return {
    renewable: false,
    getToken: async () => token,
    renew: async () => undefined,
    rejectionHint: () => {
      const expiry = jwtExpiry(token)
      if (expiry && expiry.getTime() <= Date.now()) {
        return `The 'token' input expired at ${expiry.toISOString()}. ${SIGN_IN_INSTEAD}`
      }
      return `The 'token' input was rejected: it is malformed, for another resource, or expired (Entra ID access tokens for ${resource} live about an hour).`
    }
  }
}

/** A warning when a static token will expire before a wait of `timeoutMs` can end. */
export function expiryWarning(token: string, timeoutMs: number, now = Date.now()): string | undefined {
  const expiry = jwtExpiry(token)
  if (!expiry || expiry.getTime() >= now + timeoutMs) return undefined
  const when = expiry.getTime() <= now ? 'has already expired' : `expires in ${formatDuration(expiry.getTime() - now)}`
  return `The 'token' input ${when} (at ${expiry.toISOString()}), before the wait can end (timeout ${formatDuration(timeoutMs)}): from then on every status read fails with HTTP 401. ${SIGN_IN_INSTEAD}`
}

/** An API's resource, and the audiences (`aud`) an Entra ID access token for it carries: its URI, or its app id. */
export interface ResourceAudiences {
  resource: string
  audiences: readonly string[]
}

/** A warning when a static JWT is for another API's resource (its `aud`), naming both. */
export function audienceWarning(token: string, chosen: ResourceAudiences, all: readonly ResourceAudiences[]): string | undefined {
  const aud = decodeJwtClaims(token)?.aud
  if (typeof aud !== 'string') return undefined
  const other = all.find((api) => api.resource !== chosen.resource && api.audiences.includes(aud))?.resource
  if (!other) return undefined
  const { resource } = chosen
  return `The 'token' input is for ${other} (its audience is '${aud}'), but the API chosen with 'api' takes tokens for ${resource}: every request will likely fail with HTTP 401. Get a token for ${resource}, or sign in with 'client-id' and 'tenant-id'.`
}
