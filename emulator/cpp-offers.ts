// An offer as the CPP emulator keeps it: how it was set up, its submissions, and what its state says
// at `GET .../status` (cpp-api.md, "Offer status"): neverPublished until a publish, waiting for the
// publisher's sign-off after one, running while a go-live (or a publish) runs, and how the last
// go-live ended once it has.
import type { ListingLag } from './listing-lag.ts'
import { offerLinks, offerStatusSteps, serviceTimestamp, succeedingGoLive, type Body } from './scenarios.ts'

/** How the 202 names the operation: the three forms seen in the wild, or none at all. */
type LocationStyle = 'operation-location' | 'location-migrated' | 'location-preview' | 'none'

/**
 * Where an offer starts. `published` (the default): a preview waits for the publisher's sign-off,
 * ready to go live. `neverPublished`: nothing was ever published. `live`: an earlier go-live
 * succeeded: it is listed (slot production, succeeded) and its operation reads succeeded.
 */
type OfferState = 'neverPublished' | 'published' | 'live'

export interface OfferSetup {
  publisher: string
  offer: string
  state?: OfferState
  locationStyle?: LocationStyle
  /** Bodies for successive status GETs of a go-live started on this offer; the last one repeats. */
  progression?: Body[]
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
}

export interface OfferRecord extends Required<
  Pick<OfferSetup, 'publisher' | 'offer' | 'state' | 'locationStyle' | 'progression' | 'arrayWrapped' | 'publishRunning'>
> {
  offerStatus: string
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
    submissions: []
  }
  if (setup.allowedTokens) record.allowedTokens = setup.allowedTokens
  if (setup.listedAfter) record.listedAfter = setup.listedAfter
  return record
}

/** A go-live submission, shaped like Learn's "GET operations" sample; `at`: its changedTime. */
export function goLiveSubmission(offer: OfferRecord, id: string, state: string, at = new Date()): Body {
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

const isRunning = (offer: OfferRecord): boolean => offer.publishRunning || offer.submissions.some((s) => s.submissionState === 'running')

/** The body of `GET .../status`: a running operation shows through, then how the last go-live ended. */
export function offerStatusBody(offer: OfferRecord): Body {
  const last = offer.submissions.at(-1)?.submissionState as string | undefined
  const status = isRunning(offer) ? 'running' : (last ?? offer.offerStatus)
  const wentLive = offer.submissions.some((s) => s.submissionState === 'succeeded')
  const preview = !offer.publishRunning && !['neverpublished', 'notstarted'].includes(status.toLowerCase())
  return {
    status,
    messages: [],
    steps: offerStatusSteps(status, offer.publishRunning),
    ...offerLinks(offer.publisher, offer.offer, { preview, live: wentLive })
  }
}

/** Why a Go Live request is refused now, if it is: something runs (409), or nothing was published. */
export function goLiveRefusal(offer: OfferRecord): { status: number; code: string; message: string } | undefined {
  if (isRunning(offer)) return { status: 409, code: 'Conflict', message: `An operation is already in progress for offer '${offer.offer}'.` }
  if (offer.offerStatus.toLowerCase() === 'neverpublished' && offer.submissions.length === 0) {
    // made-up: no source shows the answer to a go-live of an offer never published; a validation
    // failure (422, documented for Publish) is the likeliest.
    return { status: 422, code: 'ValidationFailed', message: `Offer '${offer.offer}' has not been published; publish it first.` }
  }
  return undefined
}
