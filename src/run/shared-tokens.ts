// One token for every offer of a step: offers that ask at the same time share one acquisition, so
// that N offers starting at once make one token request, and N offers refused with a 401 at once
// make one renewal.
import type { TokenProvider } from '../auth/token-provider.js'

export function sharedTokens(tokens: TokenProvider): TokenProvider {
  let getting: Promise<string> | undefined
  let renewing: Promise<string | undefined> | undefined
  return {
    renewable: tokens.renewable,
    // Shared while in flight only: the next ask after it settles (a failure too) asks anew.
    getToken: () => (getting ??= tokens.getToken().finally(() => (getting = undefined))),
    renew: () => (renewing ??= tokens.renew().finally(() => (renewing = undefined))),
    rejectionHint: () => tokens.rejectionHint()
  }
}
