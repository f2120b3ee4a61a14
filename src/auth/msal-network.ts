// MSAL's HTTP goes through the action's own transport: the same deadlines and retries, and
// @actions/http-client's proxy handling (HTTPS_PROXY, NO_PROXY) for sign-in too.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import { withRetries, type BackoffSettings, type Outcome } from '../http/retry.js'
import { serviceDetail } from '../http/service-error.js'
import { NetworkError, type HttpResponse, type Transport } from '../http/transport.js'

function flatten(headers: HttpResponse['headers']): Record<string, string> {
  const flat: Record<string, string> = {}
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
}

export function msalNetworkModule(transport: Transport, backoff: BackoffSettings, signal?: AbortSignal): MsalNetwork {
  let lastOutage: string | undefined
  // Token requests (client credentials) and metadata reads are safe to repeat.
  async function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const attempt = async (): Promise<Outcome> => {
      try {
        return await transport.request(method, new URL(url), { headers: options?.headers ?? {}, body: options?.body, signal })
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        return error
      }
    }
    lastOutage = undefined
    // The same loop as every CPP request; MSAL turns whatever answer remains into its own error.
    const { outcome } = await withRetries(attempt, { kind: 'read', backoff, signal })
    if (outcome instanceof NetworkError) {
      // No answer: an outage, unless retrying could not help (a certificate the runner rejects).
      if (outcome.retryable) lastOutage = outcome.message
      throw outcome
    }
    const host = new URL(url).host
    if (outcome.status >= 500 || outcome.status === 429 || outcome.status === 408) {
      // Thrown rather than handed to MSAL: MSAL would remember a 5xx or 429 and refuse every
      // request for a minute after the service is back. This loop has retried already.
      const detail = serviceDetail(outcome)
      const said = [detail.code, detail.message].filter(Boolean).join(': ')
      lastOutage = `${host} answered HTTP ${outcome.status}${said ? ` (${said})` : ''}`
      throw new NetworkError(lastOutage, `HTTP_${outcome.status}`, true, true)
    }
    let body: unknown
    try {
      body = outcome.body ? JSON.parse(outcome.body) : {}
    } catch {
      // An HTML gateway page, say.
      lastOutage = `${host} answered HTTP ${outcome.status} with something that is not JSON`
      throw new NetworkError(lastOutage, 'NOT_JSON', true, true)
    }
    return { status: outcome.status, headers: flatten(outcome.headers), body: body as T }
  }
  return {
    get lastOutage() {
      return lastOutage
    },
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options)
  }
}
