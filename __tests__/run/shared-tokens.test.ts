// The offers of a step share the sign-in: asks at the same time make one token request; a rejected
// token is renewed once, however many requests it failed and whenever their 401s arrive (a 401 for a
// token already replaced is retried with the new one); a definitive sign-in failure is the answer to
// every later ask with no new sign-in, while an outage of the identity service is asked again.
import { describe, expect, it, jest } from '@jest/globals'
import type { TokenProvider } from '../../src/auth/token-provider.js'
import { CancelledError, DeadlineError, ActionError, ServiceUnavailableError, SignInError } from '../../src/errors.js'
import { sharedTokens } from '../../src/run/shared-tokens.js'

/** A promise settled from outside, to hold a token request open while others ask. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A token source that issues token-1, token-2, … (after a tick); `failWith` makes its next asks fail. */
function source() {
  let issued = 0
  let failure: Error | undefined
  const provider = {
    renewable: true,
    getToken: jest.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      if (failure) throw failure
      return `token-${++issued}`
    }),
    renew: jest.fn(async (_rejected?: string) => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      if (failure) throw failure
      return `token-${++issued}`
    }),
    rejectionHint: () => 'check the app'
  }
  return { provider: provider as typeof provider & TokenProvider, failWith: (error: Error | undefined) => (failure = error) }
}

describe('sharedTokens: one acquisition', () => {
  it('makes one token request for offers that ask at once, and asks anew once it has settled', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    expect(await Promise.all([shared.getToken(), shared.getToken(), shared.getToken()])).toEqual(['token-1', 'token-1', 'token-1'])
    expect(provider.getToken).toHaveBeenCalledTimes(1)
    expect(await shared.getToken()).toBe('token-2')
    expect(provider.getToken).toHaveBeenCalledTimes(2)
    expect(shared.renewable).toBe(true)
    expect(shared.rejectionHint()).toBe('check the app')
  })
})

describe('sharedTokens: one renewal per rejected token', () => {
  it('renews once for 32 simultaneous 401s of one token, and gives each request the new token', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    const token = await shared.getToken()
    const fresh = await Promise.all(Array.from({ length: 32 }, () => shared.renew(token)))
    expect(provider.renew).toHaveBeenCalledTimes(1)
    expect(provider.renew).toHaveBeenCalledWith('token-1')
    expect(new Set(fresh)).toEqual(new Set(['token-2']))
  })

  it('starts no renewal for a late 401 of a token already renewed, nor for a token already replaced', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    const first = await shared.getToken()
    expect(await shared.renew(first)).toBe('token-2')
    // The 401 of a request sent with token-1 arrives after the renewal settled: no new one.
    expect(await shared.renew(first)).toBe('token-2')
    expect(provider.renew).toHaveBeenCalledTimes(1)
  })

  it('answers a 401 for a token replaced meanwhile with the newer token, asking for none', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    await shared.getToken() // token-1
    expect(await shared.renew('token-1')).toBe('token-2')
    expect(await shared.renew('token-2')).toBe('token-3')
    // A request still on its way with token-1 (or token-2) is retried with token-3.
    expect(await shared.renew('token-1')).toBe('token-3')
    expect(await shared.renew('token-2')).toBe('token-3')
    expect(provider.renew).toHaveBeenCalledTimes(2)
  })

  it('renews each distinct rejected token once: token-2 rejected after token-1 was renewed is renewed too', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    const first = await shared.getToken()
    const [a, b] = await Promise.all([shared.renew(first), shared.renew(first)])
    expect([a, b]).toEqual(['token-2', 'token-2'])
    const [c, d] = await Promise.all([shared.renew('token-2'), shared.renew('token-2')])
    expect([c, d]).toEqual(['token-3', 'token-3'])
    expect(provider.renew.mock.calls.map(([rejected]) => rejected)).toEqual(['token-1', 'token-2'])
  })

  it('keeps a token asked for before a renewal finished from passing as the newest', async () => {
    // The source's cache still hands out token-1 to an ask that began before the renewal.
    const held = deferred<string>()
    const provider: TokenProvider & { renew: jest.Mock<(rejected?: string) => Promise<string | undefined>> } = {
      renewable: true,
      getToken: jest.fn<() => Promise<string>>().mockResolvedValueOnce('token-1').mockReturnValueOnce(held.promise),
      renew: jest
        .fn<(rejected?: string) => Promise<string | undefined>>()
        .mockResolvedValueOnce('token-2')
        .mockResolvedValueOnce('token-3'),
      rejectionHint: () => ''
    }
    const shared = sharedTokens(provider)
    expect(await shared.getToken()).toBe('token-1')
    const late = shared.getToken()
    expect(await shared.renew('token-1')).toBe('token-2')
    held.resolve('token-1')
    expect(await late).toBe('token-1')
    // Its 401 is retried with token-2; token-1 is not renewed a second time.
    expect(await shared.renew('token-1')).toBe('token-2')
    expect(provider.renew).toHaveBeenCalledTimes(1)
    // token-2 is still the newest: a 401 for it is a renewal, not a retry with the stale token-1.
    expect(await shared.renew('token-2')).toBe('token-3')
    expect(provider.renew).toHaveBeenCalledTimes(2)
  })

  it('does not renew a token the service refused at once after it was renewed: no token will do, so no sign-in per offer', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    await shared.getToken() // token-1
    expect(await shared.renew('token-1')).toBe('token-2')
    // The retry with token-2 was refused too (the app is not on the account): told so.
    shared.refusedAfterRenewal?.('token-2')
    for (let offer = 0; offer < 20; offer++) expect(await shared.renew('token-2')).toBeUndefined()
    expect(provider.renew).toHaveBeenCalledTimes(1)
  })

  it('renews a renewed token that served before it was refused (an expiry)', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    await shared.getToken() // token-1
    expect(await shared.renew('token-1')).toBe('token-2')
    expect(await shared.renew('token-2')).toBe('token-3')
    expect(provider.renew).toHaveBeenCalledTimes(2)
  })

  it('without the rejected token named, shares only a renewal still in flight', async () => {
    const { provider } = source()
    const shared = sharedTokens(provider)
    expect(await Promise.all([shared.renew(), shared.renew()])).toEqual(['token-1', 'token-1'])
    expect(provider.renew).toHaveBeenCalledTimes(1)
    expect(await shared.renew()).toBe('token-2')
    expect(provider.renew).toHaveBeenCalledTimes(2)
  })

  it('passes on a source that gives no fresh token (a static token): undefined, once', async () => {
    const provider: TokenProvider = {
      renewable: false,
      getToken: async () => 'static',
      renew: jest.fn(async () => undefined),
      rejectionHint: () => 'the token input was rejected'
    }
    const shared = sharedTokens(provider)
    await shared.getToken()
    expect(await Promise.all([shared.renew('static'), shared.renew('static')])).toEqual([undefined, undefined])
    expect(provider.renew).toHaveBeenCalledTimes(1)
    expect(shared.renewable).toBe(false)
  })
})

describe('sharedTokens: a failed sign-in', () => {
  it('latches a definitive failure: every offer that asked and every later ask gets it, with no new sign-in', async () => {
    const { provider, failWith } = source()
    const shared = sharedTokens(provider)
    failWith(new ActionError('AADSTS7000215: Invalid client secret provided.'))
    const asks = await Promise.allSettled([shared.getToken(), shared.getToken()])
    expect(asks.map((a) => a.status)).toEqual(['rejected', 'rejected'])
    const [first] = asks as PromiseRejectedResult[]
    // A SignInError: never an outage of the API that a pre-check could go on without.
    expect(first?.reason).toBeInstanceOf(SignInError)
    expect(first?.reason).toMatchObject({ message: 'AADSTS7000215: Invalid client secret provided.', outage: false })
    failWith(undefined)
    await expect(shared.getToken()).rejects.toBe(first?.reason)
    await expect(shared.renew('token-1')).rejects.toBe(first?.reason)
    await expect(shared.renew()).rejects.toBe(first?.reason)
    expect(provider.getToken).toHaveBeenCalledTimes(1)
    expect(provider.renew).not.toHaveBeenCalled()
  })

  it('latches a renewal refused for good too: later asks get it without asking Entra ID again', async () => {
    const { provider, failWith } = source()
    const shared = sharedTokens(provider)
    const token = await shared.getToken()
    failWith(new ActionError('AADSTS700016: Application not found in the directory.'))
    const refused = await shared.renew(token).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(SignInError)
    failWith(undefined)
    await expect(shared.getToken()).rejects.toBe(refused)
    expect(provider.getToken).toHaveBeenCalledTimes(1)
    expect(provider.renew).toHaveBeenCalledTimes(1)
  })

  it('does not latch an outage of the identity service: the next ask signs in again', async () => {
    const { provider, failWith } = source()
    const shared = sharedTokens(provider)
    failWith(new ServiceUnavailableError('Signing in to Microsoft Entra ID failed: HTTP 503.'))
    const outage = await shared.getToken().catch((error: unknown) => error)
    expect(outage).toBeInstanceOf(SignInError)
    expect(outage).toMatchObject({ outage: true, message: 'Signing in to Microsoft Entra ID failed: HTTP 503.' })
    failWith(undefined)
    expect(await shared.getToken()).toBe('token-1')
    expect(provider.getToken).toHaveBeenCalledTimes(2)
  })

  it('does not latch the step ending (cancelled, timed out): they pass as they are', async () => {
    const { provider, failWith } = source()
    const shared = sharedTokens(provider)
    const cancelled = new CancelledError('SIGTERM')
    failWith(cancelled)
    await expect(shared.getToken()).rejects.toBe(cancelled)
    const deadline = new DeadlineError()
    failWith(deadline)
    await expect(shared.getToken()).rejects.toBe(deadline)
    failWith(undefined)
    expect(await shared.getToken()).toBe('token-1')
  })

  it('does not keep a renewal that met an outage: the next 401 of that token renews again (a wait loses a poll, not the wait)', async () => {
    const { provider, failWith } = source()
    const shared = sharedTokens(provider)
    const token = await shared.getToken()
    failWith(new ServiceUnavailableError('Signing in to Microsoft Entra ID failed: HTTP 503.'))
    // 401s at the same time share the one renewal, and its outage.
    const both = await Promise.allSettled([shared.renew(token), shared.renew(token)])
    expect(both.map((r) => r.status === 'rejected' && (r.reason as InstanceType<typeof SignInError>).outage)).toEqual([true, true])
    expect(provider.renew).toHaveBeenCalledTimes(1)
    failWith(undefined)
    expect(await shared.renew(token)).toBe('token-2')
    expect(provider.renew).toHaveBeenCalledTimes(2)
  })
})
