// The Partner Center Product Ingestion API as the action uses it: the product, its submissions,
// the configure request that takes a preview live, and the job or submission to follow.
import { ApiClient, isSuccess, UnexpectedAnswerError, type ApiClientOptions } from '../../http/api-client.js'
import type { OperationRead } from '../go-live-service.js'
import { ActionError } from '../../errors.js'
import { ServiceError, serviceDetail } from '../../http/service-error.js'
import type { HttpResponse } from '../../http/transport.js'
import { type Operation } from '../../wait/operation.js'
import { followedJobParser, followedSubmissionParser } from './followed.js'
import { jobIdOf, parseJobStatus } from './operations.js'
import { parseListing, type ListedSubmission } from './listing.js'
import {
  RESOURCE_ID,
  jobLocation,
  requestUrl,
  submissionLocation,
  type JobRef,
  type ProductIngestionRef,
  type SubmissionRef
} from './locations.js'
import { nextPageUrl, parseListPage } from './pages.js'

export interface ProductIngestionClientOptions extends ApiClientOptions {
  baseUrl: URL
  apiVersion: string
}

// Pinned: echoing the newer submission schema the service returns fails ("Required properties [sources]").
const CONFIGURE_SCHEMA = 'https://schema.mp.microsoft.com/schema/configure/2022-07-01'
const SUBMISSION_SCHEMA = 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2'

/** The two conflicts seen in the wild, by what the service says. */
type Conflict = 'in-progress' | 'not-latest'
const CONFLICTS: Array<[Conflict, RegExp]> = [
  ['in-progress', /in progress submission already exists/i],
  ['not-latest', /not the latest/i]
]

/**
 * `accepted`: a job was started and is named by `location`; `operation` is what the answer says of
 * it (it may already say completed). `unusable`: the service accepted the request (so the go-live
 * has probably started) but named no job the action can follow. `conflict`: one of the known refusals.
 */
export type GoLiveAnswer =
  | { kind: 'accepted'; location: JobRef; operation: Operation }
  | { kind: 'unusable'; status: number; problem: string }
  | { kind: 'conflict'; conflict: Conflict; response: HttpResponse }

const hints: Record<number, string> = {
  403: 'The identity is not allowed to act on this product: add the app registration to the Partner Center account (Account settings > User management > Microsoft Entra applications), with the Manager role.',
  404: 'Not found: check the offer id (the product external id shown in Partner Center).'
  // 401: the token source's advice (failure() below). 408, 429 and 5xx: the advice every API shares
  // (transientHint), which ServiceError adds itself.
}

// A job or submission the action follows was named by the service or an earlier run: a 404 says
// nothing about the offer id.
const NOT_FOUND = {
  job: 'The job was not found: the job id may be wrong or expired, or the service has not listed the new job yet.',
  submission: 'The submission was not found: its id may be wrong, or the service has not listed it yet.'
}

export class ProductIngestionClient {
  /** The products found, by external id: a product once found is not looked up again. */
  private readonly products = new Map<string, ChosenProduct>()
  private readonly options: ProductIngestionClientOptions
  private readonly api: ApiClient
  constructor(options: ProductIngestionClientOptions) {
    this.options = options
    this.api = new ApiClient(options)
  }

  private url(path: string, query = ''): URL {
    return requestUrl(this.options.baseUrl, path, this.options.apiVersion, query)
  }

  /** `notFound`: advice for a 404 that fits what was read, instead of the offer id's. */
  private failure(what: string, response: HttpResponse, notFound?: string): ServiceError {
    const hint =
      response.status === 401
        ? this.options.tokens.rejectionHint()
        : response.status === 404 && notFound
          ? notFound
          : hints[response.status]
    return new ServiceError(what, response, hint)
  }

  /**
   * Every entry of a list, page after page (see pages.ts for which links are followed), as `keep`
   * makes it (undefined: not kept), within the step's list budget (http/list-budget.ts): each page
   * is dropped as soon as `keep` has taken what the action uses of it.
   */
  private readList<K>(first: URL, what: string, noun: string, keep: (item: unknown) => K | undefined): Promise<K[]> {
    const failure = (response: HttpResponse) => this.failure(what, response)
    return this.api.readList(what, failure, async (page) => {
      const kept: K[] = []
      const seen: URL[] = []
      for (let url: URL | undefined = first; url;) {
        seen.push(url)
        const next = await page(url, (json) => {
          const { items, next } = parseListPage(json, noun)
          // One by one: a spread of a page's hundreds of thousands of entries would overflow the stack.
          for (const item of items) {
            const k = keep(item)
            if (k !== undefined) kept.push(k)
          }
          return next
        })
        url = nextPageUrl(next, { base: this.options.baseUrl, version: this.options.apiVersion, what, seen })
      }
      return kept
    })
  }

  /**
   * The product's durable id (without 'product/') for an external id, or undefined when none has it.
   * Throws before anything is sent when the lookup lists several products and cannot tell which.
   */
  async findProduct(externalId: string): Promise<string | undefined> {
    return (await this.lookUp(externalId))?.guid
  }

  /**
   * The product whose identity names `externalId`, for `api: auto`: a lone product listed without an
   * identity (a lookup that ignored its filter) says nothing of the offer, so it is no answer here.
   */
  async findNamedProduct(externalId: string): Promise<string | undefined> {
    const found = await this.lookUp(externalId)
    return found?.named === 'this' ? found.guid : undefined
  }

  /** Asked once per offer: `api: auto` looks the offer up before its go-live reads the same product. */
  private async lookUp(externalId: string): Promise<ChosenProduct | undefined> {
    const known = this.products.get(externalId)
    if (known) return known
    const what = `Looking up the product '${externalId}'`
    const url = this.url('/product', `externalId=${encodeURIComponent(externalId)}`)
    const listed = await this.readList(url, what, 'products', (p) => listedProduct(p, externalId))
    const chosen = chooseProduct(listed, externalId, what)
    if (chosen) this.products.set(externalId, chosen)
    return chosen
  }

  /**
   * Every entry of the product's submissions, those whose id the action cannot use included
   * (listing.ts), reduced to what decide() reads as each page is read.
   */
  async listSubmissions(productGuid: string): Promise<ListedSubmission[]> {
    const what = "Listing the product's submissions"
    return this.readList(this.url(`/submission/${productGuid}`), what, 'submissions', (item) => parseListing([item], productGuid)[0])
  }

  /** POST /configure: take the preview submission `submissionId` live. Sent once; never retried blindly. */
  async requestGoLive(productGuid: string, submissionId: string): Promise<GoLiveAnswer> {
    const what = 'The go-live (configure) request'
    const body = {
      $schema: CONFIGURE_SCHEMA,
      resources: [{ $schema: SUBMISSION_SCHEMA, id: submissionId, product: `product/${productGuid}`, target: { targetType: 'live' } }]
    }
    const response = await this.api.send('POST', this.url('/configure'), 'trigger', what, (r) => this.failure(what, r), body)
    if (!isSuccess(response)) {
      const said = serviceDetail(response).message ?? ''
      const conflict = CONFLICTS.find(([, pattern]) => pattern.test(said))?.[0]
      if (conflict) return { kind: 'conflict', conflict, response }
      throw this.failure(what, response)
    }
    let json: unknown
    try {
      json = JSON.parse(response.body)
    } catch {
      return { kind: 'unusable', status: response.status, problem: 'sent an answer that is not JSON' }
    }
    const jobId = jobIdOf(json)
    if (!jobId) return { kind: 'unusable', status: response.status, problem: "named no job (no jobId made of letters, digits and '-')" }
    const location = jobLocation(this.options.baseUrl, jobId, this.options.apiVersion, productGuid)
    return { kind: 'accepted', location, operation: parseJobStatus(json) }
  }

  /** The location of a listed submission, or undefined when its id is not one the action accepts. */
  submissionLocation(submissionId: string): SubmissionRef | undefined {
    return submissionLocation(this.options.baseUrl, submissionId, this.options.apiVersion)
  }

  /**
   * Reads a job's status or a submission, by the reference's kind. A body about another job or
   * submission is an unexpected answer (a missed poll), never the one followed.
   */
  readOperation(location: ProductIngestionRef): Promise<OperationRead> {
    const { what, parse } =
      location.kind === 'job'
        ? { what: "Reading the go-live job's status", parse: followedJobParser(location.id) }
        : { what: 'Reading the live submission', parse: followedSubmissionParser(location.id) }
    return this.api.readOperation(location.url, what, parse, (response) => this.failure(what, response, NOT_FOUND[location.kind]))
  }
}

/** What the lookup needs of a listed product: its id when valid, and whether it names `externalId`, another, or none. */
interface ListedProduct {
  guid: string | undefined
  named: 'this' | 'other' | 'none'
}

function listedProduct(p: unknown, externalId: string): ListedProduct {
  // Spelled `externalId` in most answers and `externalID` in Learn's product resource: both name it.
  const identity = (p as { identity?: Record<string, unknown> } | null)?.identity
  const id = identity?.externalId ?? identity?.externalID ?? identity?.externalid
  const named = typeof id !== 'string' ? 'none' : id.toLowerCase() === externalId.toLowerCase() ? 'this' : 'other'
  return { guid: productGuidOf(p), named }
}

/** The product a lookup chose: its id, and whether its identity names the external id ('this') or it has none ('none'). */
interface ChosenProduct {
  guid: string
  named: 'this' | 'none'
}

/**
 * The one product a lookup listed for `externalId`: the one whose external id matches (any case), or
 * a lone product listed without one. Several matches, or several listed and none matching, are
 * ambiguous: the action refuses rather than guess which product goes live.
 */
function chooseProduct(listed: ListedProduct[], externalId: string, what: string): ChosenProduct | undefined {
  const matches = listed.filter((p) => p.named === 'this')
  if (matches.length > 1 || (matches.length === 0 && listed.length > 1)) {
    const ids = listed.slice(0, 10).map(productName).join(', ') + (listed.length > 10 ? ', …' : '')
    const which =
      matches.length > 1
        ? `${matches.length} products have that external id (${matches.slice(0, 10).map(productName).join(', ')})`
        : `it listed ${listed.length} products and none has that external id (${ids})`
    throw new ActionError(
      `The product lookup for '${externalId}' is ambiguous: ${which}. Nothing was sent: the action takes live only the one product with that external id. Check the offer id in Partner Center.`
    )
  }
  // One product with no identity at all is taken as the filter's answer; one naming another id never is.
  const product = matches[0] ?? (listed.length === 1 && listed[0]?.named === 'none' ? listed[0] : undefined)
  if (product === undefined) return undefined
  if (!product.guid)
    throw new UnexpectedAnswerError(
      `${what} failed: the service named the product with an id that is not product/<id> (letters, digits and '-').`
    )
  return { guid: product.guid, named: product.named === 'this' ? 'this' : 'none' }
}

function productGuidOf(product: unknown): string | undefined {
  const id = (product as { id?: unknown } | null)?.id
  const guid = typeof id === 'string' ? id.replace(/^product\//, '') : ''
  return RESOURCE_ID.test(guid) ? guid : undefined
}

/** A listed product as a message names it: its validated id, never service text. */
function productName(product: ListedProduct): string {
  return product.guid ? `product/${product.guid}` : 'a product without a valid id'
}
