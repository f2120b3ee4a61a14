// The one verdict on a CPP offer: what a go-live would do now, from what the offer's submissions
// and (in a dry run) its status say. Pure: start-go-live.ts and dry-run.ts read, this decides.
import type { Operation } from '../../wait/operation.js'
import { serviceText } from '../../report/safe-text.js'
import { isFinishedSubmissionState } from '../../wait/status.js'
import type { Submission } from './client.js'

/** What blocks a go-live: the offer state that says so (the `offer-status` output's words). */
type Blocker = 'running' | 'notStarted' | 'neverPublished' | 'failed' | 'canceled'

/** What a go-live does now, with `say`: the reason in words (a sentence that names no offer). */
export type Decision =
  /** A go-live runs already: follow it, never start another. */
  | { kind: 'follow'; running: Submission; say: string }
  /** A go-live would start now: the offer waits for publisher sign-off, or (no status read) nothing runs. */
  | { kind: 'ready'; say: string }
  /** A go-live would be refused or make no sense; `offerStatus` is the state that blocks it. */
  | { kind: 'blocked'; offerStatus: Blocker; say: string }
  /** The last operation succeeded and nothing waits for sign-off: the offer is live already. */
  | { kind: 'live'; say: string }
  /** The status is missing or one the action does not know. */
  | { kind: 'unknown'; say: string }

const GO_LIVE_TYPES = new Set(['golive', 'go-live', 'go_live'])
const OFFER_STATES = ['neverPublished', 'notStarted', 'waitingForPublisherReview', 'running', 'succeeded', 'canceled', 'failed']

/** The newest go-live submission that has not finished, if any. */
function runningGoLive(submissions: Submission[]): Submission | undefined {
  const running = submissions.filter((s) => {
    const isGoLive = GO_LIVE_TYPES.has((s.submissionType ?? '').toLowerCase()) || (s.slot ?? '').toLowerCase() === 'production'
    return isGoLive && s.submissionState !== undefined && !isFinishedSubmissionState(s.submissionState)
  })
  const time = (s: Submission): number => Date.parse(s.changedTime ?? '') || 0
  return running.sort((a, b) => time(b) - time(a))[0]
}

/**
 * The API's lowerCamelCase spelling of an offer state, whatever case it came in, or `unknown`: the
 * `offer-status` output only ever holds one of these words, never the service's own text.
 */
function canonicalOfferStatus(raw: string | undefined): string {
  if (!raw) return 'unknown'
  const lower = raw.toLowerCase() === 'cancelled' ? 'canceled' : raw.toLowerCase()
  return OFFER_STATES.find((s) => s.toLowerCase() === lower) ?? 'unknown'
}

/**
 * The `publisher-signoff` step (by id or name, in any case) waits for the publisher's review. The
 * service reports such an offer as `running`; it is ready to go live (SUSE's client maps it so).
 */
function waitsForSignOff(status: Operation): boolean {
  return status.steps.some(
    (step) =>
      [step.id, step.name].some((name) => name.toLowerCase() === 'publisher-signoff') &&
      step.rawStatus.toLowerCase() === 'waitingforpublisherreview'
  )
}

/** Whether the verdict on an offer with this status needs its submissions: only a running offer asks whether what runs is a go-live. */
export function dependsOnSubmissions(offer: Operation): boolean {
  return canonicalOfferStatus(offer.rawStatus) === 'running'
}

const READY_TO_SIGN_OFF: Decision = { kind: 'ready', say: 'The offer waits for publisher sign-off' }
const blocked = (offerStatus: Blocker, say: string): Decision => ({ kind: 'blocked', offerStatus, say })

/**
 * `offer`: the offer status, when it was read (the dry run reads it; the real run does not, and
 * lets the service refuse with a 409 what it must). `submissions`: the offer's submissions, when
 * read (undefined when they could not be). A go-live listed as running is followed; with a status,
 * it counts only while the offer runs, and wins over a sign-off step that has not moved on yet.
 */
export function decide(offer: Operation | undefined, submissions: Submission[] | undefined): Decision {
  const running = runningGoLive(submissions ?? [])
  if (!offer) {
    return running ? { kind: 'follow', running, say: 'A go-live is already running' } : { kind: 'ready', say: 'No go-live is running' }
  }
  switch (canonicalOfferStatus(offer.rawStatus)) {
    case 'waitingForPublisherReview':
      return READY_TO_SIGN_OFF
    case 'running':
      if (running) return { kind: 'follow', running, say: 'A go-live is already running' }
      if (waitsForSignOff(offer)) return READY_TO_SIGN_OFF
      return blocked(
        'running',
        'Another operation (a publish) is running on the offer: a go-live would be refused until it reaches publisher sign-off.'
      )
    case 'notStarted':
      return blocked(
        'notStarted',
        'A publish was requested but has not started: a go-live makes sense once it waits for publisher sign-off.'
      )
    case 'neverPublished':
      return blocked(
        'neverPublished',
        'The offer was never published: publish it and let it reach preview (publisher sign-off) before going live.'
      )
    case 'succeeded':
      return {
        kind: 'live',
        say: 'The last operation succeeded and nothing waits for sign-off: the offer is live already. Publish a new version to go live again.'
      }
    case 'failed':
      return blocked('failed', 'The last operation failed: fix what it reported in Partner Center and publish again before going live.')
    case 'canceled':
      return blocked('canceled', 'The last operation was canceled: publish again before going live.')
    default:
      return {
        kind: 'unknown',
        say: offer.rawStatus
          ? `The offer status '${serviceText(offer.rawStatus, 60)}' is not one the action knows; check the offer in Partner Center.`
          : 'The service sent no offer status; check the offer in Partner Center.'
      }
  }
}
