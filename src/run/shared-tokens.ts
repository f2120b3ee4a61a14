// One token for every offer of a step. Offers that ask at the same time share one acquisition, so N
// offers starting at once make one token request; a token the service rejected is renewed once,
// however many requests it failed and whenever their 401s arrive (a 401 for a token already replaced
// retries with the new one). And the step signs in once: a sign-in that failed is the answer to
// every later ask, with no further request to the identity service (an outage of it excepted: a
// later renewal may succeed).
import type { TokenProvider } from '../auth/token-provider.js'
import { ActionError, CancelledError, DeadlineError, ServiceUnavailableError, SignInError } from '../errors.js'

/**
 * What a failed sign-in is to the rest of the step: a SignInError (never a passing outage of the API
 * that a pre-check could go on without). The step's own end (cancelled, timed out) and faults of the
 * action stay as they are.
 */
function signInFailure(error: unknown): unknown {
  if (error instanceof CancelledError || error instanceof DeadlineError || error instanceof SignInError) return error
  if (error instanceof ActionError)
    return new SignInError(error.message, { cause: error, outage: error instanceof ServiceUnavailableError })
  return error
}

export function sharedTokens(tokens: TokenProvider): TokenProvider {
  let failed: { error: unknown } | undefined
  let getting: Promise<string> | undefined
  /** The renewal of one rejected token: kept after it settles, so a late 401 for that token starts none. */
  let renewal: { of: string | undefined; promise: Promise<string | undefined>; settled: boolean } | undefined
  /** The newest token handed out, and how many renewals made one. */
  let latest: string | undefined
  let renewals = 0
  /** Tokens a renewal gave that the service refused at once: renewing does not help. */
  const refusedFresh = new Set<string>()
  const fail = (error: unknown): never => {
    const failure = signInFailure(error)
    // Cancelled or past the deadline: the step ends anyway. An outage may pass: asked again later.
    if (!(failure instanceof CancelledError || failure instanceof DeadlineError || (failure instanceof SignInError && failure.outage))) {
      failed = { error: failure }
    }
    throw failure
  }
  const getToken = (): Promise<string> => {
    if (failed) return Promise.reject(failed.error)
    if (!getting) {
      const before = renewals
      getting = tokens
        .getToken()
        .then((token) => {
          // A token asked for before a renewal finished may be the one it replaced.
          if (renewals === before) latest = token
          return token
        }, fail)
        .finally(() => (getting = undefined))
    }
    return getting
  }
  const renew = (rejected?: string): Promise<string | undefined> => {
    if (failed) return Promise.reject(failed.error)
    // Replaced already: the request is sent again with the newer token, and no new one is asked for.
    if (rejected !== undefined && latest !== undefined && rejected !== latest) return Promise.resolve(latest)
    // A fresh token refused at once too (the app not added to the account, say): no token will do,
    // so no sign-in per offer; the 401 stands. One refused later (an expiry) is renewed.
    if (rejected !== undefined && refusedFresh.has(rejected)) return Promise.resolve(undefined)
    // Without the rejected token named, only a renewal still in flight is shared.
    if (renewal && renewal.of === rejected && (rejected !== undefined || !renewal.settled)) return renewal.promise
    const current = {
      of: rejected,
      settled: false,
      promise: tokens.renew(rejected).then(
        (token) => {
          renewals++
          if (token !== undefined) latest = token
          return token
        },
        (error: unknown) => {
          // A renewal that failed is not the answer to a later 401 of this token: an outage may
          // pass (fail() latches a definitive failure for every ask anyway).
          if (renewal === current) renewal = undefined
          return fail(error)
        }
      )
    }
    void current.promise.finally(() => (current.settled = true)).catch(() => undefined)
    renewal = current
    return current.promise
  }
  return {
    renewable: tokens.renewable,
    getToken,
    renew,
    refusedAfterRenewal: (token) => void refusedFresh.add(token),
    rejectionHint: () => tokens.rejectionHint()
  }
}
