import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from './helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { getConfig } = await import('../src/inputs.js')

const valid = { publisher: 'contoso', offer: 'contoso-vm', token: 'secret-token' }

describe('getConfig', () => {
  beforeEach(() => {
    core.reset()
    core.inputs = { ...valid }
  })

  it('applies the documented defaults', () => {
    const config = getConfig()
    expect(config).toMatchObject({
      publisher: 'contoso',
      offers: ['contoso-vm'],
      maxParallel: 4,
      wait: false,
      timeoutMs: 5 * 3_600_000,
      retryFailed: false,
      pollIntervalMs: 60_000,
      requestTimeoutMs: 30_000,
      api: 'auto'
    })
    // A token that is not a JWT: its audience cannot choose, so the CPP API, as before there was a choice.
    expect(config.targets.map((t) => [t.descriptor.api, t.baseUrl.href, t.apiVersion])).toEqual([
      ['cloud-partner-portal', 'https://cloudpartner.azure.com/', '2017-10-31']
    ])
    expect(core.logged('notice')).toEqual([expect.stringContaining("'api: auto' cannot tell which API it is for")])
    expect(config.operationLocation).toBeUndefined()
  })

  it('without token or client-id, signs in with the Azure CLI session, and still refuses a bad input before any request', () => {
    core.inputs = { publisher: 'contoso', offer: 'contoso-vm' }
    expect(getConfig().auth).toEqual({ kind: 'azure-cli' })
    core.inputs = { publisher: 'contoso', offer: 'contoso-vm', timeout: 'soon' }
    expect(() => getConfig()).toThrow("Input 'timeout' must be a positive duration")
  })

  it('masks the token before validating anything else', () => {
    core.inputs = { token: 'secret-token', publisher: 'bad/id' }
    expect(() => getConfig()).toThrow(/publisher/)
    expect(core.secrets).toEqual(['secret-token'])
  })

  it.each([
    ['publisher', '', "Input 'publisher' is required"],
    ['publisher', 'con/toso', "Input 'publisher' must be a plain identifier"],
    ['offer', 'a..b', "Input 'offer' must be a plain identifier"],
    ['offer', 'my offer', "Input 'offer' must be a plain identifier"],
    ['offer', 'x?y=1', "Input 'offer' must be a plain identifier"],
    ['wait', 'yes', "Input 'wait' must be 'true' or 'false'; got 'yes'"],
    ['timeout', '0s', "Input 'timeout' must be a positive duration"],
    ['poll-interval', '1 minute', "Input 'poll-interval' must be a positive duration"],
    ['request-timeout', 'fast', "Input 'request-timeout' must be a positive duration"],
    ['base-url', 'http://cloudpartner.azure.com', "Input 'base-url' must use https"],
    ['base-url', 'not a url', "Input 'base-url' must be an absolute URL"],
    ['base-url', 'https://cloudpartner.azure.com/api', "Input 'base-url' must be an origin"],
    ['api-version', 'latest', "Input 'api-version' must be a date such as 2017-10-31"],
    [
      'operation-location',
      'operations/123',
      "Input 'operation-location' is neither an http(s) URL nor a path: it must be the operation-location output of an earlier run, an absolute URL or a path starting with /api/; got 'operations/123'"
    ],
    [
      'operation-location',
      'https://evil.example/api/operations/contoso$contoso-vm$1$preview',
      "Input 'operation-location' points to https://evil.example, not to https://cloudpartner.azure.com (the token is only sent to input 'base-url')"
    ],
    [
      'operation-location',
      `/api/publishers/other/offers/contoso-vm/operations/${'56615b67-2185-49fe-80d2-c4ddf77bb2e8'}`,
      "Input 'operation-location' belongs to other/contoso-vm"
    ],
    ['operation-location', '/api/../../etc/passwd', "Input 'operation-location' contains a '.' or '..' path segment"],
    [
      'operation-location',
      '/api/publishers/contoso/offers/other%2F..%2Fcontoso-vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8',
      "Input 'operation-location' contains an encoded slash"
    ],
    [
      'operation-location',
      '/api/operations/contoso$contoso-vm$1$preview?api-version=2017-10-31&x=1',
      "Input 'operation-location' has a query other than api-version"
    ],
    ['operation-location', '/etc/passwd', "Input 'operation-location' is not a CPP operation path"],
    ['poll-interval', '25d', "Input 'poll-interval' must be at most 1d"],
    ['request-timeout', '25d', "Input 'request-timeout' must be at most 10m"],
    ['timeout', '30d', "Input 'timeout' must be at most 5d"],
    ['token', 'abc\n::stop-commands::x', "Input 'token' must be a bearer token on one line"]
  ])('refuses %s=%j naming the input and what is allowed', (name, value, message) => {
    core.inputs[name] = value
    expect(() => getConfig()).toThrow(message)
  })

  it('reads booleans and durations as workflows write them', () => {
    Object.assign(core.inputs, { wait: 'TRUE', timeout: '1h30m', 'poll-interval': '500ms', 'base-url': 'http://127.0.0.1:8080/' })
    const config = getConfig()
    expect(config.wait).toBe(true)
    expect(config.timeoutMs).toBe(5_400_000)
    expect(config.pollIntervalMs).toBe(500)
    expect(config.targets[0]?.baseUrl.origin).toBe('http://127.0.0.1:8080')
  })

  it('resolves an operation location path against base-url, adding api-version', () => {
    core.inputs['operation-location'] = '/api/operations/contoso$contoso-vm$2$preview'
    expect(getConfig().operationLocation?.url.href).toBe(
      'https://cloudpartner.azure.com/api/operations/contoso$contoso-vm$2$preview?api-version=2017-10-31'
    )
  })

  it('accepts an operation location of the same offer in another letter case', () => {
    core.inputs['operation-location'] =
      'https://cloudpartner.azure.com/api/publishers/Contoso/offers/Contoso-VM/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8'
    expect(getConfig().operationLocation?.url.pathname).toBe(
      '/api/publishers/Contoso/offers/Contoso-VM/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8'
    )
  })

  it('takes per-API defaults for the Product Ingestion API, where publisher is optional', () => {
    core.inputs = { api: 'product-ingestion', offer: 'contoso-app', token: 'secret-token' }
    const config = getConfig()
    expect(config).toMatchObject({ api: 'product-ingestion', publisher: '', offers: ['contoso-app'] })
    expect(config.targets[0]?.apiVersion).toBe('2022-07-01')
    expect(config.targets[0]?.baseUrl.href).toBe('https://graph.microsoft.com/rp/product-ingestion')
    core.inputs = { ...core.inputs, 'api-version': '2022-03-01-preview2', 'base-url': 'http://127.0.0.1:9/rp/product-ingestion/' }
    expect(getConfig().targets[0]?.apiVersion).toBe('2022-03-01-preview2')
    expect(getConfig().targets[0]?.baseUrl.href).toBe('http://127.0.0.1:9/rp/product-ingestion')
  })

  it('still requires publisher for the CPP API, and refuses an unknown api', () => {
    core.inputs = { offer: 'contoso-vm', token: 'secret-token' }
    expect(() => getConfig()).toThrow("Input 'publisher' is required")
    core.inputs = { ...valid, api: 'cpp' }
    expect(() => getConfig()).toThrow("Input 'api' must be 'auto', 'cloud-partner-portal' or 'product-ingestion'; got 'cpp'")
  })
})

/** A JWT with these claims (unsigned: the action only reads its audience and expiry). */
const jwt = (claims: Record<string, unknown>): string =>
  ['{"alg":"none"}', JSON.stringify(claims), ''].map((part) => Buffer.from(part).toString('base64url')).join('.')

describe('api: auto (the default)', () => {
  beforeEach(() => core.reset())
  const apis = (): string[] => getConfig().targets.map((t) => t.descriptor.api)

  it("with a token, its audience chooses: Microsoft Graph's is Product Ingestion, the CPP resource's is the CPP API", () => {
    for (const aud of ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000']) {
      core.inputs = { offer: 'contoso-app', token: jwt({ aud }) }
      expect(apis()).toEqual(['product-ingestion'])
    }
    core.inputs = { publisher: 'contoso', offer: 'contoso-vm', token: jwt({ aud: ['https://cloudpartner.azure.com'] }) }
    expect(apis()).toEqual(['cloud-partner-portal'])
    // base-url and api-version apply to the API the audience chose.
    core.inputs = {
      offer: 'contoso-app',
      token: jwt({ aud: 'https://graph.microsoft.com' }),
      'base-url': 'http://127.0.0.1:9/rp/product-ingestion'
    }
    expect(getConfig().targets[0]?.baseUrl.href).toBe('http://127.0.0.1:9/rp/product-ingestion')
    expect(core.logged('notice')).toEqual([])
  })

  it('refuses a token for another audience, naming it, before any request', () => {
    core.inputs = { publisher: 'contoso', offer: 'contoso-vm', token: jwt({ aud: 'https://management.azure.com' }) }
    expect(() => getConfig()).toThrow(
      "Input 'token' is for 'https://management.azure.com', which neither API takes: get a token for https://cloudpartner.azure.com (cloud-partner-portal) or https://graph.microsoft.com (product-ingestion), or sign in with 'client-id' and 'tenant-id'"
    )
  })

  it('with a sign-in, looks each offer up in both APIs, Product Ingestion first; the CPP API only with a publisher', () => {
    const signIn = { 'client-id': '11111111-2222-3333-4444-555555555555', 'tenant-id': '99999999-8888-7777-6666-555555555555' }
    core.inputs = { ...signIn, publisher: 'contoso', offer: 'contoso-vm' }
    expect(apis()).toEqual(['product-ingestion', 'cloud-partner-portal'])
    expect(getConfig().targets.map((t) => t.baseUrl.href)).toEqual([
      'https://graph.microsoft.com/rp/product-ingestion',
      'https://cloudpartner.azure.com/'
    ])
    core.inputs = { ...signIn, offer: 'contoso-app' }
    expect(apis()).toEqual(['product-ingestion'])
  })

  it('with a sign-in, refuses base-url and api-version: they belong to one API', () => {
    const signIn = { 'client-id': '11111111-2222-3333-4444-555555555555', 'tenant-id': '99999999-8888-7777-6666-555555555555' }
    for (const [name, value] of [
      ['base-url', 'http://127.0.0.1:9'],
      ['api-version', '2017-10-31']
    ]) {
      core.inputs = { ...signIn, publisher: 'contoso', offer: 'contoso-vm', [name as string]: value as string }
      expect(() => getConfig()).toThrow(`Input '${name}' belongs to one API, and with 'api: auto' and a sign-in the action may ask both`)
    }
  })

  it('with a sign-in, an operation-location names its API by its form', () => {
    const signIn = { 'client-id': '11111111-2222-3333-4444-555555555555', 'tenant-id': '99999999-8888-7777-6666-555555555555' }
    core.inputs = {
      ...signIn,
      publisher: 'contoso',
      offer: 'contoso-vm',
      'operation-location': '/api/operations/contoso$contoso-vm$2$preview'
    }
    expect(apis()).toEqual(['cloud-partner-portal'])
    core.inputs = {
      ...signIn,
      publisher: 'contoso',
      offer: 'contoso-vm',
      'operation-location': 'https://graph.microsoft.com/rp/product-ingestion/configure/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/status'
    }
    expect(apis()).toEqual(['product-ingestion'])
    core.inputs = { ...signIn, publisher: 'contoso', offer: 'contoso-vm', 'operation-location': '/nowhere' }
    expect(() => getConfig()).toThrow("Input 'operation-location' is not an operation location of either API")
  })
})

describe('several offers', () => {
  beforeEach(() => {
    core.reset()
    core.inputs = { ...valid }
  })

  it('takes one offer id per line and/or separated by commas, blanks ignored, in input order', () => {
    core.inputs.offer = 'contoso-vm, contoso-app\n\n  contoso-db ,\r\ncontoso-ml,,\n'
    expect(getConfig().offers).toEqual(['contoso-vm', 'contoso-app', 'contoso-db', 'contoso-ml'])
    core.inputs.offer = 'contoso-vm'
    expect(getConfig().offers).toEqual(['contoso-vm'])
  })

  it('takes 256 offers and refuses 257, saying how many it got and what to do', () => {
    const ids = Array.from({ length: 257 }, (_, i) => `offer-${i}`)
    core.inputs.offer = ids.slice(0, 256).join('\n')
    expect(getConfig().offers).toHaveLength(256)
    core.inputs.offer = ids.join(',')
    expect(() => getConfig()).toThrow("Input 'offer' takes at most 256 offers in one step; got 257: split them over several steps")
  })

  it.each([
    ['', "Input 'offer' is required: one offer id, or several, one per line or separated by commas"],
    [' ,\n, ', "Input 'offer' is required: one offer id, or several, one per line or separated by commas"],
    [
      'contoso-vm\nmy offer',
      "Input 'offer' must be a plain identifier (letters, digits, '-', '_' or '.', at most 128 characters, no '/', '..', spaces or query characters); got 'my offer' (offer 2 of 2)"
    ],
    ['a,b/../c,d', "got 'b/../c' (offer 2 of 3)"],
    ['contoso-vm,contoso-app,contoso-vm', "Input 'offer' names 'contoso-vm' twice: give each offer once"],
    [
      'Contoso-VM\ncontoso-vm',
      "Input 'offer' names 'contoso-vm' twice (as 'Contoso-VM' too: ids are compared regardless of case): give each offer once"
    ]
  ])('refuses offer %j, naming the input and what it takes', (offer, message) => {
    core.inputs.offer = offer
    expect(() => getConfig()).toThrow(message)
  })

  it.each([
    ['1', 1],
    ['32', 32],
    ['08', 8]
  ])('takes max-parallel %s', (value, expected) => {
    core.inputs['max-parallel'] = value
    expect(getConfig().maxParallel).toBe(expected)
  })

  it.each(['0', '33', '-1', '4.5', 'four', '1e1', '0x4', '999'])('refuses max-parallel %j, saying what it takes', (value) => {
    core.inputs['max-parallel'] = value
    expect(() => getConfig()).toThrow(
      `Input 'max-parallel' must be a whole number from 1 to 32 (how many offers' Go Live requests may be under way at once); got '${value}'`
    )
  })

  it('refuses operation-location with several offers, saying to run the step again instead', () => {
    core.inputs.offer = 'contoso-vm,contoso-app'
    core.inputs['operation-location'] = '/api/operations/contoso$contoso-vm$2$preview'
    expect(() => getConfig()).toThrow(
      "Input 'operation-location' names the go-live of one offer, so it cannot be given with several offers (2): to check on their go-lives, run the step again with the same offers instead"
    )
    // One offer still takes it, checked against that offer.
    core.inputs.offer = 'contoso-vm'
    expect(getConfig().operationLocation?.id).toBe('contoso$contoso-vm$2$preview')
  })
})
