// Review of issue 16 (r16-review): written to FAIL on the branch as reviewed.
// shared-tokens.ts says an outage of the identity service is not remembered ("an outage of it
// excepted: a later renewal may succeed"). But the renewal of a rejected token is kept after it
// settles, failed or not, so once one renewal after a 401 hit an outage, every later 401 for the
// same token gets that old failure back: the token is never renewed again in the step, and every
// status read after it fails (the wait gives up after its missed-poll budget).
import { describe, expect, it } from '@jest/globals'
import { ServiceUnavailableError } from '../../src/errors.js'
import type { TokenProvider } from '../../src/auth/token-provider.js'
import { sharedTokens } from '../../src/run/shared-tokens.js'

describe('review 16: shared tokens after an identity outage', () => {
  it('a renewal that hit an outage is asked again at the next 401 of the same token', async () => {
    let renewCalls = 0
    const inner: TokenProvider = {
      renewable: true,
      getToken: async () => 'T1',
      renew: async () => {
        renewCalls++
        // made-up: Entra ID down for the first renewal, back for the second.
        if (renewCalls === 1) throw new ServiceUnavailableError('Signing in to Microsoft Entra ID failed: HTTP 503')
        return 'T2'
      },
      rejectionHint: () => ''
    }
    const tokens = sharedTokens(inner)
    expect(await tokens.getToken()).toBe('T1')
    // The first 401 of T1: the renewal hits the outage (an outage, so not remembered as a failed sign-in).
    await expect(tokens.renew('T1')).rejects.toMatchObject({ outage: true })
    // The identity service is back: the next 401 of T1 must renew it.
    await expect(tokens.renew('T1')).resolves.toBe('T2')
    expect(renewCalls).toBe(2)
  })
})
