import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../../emulator/cpp-emulator.js'
import { succeedingGoLive } from '../../../emulator/scenarios.js'
import { createCoreMock } from '../../helpers/core-mock.js'
import { cppFixture, type ClientOptions } from '../../helpers/cpp-fixture.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { AmbiguousTriggerError, RetriesExhaustedError } = await import('../../../src/http/api-client.js')
const { staticTokenProvider } = await import('../../../src/auth/static-token.js')
const { ServiceError } = await import('../../../src/http/service-error.js')

const subject = { publisher: 'contoso', offer: 'vm' }
const fixture = cppFixture(core)

async function client(options: ClientOptions & { renewTo?: string } = {}) {
  if (!options.renewTo) return fixture.client(options)
  // A renewable source, as Entra sign-in is: after renew() it hands out the fresh token.
  let token = options.token ?? DEFAULT_TOKEN
  const renewTo = options.renewTo
  const tokens = {
    ...staticTokenProvider(token, 'https://cloudpartner.azure.com'),
    renewable: true,
    getToken: async () => token,
    renew: async () => (token = renewTo)
  }
  return fixture.client({ ...options, tokens })
}

describe('CppClient against the emulator', () => {
  beforeEach(() => fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' }))

  it.each([
    ['operation-location', /^\/api\/publishers\/contoso\/offers\/vm\/operations\/[0-9a-f-]{36}$/],
    ['location-migrated', /^\/api\/publishers\/contoso\/offers\/vm\/operations\/[0-9a-f-]{36}$/],
    ['location-preview', /^\/api\/operations\/contoso\$vm\$\d+\$preview$/]
  ] as const)('follows a %s answer to a readable operation', async (locationStyle, path) => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', locationStyle, arrayWrapped: locationStyle === 'location-preview' })
    const c = await client()
    const answer = await c.requestGoLive(subject)
    if (answer.kind !== 'accepted') throw new Error('not accepted')
    expect(answer.location.url.pathname).toMatch(path)
    expect(answer.location.url.searchParams.get('api-version')).toBe('2017-10-31')
    expect(answer.location.url.pathname.endsWith(`/${answer.location.id}`)).toBe(true)
    const read = await c.readOperation(answer.location, subject)
    expect(read.operation.rawStatus).toBe('notStarted')
    expect(fixture.emulator.requests.at(-1)?.path).toMatch(path)
  })

  it('says clearly when a 202 names no operation, as an answer that cannot be followed', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', locationStyle: 'none' })
    const c = await client()
    expect(await c.requestGoLive(subject)).toEqual({
      kind: 'unusable',
      status: 202,
      problem: 'sent neither an Operation-Location nor a Location header'
    })
  })

  it.each([
    ['https://exa mple.com/x', 'contains white space'],
    ['https://attacker.example/api/operations/contoso$vm$1$preview', 'points to https://attacker.example'],
    ['/api/../../etc/passwd', "contains a '.' or '..' path segment"],
    ['/api/publishers/contoso/offers/vm/operations/x%2F..%2Fy', 'contains an encoded slash'],
    ['/api/publishers/contoso/offers/vm/operations/$(id)', 'is not a CPP operation path'],
    ['/api/publishers/other/offers/vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8', 'named an operation of another offer'],
    ['javascript:alert(1)', 'is neither an http(s) URL nor a path']
  ])('treats a 202 whose location is %s as unusable: %s', async (location, problem) => {
    const c = await client()
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 202, headers: { location } })
    const answer = await c.requestGoLive(subject)
    expect(answer.kind).toBe('unusable')
    expect(answer.kind === 'unusable' && answer.problem).toContain(problem)
  })

  it('retries a status GET on 429 and 5xx, then succeeds', async () => {
    const c = await client()
    const answer = await c.requestGoLive(subject)
    if (answer.kind !== 'accepted') throw new Error('not accepted')
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', status: 429, headers: { 'retry-after': '0' } })
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', status: 502, body: 'bad gateway' })
    fixture.emulator.injectFault({ method: 'GET', kind: 'reset' })
    const read = await c.readOperation(answer.location, subject)
    expect(read.operation.rawStatus).toBe('notStarted')
    expect(fixture.emulator.requestsTo('GET', '/operations/')).toHaveLength(4)
    expect(core.logged('info').filter((l) => l.includes('retrying in'))).toHaveLength(3)
  })

  it('does not sleep for an hour when Retry-After asks for one: it stops and says so', async () => {
    const c = await client()
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 429, headers: { 'retry-after': '3600' } })
    await expect(c.listSubmissions(subject)).rejects.toThrow(
      "Listing the offer's submissions failed: HTTP 429, and the service asked to retry after 1h, longer than the action waits for one request (10m). Run the step again later."
    )
    expect(fixture.emulator.requests).toHaveLength(1)
  })

  it('gives up on a GET after its attempts, with the last answer in words', async () => {
    const c = await client()
    fixture.emulator.injectFault({
      method: 'GET',
      path: '/submissions',
      kind: 'status',
      status: 503,
      times: 10,
      body: 'down for maintenance'
    })
    const error = await c.listSubmissions(subject).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetriesExhaustedError)
    expect((error as Error).message).toBe(
      "Listing the offer's submissions failed: HTTP 503 Service Unavailable (down for maintenance). The service had an error; it is usually temporary, so run the step again later. (after 4 attempts)"
    )
    expect(fixture.emulator.requestsTo('GET', '/submissions')).toHaveLength(4)
  })

  it('times out a request that hangs and retries it', async () => {
    const c = await client({ requestTimeoutMs: 100 })
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'hang' })
    const list = await c.listSubmissions(subject)
    expect(list).toEqual([])
    expect(fixture.emulator.requestsTo('GET', '/submissions')).toHaveLength(2)
    expect(core.logged('info').join('\n')).toMatch(/no response from 127\.0\.0\.1:\d+ within 100ms; retrying/)
  })

  it('never resends a POST answered 500: it reports the outcome as ambiguous', async () => {
    const c = await client()
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 500 })
    await expect(c.requestGoLive(subject)).rejects.toBeInstanceOf(AmbiguousTriggerError)
    expect(fixture.emulator.requestsTo('POST', '/golive')).toHaveLength(1)
  })

  it('resends a POST the service refused with 429 or 503', async () => {
    const c = await client()
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 429, headers: { 'retry-after': '0' } })
    // A 503 in the service's own words (a Retry-After): a bare 503 page is ambiguous (retry.test.ts).
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 503, headers: { 'retry-after': '0' } })
    const answer = await c.requestGoLive(subject)
    expect(answer.kind).toBe('accepted')
    expect(fixture.emulator.requestsTo('POST', '/golive')).toHaveLength(3)
  })

  it('returns a 409 as an answer for the caller to resolve', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: succeedingGoLive() })
    const c = await client()
    expect((await c.requestGoLive(subject)).kind).toBe('conflict')
  })

  it('fails a 401 with a static token at once, with the token hint', async () => {
    const c = await client({ token: 'expired' })
    const error = await c.listSubmissions(subject).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as Error).message).toMatch(/HTTP 401 Unauthorized\. The 'token' input was rejected/)
    expect(fixture.emulator.requests).toHaveLength(1)
  })

  it('renews a rejected token once and retries with the fresh one', async () => {
    const c = await client({ token: 'stale', renewTo: DEFAULT_TOKEN })
    await expect(c.listSubmissions(subject)).resolves.toEqual([])
    expect(fixture.emulator.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale', `Bearer ${DEFAULT_TOKEN}`])
  })

  it('reports 404 and 403 with the service code and a hint', async () => {
    const c = await client()
    await expect(c.listSubmissions({ publisher: 'contoso', offer: 'nope' })).rejects.toThrow(
      /HTTP 404 Not Found \(OfferNotFound: .*\)\. Publisher 'contoso' or offer 'nope' was not found/
    )
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', allowedTokens: ['someone-else'] })
    await expect(c.listSubmissions(subject)).rejects.toThrow(/HTTP 403 Forbidden .* add its service principal/)
  })

  it('reports a status body that is not JSON', async () => {
    const c = await client()
    const answer = await c.requestGoLive(subject)
    if (answer.kind !== 'accepted') throw new Error('not accepted')
    fixture.emulator.injectFault({ method: 'GET', kind: 'status', status: 200, body: '<html>maintenance</html>', contentType: 'text/html' })
    await expect(c.readOperation(answer.location, subject)).rejects.toThrow(
      'Reading the operation status failed: the answer is not JSON the action can read (<html>maintenance</html>).'
    )
  })

  it('maps a submission to its operation only for a safe id of this offer', async () => {
    const c = await client()
    const location = (id: string) => c.submissionLocation(subject, { id })?.url.href
    expect(location('contoso$vm$3$preview')).toBe(`${fixture.emulator.url}/api/operations/contoso$vm$3$preview?api-version=2017-10-31`)
    expect(location('56615b67-2185-49fe-80d2-c4ddf77bb2e8')).toBe(
      `${fixture.emulator.url}/api/publishers/contoso/offers/vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31`
    )
    for (const id of ['other$vm$3$preview', '../../x', '$(id)', '1']) expect(location(id)).toBeUndefined()
  })
})
