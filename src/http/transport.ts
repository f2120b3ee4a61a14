// One HTTP request with a hard deadline, cancellable, with the answer read as a capped stream, and
// failures classified by whether the request may have reached the server (which decides whether a
// non-idempotent POST may be retried). Whatever ends a request early destroys its socket.
import * as http from 'node:http'
import * as https from 'node:https'
import type { Socket } from 'node:net'
import { TLSSocket } from 'node:tls'
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { USER_AGENT } from '../constants.js'
import { messageOf } from '../errors.js'
import { formatDuration } from '../wait/duration.js'
import { serviceText } from '../report/safe-text.js'
import { Reachability } from './reachability.js'

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** No usable HTTP response arrived. `maybeSent`: the server may have received and acted on the request. */
export class NetworkError extends Error {
  override name = 'NetworkError'
  readonly code: string
  readonly maybeSent: boolean
  readonly retryable: boolean
  /** The status of an answer that began and could not be read whole (cut off, too large). */
  readonly answerStatus: number | undefined
  constructor(message: string, code: string, maybeSent: boolean, retryable: boolean, answerStatus?: number) {
    super(message)
    this.code = code
    this.maybeSent = maybeSent
    this.retryable = retryable
    this.answerStatus = answerStatus
  }
}

export interface RequestOptions {
  headers: OutgoingHttpHeaders
  body?: string | undefined
  signal?: AbortSignal | undefined
  /** A smaller cap on this answer than the transport's (a page of a list: list-budget.ts). */
  maxBodyBytes?: number | undefined
}

export interface Transport {
  request(method: 'GET' | 'POST', url: URL, options: RequestOptions): Promise<HttpResponse>
  /** Which origins the requests through this transport could not connect to (the JSON client keeps it). */
  readonly reachability?: Reachability | undefined
  /** Closes every socket so nothing keeps the process alive. */
  dispose(): void
}

/** The largest answer read: an operation or a page of a list is a few KB, so this is generous and still bounded. */
const MAX_BODY_BYTES = 4 * 1024 * 1024

// Failed before a byte left the machine: always safe to retry.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'])
// The TLS handshake failed, so the request was never sent; retrying does not heal a certificate.
export const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|EPROTO$)|CERT|SIGNATURE/

/**
 * `connected`: whether the connection to the server (or proxy) was made before the failure, as the
 * transport saw it on the socket; before that no byte of the request can have left. Unknown
 * (undefined): judged from the error code alone.
 */
export function classifyNetworkError(error: unknown, url: URL, connected?: boolean): NetworkError {
  if (error instanceof NetworkError) return error
  const code = (error as { code?: unknown })?.code
  const message = serviceText(messageOf(error), 160)
  const where = url.host
  // Once the transport saw the connection made, no code proves the request unsent: an established
  // connection can also end in EHOSTUNREACH, and a TLS record error comes after the handshake.
  const unsent = connected !== true && typeof code === 'string'
  if (unsent && TLS_FAILURE.test(code)) {
    return new NetworkError(`the secure connection to ${where} failed: ${message} (${code})`, code, false, false)
  }
  if (unsent && NOT_SENT.has(code)) {
    return new NetworkError(`could not connect to ${where} (${code})`, code, false, true)
  }
  if (connected === false) {
    // Refused by a proxy, reset during the TLS handshake, anything before the connection was made.
    return new NetworkError(`could not connect to ${where} (${message})`, typeof code === 'string' ? code : 'ERROR', false, true)
  }
  if (typeof code === 'string' && code.startsWith('HPE_')) {
    // A malformed answer (bad status line, overlong or folded header): the request went out, and
    // the status line, when it could be read, says whether the service accepted it.
    return new NetworkError(`the answer from ${where} was not valid HTTP (${message})`, code, true, true, statusOfRaw(error))
  }
  // Reset, broken pipe, or anything unforeseen after connecting: the request may have gone out.
  return new NetworkError(
    `the connection to ${where} broke (${typeof code === 'string' ? code : message})`,
    String(code ?? 'ERROR'),
    true,
    true
  )
}

/** The status of an answer's first bytes (`HTTP/1.1 202 Accepted`), as the HTTP parser kept them on its error. */
function statusOfRaw(error: unknown): number | undefined {
  const raw = (error as { rawPacket?: unknown } | null)?.rawPacket
  if (!Buffer.isBuffer(raw)) return undefined
  const status = /^HTTP\/1\.[01] ([1-5]\d\d)[ \r]/.exec(raw.subarray(0, 32).toString('latin1'))?.[1]
  return status === undefined ? undefined : Number(status)
}

/**
 * An answer arrived but could not be used (not valid HTTP, too large, cut off): the server
 * certainly received the request, so a POST's go-live has probably started.
 */
export function answeredUnusably(error: NetworkError): boolean {
  return error.code.startsWith('HPE_') || error.code === 'BODY_TOO_LARGE' || error.code === 'BODY_CUT' || error.code === 'BODY_TIMEOUT'
}

/**
 * Tells `onConnected` once the request's bytes can leave: when the TCP connection is made, or for
 * https when the TLS handshake is done (no request byte is sent before it). A socket handed over
 * already connected counts at once.
 */
function watchConnection(socket: Socket, onConnected: () => void): void {
  if (socket instanceof TLSSocket) {
    if (socket.getFinished() !== undefined) return onConnected()
    socket.once('secureConnect', onConnected)
  } else if (socket.connecting) socket.once('connect', onConnected)
  else onConnected()
}

function tooLarge(url: URL, cap: number, status: number | undefined): NetworkError {
  const limit = cap % (1024 * 1024) === 0 ? `${cap / 1024 / 1024} MiB` : `${cap} bytes`
  return new NetworkError(`the answer from ${url.host} was larger than ${limit}, so it was not read`, 'BODY_TOO_LARGE', true, false, status)
}

export function createTransport(requestTimeoutMs: number, maxBodyBytes = MAX_BODY_BYTES): Transport {
  // @actions/http-client only for its agents: HTTPS_PROXY / NO_PROXY tunnels. One client per
  // protocol, as a client keeps the agent of the first protocol it served. No keep-alive: nothing
  // is reused across minutes-long polls, and idle sockets would hold the process at exit.
  const clients = new Map<string, HttpClient>()
  const agentFor = (url: URL): http.Agent => {
    let client = clients.get(url.protocol)
    if (!client) {
      client = new HttpClient(USER_AGENT, [], { keepAlive: false, allowRedirects: false, allowRetries: false })
      clients.set(url.protocol, client)
    }
    return client.getAgent(url.href)
  }

  return {
    reachability: new Reachability(),
    request(method, url, { headers, body, signal, maxBodyBytes: cap = maxBodyBytes }) {
      const limit = Math.min(cap, maxBodyBytes)
      return new Promise<HttpResponse>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        let settled = false
        const finish = (error: unknown, response?: HttpResponse): void => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          if (response) return resolve(response)
          // Ends the exchange for good: no socket keeps reading in the background.
          request.destroy()
          reject(error)
        }
        const onAbort = (): void => finish(signal?.reason)
        // Until the connection is made, a failure certainly left the request unsent.
        let connected = false
        // Once the answer began: its status, kept when the rest of it never comes.
        let answered: number | undefined
        const payload = method === 'POST' ? (body ?? '') : undefined
        const module = url.protocol === 'https:' ? https : http
        const request = module.request(
          url,
          {
            method,
            agent: agentFor(url),
            headers: {
              'user-agent': USER_AGENT,
              ...headers,
              ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {})
            }
          },
          (response) => {
            answered = response.statusCode
            if (Number(response.headers['content-length']) > limit) return finish(tooLarge(url, limit, response.statusCode))
            // Chunks kept as they come and joined once: linear in the size of the answer.
            const chunks: Buffer[] = []
            let size = 0
            response.on('data', (chunk: Buffer) => {
              size += chunk.length
              if (size > limit) return finish(tooLarge(url, limit, response.statusCode))
              chunks.push(chunk)
            })
            response.on('end', () =>
              finish(undefined, {
                status: response.statusCode ?? 0,
                headers: response.headers,
                // A UTF-8 byte order mark before JSON is allowed to be ignored (RFC 8259): it is.
                body: Buffer.concat(chunks, size)
                  .toString('utf8')
                  .replace(/^\uFEFF/, '')
              })
            )
            // The answer had begun: whatever breaks now, the request was received and answered.
            const cut = (): void =>
              finish(
                new NetworkError(
                  `the connection to ${url.host} closed before the whole answer arrived`,
                  'BODY_CUT',
                  true,
                  true,
                  response.statusCode
                )
              )
            response.on('error', cut)
            response.on('close', () => {
              if (!response.complete) cut()
            })
          }
        )
        const timer = setTimeout(() => {
          const within = `within ${formatDuration(requestTimeoutMs)}`
          finish(
            answered !== undefined
              ? new NetworkError(
                  `the answer from ${url.host} (HTTP ${answered}) did not finish ${within}`,
                  'BODY_TIMEOUT',
                  true,
                  true,
                  answered
                )
              : connected
                ? new NetworkError(`no response from ${url.host} ${within}`, 'TIMEOUT', true, true)
                : new NetworkError(`could not connect to ${url.host} ${within}`, 'CONNECT_TIMEOUT', false, true)
          )
        }, requestTimeoutMs)
        signal?.addEventListener('abort', onAbort, { once: true })
        request.on('socket', (socket) => watchConnection(socket, () => (connected = true)))
        request.on('error', (error) => finish(classifyNetworkError(error, url, connected)))
        request.end(payload)
      })
    },
    dispose() {
      for (const client of clients.values()) client.dispose()
    }
  }
}
