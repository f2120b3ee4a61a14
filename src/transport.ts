// One HTTP request with a hard deadline, cancellable, and failures classified by whether the
// request may have reached the server (which decides whether a non-idempotent POST may be retried).
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { USER_AGENT } from './constants.js'
import { formatDuration } from './duration.js'
import { CancelledError } from './errors.js'

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** No HTTP response arrived. `maybeSent`: the server may have received and acted on the request. */
export class NetworkError extends Error {
  override name = 'NetworkError'
  readonly code: string
  readonly maybeSent: boolean
  readonly retryable: boolean
  constructor(message: string, code: string, maybeSent: boolean, retryable: boolean) {
    super(message)
    this.code = code
    this.maybeSent = maybeSent
    this.retryable = retryable
  }
}

export interface RequestOptions {
  headers: OutgoingHttpHeaders
  body?: string
  signal?: AbortSignal | undefined
}

export interface Transport {
  request(method: 'GET' | 'POST', url: URL, options: RequestOptions): Promise<HttpResponse>
  /** Closes every socket so nothing keeps the process alive. */
  dispose(): void
}

// Failed before a byte left the machine: always safe to retry.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'])
// The connection broke after the request may have gone out.
const MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE'])

export function classifyNetworkError(error: unknown, url: URL): NetworkError {
  if (error instanceof NetworkError) return error
  const code = (error as { code?: unknown })?.code
  const message = error instanceof Error ? error.message : String(error)
  const where = url.host
  if (typeof code === 'string' && NOT_SENT.has(code)) {
    return new NetworkError(`could not connect to ${where} (${code})`, code, false, true)
  }
  if (typeof code === 'string' && MAYBE_SENT.has(code)) {
    return new NetworkError(`the connection to ${where} broke (${code})`, code, true, true)
  }
  if (message.startsWith('Request timeout')) {
    return new NetworkError(`no response from ${where} in time`, 'TIMEOUT', true, true)
  }
  // TLS and protocol errors do not heal by retrying.
  return new NetworkError(
    `request to ${where} failed: ${message}${typeof code === 'string' ? ` (${code})` : ''}`,
    String(code ?? 'ERROR'),
    false,
    false
  )
}

export function createTransport(requestTimeoutMs: number): Transport {
  // No keep-alive (nothing is reused across minutes-long polls), no redirects (the token must not
  // follow one), no built-in retries (GET-only, blind to 429 and Retry-After): retry.ts decides.
  const client = new HttpClient(USER_AGENT, [], {
    keepAlive: false,
    allowRedirects: false,
    allowRetries: false,
    socketTimeout: requestTimeoutMs
  })
  return {
    async request(method, url, { headers, body, signal }) {
      if (signal?.aborted) throw signal.reason
      let timer: NodeJS.Timeout | undefined
      let onAbort: (() => void) | undefined
      const stop = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new NetworkError(`no response from ${url.host} within ${formatDuration(requestTimeoutMs)}`, 'TIMEOUT', true, true)),
          requestTimeoutMs
        )
        onAbort = () => reject(signal?.reason ?? new CancelledError('an abort'))
        signal?.addEventListener('abort', onAbort, { once: true })
      })
      const exchange = (async (): Promise<HttpResponse> => {
        const response = await client.request(method, url.href, method === 'POST' ? (body ?? '') : null, headers)
        const text = await response.readBody()
        return { status: response.message.statusCode ?? 0, headers: response.message.headers, body: text }
      })()
      exchange.catch(() => undefined) // settled later than the race when the deadline wins
      try {
        return await Promise.race([exchange, stop])
      } catch (error) {
        if (error instanceof CancelledError) throw error
        throw classifyNetworkError(error, url)
      } finally {
        clearTimeout(timer)
        if (onAbort) signal?.removeEventListener('abort', onAbort)
      }
    },
    dispose() {
      client.dispose()
    }
  }
}
