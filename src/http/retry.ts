// What is worth retrying, and how long to wait first.
import { sleep } from '../wait/sleep.js'
import type { HttpResponse, NetworkError } from './transport.js'

/** `read`: a GET, safe to repeat. `trigger`: the go-live POST, which starts something. */
export type RequestKind = 'read' | 'trigger'

/** `ambiguous`: the POST may have been acted on; it is not retried here (the go-live is looked for first: lost-answers.ts). */
export type RetryDecision = 'retry' | 'ambiguous' | 'fail'

/**
 * The one rule for a status that is the service's passing trouble, not a verdict: a later request
 * may succeed. A 408 (timeout), a 429 (throttled), and every 5xx but 501 (Not Implemented) and 505
 * (HTTP Version Not Supported), which no retry changes (the Azure SDKs draw the same line). Reads
 * answered so are retried, and a failure so answered is worth running the step again for.
 */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505)
}

/**
 * The service said it did nothing: throttled (429), or unavailable in its own words (a 503 with a
 * Retry-After or a JSON error body). A bare 503 page can come from a gateway whose backend acted
 * all the same (Azure Front Door's OriginTimeout): that one is ambiguous.
 */
function refused(response: HttpResponse): boolean {
  if (response.status === 429) return true
  if (response.status !== 503) return false
  if (response.headers['retry-after'] !== undefined) return true
  try {
    const error = (JSON.parse(response.body) as { error?: unknown } | null)?.error
    return typeof error === 'object' && error !== null
  } catch {
    return false
  }
}

/**
 * A trigger is sent again only when it certainly never reached the service (no connection was
 * made) or the service refused it (429, or a 503 in its own words). Any other 5xx, a 408, or a
 * break after connecting leaves open whether it acted: ambiguous.
 */
export function decideRetry(kind: RequestKind, outcome: HttpResponse | NetworkError): RetryDecision {
  if ('status' in outcome) {
    if (kind === 'read') return isTransientStatus(outcome.status) ? 'retry' : 'fail'
    if (refused(outcome)) return 'retry'
    return outcome.status >= 500 || outcome.status === 408 ? 'ambiguous' : 'fail'
  }
  if (kind === 'trigger' && outcome.maybeSent) return 'ambiguous'
  return outcome.retryable ? 'retry' : 'fail'
}

/** Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP-date), if it is valid. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1_000
  // An HTTP-date names its month (`Sat, 21 Nov 2026 10:00:30 GMT`); Date.parse takes '-1' too.
  if (!/[a-z]{3}/i.test(text)) return undefined
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export interface BackoffSettings {
  /** How many times a request is sent at most, the first one included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

/**
 * Delay before retry number `retry` (1 for the first retry): exponential with equal jitter, so
 * clients that failed together do not come back together; a `Retry-After` is a floor.
 */
export function retryDelay(retry: number, settings: BackoffSettings, retryAfterMs?: number, random = Math.random): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1))
  const jittered = exponential / 2 + (random() * exponential) / 2
  return Math.round(Math.max(jittered, retryAfterMs ?? 0))
}

/** Backoff scaled to the poll interval: 1s..30s for the default 60s, milliseconds in tests. */
export function backoffFor(pollIntervalMs: number): BackoffSettings {
  const baseDelayMs = Math.min(1_000, Math.max(1, Math.round(pollIntervalMs / 4)))
  return { maxAttempts: 5, baseDelayMs, maxDelayMs: Math.min(30_000, Math.max(baseDelayMs, pollIntervalMs)) }
}

/** The longest `Retry-After` one request waits for; a longer one ends it with a message. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000

export type Outcome = HttpResponse | NetworkError

/**
 * How a request ended. `done`: a response not worth retrying (success included). `ambiguous`: a POST
 * the service may have acted on. `exhausted`: every attempt failed. `too-long`: the service asked
 * to come back after more than MAX_RETRY_AFTER_MS. `past-deadline`: the next attempt would come after `deadline`.
 */
export interface Settled {
  outcome: Outcome
  verdict: 'done' | 'ambiguous' | 'exhausted' | 'too-long' | 'past-deadline'
  attempts: number
  retryAfterMs?: number
}

export interface RetryLoopOptions {
  kind: RequestKind
  backoff: BackoffSettings
  signal?: AbortSignal | undefined
  /** Epoch ms after which no attempt is planned (the step's timeout). */
  deadline?: number | undefined
  /** Told before each wait: what went wrong, how long the wait is, which attempt comes next. */
  onRetry?: (said: string, delayMs: number, nextAttempt: number) => void
  /** Whether an outcome worth retrying is not retried after all (an origin the step found unreachable): `exhausted` at once. */
  giveUp?: (outcome: Outcome) => boolean
}

export function describeOutcome(outcome: Outcome): string {
  return 'status' in outcome ? `HTTP ${outcome.status}` : outcome.message
}

/** Sends until the outcome is worth keeping: the one retry loop of every request the action makes. */
export async function withRetries(send: () => Promise<Outcome>, options: RetryLoopOptions): Promise<Settled> {
  const { backoff } = options
  for (let attempt = 1; ; attempt++) {
    const outcome = await send()
    if ('status' in outcome && outcome.status < 300) return { outcome, verdict: 'done', attempts: attempt }
    const decision = decideRetry(options.kind, outcome)
    if (decision === 'ambiguous') return { outcome, verdict: 'ambiguous', attempts: attempt }
    if (decision === 'fail') return { outcome, verdict: 'done', attempts: attempt }
    if (attempt >= backoff.maxAttempts || options.giveUp?.(outcome)) return { outcome, verdict: 'exhausted', attempts: attempt }
    const retryAfterMs = 'status' in outcome ? parseRetryAfter(outcome.headers['retry-after']) : undefined
    if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) {
      return { outcome, verdict: 'too-long', attempts: attempt, retryAfterMs }
    }
    const delay = retryDelay(attempt, backoff, retryAfterMs)
    if (options.deadline !== undefined && Date.now() + delay > options.deadline) {
      return { outcome, verdict: 'past-deadline', attempts: attempt, retryAfterMs: delay }
    }
    options.onRetry?.(describeOutcome(outcome), delay, attempt + 1)
    await sleep(delay, options.signal)
  }
}
