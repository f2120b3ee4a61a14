import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../emulator/cpp-emulator.js'
import { succeedingGoLive } from '../emulator/scenarios.js'
import { createCoreMock } from './helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { CppClient, AmbiguousTriggerError, RetriesExhaustedError } = await import('../src/cpp-client.js')
const { createTransport } = await import('../src/transport.js')
const { staticTokenProvider } = await import('../src/static-token.js')
const { ServiceError } = await import('../src/service-error.js')

const subject = { publisher: 'contoso', offer: 'vm' }
let emulator: CppEmulator

function client(options: { token?: string; requestTimeoutMs?: number; renewTo?: string } = {}) {
  const transport = createTransport(options.requestTimeoutMs ?? 2_000)
  let tokens = staticTokenProvider(options.token ?? DEFAULT_TOKEN)
  if (options.renewTo) {
    // A renewable source, as Entra sign-in is: after renew() it hands out the fresh token.
    let token = options.token ?? DEFAULT_TOKEN
    tokens = { ...tokens, renewable: true, getToken: async () => token, renew: async () => (token = options.renewTo as string) }
  }
  const instance = new CppClient({
    baseUrl: new URL(emulator.url),
    apiVersion: '2017-10-31',
    transport,
    tokens,
    backoff: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 }
  })
  return { instance, transport }
}

describe('CppClient against the emulator', () => {
  beforeAll(async () => {
    emulator = await startCppEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => {
    core.reset()
    emulator.reset()
    emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
  })
  let transport: { dispose(): void } | undefined
  afterEach(() => transport?.dispose())

  it.each([
    ['operation-location', /^\/api\/publishers\/contoso\/offers\/vm\/operations\/[0-9a-f-]{36}$/],
    ['location-migrated', /^\/api\/publishers\/contoso\/offers\/vm\/operations\/[0-9a-f-]{36}$/],
    ['location-preview', /^\/api\/operations\/contoso\$vm\$\d+\$preview$/]
  ] as const)('follows a %s answer to a readable operation', async (locationStyle, path) => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', locationStyle, arrayWrapped: locationStyle === 'location-preview' })
    const c = client()
    transport = c.transport
    const answer = await c.instance.goLive(subject)
    if (answer.kind !== 'accepted') throw new Error('not accepted')
    expect(answer.location.pathname).toMatch(path)
    expect(answer.location.searchParams.get('api-version')).toBe('2017-10-31')
    const read = await c.instance.getOperation(answer.location, subject)
    expect(read.operation.rawStatus).toBe('notStarted')
    expect(emulator.requests.at(-1)?.path).toMatch(path)
  })

  it('says clearly when a 202 names no operation', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', locationStyle: 'none' })
    const c = client()
    transport = c.transport
    await expect(c.instance.goLive(subject)).rejects.toThrow(/neither an Operation-Location nor a Location header/)
  })

  it('retries a status GET on 429 and 5xx, then succeeds', async () => {
    const c = client()
    transport = c.transport
    const answer = await c.instance.goLive(subject)
    if (answer.kind !== 'accepted') throw new Error('not accepted')
    emulator.injectFault({ method: 'GET', kind: 'status', status: 429, headers: { 'retry-after': '0' } })
    emulator.injectFault({ method: 'GET', kind: 'status', status: 502, body: 'bad gateway' })
    emulator.injectFault({ method: 'GET', kind: 'reset' })
    const read = await c.instance.getOperation(answer.location, subject)
    expect(read.operation.rawStatus).toBe('notStarted')
    expect(emulator.requestsTo('GET', '/operations/')).toHaveLength(4)
    expect(core.logged('info').filter((l) => l.includes('retrying in'))).toHaveLength(3)
  })

  it('gives up on a GET after its attempts, with the last answer in words', async () => {
    const c = client()
    transport = c.transport
    emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 503, times: 10, body: 'down for maintenance' })
    const error = await c.instance.listSubmissions(subject).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetriesExhaustedError)
    expect((error as Error).message).toBe(
      "Listing the offer's submissions failed: HTTP 503 Service Unavailable (down for maintenance). The service had an error; it is usually temporary, so run the step again later. (after 4 attempts)"
    )
    expect(emulator.requestsTo('GET', '/submissions')).toHaveLength(4)
  })

  it('times out a request that hangs and retries it', async () => {
    const c = client({ requestTimeoutMs: 100 })
    transport = c.transport
    emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'hang' })
    const list = await c.instance.listSubmissions(subject)
    expect(list).toEqual([])
    expect(emulator.requestsTo('GET', '/submissions')).toHaveLength(2)
    expect(core.logged('info').join('\n')).toMatch(/no response from 127\.0\.0\.1:\d+ within 100ms; retrying/)
  })

  it('never resends a POST answered 500: it reports the outcome as ambiguous', async () => {
    const c = client()
    transport = c.transport
    emulator.injectFault({ method: 'POST', kind: 'status', status: 500 })
    await expect(c.instance.goLive(subject)).rejects.toBeInstanceOf(AmbiguousTriggerError)
    expect(emulator.requestsTo('POST', '/golive')).toHaveLength(1)
  })

  it('resends a POST the service refused with 429 or 503', async () => {
    const c = client()
    transport = c.transport
    emulator.injectFault({ method: 'POST', kind: 'status', status: 429, headers: { 'retry-after': '0' } })
    emulator.injectFault({ method: 'POST', kind: 'status', status: 503 })
    const answer = await c.instance.goLive(subject)
    expect(answer.kind).toBe('accepted')
    expect(emulator.requestsTo('POST', '/golive')).toHaveLength(3)
  })

  it('returns a 409 as an answer for the caller to resolve', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: succeedingGoLive() })
    const c = client()
    transport = c.transport
    expect((await c.instance.goLive(subject)).kind).toBe('conflict')
  })

  it('fails a 401 with a static token at once, with the token hint', async () => {
    const c = client({ token: 'expired' })
    transport = c.transport
    const error = await c.instance.listSubmissions(subject).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as Error).message).toMatch(/HTTP 401 Unauthorized\. The 'token' input was rejected/)
    expect(emulator.requests).toHaveLength(1)
  })

  it('renews a rejected token once and retries with the fresh one', async () => {
    const c = client({ token: 'stale', renewTo: DEFAULT_TOKEN })
    transport = c.transport
    await expect(c.instance.listSubmissions(subject)).resolves.toEqual([])
    expect(emulator.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale', `Bearer ${DEFAULT_TOKEN}`])
  })

  it('reports 404 and 403 with the service code and a hint', async () => {
    const c = client()
    transport = c.transport
    await expect(c.instance.listSubmissions({ publisher: 'contoso', offer: 'nope' })).rejects.toThrow(
      /HTTP 404 Not Found \(OfferNotFound: .*\)\. Publisher 'contoso' or offer 'nope' was not found/
    )
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', allowedTokens: ['someone-else'] })
    await expect(c.instance.listSubmissions(subject)).rejects.toThrow(/HTTP 403 Forbidden .* add its service principal/)
  })

  it('reports a status body that is not JSON', async () => {
    const c = client()
    transport = c.transport
    const answer = await c.instance.goLive(subject)
    if (answer.kind !== 'accepted') throw new Error('not accepted')
    emulator.injectFault({ method: 'GET', kind: 'status', status: 200, body: '<html>maintenance</html>', contentType: 'text/html' })
    await expect(c.instance.getOperation(answer.location, subject)).rejects.toThrow(
      'Reading the operation status failed: the answer is not JSON (<html>maintenance</html>).'
    )
  })
})
