// What both API emulators share: an http(s) server on loopback that reads each request's body and
// hands it on with the origin the client called, tracks its sockets so close() ends them all, and
// answers JSON.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Socket } from 'node:net'

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string, origin: string) => void

export interface ServeOptions {
  port?: number | undefined
  /** Serve https with the test certificate (emulator/tls), as the real services do. */
  tls?: boolean | undefined
  keepAliveTimeoutMs?: number | undefined
}

export interface Served {
  /** `http(s)://127.0.0.1:<port>`. */
  origin: string
  close(): Promise<void>
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

export async function serve(handler: Handler, options: ServeOptions = {}): Promise<Served> {
  const scheme = options.tls ? 'https' : 'http'
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    // Absolute locations name the host the client called, as a real server behind its name does.
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8'), `${scheme}://${req.headers.host ?? '127.0.0.1'}`))
  }
  const tlsDir = new URL('./tls/', import.meta.url)
  const server: Server = options.tls
    ? (createHttpsServer(
        { cert: readFileSync(new URL('localhost.crt', tlsDir)), key: readFileSync(new URL('localhost.key', tlsDir)) },
        onRequest
      ) as unknown as Server)
    : createServer(onRequest)
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 60_000
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    origin: `${scheme}://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}
