// A Cloud Partner Portal API on loopback that plays ../shared/cpp-api.md: every operation location
// form, progressions read one GET at a time, array-wrapped bodies, 409s, error bodies of each kind,
// the offer status of each state (cpp-offers.ts) and injected faults. Tests, the demo and the
// benchmark all drive it.
import { randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { answerAfterAccept, FaultBook, type Fault } from './faults.ts'
import { LaggingListing } from './listing-lag.ts'
import { Revocations, type Revocation } from './revocation.ts'
import { json, serve } from './serve.ts'
import { goLiveRefusal, goLiveSubmission, offerRecord, offerStatusBody, type OfferRecord, type OfferSetup } from './cpp-offers.ts'
import { failingGoLive, offerLinks, succeedingGoLive, type Body } from './scenarios.ts'

const API_VERSION = '2017-10-31'
export const DEFAULT_TOKEN = 'emulator-access-token'

export type { Fault } from './faults.ts'

export interface RecordedRequest {
  method: string
  path: string
  query: string
  headers: IncomingHttpHeaders
  body: string
  at: number
}

interface OperationRecord {
  id: string
  publisher: string
  offer: string
  progression: Body[]
  reads: number
  submission: Body
  /** When a go-live that ends at a time ends (epoch ms): it reads running until then. */
  endsAt?: number
}

/** A go-live a go-live request started: its offer and operation id (what its 202 names, unless a fault replaced the answer). */
interface IssuedGoLive {
  publisher: string
  offer: string
  id: string
}

export interface CppEmulator {
  url: string
  requests: RecordedRequest[]
  addOffer(setup: OfferSetup): void
  injectFault(fault: Fault): void
  acceptToken(token: string): void
  /** Refuses `token` (401) from now on, or from the moment `revocation` names, its refusals held back as it says. */
  revokeToken(token: string, revocation?: Revocation): void
  /** How many requests bearing `token` were refused since it was revoked. */
  refusalsOf(token: string): number
  /** Every go-live a go-live request started, in order (not those an offer was set up with). */
  issued: IssuedGoLive[]
  /** Requests matching method and a path substring. */
  requestsTo(method: string, pathPart: string): RecordedRequest[]
  /** Replaces what the offer's operations answer from now on (the benchmark's "it ends now"). */
  setProgression(publisher: string, offer: string, progression: Body[]): void
  /** Forgets offers, operations, faults and recorded requests; tokens go back to the initial set. */
  reset(): void
  close(): Promise<void>
}

export interface EmulatorOptions {
  port?: number
  /** Idle keep-alive the server offers: long, so a client that holds sockets open is caught. */
  keepAliveTimeoutMs?: number
  tokens?: string[]
  /** Each token is accepted for this many requests, then answered 401 (an expired token). */
  tokenUses?: number
  /** Serve https with the test certificate (emulator/tls), as the real service does. */
  tls?: boolean
  /**
   * Serves any offer: one it was not given is created, from this setup, by the first request that
   * names it (`npm run emulator`). Without it an unknown offer is 404, as at the service.
   */
  offerOnFirstUse?: (publisher: string, offer: string) => OfferSetup
  /**
   * The operation id of each go-live it starts (a `pub$offer$n$slot` offer aside): a random GUID by
   * default; a fixed one makes a run repeat byte for byte (the README's summary sample, scripts/docs.ts).
   */
  operationId?: () => string
}

const PUBLISHER_PATH = /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\/(golive|submissions\/?|status|cancel|operations\/([^/]+))$/
const FLAT_OPERATION_PATH = /^\/api\/operations\/([^/]+)$/

export async function startCppEmulator(options: EmulatorOptions = {}): Promise<CppEmulator> {
  const initialTokens = options.tokens ?? [DEFAULT_TOKEN]
  const tokens = new Set(initialTokens)
  const uses = new Map<string, number>()
  const offers = new Map<string, OfferRecord>()
  const operations = new Map<string, OperationRecord>()
  const faults = new FaultBook()
  const listing = new LaggingListing<Body>()
  const requests: RecordedRequest[] = []
  const revocations = new Revocations()
  const issued: IssuedGoLive[] = []
  let previewCounter = 1

  const key = (publisher: string, offer: string): string => `${publisher.toLowerCase()}/${offer.toLowerCase()}`

  function error(res: ServerResponse, status: number, code: string, message: string): void {
    json(res, status, { error: { code, message } })
  }

  function startGoLive(offer: OfferRecord, progression: Body[], state = 'running', at = new Date()): OperationRecord {
    const preview = offer.locationStyle === 'location-preview'
    const id = preview ? `${offer.publisher}$${offer.offer}$${previewCounter++}$preview` : (options.operationId ?? randomUUID)()
    const submission = goLiveSubmission(offer, id, state, at)
    offer.submissions.push(submission)
    const record: OperationRecord = { id, publisher: offer.publisher, offer: offer.offer, progression, reads: 0, submission }
    if (offer.endsAfterMs !== undefined) record.endsAt = Date.now() + offer.endsAfterMs
    operations.set(id, record)
    return record
  }

  function addOffer(setup: OfferSetup): void {
    const record = offerRecord(setup)
    offers.set(key(setup.publisher, setup.offer), record)
    // Gone live a day ago: the go-live is listed, and its operation reads succeeded.
    if (record.state === 'live') {
      const ended = { ...succeedingGoLive().at(-1), ...offerLinks(record.publisher, record.offer, { preview: true, live: true }) }
      startGoLive(record, [ended], 'succeeded', new Date(Date.now() - 86_400_000))
    }
    // Failed an hour ago: the go-live is listed as failed, its operation and the offer status say why.
    if (record.state === 'goLiveFailed') {
      const failed = failingGoLive().at(-1) as Body
      startGoLive(record, [failed], 'failed', new Date(Date.now() - 3_600_000))
      record.lastEnded = failed
    }
    if (setup.runningGoLive) startGoLive(record, setup.runningGoLive)
  }

  function locationHeaders(offer: OfferRecord, op: OperationRecord, origin: string): Record<string, string> {
    const nested = `/api/publishers/${offer.publisher}/offers/${offer.offer}/operations/${op.id}`
    switch (offer.locationStyle) {
      case 'operation-location':
        return { 'operation-location': `${origin}${nested}` }
      case 'location-migrated':
        return { location: `${nested}?api-version=${API_VERSION}` }
      case 'location-preview':
        return { location: `/api/operations/${op.id}?api-version=${API_VERSION}` }
      case 'none':
        return {}
    }
  }

  function readOperation(res: ServerResponse, op: OperationRecord, offer: OfferRecord, extraHeaders: Record<string, string>): void {
    // One that ends at a time reads its still-going bodies (the last of them repeating) until then, then its last.
    const last = op.progression.length - 1
    const at =
      op.endsAt === undefined ? Math.min(op.reads, last) : Date.now() < op.endsAt ? Math.max(0, Math.min(op.reads, last - 1)) : last
    const body = op.progression[at] as Body
    op.reads++
    const status = String(body.status).toLowerCase()
    if (['succeeded', 'complete', 'completed', 'failed', 'canceled', 'cancelled'].includes(status)) {
      op.submission.submissionState = status.startsWith('complete') ? 'succeeded' : status === 'cancelled' ? 'canceled' : status
      offer.lastEnded = body
    }
    json(res, 200, offer.arrayWrapped ? [body] : body, extraHeaders)
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string, origin: string): void {
    const url = new URL(req.url ?? '/', origin)
    // The raw path: `$` must arrive literally, never as %24.
    const rawPath = (req.url ?? '/').split('?')[0] as string
    requests.push({ method: req.method ?? '', path: rawPath, query: url.search, headers: req.headers, body, at: Date.now() })

    const effect = faults.apply(req, res, rawPath)
    const { done, extraHeaders } = effect
    if (done) return

    if (url.searchParams.get('api-version') !== API_VERSION) {
      return error(
        res,
        400,
        'InvalidAPIVersion',
        `The api-version '${url.searchParams.get('api-version') ?? ''}' is invalid. The supported versions are '${API_VERSION}'.`
      )
    }
    const auth = req.headers.authorization ?? ''
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : undefined
    if (token && options.tokenUses !== undefined) {
      uses.set(token, (uses.get(token) ?? 0) + 1)
      if ((uses.get(token) as number) > options.tokenUses) tokens.delete(token)
    }
    if (token && revocations.refuses(token)) tokens.delete(token)
    if (!token || !tokens.has(token)) {
      if (token) revocations.holdRefusal(token, res)
      res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-length': 0 })
      return void res.end()
    }

    const nested = PUBLISHER_PATH.exec(rawPath)
    const flat = FLAT_OPERATION_PATH.exec(rawPath)
    if (!nested && !flat) {
      res.writeHead(404, { 'content-type': 'text/html' })
      return void res.end(
        '<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body><h2>The resource you are looking for has been removed.</h2></body></html>'
      )
    }
    if (flat) {
      const op = operations.get(flat[1] as string)
      if (!op) return error(res, 404, 'NotFound', `Operation '${flat[1]}' was not found.`)
      const offer = offers.get(key(op.publisher, op.offer)) as OfferRecord
      return readOperation(res, op, offer, extraHeaders)
    }
    const [, publisher, offerId, action, operationId] = nested as unknown as [string, string, string, string, string | undefined]
    if (options.offerOnFirstUse && !offers.has(key(publisher, offerId))) addOffer(options.offerOnFirstUse(publisher, offerId))
    const known = [...offers.values()].some((o) => o.publisher.toLowerCase() === publisher.toLowerCase())
    if (!known) return error(res, 404, 'PublisherNotFound', `Publisher '${publisher}' was not found.`)
    const offer = offers.get(key(publisher, offerId))
    if (offer?.allowedTokens && !offer.allowedTokens.includes(token)) {
      return error(res, 403, 'Forbidden', `The caller is not authorized to access publisher '${publisher}'.`)
    }
    if (!offer) return error(res, 404, 'OfferNotFound', `Offer '${offerId}' was not found for publisher '${publisher}'.`)

    if (req.method === 'POST' && action === 'golive') {
      const refusal = goLiveRefusal(offer)
      if (refusal) return error(res, refusal.status, refusal.code, refusal.message)
      const op = startGoLive(offer, offer.progression)
      listing.hide(op.submission, offer.listedAfter)
      issued.push({ publisher: offer.publisher, offer: offer.offer, id: op.id })
      if (answerAfterAccept(effect, req, res)) return
      res.writeHead(202, { 'content-length': 0, ...locationHeaders(offer, op, origin), ...extraHeaders })
      return void res.end()
    }
    if (req.method === 'POST' && action === 'cancel') {
      res.writeHead(202, { 'content-length': 0 })
      return void res.end()
    }
    if (req.method === 'GET' && action.startsWith('submissions')) {
      return json(res, 200, [...offer.foreignSubmissions, ...listing.list(offer.submissions)], extraHeaders)
    }
    if (req.method === 'GET' && action === 'status') return json(res, 200, offerStatusBody(offer), extraHeaders)
    if (req.method === 'GET' && operationId) {
      if (operationId.includes('%24')) return error(res, 404, 'NotFound', `Operation '${decodeURIComponent(operationId)}' was not found.`)
      const op = operations.get(operationId)
      if (!op || key(op.publisher, op.offer) !== key(publisher, offerId)) {
        return error(res, 404, 'NotFound', `Operation '${operationId}' was not found.`)
      }
      return readOperation(res, op, offer, extraHeaders)
    }
    res.writeHead(405, { 'content-type': 'text/plain' })
    res.end(`${req.method} is not allowed here.`)
  }

  const served = await serve(handle, options)

  return {
    url: served.origin,
    requests,
    addOffer,
    injectFault(fault: Fault) {
      faults.inject(fault)
    },
    acceptToken(token) {
      tokens.add(token)
    },
    revokeToken(token, revocation) {
      revocations.revoke(token, revocation)
    },
    refusalsOf: (token) => revocations.refusals(token),
    issued,
    setProgression(publisher, offer, progression) {
      for (const op of operations.values()) {
        if (key(op.publisher, op.offer) === key(publisher, offer)) {
          op.progression = progression
          op.reads = 0
        }
      }
    },
    reset() {
      offers.clear()
      operations.clear()
      faults.clear()
      listing.clear()
      requests.length = 0
      issued.length = 0
      revocations.clear()
      tokens.clear()
      uses.clear()
      for (const token of initialTokens) tokens.add(token)
    },
    requestsTo(method, pathPart) {
      return requests.filter((r) => r.method === method && r.path.includes(pathPart))
    },
    close: () => served.close()
  }
}
