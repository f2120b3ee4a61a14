// The Cloud Partner Portal API as the action uses it: requests, retries, and typed answers.
import * as core from '@actions/core'
import { formatDuration } from './duration.js'
import { ActionError } from './errors.js'
import { parseOperation, type Operation } from './operation.js'
import { decideRetry, parseRetryAfter, retryDelay, type BackoffSettings, type RequestKind } from './retry.js'
import { ServiceError, type Subject } from './service-error.js'
import { sleep } from './sleep.js'
import type { TokenProvider } from './token-provider.js'
import { NetworkError, type HttpResponse, type Transport } from './transport.js'
import { resolveOperationLocation } from './urls.js'

export interface CppClientOptions {
  baseUrl: URL
  apiVersion: string
  transport: Transport
  tokens: TokenProvider
  backoff: BackoffSettings
  signal?: AbortSignal
}

/** The longest `Retry-After` a single request waits for; a longer one ends it with a message. */
const MAX_RETRY_AFTER_MS = 10 * 60_000

/** The go-live POST failed in a way that leaves open whether the service acted on it. */
export class AmbiguousTriggerError extends ActionError {
  override name = 'AmbiguousTriggerError'
}

/** The service answered 2xx with something the action cannot read (not JSON, not a list). */
export class UnexpectedAnswerError extends ActionError {
  override name = 'UnexpectedAnswerError'
}

/** A request still failing after its retries; the operation may still be readable later. */
export class RetriesExhaustedError extends ActionError {
  override name = 'RetriesExhaustedError'
}

export type GoLiveAnswer = { kind: 'accepted'; location: URL; raw: string } | { kind: 'conflict'; response: HttpResponse }

export interface Submission {
  id: string
  submissionType?: string
  submissionState?: string
  slot?: string
  changedTime?: string
}

export interface OperationRead {
  operation: Operation
  /** A `Retry-After` the service sent with the status, to be honoured before the next poll. */
  retryAfterMs?: number
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
    const raw = header(response, 'operation-location') ?? header(response, 'location')
    if (!raw) {
      throw new ActionError(
        `The Go Live request was accepted (HTTP ${response.status}) but the service sent neither an Operation-Location nor a Location header, so there is no operation to follow. Check the offer's status in Partner Center before running the step again: the go-live may have started.`
      )
    }
    return { kind: 'accepted', location: resolveOperationLocation(raw, this.options.baseUrl, this.options.apiVersion), raw }
  }

  async getOperation(location: URL, subject: Subject): Promise<OperationRead> {
    const what = 'Reading the operation status'
    const response = await this.send('GET', location, 'read', what, subject)
    if (response.status !== 200) throw this.failure(what, response, subject)
    let operation: Operation
    try {
      operation = parseOperation(JSON.parse(response.body))
    } catch (error) {
      const why = error instanceof SyntaxError ? 'is not JSON' : (error as Error).message
      throw new UnexpectedAnswerError(`${what} failed: the answer ${why} (${excerpt(response.body)}).`)
    }
    const read: OperationRead = { operation }
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'])
    if (retryAfterMs !== undefined) read.retryAfterMs = retryAfterMs
    return read
  }

  /** GET .../status: the offer's state, in the same shape as an operation. */
  async getOfferStatus(subject: Subject): Promise<Operation> {
    const what = "Reading the offer's status"
    const response = await this.send('GET', this.offerUrl(subject, 'status'), 'read', what, subject)
    if (response.status !== 200) throw this.failure(what, response, subject)
    try {
      return parseOperation(JSON.parse(response.body))
    } catch (error) {
      const why = error instanceof SyntaxError ? 'is not JSON' : (error as Error).message
      throw new UnexpectedAnswerError(`${what} failed: the answer ${why} (${excerpt(response.body)}).`)
    }
  }

  async listSubmissions(subject: Subject): Promise<Submission[]> {
    const what = "Listing the offer's submissions"
    const response = await this.send('GET', this.offerUrl(subject, 'submissions/'), 'read', what, subject)
    if (response.status !== 200) throw this.failure(what, response, subject)
    let json: unknown
    try {
      json = JSON.parse(response.body)
    } catch {
      throw new UnexpectedAnswerError(`${what} failed: the answer is not JSON (${excerpt(response.body)}).`)
    }
    const list = Array.isArray(json) ? json : (json as { value?: unknown })?.value
    if (!Array.isArray(list)) throw new UnexpectedAnswerError(`${what} failed: the answer is not a list (${excerpt(response.body)}).`)
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

  /**
   * The operation location of a submission (a submission's id is its operation id). Ids of the
   * `pub$offer$2$preview` form live under /api/operations/, with their `$` kept literal.
   */
  submissionLocation(subject: Subject, submission: Submission): URL {
    const id = encodeURIComponent(submission.id).replace(/%24/g, '$')
    if (submission.id.includes('$')) {
      return resolveOperationLocation(`/api/operations/${id}`, this.options.baseUrl, this.options.apiVersion)
    }
    return this.offerUrl(subject, `operations/${id}`)
  }

  private offerUrl(subject: Subject, tail: string): URL {
    const path = `/api/publishers/${encodeURIComponent(subject.publisher)}/offers/${encodeURIComponent(subject.offer)}/${tail}`
    return resolveOperationLocation(path, this.options.baseUrl, this.options.apiVersion)
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
    const { backoff, transport, tokens, signal } = this.options
    let renewed = false
    for (let attempt = 1; ; attempt++) {
      const token = await tokens.getToken()
      let outcome: HttpResponse | NetworkError
      try {
        outcome = await transport.request(method, url, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          signal
        })
        core.debug(`${method} ${url.pathname} -> HTTP ${outcome.status}`)
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        core.debug(`${method} ${url.pathname} -> ${error.message}`)
        outcome = error
      }
      if ('status' in outcome && outcome.status === 401 && !renewed && tokens.renewable) {
        renewed = true
        core.info(`${what}: the service rejected the access token (HTTP 401); retrying once with a fresh token.`)
        await tokens.renew()
        attempt--
        continue
      }
      if ('status' in outcome && outcome.status < 300) return outcome
      const decision = decideRetry(kind, outcome)
      const said = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.message
      if (decision === 'ambiguous') throw new AmbiguousTriggerError(`${what} got no clear answer: ${said}`)
      if (decision === 'fail') {
        if ('status' in outcome) return outcome
        throw new ActionError(`${what} failed: ${said}.`)
      }
      if (attempt >= backoff.maxAttempts) {
        if ('status' in outcome)
          throw new RetriesExhaustedError(this.failure(what, outcome, subject).message + ` (after ${attempt} attempts)`)
        throw new RetriesExhaustedError(`${what} failed after ${attempt} attempts: ${said}.`)
      }
      const retryAfterMs = 'status' in outcome ? parseRetryAfter(outcome.headers['retry-after']) : undefined
      if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) {
        throw new RetriesExhaustedError(
          `${what} failed: ${said}, and the service asked to retry after ${formatDuration(retryAfterMs)}, longer than the action waits for one request (${formatDuration(MAX_RETRY_AFTER_MS)}). Run the step again later.`
        )
      }
      const delay = retryDelay(attempt, backoff, retryAfterMs)
      core.info(`${what}: ${said}; retrying in ${formatDuration(delay)} (attempt ${attempt + 1} of ${backoff.maxAttempts}).`)
      await sleep(delay, signal)
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

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  if (!flat) return 'empty body'
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat
}
