// A bug is not an outage: the JSON client calls an answer unexpected only when it is not JSON or
// not the shape a parser needs (a ShapeError). A TypeError in the action's own parser is a fault of
// the action: it fails the step at once, and the wait never counts it as a missed poll. And the one
// deadline, against a real server on loopback: no go-live request begins after it, one on its way is
// cut by a cancellation only; a 401 renews the token that was rejected, once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'
import type { TokenProvider } from '../../src/auth/token-provider.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { ApiClient, UnexpectedAnswerError } = await import('../../src/http/api-client.js')
const { CancelledError, DeadlineError, ShapeError } = await import('../../src/errors.js')
const { createTransport } = await import('../../src/http/transport.js')
const { ServiceError } = await import('../../src/http/service-error.js')
const { waitForOperation } = await import('../../src/wait/wait-for-operation.js')
const { parseOperation } = await import('../../src/wait/operation.js')

const url = new URL('https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/4f3c2a3e-9d8b-4c1a-8e1f-0a1b2c3d4e5f')
const running = JSON.stringify({ id: '4f3c2a3e-9d8b-4c1a-8e1f-0a1b2c3d4e5f', status: 'running', steps: [] })

/** A transport that answers 200 with `bodies` in turn (the last one again when they run out). */
function answering(...bodies: string[]): Transport & { sent: number } {
  const transport = {
    sent: 0,
    request: async (): Promise<HttpResponse> => {
      const body = bodies[Math.min(transport.sent, bodies.length - 1)] as string
      transport.sent++
      return { status: 200, headers: { 'content-type': 'application/json' }, body }
    },
    dispose: () => undefined
  }
  return transport
}

function clientOn(transport: Transport) {
  const tokens = { renewable: false, getToken: async () => 'token', renew: async () => undefined, rejectionHint: () => 'rejected' }
  return new ApiClient({ transport, tokens, backoff: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } })
}

const failure = (response: HttpResponse) => new ServiceError('Reading', response)

/** A parser with a bug of the action's own: it reads a field of something that is not there. */
const buggy = (json: unknown): never => (json as { steps: { missing: { name: string } } }).steps.missing.name as never

describe('ApiClient.readJson', () => {
  beforeEach(() => core.reset())

  it('a body that is not JSON is an unexpected answer', async () => {
    await expect(clientOn(answering('<html>maintenance</html>')).readJson(url, 'Reading', parseOperation, failure)).rejects.toThrow(
      new UnexpectedAnswerError('Reading failed: the answer is not JSON the action can read (<html>maintenance</html>).')
    )
  })

  it('an answer of the wrong shape (a ShapeError) is an unexpected answer that says what it is not', async () => {
    const error = await clientOn(answering('"just a string"'))
      .readJson(url, 'Reading', parseOperation, failure)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnexpectedAnswerError)
    expect((error as Error).message).toBe('Reading failed: the answer is not a JSON object ("just a string").')
  })

  it('a TypeError in the parser is not an unexpected answer: it is thrown as it is', async () => {
    const error = await clientOn(answering(running))
      .readJson(url, 'Reading', buggy, failure)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(error).not.toBeInstanceOf(UnexpectedAnswerError)
  })

  it('any other error a parser throws is not made an unexpected answer either', async () => {
    const parse = (): never => {
      throw new Error('a plain Error is a fault of the action, not a shape of the answer')
    }
    const error = await clientOn(answering(running))
      .readJson(url, 'Reading', parse, failure)
      .catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(UnexpectedAnswerError)
  })
})

describe('a fault while waiting', () => {
  beforeEach(() => {
    core.reset()
    jest.useFakeTimers({ now: Date.parse('2026-11-20T10:00:00Z') })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  const wait = (read: () => Promise<unknown>) =>
    waitForOperation(read as never, {
      intervalMs: 1_000,
      deadline: Date.now() + 60_000,
      missedBudgetMs: 10_000,
      onOperation: () => undefined
    })

  it('a parser that throws a TypeError mid-wait ends the wait at the first poll, with no missed poll', async () => {
    const transport = answering(running)
    const client = clientOn(transport)
    let reads = 0
    const outcome = wait(() =>
      client.readOperation(url, 'Reading the operation status', reads++ === 0 ? parseOperation : buggy, failure)
    ).catch((e: unknown) => e)
    await jest.runAllTimersAsync()
    expect(await outcome).toBeInstanceOf(TypeError)
    expect(transport.sent).toBe(2) // the good poll, then the one that hit the bug: nothing after it
    expect(core.logged('warning')).toEqual([])
  })

  it('an answer of the wrong shape still costs one poll, not the wait', async () => {
    const transport = answering(running, '[]', JSON.stringify({ status: 'succeeded' }))
    const client = clientOn(transport)
    const outcome = wait(() => client.readOperation(url, 'Reading the operation status', parseOperation, failure))
    await jest.runAllTimersAsync()
    expect(await outcome).toMatchObject({ kind: 'finished', operation: { state: 'succeeded' } })
    expect(core.logged('warning')).toEqual([
      'Poll 2 missed: Reading the operation status failed: the answer is not a JSON object ([]). Trying again at the next poll.'
    ])
  })

  it('a ShapeError thrown by a parser is what makes an answer unexpected', () => {
    expect(() => parseOperation(42)).toThrow(ShapeError)
  })
})

/** A server on loopback: each request is recorded and handed to `handle` (answered 202 unless it says otherwise). */
const server = {
  requests: [] as Array<{ method: string; authorization: string }>,
  handle: (_req: IncomingMessage, res: ServerResponse): void => void res.writeHead(202).end(),
  url: new URL('http://127.0.0.1/'),
  sockets: new Set<Socket>()
}
const http = createServer((req, res) => {
  server.requests.push({ method: req.method ?? '', authorization: req.headers.authorization ?? '' })
  req.resume()
  server.handle(req, res)
})
http.on('connection', (socket: Socket) => {
  server.sockets.add(socket)
  socket.on('close', () => server.sockets.delete(socket))
})

describe('ApiClient.send: the deadline, the two signals, and the rejected token', () => {
  let transport: Transport
  beforeAll(async () => {
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const address = http.address()
    if (typeof address !== 'object' || !address) throw new Error('no address')
    server.url = new URL(`http://127.0.0.1:${address.port}/api/publishers/contoso/offers/vm/golive`)
    transport = createTransport(2_000)
  })
  afterAll(async () => {
    transport.dispose()
    await new Promise((resolve) => http.close(resolve))
  })
  beforeEach(() => {
    core.reset()
    server.requests.length = 0
    server.handle = (_req, res) => void res.writeHead(202).end()
  })
  afterEach(() => {
    for (const socket of server.sockets) socket.destroy()
  })

  const backoff = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 }
  const tokens = (over: Partial<TokenProvider> = {}): TokenProvider => ({
    renewable: true,
    getToken: async () => 'token-1',
    renew: async () => 'token-2',
    rejectionHint: () => 'rejected',
    ...over
  })
  const client = (options: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) =>
    new ApiClient({ transport, tokens: tokens(), backoff, ...options })
  const trigger = (api: InstanceType<typeof ApiClient>) => api.send('POST', server.url, 'trigger', 'The Go Live request', failure, {})
  const read = (api: InstanceType<typeof ApiClient>) => api.send('GET', server.url, 'read', 'Reading', failure)
  /** Holds every answer until release() (the request has arrived by then). */
  function holdAnswers() {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let arrived!: () => void
    const arrival = new Promise<void>((resolve) => (arrived = resolve))
    server.handle = (_req, res) => {
      arrived()
      void released.then(() => res.writeHead(202, { 'operation-location': '/api/operations/x' }).end())
    }
    return { arrival, release }
  }

  it('does not begin a go-live request after the deadline: a DeadlineError, and nothing sent', async () => {
    const error = await trigger(client({ deadline: Date.now() - 1 })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect(server.requests).toEqual([])
  })

  it('does not begin it when the deadline passes while its token is fetched', async () => {
    const slowToken = tokens({ getToken: () => new Promise((resolve) => setTimeout(() => resolve('token-1'), 30)) })
    const error = await trigger(client({ tokens: slowToken, deadline: Date.now() + 5 })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect(server.requests).toEqual([])
  })

  it('a read is not stopped by that check: the signal cuts reads', async () => {
    expect((await read(client({ deadline: Date.now() - 1 }))).status).toBe(202)
    expect(server.requests).toHaveLength(1)
  })

  it('a go-live request on its way is not cut by the deadline’s signal: its answer is read', async () => {
    const deadline = new AbortController()
    const cancelled = new AbortController()
    const held = holdAnswers()
    const sent = trigger(client({ signal: deadline.signal, cancelled: cancelled.signal }))
    await held.arrival
    deadline.abort(new DeadlineError())
    held.release()
    const response = await sent
    expect(response.status).toBe(202)
    expect(response.headers['operation-location']).toBe('/api/operations/x')
    expect(server.requests).toHaveLength(1)
  })

  it('a go-live request on its way is cut by a cancellation', async () => {
    const cancelled = new AbortController()
    const held = holdAnswers()
    const sent = trigger(client({ signal: new AbortController().signal, cancelled: cancelled.signal })).catch((e: unknown) => e)
    await held.arrival
    cancelled.abort(new CancelledError('SIGTERM'))
    expect(await sent).toBeInstanceOf(CancelledError)
    held.release()
    expect(server.requests).toHaveLength(1)
  })

  it('a read on its way is cut by the deadline’s signal', async () => {
    const deadline = new AbortController()
    const held = holdAnswers()
    const reading = read(client({ signal: deadline.signal, cancelled: new AbortController().signal })).catch((e: unknown) => e)
    await held.arrival
    deadline.abort(new DeadlineError())
    expect(await reading).toBeInstanceOf(DeadlineError)
    held.release()
  })

  it('after a 401, renews the token that was rejected and sends once more with the fresh one', async () => {
    server.handle = (req, res) => void res.writeHead(req.headers.authorization === 'Bearer token-1' ? 401 : 202).end()
    const renew = jest.fn(async (_rejected?: string) => 'token-2')
    const response = await trigger(client({ tokens: tokens({ renew }) }))
    expect(response.status).toBe(202)
    expect(renew).toHaveBeenCalledTimes(1)
    expect(renew).toHaveBeenCalledWith('token-1')
    expect(server.requests.map((r) => r.authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
  })

  it('a 401 the fresh token did not cure is the answer; a source with no fresh token sends nothing more', async () => {
    server.handle = (_req, res) => void res.writeHead(401).end()
    expect((await read(client())).status).toBe(401)
    expect(server.requests).toHaveLength(2)
    server.requests.length = 0
    const renew = jest.fn(async (_rejected?: string) => undefined)
    expect((await read(client({ tokens: tokens({ renew }) }))).status).toBe(401)
    expect(renew).toHaveBeenCalledWith('token-1')
    expect(server.requests).toHaveLength(1)
  })

  it('does not send a go-live request again with a fresh token once the deadline has passed', async () => {
    server.handle = (_req, res) => void res.writeHead(401).end()
    const deadline = Date.now() + 5
    const renew = () => new Promise<string>((resolve) => setTimeout(() => resolve('token-2'), 30))
    const error = await trigger(client({ tokens: tokens({ renew }), deadline })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect(server.requests).toHaveLength(1)
  })
})
