// A service that cannot be reached, against real sockets on loopback (a closed port refuses) and a
// transport that fails before connecting: the JSON client retries, then says in words what to check
// (base-url and its value, the proxy variables and whether a proxy was used, the emulator for a local
// trial). A service that answers, even 503, is reachable: not this error. And the step's memory:
// once one request spent its retries on an origin, the others try it once, until it connects again;
// an origin that answered earlier in the step is said to be cut off, not misconfigured.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createServer as createTcpServer } from 'node:net'
import { createServer, type Server } from 'node:http'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { ApiClient, RetriesExhaustedError } = await import('../../src/http/api-client.js')
const { createTransport, NetworkError } = await import('../../src/http/transport.js')
const { Reachability } = await import('../../src/http/reachability.js')
const { UnreachableError } = await import('../../src/http/unreachable.js')
const { ServiceError, isServiceUnavailable } = await import('../../src/http/service-error.js')

const tokens = { renewable: false, getToken: async () => 'token', renew: async () => undefined, rejectionHint: () => 'rejected' }
const backoff = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 }
const failure = (response: HttpResponse) => new ServiceError('Reading', response)

/** A port on loopback that was free a moment ago: a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createTcpServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A transport that fails before connecting while `down`, answering 200 otherwise; counts requests per origin. */
function flaky(code = 'ECONNREFUSED') {
  const state = { down: true, sent: 0 }
  const reachability = new Reachability()
  const transport: Transport = {
    reachability,
    request: async (_method, url) => {
      state.sent++
      if (state.down) throw new NetworkError(`could not connect to ${url.host} (${code})`, code, false, code === 'ECONNREFUSED')
      return { status: 200, headers: {}, body: '{}' }
    },
    dispose: () => undefined
  }
  return { state, transport }
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']
let saved: Record<string, string | undefined> = {}
beforeEach(() => {
  core.reset()
  saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
  for (const name of PROXY_VARIABLES) delete process.env[name]
})
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

describe('a service that cannot be reached', () => {
  it('a closed port on loopback: every attempt made, then an error naming base-url, the proxy variables and the emulator', async () => {
    const port = await closedPort()
    const baseUrl = new URL(`http://127.0.0.1:${port}`)
    const transport = createTransport(1_000)
    const client = new ApiClient({ transport, tokens, backoff, baseUrl })
    const error = await client.send('GET', new URL('/api/offers', baseUrl), 'read', 'Listing the offers', failure).catch((e: unknown) => e)
    transport.dispose()

    expect(error).toBeInstanceOf(UnreachableError)
    // Still the service's unavailability: a wait loses one poll to it, not the wait.
    expect(isServiceUnavailable(error)).toBe(true)
    const message = (error as Error).message
    expect(message).toMatch(
      new RegExp(
        `^Listing the offers failed: could not connect to 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\) \\(4 attempts over \\d+ms\\)\\. `
      )
    )
    expect(message).toContain(`check base-url (http://127.0.0.1:${port})`)
    expect(message).toContain('HTTP_PROXY (or http_proxy) and NO_PROXY do not apply to a loopback address')
    expect(message).toContain('npm run emulator')
    expect(core.logged('info').filter((line) => line.startsWith('Listing the offers: could not connect'))).toHaveLength(3)
  })

  it('an https base-url behind a proxy: names the proxy by its origin (never its password) and the variable it came from', async () => {
    process.env.HTTPS_PROXY = 'http://build:s3cret-pass@proxy.corp.example:3128'
    const { transport } = flaky()
    const baseUrl = new URL('https://cloudpartner.azure.com')
    const error = await new ApiClient({ transport, tokens, backoff, baseUrl })
      .send('GET', new URL('/api/publishers/contoso/offers/vm/status', baseUrl), 'read', 'Reading the offer status', failure)
      .catch((e: unknown) => e)
    const message = (error as Error).message
    expect(message).toContain('check base-url (https://cloudpartner.azure.com)')
    expect(message).toContain(
      'The connection went through the proxy http://proxy.corp.example:3128 (HTTPS_PROXY): check that the proxy is up and lets the runner reach cloudpartner.azure.com, or list cloudpartner.azure.com in NO_PROXY to go direct.'
    )
    expect(message).not.toContain('s3cret')
    // Not a local trial: no word of the emulator.
    expect(message).not.toContain('emulator')
  })

  it('no proxy set: says the connection went direct and which variables set one; NO_PROXY covering the host: says so', async () => {
    const baseUrl = new URL('https://graph.microsoft.com/rp/product-ingestion')
    const send = async () => {
      const { transport } = flaky('ENOTFOUND')
      return new ApiClient({ transport, tokens, backoff, baseUrl })
        .send('GET', new URL('https://graph.microsoft.com/rp/product-ingestion/product'), 'read', 'Looking up the product', failure)
        .catch((e: unknown) => (e as Error).message)
    }
    const direct = await send()
    expect(direct).toContain('check base-url (https://graph.microsoft.com/rp/product-ingestion)')
    expect(direct).toContain('The connection went direct: HTTPS_PROXY (or https_proxy) is not set; behind a proxy, set it (and NO_PROXY')
    process.env.https_proxy = 'http://proxy.corp.example:3128'
    process.env.NO_PROXY = '.microsoft.com'
    expect(await send()).toContain('The connection went direct, as NO_PROXY covers graph.microsoft.com')
  })

  it('a TLS handshake that fails is not retried, and points at NODE_EXTRA_CA_CERTS for a proxy that inspects TLS', async () => {
    const { state, transport } = flaky('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
    const baseUrl = new URL('https://cloudpartner.azure.com')
    const error = await new ApiClient({ transport, tokens, backoff, baseUrl })
      .send('GET', new URL('/api/x', baseUrl), 'read', 'Reading', failure)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnreachableError)
    expect(state.sent).toBe(1)
    expect((error as Error).message).toMatch(/\(not retried\)\. .*NODE_EXTRA_CA_CERTS/)
  })

  it('a service that answers 503 is reachable: its own trouble, not an unreachable service', async () => {
    const server: Server = createServer((_req, res) => void res.writeHead(503).end('down'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const baseUrl = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}`)
    const transport = createTransport(1_000)
    const error = await new ApiClient({ transport, tokens, backoff, baseUrl })
      .send('GET', new URL('/x', baseUrl), 'read', 'Reading', failure)
      .then((response) => response)
      .catch((e: unknown) => e)
    transport.dispose()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    expect(error).toBeInstanceOf(RetriesExhaustedError)
    expect(error).not.toBeInstanceOf(UnreachableError)
    expect((error as Error).message).not.toContain('base-url')
  })
})

describe("the step's memory of an unreachable origin", () => {
  it('after one request spent its retries, the next tries once; once a connection is made, retries come back', async () => {
    const { state, transport } = flaky()
    const baseUrl = new URL('https://cloudpartner.azure.com')
    // Two offers' clients on the step's one transport.
    const first = new ApiClient({ transport, tokens, backoff, baseUrl })
    const second = new ApiClient({ transport, tokens, backoff, baseUrl })
    const read = (client: InstanceType<typeof ApiClient>) =>
      client.send('GET', new URL('/api/x', baseUrl), 'read', 'Reading', failure).catch((e: unknown) => e)

    expect(await read(first)).toBeInstanceOf(UnreachableError)
    expect(state.sent).toBe(4)
    const known = await read(second)
    expect(state.sent).toBe(5)
    expect((known as Error).message).toContain('not retried, as an earlier request of this step could not connect either after its retries')

    // It connects again: remembered no more, and a later failure is retried in full.
    state.down = false
    expect(await read(second)).toMatchObject({ status: 200 })
    state.down = true
    state.sent = 0
    const midWait = await read(first)
    expect(state.sent).toBe(4)
    // It answered earlier in the step: the base-url is right, the way to it is down (a poll lost mid-wait).
    expect((midWait as Error).message).toMatch(
      /\(4 attempts over \d+ms\)\. The service answered earlier in this step: the network to it is down\.$/
    )
  })

  it('another origin is not touched by it', async () => {
    const { state, transport } = flaky()
    const client = new ApiClient({ transport, tokens, backoff, baseUrl: new URL('https://cloudpartner.azure.com') })
    await client.send('GET', new URL('https://cloudpartner.azure.com/a'), 'read', 'Reading', failure).catch(() => undefined)
    state.sent = 0
    await client.send('GET', new URL('https://graph.microsoft.com/a'), 'read', 'Reading', failure).catch(() => undefined)
    expect(state.sent).toBe(4)
  })
})
