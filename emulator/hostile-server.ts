// A server that answers like a broken gateway or a tampering proxy: raw bytes on a TCP socket, so
// it can send what no HTTP library would (a bad status line, a folded or endless header, a body cut
// off or without end). It records every request and when its connection closed.
import { createServer, type Server, type Socket } from 'node:net'

interface HostileRequest {
  method: string
  /** The path as sent, query excluded. */
  path: string
  query: string
  headers: Record<string, string>
  at: number
  /** When the connection closed (the client gave up, or the answer ended). */
  closedAt?: number
}

/** Bytes to send and close, 'hang' to send nothing, or a function that drives the socket itself. */
export type Reply = string | Buffer | 'hang' | ((socket: Socket) => void)

export interface HostileServer {
  url: string
  requests: HostileRequest[]
  /** Sets what every later request is answered with. */
  handle(handler: (request: HostileRequest) => Reply): void
  requestsTo(method: string, pathPart: string): HostileRequest[]
  close(): Promise<void>
}

/** A well-formed HTTP/1.1 answer that closes the connection. */
export function answer(status: number, headers: Record<string, string> = {}, body: string | Buffer = ''): string | Buffer {
  const head = [`HTTP/1.1 ${status} Status`, `content-length: ${Buffer.byteLength(body)}`, 'connection: close']
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`)
  const text = `${head.join('\r\n')}\r\n\r\n`
  return typeof body === 'string' ? text + body : Buffer.concat([Buffer.from(text), body])
}

export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): string | Buffer =>
  answer(status, { 'content-type': 'application/json', ...headers }, JSON.stringify(body))

/** Writes `chunk` every `everyMs` until the client closes the connection: a body without end. */
export function endless(head: string, chunk: Buffer | string, everyMs: number): (socket: Socket) => void {
  return (socket) => {
    socket.write(head)
    const timer = setInterval(() => {
      if (socket.destroyed || !socket.writable) return clearInterval(timer)
      socket.write(chunk)
    }, everyMs)
    socket.on('close', () => clearInterval(timer))
  }
}

export async function startHostileServer(): Promise<HostileServer> {
  const requests: HostileRequest[] = []
  const sockets = new Set<Socket>()
  let handler: (request: HostileRequest) => Reply = () => answer(404)
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined) // the client destroying its end is the point of some tests
    let head = ''
    let request: HostileRequest | undefined
    socket.on('close', () => {
      sockets.delete(socket)
      if (request) request.closedAt = Date.now()
    })
    socket.setEncoding('latin1')
    socket.on('data', (data: string) => {
      if (request) return
      head += data
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      const [line = '', ...fields] = head.slice(0, end).split('\r\n')
      const [method = '', target = ''] = line.split(' ')
      const headers: Record<string, string> = {}
      for (const field of fields) {
        const colon = field.indexOf(':')
        if (colon > 0) headers[field.slice(0, colon).toLowerCase()] = field.slice(colon + 1).trim()
      }
      const [path = '', query = ''] = target.split('?')
      request = { method, path, query: query ? `?${query}` : '', headers, at: Date.now() }
      requests.push(request)
      const reply = handler(request)
      if (reply === 'hang') return
      if (typeof reply === 'function') return reply(socket)
      socket.end(reply)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    requests,
    handle: (next) => void (handler = next),
    requestsTo: (method, pathPart) => requests.filter((r) => r.method === method && r.path.includes(pathPart)),
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}
