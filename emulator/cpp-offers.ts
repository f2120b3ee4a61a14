// An offer as the CPP emulator keeps it: how it was set up, its submissions, and what its state says
// at `GET .../status` (cpp-api.md, "Offer status"): neverPublished until a publish, waiting for the
// publisher's sign-off after one, running while a go-live (or a publish) runs, and how the last
// go-live ended once it has.
import { randomUUID } from 'node:crypto'
import type { ListingLag } from './listing-lag.ts'
import { offerLinks, offerStatusSteps, serviceTimestamp, succeedingGoLive, type Body } from './scenarios.ts'

/** How the 202 names the operation: the three forms seen in the wild, or none at all. */
type LocationStyle = 'operation-location' | 'location-migrated' | 'location-preview' | 'none'

/**
 * Where an offer starts. `published` (the default): a preview waits for the publisher's sign-off,
 * ready to go live. `neverPublished`: nothing was ever published. `live`: an earlier go-live
 * succeeded: it is listed (slot production, succeeded) and its operation reads succeeded.
 * `goLiveFailed`: an earlier go-live failed an hour ago (failingGoLive): it is listed (slot
 * production, failed), its operation reads failed, and the offer status is that failure.
 */
type OfferState = 'neverPublished' | 'published' | 'live' | 'goLiveFailed'

export interface OfferSetup {
  publisher: string
  offer: string
  state?: OfferState
  locationStyle?: LocationStyle
  /** Bodies for successive status GETs of a go-live started on this offer; the last one repeats. */
  progression?: Body[]
  /**
   * A go-live started on this offer ends at a time, not after a number of reads: until this many ms
   * after its go-live request, its reads play the progression but its last body (the one before
   * the last repeating), from then on the last.
   */
  endsAfterMs?: number
  /** Answer status GETs as `[body]`, as the documentation shows. */
  arrayWrapped?: boolean
  /** A go-live already runs (as after an earlier workflow run): it has this progression. */
  runningGoLive?: Body[]
  /** Another operation (a publish) runs: a POST gets 409 and no go-live is listed. */
  publishRunning?: boolean
  /**
   * The word `GET .../status` answers while nothing runs and no go-live has ended, as sent (any
   * case or spelling). Default: `neverPublished` for that state, else `waitingForPublisherReview`.
   */
  offerStatus?: string
  /** Tokens allowed on this publisher; others get 403. Default: every valid token. */
  allowedTokens?: string[]
  /** A go-live started by a POST shows in the submissions listing only after this lag. */
  listedAfter?: ListingLag
  /**
   * How `GET .../status` spells the state once a go-live succeeded: `succeeded` (the default), or
   * `complete` / `completed`, the operation spellings cpp-api.md says the offer status uses too.
   */
  liveStatus?: string
  /**
   * Entries about other offers that the listing shows besides this offer's (a service that ignored
   * the offer of the path): foreignGoLive() makes them. They never make this offer busy.
   */
  foreignSubmissions?: Body[]
}

export interface OfferRecord extends Required<
  Pick<OfferSetup, 'publisher' | 'offer' | 'state' | 'locationStyle' | 'progression' | 'arrayWrapped' | 'publishRunning'>
> {
  offerStatus: string
  liveStatus: string
  foreignSubmissions: Body[]
  endsAfterMs?: number
  /** The last body the operation of the newest go-live that ended read: the offer status after a failure. */
  lastEnded?: Body
  allowedTokens?: string[]
  listedAfter?: ListingLag
  /** Go-live submissions, oldest first, shaped like Learn's "GET operations" sample. */
  submissions: Body[]
}

export function offerRecord(setup: OfferSetup): OfferRecord {
  const state = setup.state ?? 'published'
  const record: OfferRecord = {
    publisher: setup.publisher,
    offer: setup.offer,
    state,
    locationStyle: setup.locationStyle ?? 'operation-location',
    progression: setup.progression ?? succeedingGoLive(),
    arrayWrapped: setup.arrayWrapped ?? false,
    publishRunning: setup.publishRunning ?? false,
    offerStatus: setup.offerStatus ?? (state === 'neverPublished' ? 'neverPublished' : 'waitingForPublisherReview'),
    liveStatus: setup.liveStatus ?? 'succeeded',
    foreignSubmissions: setup.foreignSubmissions ?? [],
    submissions: []
  }
  if (setup.allowedTokens) record.allowedTokens = setup.allowedTokens
  if (setup.endsAfterMs !== undefined) record.endsAfterMs = setup.endsAfterMs
  if (setup.listedAfter) record.listedAfter = setup.listedAfter
  return record
}

/** A go-live submission, shaped like Learn's "GET operations" sample; `at`: its changedTime. */
export function goLiveSubmission(offer: Pick<OfferRecord, 'publisher' | 'offer'>, id: string, state: string, at = new Date()): Body {
  return {
    id,
    offerId: offer.offer,
    offerVersion: 1,
    offerTypeId: 'microsoft-azure-virtualmachines',
    publisherId: offer.publisher,
    submissionType: 'golive',
    submissionState: state,
    publishingVersion: 2,
    slot: 'production',
    changedTime: serviceTimestamp(at)
  }
}

/**
 * A go-live submission of another offer, as a listing that ignored the path's offer shows it: `id`
 * a GUID unless given (a `pub$offer$n$slot` id names its own offer), running unless `state` says.
 */
export function foreignGoLive(named: { publisherId: string; offerId: string; id?: string; state?: string }): Body {
  const at = new Date(Date.now() - 60_000)
  return goLiveSubmission({ publisher: named.publisherId, offer: named.offerId }, named.id ?? randomUUID(), named.state ?? 'running', at)
}

const isRunning = (offer: OfferRecord): boolean => offer.publishRunning || offer.submissions.some((s) => s.submissionState === 'running')

/** The word `GET .../status` answers: a running operation shows through, then how the last go-live ended. */
function statusWord(offer: OfferRecord): string {
  if (isRunning(offer)) return 'running'
  const last = offer.submissions.at(-1)?.submissionState as string | undefined
  if (last === 'succeeded') return offer.liveStatus
  return last ?? offer.offerStatus
}

/**
 * The body of `GET .../status`. After a failed go-live it is that go-live's last operation body (the
 * offer status has the shape of an operation, cpp-api.md): its failed step and error message.
 */
export function offerStatusBody(offer: OfferRecord): Body {
  const status = statusWord(offer)
  const wentLive = offer.submissions.some((s) => s.submissionState === 'succeeded')
  const preview = !offer.publishRunning && !['neverpublished', 'notstarted'].includes(status.toLowerCase())
  const links = offerLinks(offer.publisher, offer.offer, { preview, live: wentLive })
  if (status === 'failed' && offer.lastEnded) return { ...offer.lastEnded, status, ...links }
  return { status, messages: [], steps: offerStatusSteps(status, offer.publishRunning), ...links }
}

const SUCCEEDED = ['succeeded', 'complete', 'completed']

/** Why a Go Live request is refused now, if it is: something runs (409), nothing was published, or it is live. */
export function goLiveRefusal(offer: OfferRecord): { status: number; code: string; message: string } | undefined {
  if (isRunning(offer)) return { status: 409, code: 'Conflict', message: `An operation is already in progress for offer '${offer.offer}'.` }
  if (SUCCEEDED.includes(statusWord(offer).toLowerCase())) {
    // made-up: no source shows the answer to a go-live of an offer live already; issue 17 reports a
    // 400, worded here as the service's other 400s are.
    return {
      status: 400,
      code: 'BadRequest',
      message: `Offer '${offer.offer}' is already live; publish a new version before going live again.`
    }
  }
  if (offer.offerStatus.toLowerCase() === 'neverpublished' && offer.submissions.length === 0) {
    // made-up: no source shows the answer to a go-live of an offer never published; a validation
    // failure (422, documented for Publish) is the likeliest.
    return { status: 422, code: 'ValidationFailed', message: `Offer '${offer.offer}' has not been published; publish it first.` }
  }
  return undefined
}
