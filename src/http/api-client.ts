// An authenticated JSON API as both services use it: a bearer token on every request (one renewal
// after a 401), retries of what is worth retrying, and answers read or explained in words.
import { formatDuration } from '../wait/duration.js'
import { ActionError, DeadlineError, ServiceUnavailableError, ShapeError } from '../errors.js'
import type { OperationRead } from '../apis/go-live-service.js'
import { log } from '../report/log.js'
import type { Operation } from '../wait/operation.js'
import {
  describeOutcome,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  withRetries,
  type BackoffSettings,
  type Outcome,
  type RequestKind
} from './retry.js'
import { exchange } from './request.js'
import { serviceText } from '../report/safe-text.js'
import type { Throttle } from './throttle.js'
import { ListBudget, type PageRead } from './list-budget.js'
import type { TokenProvider } from '../auth/token-provider.js'
import { answeredUnusably, NetworkError, type HttpResponse, type Transport } from './transport.js'
import { Reachability } from './reachability.js'
import { unreachableError } from './unreachable.js'

/**
 * A request that starts something failed in a way that leaves open whether the service acted on
 * it: it is looked for before anything else (lost-answers.ts). `answered`: an answer came but could
 * not be used, so the service certainly received the request. `accepted`: that answer began with a
 * 2xx status, so the service accepted it: never sent again.
 */
export class AmbiguousTriggerError extends ActionError {
  override name = 'AmbiguousTriggerError'
  readonly answered: boolean
  readonly accepted: boolean
  constructor(message: string, answered: boolean, accepted = false) {
    super(message)
    this.answered = answered
    this.accepted = accepted
  }
}

/**
 * Told as the request that starts a go-live goes, and as its answer comes: the offer's phase moves
 * with it. The JSON client tells `sending` (just before the bytes may leave) and `refused` (a retry
 * after a definite no); the trigger loop (lost-answers.ts) `maybeStarted` and `refused`.
 */
export interface TriggerProgress {
  /** Just before the request goes out: from now on the service may act on it. */
  sending(): void
  /** The answer was lost, ambiguous or unusable: the go-live may have started and is looked for. */
  maybeStarted(): void
  /** The service answered with a definite no (or the request never left): nothing started. */
  refused(): void
}

/** The service answered 2xx with something the action cannot read (not JSON, not the shape). */
export class UnexpectedAnswerError extends ServiceUnavailableError {
  override name = 'UnexpectedAnswerError'
}

/** A request still failing after its retries; a later request may succeed. */
export class RetriesExhaustedError extends ServiceUnavailableError {
  override name = 'RetriesExhaustedError'
}

export interface ApiClientOptions {
  transport: Transport
  tokens: TokenProvider
  backoff: BackoffSettings
  /** Aborts at a cancellation or at the step's deadline: reads, retries and waits stop there. */
  signal?: AbortSignal | undefined
  /**
   * Aborts at a cancellation only: a request that starts a go-live, once on its way, is not cut by
   * the deadline (its answer names what it started). Defaults to `signal`.
   */
  cancelled?: AbortSignal | undefined
  /** The step's timeout (epoch ms): no request that starts a go-live begins after it. */
  deadline?: number | undefined
  /** Shared by every offer of the step: each request waits on it, and a Retry-After slows them all. */
  throttle?: Throttle | undefined
  /**
   * Told as a request that starts a go-live goes: `sending` just before its bytes may leave (after
   * any wait for the throttle, a token or a retry), `refused` when the service said no and it is
   * sent again later. The offer's phase moves with it.
   */
  progress?: TriggerProgress | undefined
  /** Shared by every offer of the step: what their lists hold at once (without it, this client's own). */
  lists?: ListBudget | undefined
  /** The `base-url` input, named by the words of a service that cannot be reached (unreachable.ts). */
  baseUrl?: URL | undefined
}

/** Reads one page of a list; `parse` makes of it only what the caller keeps (the page itself is dropped). */
export type ListPageReader = <P>(url: URL, parse: (json: unknown) => P) => Promise<P>

/** One request as the client sends it: `body` is JSON text; `maxBodyBytes` caps the answer below the transport's cap. */
interface Exchange {
  method: 'GET' | 'POST'
  url: URL
  kind: RequestKind
  what: string
  body?: string | undefined
  maxBodyBytes?: number | undefined
}

/** An answer larger than the share its page was read with (never leaves this file: a page reads it as 'too large'). */
class PastShare extends Error {}

/** Turns an HTTP error answer into the error the user reads (with the API's own hints). */
export type DescribeFailure = (response: HttpResponse) => ActionError

export function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300
}

/** The start of a body, as one clean line, for a message. */
function excerpt(body: string): string {
  return serviceText(body.slice(0, 1_000), 120) || 'empty body'
}

/** A failure that never connected (refused, no such host, connect timeout, TLS handshake): the request never left. */
function neverConnected(outcome: Outcome): outcome is NetworkError {
  return outcome instanceof NetworkError && !outcome.maybeSent
}

export class ApiClient {
  private readonly options: ApiClientOptions
  private readonly lists: ListBudget
  /** The transport's memory of unreachable origins (shared by every offer of the step), or this client's own. */
  private readonly reachability: Reachability
  constructor(options: ApiClientOptions) {
    this.options = options
    this.lists = options.lists ?? new ListBudget()
    this.reachability = options.transport.reachability ?? new Reachability()
  }

  /** A GET that must answer 200 with JSON that `parse` accepts; anything else is an error in words. */
  readJson<T>(
    url: URL,
    what: string,
    parse: (json: unknown) => T,
    failure: DescribeFailure
  ): Promise<{ value: T; response: HttpResponse }> {
    return this.read(url, what, parse, failure)
  }

  /**
   * Reads one list, all its pages (`read` reads them with the page reader it is given), within a
   * listing's allowance and the step's list budget (list-budget.ts): a list past the allowance
   * throws a ListTooLargeError naming it (`what`) and the limit.
   */
  readList<T>(what: string, failure: DescribeFailure, read: (page: ListPageReader) => Promise<T>): Promise<T> {
    const reader = (page: <P>(readPage: (maxBytes: number) => Promise<PageRead<P>>) => Promise<P>): Promise<T> =>
      read((url, parse) => page((maxBytes) => this.readPage(url, what, parse, failure, maxBytes)))
    return this.lists.readList(what, reader, this.options.signal)
  }

  /** A page read within its share: what `parse` keeps and the body's size, or 'too large' for the share. */
  private async readPage<P>(url: URL, what: string, parse: (json: unknown) => P, failure: DescribeFailure, maxBytes: number) {
    try {
      const { value, response } = await this.read(url, what, parse, failure, maxBytes)
      // The body as received: the transport decoded it as UTF-8.
      return { value, bytes: Buffer.byteLength(response.body) } satisfies PageRead<P>
    } catch (error) {
      if (error instanceof PastShare) return 'too large' satisfies PageRead<P>
      throw error
    }
  }

  private async read<T>(
    url: URL,
    what: string,
    parse: (json: unknown) => T,
    failure: DescribeFailure,
    maxBodyBytes?: number
  ): Promise<{ value: T; response: HttpResponse }> {
    const response = await this.settle({ method: 'GET', url, kind: 'read', what, maxBodyBytes }, failure)
    if (isSuccess(response) && response.status !== 200) {
      throw new UnexpectedAnswerError(
        `${what} failed: the service answered HTTP ${response.status} instead of 200 (${excerpt(response.body)}).`
      )
    }
    if (response.status !== 200) throw failure(response)
    const unexpected = (why: string) => new UnexpectedAnswerError(`${what} failed: the answer ${why} (${excerpt(response.body)}).`)
    let json: unknown
    try {
      json = JSON.parse(response.body)
    } catch {
      // A SyntaxError for text, a RangeError for JSON nested past the parser's depth.
      throw unexpected('is not JSON the action can read')
    }
    try {
      return { value: parse(json), response }
    } catch (error) {
      // Only a shape the parser refuses is the service's fault; anything else (a TypeError) is ours.
      if (error instanceof ShapeError) throw unexpected(error.message)
      throw error
    }
  }

  /** A status read: the operation `parse` makes of the answer, with a `Retry-After` it carried. */
  async readOperation(url: URL, what: string, parse: (json: unknown) => Operation, failure: DescribeFailure): Promise<OperationRead> {
    const { value: operation, response } = await this.readJson(url, what, parse, failure)
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'])
    // The wait honours it for this operation only: a Retry-After on an answer (long-running
    // operations send one on every read) paces that offer; only a refusal (429, 503) slows the fleet.
    return retryAfterMs === undefined ? { operation } : { operation, retryAfterMs }
  }

  /**
   * Sends a request, retrying what is worth retrying. Returns the final HTTP response, whatever its
   * status; throws when no response came after all attempts, or when a trigger's fate is unknown.
   * `json`: a body to send as application/json.
   */
  send(method: 'GET' | 'POST', url: URL, kind: RequestKind, what: string, failure: DescribeFailure, json?: unknown): Promise<HttpResponse> {
    return this.settle({ method, url, kind, what, body: json === undefined ? undefined : JSON.stringify(json) }, failure)
  }

  private async settle(request: Exchange, failure: DescribeFailure): Promise<HttpResponse> {
    const { kind, what, maxBodyBytes, url } = request
    const { backoff, tokens, signal, deadline } = this.options
    const { origin } = url
    // An origin an earlier request of the step spent its retries on: tried once, not retried.
    const known = this.reachability.isDown(origin)
    const startedAt = Date.now()
    let renewed = false
    const attempt = async (): Promise<Outcome> => {
      await this.throttled(kind, what)
      const token = await tokens.getToken()
      const outcome = await this.exchange(request, token)
      if (!('status' in outcome) || outcome.status !== 401 || renewed || !tokens.renewable) return outcome
      // One fresh token after a 401, within the same attempt: the rejected token is renewed once for
      // every request it failed.
      renewed = true
      log.info(`${what}: the service rejected the access token (HTTP 401); retrying once with a fresh token.`)
      const fresh = await tokens.renew(token)
      if (fresh === undefined) return outcome
      const again = await this.exchange(request, fresh)
      if ('status' in again && again.status === 401) tokens.refusedAfterRenewal?.(fresh)
      return again
    }
    const settled = await withRetries(attempt, {
      kind,
      backoff,
      signal,
      // Reads stop at the deadline through `signal`; a trigger is not re-sent past it.
      deadline: kind === 'trigger' ? deadline : undefined,
      giveUp: (outcome) => known && neverConnected(outcome),
      onRetry: (said, delay, next) => {
        // A go-live request retried now was refused (or never connected): nothing started yet.
        if (kind === 'trigger') this.options.progress?.refused()
        log.info(`${what}: ${said}; retrying in ${formatDuration(delay)} (attempt ${next} of ${backoff.maxAttempts}).`)
      }
    })
    const { outcome } = settled
    const said = describeOutcome(outcome)
    if (neverConnected(outcome) && (settled.verdict === 'exhausted' || settled.verdict === 'done')) {
      // Every attempt failed before connecting: the service cannot be reached from here. Said with
      // what to check; and the step's other requests to it try once from now on.
      this.reachability.unreachable(origin)
      const attempts = settled.attempts
      throw unreachableError({
        what,
        said,
        code: outcome.code,
        url,
        baseUrl: this.options.baseUrl,
        attempts,
        elapsedMs: Date.now() - startedAt,
        known,
        reachedBefore: this.reachability.wasReached(origin)
      })
    }
    switch (settled.verdict) {
      case 'ambiguous':
        throw new AmbiguousTriggerError(
          `${what} got no clear answer: ${said}`,
          outcome instanceof NetworkError && answeredUnusably(outcome),
          outcome instanceof NetworkError && outcome.answerStatus !== undefined && outcome.answerStatus >= 200 && outcome.answerStatus < 300
        )
      case 'too-long':
        throw new RetriesExhaustedError(
          `${what} failed: ${said}, and the service asked to retry after ${formatDuration(settled.retryAfterMs ?? 0)}, longer than the action waits for one request (${formatDuration(MAX_RETRY_AFTER_MS)}). Run the step again later.`
        )
      case 'past-deadline':
        throw new RetriesExhaustedError(
          `${what} failed: ${said}; the next attempt would come after the step's timeout, so it was not sent again. The service did not act on it (nothing was started): run the step again later, or give it a longer timeout.`
        )
      case 'exhausted':
        if ('status' in outcome) throw new RetriesExhaustedError(`${failure(outcome).message} (after ${settled.attempts} attempts)`)
        throw new RetriesExhaustedError(`${what} failed after ${settled.attempts} attempts: ${said}.`)
      case 'done':
        if ('status' in outcome) return outcome
        // Past the transport's own cap (4 MiB) it is the service's fault; past a page's share, the list decides.
        if (maxBodyBytes !== undefined && outcome.code === 'BODY_TOO_LARGE') throw new PastShare()
        throw new ServiceUnavailableError(`${what} failed: ${said}.`)
    }
  }

  /**
   * Waits while the service asked the step to slow down (see Throttle). A trigger is not held past
   * the step's timeout: it is not sent at all, as a retry past it is not.
   */
  private async throttled(kind: RequestKind, what: string): Promise<void> {
    const { throttle, deadline, signal } = this.options
    // A go-live request that would wait past the timeout is not sent; a read waits to it and ends there.
    const pastDeadline =
      kind === 'trigger'
        ? (wait: number) =>
            new RetriesExhaustedError(
              `${what} was not sent: the service asked for ${formatDuration(wait)} before the next request, which would come after the step's timeout. The service did not act on it (nothing was started): run the step again later, or give it a longer timeout.`
            )
        : undefined
    await throttle?.ready(signal, deadline, pastDeadline)
  }

  /**
   * One exchange of a request. A go-live request begins only before the step's deadline (a read is
   * cut by `signal` instead), the offer is told just before its bytes may leave, and once on its way
   * it is cut by a cancellation, never by the deadline (its answer names what it started).
   */
  private async exchange(request: Exchange, token: string): Promise<Outcome> {
    const { signal, cancelled, deadline, progress } = this.options
    if (request.kind !== 'trigger') return this.request(request, token, signal)
    if (deadline !== undefined && Date.now() >= deadline) throw new DeadlineError()
    progress?.sending()
    return this.request(request, token, cancelled ?? signal)
  }

  /** One request with the token; a failure without an HTTP answer comes back as a NetworkError, not thrown. */
  private async request({ method, url, body, maxBodyBytes }: Exchange, token: string, signal: AbortSignal | undefined): Promise<Outcome> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const outcome = await exchange(this.options.transport, method, url, { headers, body, signal, maxBodyBytes })
    log.debug(`${method} ${url.pathname} -> ${describeOutcome(outcome)}`)
    if (!neverConnected(outcome)) this.reachability.reached(url.origin)
    // Throttled (429) or unavailable (503) with a Retry-After: every request of the step waits.
    if ('status' in outcome && (outcome.status === 429 || outcome.status === 503)) {
      const retryAfterMs = parseRetryAfter(outcome.headers['retry-after'])
      if (retryAfterMs !== undefined) this.options.throttle?.slowDown(retryAfterMs)
    }
    return outcome
  }
}
