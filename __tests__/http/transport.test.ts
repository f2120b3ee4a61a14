// Whether a failed request may have reached the server, read from the socket itself: a request can
// only have left once the connection was made (and, for https, the TLS handshake done). This decides
// whether a go-live request may be sent again, so each case runs against a real socket on loopback.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer, type Server, type Socket } from 'node:net'
import { readFileSync } from 'node:fs'
import { createTransport, NetworkError, type Transport } from '../../src/http/transport.js'

const servers: Array<Server | HttpServer> = []
const sockets = new Set<Socket>()
let transport: Transport

async function listen<T extends Server | HttpServer>(server: T): Promise<number> {
  servers.push(server)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return typeof address === 'object' && address ? address.port : 0
}

async function failure(url: string): Promise<NetworkError> {
  const error = await transport.request('POST', new URL(url), { headers: {}, body: '{}' }).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(NetworkError)
  return error as NetworkError
}

beforeAll(() => {
  transport = createTransport(300)
})
afterEach(() => {
  for (const socket of sockets) socket.destroy()
  sockets.clear()
})
afterAll(async () => {
  transport.dispose()
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
})

describe('never sent: the request cannot have reached the server', () => {
  it('a refused connection', async () => {
    const port = await listen(createServer())
    await new Promise((resolve) => (servers.pop() as Server).close(resolve))
    expect(await failure(`http://127.0.0.1:${port}/golive`)).toMatchObject({ code: 'ECONNREFUSED', maybeSent: false, retryable: true })
  })

  it('a connection closed before the TLS handshake ended (the request waits for it)', async () => {
    const port = await listen(createServer((socket) => socket.destroy()))
    const error = await failure(`https://127.0.0.1:${port}/golive`)
    expect(error).toMatchObject({ maybeSent: false, retryable: true })
    expect(error.message).toMatch(/^could not connect to 127\.0\.0\.1:\d+/)
  })

  it('no answer in time to the TLS handshake', async () => {
    const port = await listen(createServer(() => undefined))
    const error = await failure(`https://127.0.0.1:${port}/golive`)
    expect(error).toMatchObject({ maybeSent: false, retryable: true })
    expect(error.message).toMatch(/^could not connect to 127\.0\.0\.1:\d+ within 300ms/)
  })

  it('a certificate the client does not trust: not sent, and not worth retrying', async () => {
    const tls = new URL('../../emulator/tls/', import.meta.url)
    const server = createHttpsServer(
      { cert: readFileSync(new URL('localhost.crt', tls)), key: readFileSync(new URL('localhost.key', tls)) },
      (_req, res) => res.end()
    )
    const port = await listen(server)
    expect(await failure(`https://127.0.0.1:${port}/golive`)).toMatchObject({ maybeSent: false, retryable: false })
  })
})

describe('maybe sent: the connection was made, so the request may have been read and acted on', () => {
  it('a reset after the request was read', async () => {
    const port = await listen(createHttpServer((req) => req.on('end', () => req.socket.destroy()).resume()))
    expect(await failure(`http://127.0.0.1:${port}/golive`)).toMatchObject({ maybeSent: true })
  })

  it('a connection closed at once, before the server read anything: the bytes were on their way', async () => {
    const port = await listen(createServer((socket) => socket.destroy()))
    expect(await failure(`http://127.0.0.1:${port}/golive`)).toMatchObject({ maybeSent: true })
  })

  it('no answer in time', async () => {
    const port = await listen(createHttpServer(() => undefined))
    const error = await failure(`http://127.0.0.1:${port}/golive`)
    expect(error).toMatchObject({ code: 'TIMEOUT', maybeSent: true })
    expect(error.message).toMatch(/^no response from 127\.0\.0\.1:\d+ within 300ms/)
  })

  it('an answer cut off', async () => {
    const port = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(202, { 'content-length': 100 })
        res.write('{"partial":')
        setTimeout(() => res.socket?.destroy(), 10)
      })
    )
    expect(await failure(`http://127.0.0.1:${port}/golive`)).toMatchObject({ code: 'BODY_CUT', maybeSent: true })
  })
})

describe('a cap on one answer below the transport’s (a page of a list)', () => {
  /** Answers 2,000 bytes of JSON, with its length or streamed in chunks without one. */
  const twoThousand = (declared: boolean) =>
    createHttpServer((_req, res) => {
      const body = `"${'x'.repeat(1_998)}"`
      res.writeHead(200, declared ? { 'content-length': body.length } : {})
      if (declared) return void res.end(body)
      res.write(body.slice(0, 1_000))
      setTimeout(() => res.end(body.slice(1_000)), 5)
    })

  it.each([true, false])('refuses an answer past it (length declared: %s), naming it', async (declared) => {
    const port = await listen(twoThousand(declared))
    const read = transport.request('GET', new URL(`http://127.0.0.1:${port}/list`), { headers: {}, maxBodyBytes: 1_999 })
    const error = await read.then(undefined, (e: unknown) => e)
    expect(error).toMatchObject({ code: 'BODY_TOO_LARGE', retryable: false })
    expect((error as Error).message).toMatch(/^the answer from 127\.0\.0\.1:\d+ was larger than 1999 bytes, so it was not read$/)
  })

  it('reads an answer of exactly its size', async () => {
    const port = await listen(twoThousand(false))
    const answer = await transport.request('GET', new URL(`http://127.0.0.1:${port}/list`), { headers: {}, maxBodyBytes: 2_000 })
    expect(answer.body).toHaveLength(2_000)
  })
})
