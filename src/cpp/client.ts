// The Cloud Partner Portal API as the action uses it: requests, retries, and typed answers.
import { formatDuration } from '../duration.js'
import { ActionError, ServiceUnavailableError } from '../errors.js'
import type { OperationRead } from '../go-live-service.js'
import { parseOperation, type Operation } from '../operation.js'
import {
  describeOutcome,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  withRetries,
  type BackoffSettings,
  type Outcome,
  type RequestKind
} from '../retry.js'
import { ServiceError, type Subject } from '../service-error.js'
import type { TokenProvider } from '../token-provider.js'
import { answeredUnusably, NetworkError, type HttpResponse, type Transport } from '../transport.js'
import { canonicalOperationLocation, isOperationId, LocationProblem, sameOffer, type CppOperationRef } from './operation-location.js'
import { serviceText } from '../safe-text.js'
import { apiUrl } from '../urls.js'
import { log } from '../log.js'

export interface CppClientOptions {
  baseUrl: URL
  apiVersion: string
  transport: Transport
  tokens: TokenProvider
  backoff: BackoffSettings
  signal?: AbortSignal
}

/**
 * The go-live POST failed in a way that leaves open whether the service acted on it. `answered`:
 * an answer came but could not be used, so the service received the request: it is never re-sent.
 */
export class AmbiguousTriggerError extends ActionError {
  override name = 'AmbiguousTriggerError'
  readonly answered: boolean
  constructor(message: string, answered: boolean) {
    super(message)
    this.answered = answered
  }
}

/** The service answered 2xx with something the action cannot read (not JSON, not a list). */
export class UnexpectedAnswerError extends ServiceUnavailableError {
  override name = 'UnexpectedAnswerError'
}

/** A request still failing after its retries; the operation may still be readable later. */
export class RetriesExhaustedError extends ServiceUnavailableError {
  override name = 'RetriesExhaustedError'
}

/**
 * `accepted`: the go-live started and is named by `location`. `unusable`: the service accepted the
 * request (so the go-live has probably started) but named no operation the action can follow.
 * `conflict`: a 409, something already runs on the offer.
 */
export type GoLiveAnswer =
  | { kind: 'accepted'; location: CppOperationRef }
  | { kind: 'unusable'; status: number; problem: string }
  | { kind: 'conflict'; response: HttpResponse }

export interface Submission {
  id: string
  submissionType?: string
  submissionState?: string
  slot?: string
  changedTime?: string
}

export class CppClient {
  private readonly options: CppClientOptions
  constructor(options: CppClientOptions) {
    this.options = options
  }

  /** POST golive. A 409 is an answer (the caller looks for the running go-live), not an error. */
  async goLive(subject: Subject): Promise<GoLiveAnswer> {
    const response = await this.send('POST', this.offerUrl(subject, 'golive'), 'trigger', 'The Go Live request', subject)
    if (response.status === 409) return { kind: 'conflict', response }
    if (!isSuccess(response)) throw this.failure('The Go Live request', response, subject)
    const { status } = response
    const raw = header(response, 'operation-location') ?? header(response, 'location')
    if (!raw) return { kind: 'unusable', status, problem: 'sent neither an Operation-Location nor a Location header' }
    try {
      const location = canonicalOperationLocation(raw, this.options.baseUrl, this.options.apiVersion)
      if (!sameOffer(location, subject)) {
        return { kind: 'unusable', status, problem: `named an operation of another offer (${location.publisher}/${location.offer})` }
      }
      return { kind: 'accepted', location }
    } catch (error) {
      if (!(error instanceof LocationProblem)) throw error
      log.debug(`The operation location the service sent: ${serviceText(raw, 300)}`)
      return { kind: 'unusable', status, problem: `sent an operation location that ${error.message}` }
    }
  }

  async getOperation(location: URL, subject: Subject): Promise<OperationRead> {
    const { value: operation, response } = await this.readJson(location, 'Reading the operation status', subject, parseOperation)
    const read: OperationRead = { operation }
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'])
    if (retryAfterMs !== undefined) read.retryAfterMs = retryAfterMs
    return read
  }

  /** GET .../status: the offer's state, in the same shape as an operation. */
  async getOfferStatus(subject: Subject): Promise<Operation> {
    return (await this.readJson(this.offerUrl(subject, 'status'), "Reading the offer's status", subject, parseOperation)).value
  }

  async listSubmissions(subject: Subject): Promise<Submission[]> {
    const { value } = await this.readJson(
      this.offerUrl(subject, 'submissions/'),
      "Listing the offer's submissions",
      subject,
      parseSubmissions
    )
    return value
  }

  /**
   * The operation location of a submission (a submission's id is its operation id), or undefined
   * when the id is not one the action accepts. Ids of the `pub$offer$2$preview` form live under
   * /api/operations/, with their `$` kept literal.
   */
  submissionLocation(subject: Subject, submission: Submission): CppOperationRef | undefined {
    if (!isOperationId(submission.id)) return undefined
    const path = submission.id.includes('$')
      ? `/api/operations/${submission.id}`
      : `/api/publishers/${subject.publisher}/offers/${subject.offer}/operations/${submission.id}`
    const location = canonicalOperationLocation(path, this.options.baseUrl, this.options.apiVersion)
    // A `pub$offer$n$slot` id names its offer: one of another offer is not this offer's go-live.
    return sameOffer(location, subject) ? location : undefined
  }

  // Publisher and offer are validated identifiers: safe as path segments as they are.
  private offerUrl(subject: Subject, tail: string): URL {
    return apiUrl(`/api/publishers/${subject.publisher}/offers/${subject.offer}/${tail}`, this.options.baseUrl, this.options.apiVersion)
  }

  /** A GET that must answer 200 with JSON that `parse` accepts; anything else is an error in words. */
  private async readJson<T>(
    url: URL,
    what: string,
    subject: Subject,
    parse: (json: unknown) => T
  ): Promise<{ value: T; response: HttpResponse }> {
    const response = await this.send('GET', url, 'read', what, subject)
    if (isSuccess(response) && response.status !== 200) {
      throw new UnexpectedAnswerError(
        `${what} failed: the service answered HTTP ${response.status} instead of 200 (${excerpt(response.body)}).`
      )
    }
    if (response.status !== 200) throw this.failure(what, response, subject)
    try {
      return { value: parse(JSON.parse(response.body)), response }
    } catch (error) {
      // SyntaxError for text, RangeError for JSON nested past the parser's depth.
      const why = error instanceof SyntaxError || error instanceof RangeError ? 'is not JSON the action can read' : (error as Error).message
      throw new UnexpectedAnswerError(`${what} failed: the answer ${why} (${excerpt(response.body)}).`)
    }
  }

  private failure(what: string, response: HttpResponse, subject: Subject): ServiceError {
    const hint = response.status === 401 ? this.options.tokens.rejectionHint() : undefined
    return new ServiceError(what, response, subject, hint)
  }

  /**
   * Sends a request, retrying what is worth retrying. Returns the final HTTP response, whatever its
   * status; throws when no response came after all attempts, or when a POST's fate is unknown.
   */
  private async send(method: 'GET' | 'POST', url: URL, kind: RequestKind, what: string, subject: Subject): Promise<HttpResponse> {
    const { backoff, tokens, signal } = this.options
    let renewed = false
    const attempt = async (): Promise<Outcome> => {
      const outcome = await this.request(method, url, await tokens.getToken())
      if (!('status' in outcome) || outcome.status !== 401 || renewed || !tokens.renewable) return outcome
      // One fresh token after a 401, within the same attempt.
      renewed = true
      log.info(`${what}: the service rejected the access token (HTTP 401); retrying once with a fresh token.`)
      await tokens.renew()
      return this.request(method, url, await tokens.getToken())
    }
    const settled = await withRetries(attempt, {
      kind,
      backoff,
      signal,
      onRetry: (said, delay, next) =>
        log.info(`${what}: ${said}; retrying in ${formatDuration(delay)} (attempt ${next} of ${backoff.maxAttempts}).`)
    })
    const { outcome } = settled
    const said = describeOutcome(outcome)
    switch (settled.verdict) {
      case 'ambiguous':
        throw new AmbiguousTriggerError(
          `${what} got no clear answer: ${said}`,
          outcome instanceof NetworkError && answeredUnusably(outcome)
        )
      case 'too-long':
        throw new RetriesExhaustedError(
          `${what} failed: ${said}, and the service asked to retry after ${formatDuration(settled.retryAfterMs ?? 0)}, longer than the action waits for one request (${formatDuration(MAX_RETRY_AFTER_MS)}). Run the step again later.`
        )
      case 'exhausted':
        if ('status' in outcome)
          throw new RetriesExhaustedError(`${this.failure(what, outcome, subject).message} (after ${settled.attempts} attempts)`)
        throw new RetriesExhaustedError(`${what} failed after ${settled.attempts} attempts: ${said}.`)
      case 'done':
        if ('status' in outcome) return outcome
        throw new ServiceUnavailableError(`${what} failed: ${said}.`)
    }
  }

  /** One request; a failure without an HTTP answer comes back as a NetworkError, not thrown. */
  private async request(method: 'GET' | 'POST', url: URL, token: string): Promise<Outcome> {
    try {
      const response = await this.options.transport.request(method, url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: this.options.signal
      })
      log.debug(`${method} ${url.pathname} -> HTTP ${response.status}`)
      return response
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error
      log.debug(`${method} ${url.pathname} -> ${error.message}`)
      return error
    }
  }
}

function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name]
  const first = Array.isArray(value) ? value[0] : value
  return first && first.trim() ? first.trim() : undefined
}

function parseSubmissions(json: unknown): Submission[] {
  const list = Array.isArray(json) ? json : (json as { value?: unknown } | null)?.value
  if (!Array.isArray(list)) throw new Error('is not a list')
  return list.flatMap((item: unknown) => {
    const s = item as Record<string, unknown>
    if (typeof s !== 'object' || s === null || (typeof s.id !== 'string' && typeof s.id !== 'number')) return []
    const submission: Submission = { id: String(s.id) }
    for (const key of ['submissionType', 'submissionState', 'slot', 'changedTime'] as const) {
      if (typeof s[key] === 'string') submission[key] = s[key] as string
    }
    return [submission]
  })
}

function excerpt(body: string): string {
  return serviceText(body.slice(0, 1_000), 120) || 'empty body'
}
