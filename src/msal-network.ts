// MSAL's HTTP goes through the action's own transport: the same deadlines and retries, and
// @actions/http-client's proxy handling (HTTPS_PROXY, NO_PROXY) for sign-in too.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import { withRetries, type BackoffSettings, type Outcome } from './retry.js'
import { NetworkError, type HttpResponse, type Transport } from './transport.js'

function flatten(headers: HttpResponse['headers']): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

export interface MsalNetwork extends INetworkModule {
  /** Whether the last request ended in an outage (no answer, 5xx, 429, 408) rather than a verdict. */
  readonly lastWasOutage: boolean
}

export function msalNetworkModule(transport: Transport, backoff: BackoffSettings, signal?: AbortSignal): MsalNetwork {
  let lastWasOutage = false
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
    lastWasOutage = true // until an answer says otherwise (a throw on cancellation leaves it so)
    // The same loop as every CPP request; MSAL turns whatever answer remains into its own error.
    const { outcome } = await withRetries(attempt, { kind: 'read', backoff, signal })
    if (outcome instanceof NetworkError) throw outcome
    lastWasOutage = outcome.status >= 500 || outcome.status === 429 || outcome.status === 408
    let body: unknown
    try {
      body = outcome.body ? JSON.parse(outcome.body) : {}
    } catch {
      // An HTML gateway page, say: MSAL gets an error it can report, not a parse failure.
      lastWasOutage = true
      body = { error: 'invalid_response', error_description: `HTTP ${outcome.status}: the answer was not JSON` }
    }
    return { status: outcome.status, headers: flatten(outcome.headers), body: body as T }
  }
  return {
    get lastWasOutage() {
      return lastWasOutage
    },
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options)
  }
}
