// The offers of a step share the sign-in: asks at the same time make one token request, 401s at
// the same time one renewal; a failure is not kept, the next ask tries again.
import { describe, expect, it, jest } from '@jest/globals'
import type { TokenProvider } from '../../src/auth/token-provider.js'
import { sharedTokens } from '../../src/run/shared-tokens.js'

function source() {
  let issued = 0
  let fail = false
  const provider = {
    renewable: true,
    getToken: jest.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      if (fail) throw new Error('AADSTS7000215: Invalid client secret provided.')
      return `token-${++issued}`
    }),
    renew: jest.fn(async () => `token-${++issued}`),
    rejectionHint: () => 'check the app'
  }
  return { provider: provider as typeof provider & TokenProvider, failNext: (value: boolean) => (fail = value) }
}

describe('sharedTokens', () => {
  it('makes one token request for offers that ask at once, and asks anew once it has settled', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    expect(await Promise.all([shared.getToken(), shared.getToken(), shared.getToken()])).toEqual(['token-1', 'token-1', 'token-1'])
    expect(provider.getToken).toHaveBeenCalledTimes(1)
    expect(await shared.getToken()).toBe('token-2')
    expect(provider.getToken).toHaveBeenCalledTimes(2)
  })

  it('renews once for 401s at the same time', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    await Promise.all([shared.renew(), shared.renew()])
    expect(provider.renew).toHaveBeenCalledTimes(1)
    expect(shared.renewable).toBe(true)
    expect(shared.rejectionHint()).toBe('check the app')
  })

  it('gives a failure to every offer that asked, and keeps none of it for the next ask', async () => {
    const { provider, failNext } = source()
    const shared = sharedTokens(provider)
    failNext(true)
    const asks = await Promise.allSettled([shared.getToken(), shared.getToken()])
    expect(asks.map((a) => a.status)).toEqual(['rejected', 'rejected'])
    failNext(false)
    expect(await shared.getToken()).toBe('token-1')
  })
})
