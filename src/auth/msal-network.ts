// MSAL's HTTP goes through the action's own transport: the same deadlines and retries, and
// @actions/http-client's proxy handling (HTTPS_PROXY, NO_PROXY) for sign-in too.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import { readWithRetries } from '../http/request.js'
import type { BackoffSettings } from '../http/retry.js'
import { NetworkError, type HttpResponse, type Transport } from '../http/transport.js'

function flatten(headers: HttpResponse['headers']): Record<string, string> {
  const flat = Object.create(null) as Record<string, string>
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

export interface MsalNetwork extends INetworkModule {
  /**
   * What went wrong when the last request ended in an outage (no answer, 5xx, 429, 408, a page that
   * is not JSON) rather than in a verdict of the service; undefined otherwise.
   */
  readonly lastOutage: string | undefined
  /**
   * An error of the action's own (a TypeError, say) that ended the last request; undefined
   * otherwise. MSAL reports it as a bare network_error, so the caller throws this instead.
   */
  readonly lastFault: unknown
}

export function msalNetworkModule(transport: Transport, backoff: BackoffSettings, signal?: AbortSignal): MsalNetwork {
  let lastOutage: string | undefined
  let lastFault: unknown
  // Token requests (client credentials) and metadata reads are safe to repeat.
  async function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    lastOutage = undefined
    lastFault = undefined
    try {
      return await sendOnce<T>(method, new URL(url), options)
    } catch (error) {
      if (!(error instanceof NetworkError)) lastFault = error
      throw error
    }
  }
  async function sendOnce<T>(method: 'GET' | 'POST', url: URL, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    // The same loop as every request of the action; MSAL turns whatever answer remains into its own error.
    const request = { headers: options?.headers ?? {}, body: options?.body, signal, backoff }
    const answer = await readWithRetries(transport, method, url, request, (said, outcome) => {
      // No answer: an outage, unless retrying could not help (a certificate the runner rejects).
      if (outcome instanceof NetworkError) {
        if (outcome.retryable) lastOutage = said
        return outcome
      }
      // Thrown rather than handed to MSAL: MSAL would remember a 5xx or 429 and refuse every
      // request for a minute after the service is back. This loop has retried already.
      lastOutage = `${url.host} answered ${said}`
      return new NetworkError(lastOutage, `HTTP_${outcome.status}`, true, true)
    })
    let body: unknown
    try {
      body = answer.body ? JSON.parse(answer.body) : {}
    } catch {
      // An HTML gateway page, say.
      lastOutage = `${url.host} answered HTTP ${answer.status} with something that is not JSON`
      throw new NetworkError(lastOutage, 'NOT_JSON', true, true)
    }
    return { status: answer.status, headers: flatten(answer.headers), body: body as T }
  }
  return {
    get lastOutage() {
      return lastOutage
    },
    get lastFault() {
      return lastFault
    },
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options)
  }
}
