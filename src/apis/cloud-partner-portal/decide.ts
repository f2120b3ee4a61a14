// The one verdict on a CPP offer: what a go-live would do now, from what the offer's status and
// submissions say. Pure: pre-check.ts (the real run) and dry-run.ts read, this decides. The rules,
// row by row, are the table in README.md; decide.test.ts backs every row.
import type { Operation } from '../../wait/operation.js'
import { serviceText } from '../../report/safe-text.js'
import { statusWord } from '../../wait/status.js'
import type { Subject } from '../subject.js'
import type { Submission } from './client.js'
import { reasonOf, whichAndWhen } from './earlier-failure.js'
import { isSignOffStep } from './times.js'
import { failedLastGoLive, failedLastPublish, lastSucceededGoLive, ofThisOffer, runningGoLive } from './listing.js'

/** What blocks a go-live: the offer state that says so (the `offer-status` output's words). */
type Blocker = 'running' | 'notStarted' | 'neverPublished' | 'failed' | 'canceled'

/** What a go-live does now, with `say`: the reason in words (a sentence that names no offer). */
export type Decision =
  /** A go-live of this offer runs already: follow it, never start another. */
  | { kind: 'follow'; running: Submission; say: string }
  /**
   * A go-live would start now: the offer waits for publisher sign-off, or (no status read) nothing
   * runs, or (`retry`) the last one failed and `retry-failed` sends it once more. `offerStatus`: the
   * state to report when it is not `waitingForPublisherReview`.
   */
  | { kind: 'ready'; say: string; offerStatus?: 'failed'; retry?: true }
  /**
   * A go-live would be refused or make no sense; `offerStatus` is the state that blocks it, and
   * `failed` the go-live that failed last, when that is what blocks it.
   */
  | { kind: 'blocked'; offerStatus: Blocker; say: string; failed?: Submission }
  /**
   * The last operation succeeded, nothing waits for sign-off and no go-live runs: the offer is live
   * already. `last`: the newest go-live the submissions list as succeeded, when they list one.
   */
  | { kind: 'live'; last?: Submission; say: string }
  /** The status is missing or one the action does not know. */
  | { kind: 'unknown'; say: string }

/** What the verdict is about: the offer (entries about another are set aside), and the `retry-failed` input. */
export interface DecideContext {
  subject: Subject
  retryFailed?: boolean | undefined
}

/**
 * The API's lowerCamelCase spelling of an offer state, whatever case it came in, or `unknown`: the
 * `offer-status` output only ever holds one of these words, never the service's own text. Read with
 * the operations' table (statusWord): `complete` and `completed` are `succeeded` here too. Only
 * `neverPublished` is the offer status's own.
 */
function canonicalOfferStatus(raw: string | undefined): string {
  if (!raw) return 'unknown'
  return statusWord(raw) ?? (raw.trim().toLowerCase() === 'neverpublished' ? 'neverPublished' : 'unknown')
}

/**
 * The `publisher-signoff` step (by id or name, in any case) waits for the publisher's review. The
 * service reports such an offer as `running`; it is ready to go live (SUSE's client maps it so).
 */
function waitsForSignOff(status: Operation): boolean {
  return status.steps.some((step) => isSignOffStep(step) && step.rawStatus.toLowerCase() === 'waitingforpublisherreview')
}

const READY_TO_SIGN_OFF: Decision = { kind: 'ready', say: 'The offer waits for publisher sign-off' }
const blocked = (offerStatus: Blocker, say: string): Decision => ({ kind: 'blocked', offerStatus, say })

/**
 * The last go-live failed and nothing came after it: never sent again, unless `retry-failed` sends it
 * once more. `status`: the offer status when read (its failure is the reason quoted).
 */
function goLiveFailed(failed: Submission, status: Operation | undefined, context: DecideContext): Decision {
  const which = whichAndWhen(failed, status)
  // The status speaks of the failure only when it is the failure (else it says no more than "waiting").
  const statusFailed = status?.state === 'failed'
  if (context.retryFailed) {
    const say = `The last go-live failed (${which}), and retry-failed is set: it is sent once more`
    return statusFailed ? { kind: 'ready', say, offerStatus: 'failed', retry: true } : { kind: 'ready', say, retry: true }
  }
  return {
    kind: 'blocked',
    offerStatus: 'failed',
    failed,
    say: `The last go-live failed (${which}): ${reasonOf(statusFailed ? status : undefined)} A go-live that failed is not sent again: fix what it reported in Partner Center, or set retry-failed: true to send it once more.`
  }
}

/** The offer status says failed, and no go-live is listed as the failure: a publish, or an operation not listed. */
function operationFailed(own: Submission[], status: Operation, context: DecideContext): Decision {
  const publish = failedLastPublish(own)
  if (publish) {
    return {
      kind: 'blocked',
      offerStatus: 'failed',
      say: `The last publish failed (${whichAndWhen(publish, status)}): ${reasonOf(status)} Fix what it reported in Partner Center and publish again before going live (retry-failed sends a failed go-live again, not a publish).`
    }
  }
  const at = whichAndWhen(undefined, status)
  const when = at ? ` (${at})` : ''
  if (context.retryFailed) {
    return {
      kind: 'ready',
      offerStatus: 'failed',
      retry: true,
      say: `The last operation failed${when}, and retry-failed is set: the go-live is sent once more`
    }
  }
  return blocked(
    'failed',
    `The last operation failed${when}: ${reasonOf(status)} The service lists no go-live that failed, so it may have been a publish: fix what it reported in Partner Center and publish again; if it was a go-live, retry-failed: true sends it once more.`
  )
}

/**
 * `offer`: the offer status, when it was read (undefined when it could not be: then the service's
 * 409 refuses what it must). `submissions`: the offer's submissions, when read (undefined when they
 * could not be); entries about another offer are set aside first. A go-live listed as running is
 * followed whatever the status says: the status can lag a go-live just started, and following one
 * never starts a second. A go-live that failed last is never sent again without `retry-failed`.
 */
export function decide(offer: Operation | undefined, submissions: Submission[] | undefined, context: DecideContext): Decision {
  const own = ofThisOffer(context.subject, submissions ?? [])
  const running = runningGoLive(own)
  if (running) return { kind: 'follow', running, say: 'A go-live is already running' }
  const failed = failedLastGoLive(own)
  const unlessFailed = (ready: Decision): Decision => (failed ? goLiveFailed(failed, offer, context) : ready)
  if (!offer) return unlessFailed({ kind: 'ready', say: 'No go-live is running' })
  switch (canonicalOfferStatus(offer.rawStatus)) {
    case 'waitingForPublisherReview':
      return unlessFailed(READY_TO_SIGN_OFF)
    case 'running':
      if (waitsForSignOff(offer)) return unlessFailed(READY_TO_SIGN_OFF)
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
        'The offer was never published: publish it first, and go live once it reaches preview (publisher sign-off).'
      )
    case 'succeeded': {
      const last = lastSucceededGoLive(own)
      const say =
        'The last operation succeeded and nothing waits for sign-off: the offer is live already. Publish a new version to go live again.'
      return last ? { kind: 'live', last, say } : { kind: 'live', say }
    }
    case 'failed':
      return failed ? goLiveFailed(failed, offer, context) : operationFailed(own, offer, context)
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
