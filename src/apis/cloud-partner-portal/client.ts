// The Cloud Partner Portal API as the action uses it: requests, retries, and typed answers.
import { ApiClient, isSuccess, type ApiClientOptions } from '../../http/api-client.js'
import { ShapeError } from '../../errors.js'
import type { OperationRead } from '../go-live-service.js'
import { log } from '../../report/log.js'
import { parseOperation, type Operation } from '../../wait/operation.js'
import { isObject } from '../../lookup.js'
import { serviceText } from '../../report/safe-text.js'
import type { Hint, ServiceError } from '../../http/service-error.js'
import type { Subject } from '../subject.js'
import { cppFailure, operationHintFor, refusesLocation } from './hints.js'
import type { HttpResponse } from '../../http/transport.js'
import { LocationProblem } from '../../http/urls.js'
import { withGoLiveTimes } from './times.js'
import { canonicalOperationLocation, isOperationId, requestUrl, sameOffer, type CppOperationRef } from './locations.js'

export interface CppClientOptions extends ApiClientOptions {
  baseUrl: URL
  apiVersion: string
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
  /** The publisher and offer the entry names (listing.ts sets aside entries about another offer). */
  publisherId?: string
  offerId?: string
  submissionType?: string
  submissionState?: string
  slot?: string
  changedTime?: string
}

export class CppClient {
  private readonly options: CppClientOptions
  private readonly api: ApiClient
  constructor(options: CppClientOptions) {
    this.options = options
    this.api = new ApiClient(options)
  }

  /** POST golive. A 409 is an answer (the caller looks for the running go-live), not an error. */
  async requestGoLive(subject: Subject): Promise<GoLiveAnswer> {
    const what = 'The Go Live request'
    const response = await this.api.send('POST', this.offerUrl(subject, 'golive'), 'trigger', what, (r) => this.failure(what, r, subject))
    if (response.status === 409) return { kind: 'conflict', response }
    if (!isSuccess(response)) throw this.failure(what, response, subject)
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

  readOperation(location: CppOperationRef, subject: Subject): Promise<OperationRead> {
    const what = 'Reading the operation status'
    // A 404 or 400 here is about the operation location, not the publisher or offer id.
    return this.api.readOperation(location.url, what, parseGoLive, (response) => {
      const error = this.failure(what, response, subject, (detail) => operationHintFor(response.status, location.url, subject, detail))
      // That advice names the location and how to read it again; nothing says the go-live goes on.
      if (refusesLocation(response.status, error.detail)) error.resumable = false
      return error
    })
  }

  /** GET .../status: the offer's state, in the same shape as an operation. */
  async getOfferStatus(subject: Subject): Promise<Operation> {
    return (await this.readJson(this.offerUrl(subject, 'status'), "Reading the offer's status", subject, parseGoLive)).value
  }

  /** One page, within a listing's allowance and the step's list budget (http/list-budget.ts), as every list is read. */
  listSubmissions(subject: Subject): Promise<Submission[]> {
    const what = "Listing the offer's submissions"
    const failure = (response: HttpResponse) => this.failure(what, response, subject)
    return this.api.readList(what, failure, (page) => page(this.offerUrl(subject, 'submissions/'), parseSubmissions))
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
    return requestUrl(this.options.baseUrl, `/api/publishers/${subject.publisher}/offers/${subject.offer}/${tail}`, this.options.apiVersion)
  }

  private readJson<T>(url: URL, what: string, subject: Subject, parse: (json: unknown) => T) {
    return this.api.readJson(url, what, parse, (response) => this.failure(what, response, subject))
  }

  /** `hint`: advice for this request instead of the offer-level advice of hints.ts (a 401 keeps the token's). */
  private failure(what: string, response: HttpResponse, subject: Subject, hint?: Hint): ServiceError {
    return cppFailure(what, response, subject, response.status === 401 ? this.options.tokens.rejectionHint() : hint)
  }
}

/** An operation or offer status, with the times its go-live's steps report (times.ts). */
const parseGoLive = (json: unknown): Operation => withGoLiveTimes(parseOperation(json))

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name]
  const first = Array.isArray(value) ? value[0] : value
  return first && first.trim() ? first.trim() : undefined
}

function parseSubmissions(json: unknown): Submission[] {
  const list = Array.isArray(json) ? json : (json as { value?: unknown } | null)?.value
  if (!Array.isArray(list)) throw new ShapeError('is not a list')
  return list.flatMap((s: unknown) => {
    if (!isObject(s) || (typeof s.id !== 'string' && typeof s.id !== 'number')) return []
    const submission: Submission = { id: String(s.id) }
    for (const key of ['publisherId', 'offerId', 'submissionType', 'submissionState', 'slot', 'changedTime'] as const) {
      if (typeof s[key] === 'string') submission[key] = s[key] as string
    }
    return [submission]
  })
}
