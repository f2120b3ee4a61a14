// One request as every caller sends it: through the transport, with a failure that brought no answer
// kept as a NetworkError (anything else thrown is a fault of the action and stays thrown), sent again
// by the one retry loop (retry.ts). The JSON client adds tokens; sign-in reads with it as it is.
import { isTransientStatus, withRetries, type BackoffSettings, type Outcome } from './retry.js'
import { answerInWords } from './service-error.js'
import { NetworkError, type RequestOptions, type Transport } from './transport.js'

/** One exchange: the answer, or the NetworkError that said why none came. */
export async function exchange(transport: Transport, method: 'GET' | 'POST', url: URL, options: RequestOptions): Promise<Outcome> {
  try {
    return await transport.request(method, url, options)
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error
    return error
  }
}

/**
 * A request that is safe to repeat (a read, a sign-in), sent until its outcome is worth keeping.
 * Returns the answer that remains; when that is an outage (no answer, or the service's passing
 * trouble after the retries), throws what `outage` makes of it, told in words: the NetworkError's
 * message, or `HTTP 503 (code: what the service said)`.
 */
export async function readWithRetries(
  transport: Transport,
  method: 'GET' | 'POST',
  url: URL,
  options: RequestOptions & { backoff: BackoffSettings },
  outage: (said: string, outcome: Outcome) => Error
) {
  const { backoff, ...request } = options
  const { outcome } = await withRetries(() => exchange(transport, method, url, request), { kind: 'read', backoff, signal: request.signal })
  if (outcome instanceof NetworkError) throw outage(outcome.message, outcome)
  if (isTransientStatus(outcome.status)) throw outage(answerInWords(outcome), outcome)
  return outcome
}
