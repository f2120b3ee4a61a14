// A server on loopback that answers given method + path routes with given bodies, byte for byte, and
// records every request. The e2e replays use it to play Microsoft's published sample answers (and
// open-source clients' fixtures) to the bundle exactly as written, with no emulator logic in between.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { serve } from './serve.ts'

export interface ReplayAnswer {
  status?: number
  headers?: Record<string, string>
  /** Sent as is when a string (a sample's verbatim text); anything else is sent as its JSON. */
  body?: unknown
}

export interface ReplayRoute {
  method: string
  /** The raw request path, query excluded, compared exactly (`$` stays literal). */
  path: string
  /** Successive requests get successive answers; the last one repeats. */
  answers: ReplayAnswer[]
}

interface ReplayRequest {
  method: string
  path: string
  query: string
  headers: IncomingHttpHeaders
  body: string
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>`. */
  url: string
  requests: ReplayRequest[]
  /** Replaces the routes and forgets the recorded requests. */
  setRoutes(routes: ReplayRoute[]): void
  requestsTo(method: string, path: string): ReplayRequest[]
  close(): Promise<void>
}

export async function startReplayServer(routes: ReplayRoute[] = []): Promise<ReplayServer> {
  let table = routes
  const served = new Map<ReplayRoute, number>()
  const requests: ReplayRequest[] = []

  function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const [path = '/', query = ''] = (req.url ?? '/').split(/\?(.*)/s)
    const method = req.method ?? ''
    requests.push({ method, path, query: query ? `?${query}` : '', headers: req.headers, body })
    const route = table.find((r) => r.method === method && r.path === path)
    // made-up: a request no route expects gets a Graph-style 404, so a test sees it in `requests`.
    const answer: ReplayAnswer = route
      ? (route.answers[Math.min(served.get(route) ?? 0, route.answers.length - 1)] as ReplayAnswer)
      : { status: 404, body: { error: { code: 'notFound', message: `No replay for ${method} ${path}` } } }
    if (route) served.set(route, (served.get(route) ?? 0) + 1)
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
    const type = answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }
    res.writeHead(answer.status ?? 200, { ...type, 'content-length': Buffer.byteLength(text), ...answer.headers })
    res.end(text)
  }

  const server = await serve(handle)
  return {
    url: server.origin,
    requests,
    setRoutes(next) {
      table = next
      served.clear()
      requests.length = 0
    },
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    close: () => server.close()
  }
}
