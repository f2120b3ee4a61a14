// The part of a run every offer shares. Sign-in happens once, before any request to the API: one that
// fails is the step's one failure, said once as "nothing was sent", and every later ask for a token
// gets it with no further sign-in. Each offer's service gets the session's one transport, token
// source and throttle, the step's signals and deadline, and the poll interval only where the run
// waits (an API may warn of reads too often, once a step).
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { ApiDescriptor, ServiceOptions } from '../../src/apis/api-descriptor.js'
import type { GoLiveService } from '../../src/apis/go-live-service.js'
import type { TokenProvider } from '../../src/auth/token-provider.js'
import type { ApiTarget, Config } from '../../src/inputs.js'
import type { Cancellation } from '../../src/wait/cancellation.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
/** The token source sign-in makes; each test sets what its getToken does. */
const source = {
  getToken: jest.fn<() => Promise<string>>(),
  renew: jest.fn<(rejected?: string) => Promise<string | undefined>>()
}
const signIn = jest.fn(async (): Promise<TokenProvider> => ({
  renewable: true,
  getToken: source.getToken,
  renew: source.renew,
  rejectionHint: () => ''
}))
jest.unstable_mockModule('../../src/run/sign-in.js', () => ({ signIn }))
const { Session, SignInFailedError } = await import('../../src/run/session.js')
const { productIngestion } = await import('../../src/apis/product-ingestion/descriptor.js')
const { cloudPartnerPortal } = await import('../../src/apis/cloud-partner-portal/descriptor.js')
const { ActionError, CancelledError, DeadlineError, ServiceUnavailableError } = await import('../../src/errors.js')

const DEADLINE = Date.parse('2026-11-20T10:01:00Z')

function settings(over: Partial<Config> = {}): Config {
  return {
    api: 'product-ingestion',
    publisher: '',
    offers: ['vm-a'],
    maxParallel: 4,
    auth: { kind: 'token', token: 'a-static-token' },
    wait: true,
    dryRun: false,
    timeoutMs: 60_000,
    pollIntervalMs: 60_000,
    requestTimeoutMs: 30_000,
    targets: [target],
    ...over
  } as Config
}

/** The step's two signals and its deadline, without process signal handlers. */
function cancellation(): Cancellation {
  return {
    signal: new AbortController().signal,
    cancelled: new AbortController().signal,
    deadline: DEADLINE,
    setDeadline: () => undefined,
    dispose: () => undefined
  }
}

/** The services the fake descriptors made, in order. */
const made: ServiceOptions[] = []
const fake = (descriptor: ApiDescriptor): ApiDescriptor => ({
  ...descriptor,
  createService: (options: ServiceOptions) => (made.push(options), {} as GoLiveService)
})
/** Product Ingestion at its default origin (the real descriptor's other parts), whose services are recorded. */
const target: ApiTarget = {
  descriptor: fake(productIngestion),
  baseUrl: new URL('https://graph.microsoft.com/rp/product-ingestion'),
  apiVersion: '2022-07-01'
}
const cppTarget: ApiTarget = {
  descriptor: fake(cloudPartnerPortal),
  baseUrl: new URL('https://cloudpartner.azure.com'),
  apiVersion: '2017-10-31'
}

/** A session on the fake descriptors. */
function session(over: Partial<Config> = {}, step = cancellation()) {
  made.length = 0
  return { session: new Session(settings(over), step), made, step }
}

beforeEach(() => {
  core.reset()
  signIn.mockClear()
  source.getToken.mockReset().mockResolvedValue('token-1')
  source.renew.mockReset().mockResolvedValue('token-2')
})

describe('Session.serviceFor', () => {
  async function servicesMade(over: Partial<Config>, offers: string[]) {
    const { session: s, made, step } = session(over)
    try {
      await s.signIn()
      for (const offer of offers) await s.serviceFor({ publisher: '', offer }, target)
    } finally {
      s.dispose()
    }
    return { made, step }
  }

  it('shares one transport, token source, throttle and list budget between the offers, with the step’s signals and deadline', async () => {
    const { made, step } = await servicesMade({}, ['vm-a', 'vm-b'])
    const [a, b] = made
    expect(a?.transport).toBe(b?.transport)
    expect(a?.tokens).toBe(b?.tokens)
    expect(a?.throttle).toBeDefined()
    expect(a?.throttle).toBe(b?.throttle)
    // What every offer's lists hold at once is bounded for the step, not per offer (issue 19).
    expect(a?.lists).toBeDefined()
    expect(a?.lists).toBe(b?.lists)
    expect(a).toMatchObject({ signal: step.signal, cancelled: step.cancelled, deadline: DEADLINE })
    expect(a?.subject).toEqual({ publisher: '', offer: 'vm-a' })
  })

  it('gives the poll interval to the first service of a run that waits, so the API warns once a step', async () => {
    const { made } = await servicesMade({ pollIntervalMs: 10_000 }, ['vm-a', 'vm-b'])
    expect(made.map((o) => o.pollIntervalMs)).toEqual([10_000, undefined])
  })

  it.each([
    ['a dry run', { dryRun: true }],
    ['a run that does not wait', { wait: false }]
  ])('gives no poll interval to %s: it polls nothing', async (_what, over) => {
    const { made } = await servicesMade({ pollIntervalMs: 10_000, ...over }, ['vm-a'])
    expect(made[0]?.pollIntervalMs).toBeUndefined()
  })

  it('signs in to each API once, its own audience: the first before any request, another when an offer first needs it', async () => {
    const { session: s } = session({ api: 'auto', targets: [target, cppTarget] })
    await s.signIn()
    expect(signIn.mock.calls.map((call) => (call as unknown[])[1])).toEqual([target.descriptor])
    const pia = await s.serviceFor({ publisher: 'contoso', offer: 'vm-a' }, target)
    const cpp = await s.serviceFor({ publisher: 'contoso', offer: 'vm-a' }, cppTarget)
    await s.serviceFor({ publisher: 'contoso', offer: 'vm-b' }, cppTarget)
    expect(signIn.mock.calls.map((call) => (call as unknown[])[1])).toEqual([target.descriptor, cppTarget.descriptor])
    expect(made.map((o) => o.baseUrl.href)).toEqual([
      'https://graph.microsoft.com/rp/product-ingestion',
      'https://cloudpartner.azure.com/',
      'https://cloudpartner.azure.com/'
    ])
    expect(made[1]?.tokens).toBe(made[2]?.tokens)
    expect(made[0]?.tokens).not.toBe(made[1]?.tokens)
    expect([pia, cpp]).toHaveLength(2)
    s.dispose()
  })
})

describe('Session.signIn', () => {
  it('signs in once and gets a token before any request, sharing it between the offers', async () => {
    const { session: s, made } = session({ offers: ['vm-a', 'vm-b'] })
    await s.signIn()
    expect(signIn).toHaveBeenCalledTimes(1)
    expect(source.getToken).toHaveBeenCalledTimes(1)
    await s.serviceFor({ publisher: '', offer: 'vm-a' }, target)
    await s.serviceFor({ publisher: '', offer: 'vm-b' }, target)
    expect(await Promise.all(made.map((o) => o.tokens.getToken()))).toEqual(['token-1', 'token-1'])
    s.dispose()
  })

  it('a refused sign-in is the step’s one failure, saying nothing was sent; no later ask signs in again', async () => {
    source.getToken.mockRejectedValue(
      new ActionError('Signing in to Microsoft Entra ID failed: AADSTS7000215: Invalid client secret provided.')
    )
    const { session: s, made } = session()
    const error = await s.signIn().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SignInFailedError)
    expect((error as Error).message).toBe(
      'Signing in to Microsoft Entra ID failed: AADSTS7000215: Invalid client secret provided: nothing was sent.'
    )
    // Were anything to ask for a token after it (a pre-check, a renewal), it gets the same failure.
    await s.serviceFor({ publisher: '', offer: 'vm-a' }, target)
    const tokens = made[0]?.tokens as TokenProvider
    await expect(tokens.getToken()).rejects.toMatchObject({ message: expect.stringContaining('AADSTS7000215') })
    await expect(tokens.renew('token-1')).rejects.toMatchObject({ message: expect.stringContaining('AADSTS7000215') })
    expect(signIn).toHaveBeenCalledTimes(1)
    expect(source.getToken).toHaveBeenCalledTimes(1)
    expect(source.renew).not.toHaveBeenCalled()
    s.dispose()
  })

  it('an identity service that is down ends the step the same way: one sign-in, nothing sent', async () => {
    source.getToken.mockRejectedValue(
      new ServiceUnavailableError('Signing in to Microsoft Entra ID with a client secret failed: HTTP 503.')
    )
    const { session: s } = session()
    await expect(s.signIn()).rejects.toThrow(
      new SignInFailedError('Signing in to Microsoft Entra ID with a client secret failed: HTTP 503: nothing was sent.')
    )
    expect(source.getToken).toHaveBeenCalledTimes(1)
  })

  it('a token source that cannot be made (the OIDC token refused) fails the same way', async () => {
    signIn.mockRejectedValueOnce(new ActionError("GitHub's OIDC token service refused the request (HTTP 403)."))
    await expect(session().session.signIn()).rejects.toThrow(
      new SignInFailedError("GitHub's OIDC token service refused the request (HTTP 403): nothing was sent.")
    )
  })

  it('says the step was cancelled, or its timeout passed, while signing in', async () => {
    source.getToken.mockRejectedValueOnce(new CancelledError('SIGTERM'))
    await expect(session().session.signIn()).rejects.toThrow(
      new SignInFailedError('Received SIGTERM: the workflow is being cancelled while signing in: nothing was sent.')
    )
    source.getToken.mockRejectedValueOnce(new DeadlineError())
    await expect(session().session.signIn()).rejects.toThrow(
      new SignInFailedError('The timeout (1m) passed while signing in: nothing was sent.')
    )
  })

  it('keeps a fault of the action’s own as it is', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'token')")
    source.getToken.mockRejectedValueOnce(bug)
    await expect(session().session.signIn()).rejects.toBe(bug)
  })
})
