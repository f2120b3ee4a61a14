// The one verdict on a CPP offer: what a go-live would do now, from what the offer's status and
// submissions say. Pure: pre-check.ts (the real run) and dry-run.ts read, this decides.
import type { Operation } from '../../wait/operation.js'
import { serviceText } from '../../report/safe-text.js'
import { isFinishedSubmissionState, normaliseOperationStatus } from '../../wait/status.js'
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
  /**
   * The last operation succeeded, nothing waits for sign-off and no go-live runs: the offer is live
   * already. `last`: the newest go-live the submissions list as succeeded, when they list one.
   */
  | { kind: 'live'; last?: Submission; say: string }
  /** The status is missing or one the action does not know. */
  | { kind: 'unknown'; say: string }

const GO_LIVE_TYPES = new Set(['golive', 'go-live', 'go_live'])
const OFFER_STATES = ['neverPublished', 'notStarted', 'waitingForPublisherReview', 'running', 'succeeded', 'canceled', 'failed']

const isGoLive = (s: Submission): boolean =>
  GO_LIVE_TYPES.has((s.submissionType ?? '').toLowerCase()) || (s.slot ?? '').toLowerCase() === 'production'

/** The newest go-live submission whose state passes `test`, if any. */
function newestGoLive(submissions: Submission[], test: (state: string) => boolean): Submission | undefined {
  const found = submissions.filter((s) => isGoLive(s) && s.submissionState !== undefined && test(s.submissionState))
  const time = (s: Submission): number => Date.parse(s.changedTime ?? '') || 0
  return found.sort((a, b) => time(b) - time(a))[0]
}

/** The newest go-live submission that has not finished, if any. */
const runningGoLive = (submissions: Submission[]) => newestGoLive(submissions, (state) => !isFinishedSubmissionState(state))

/** The newest go-live that succeeded (`succeeded`, `complete`, `completed`): the one that took the offer live. */
const lastGoLive = (submissions: Submission[]) =>
  newestGoLive(submissions, (state) => normaliseOperationStatus(state).state === 'succeeded')

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

/**
 * Whether the verdict on an offer with this status needs its submissions (the real run always lists
 * them): whether a go-live runs, which one took the offer live. Not for an offer that waits for
 * sign-off: a go-live started since shows the offer running, so the dry run spares that read.
 */
export function dependsOnSubmissions(offer: Operation): boolean {
  return canonicalOfferStatus(offer.rawStatus) !== 'waitingForPublisherReview'
}

const READY_TO_SIGN_OFF: Decision = { kind: 'ready', say: 'The offer waits for publisher sign-off' }
const blocked = (offerStatus: Blocker, say: string): Decision => ({ kind: 'blocked', offerStatus, say })

/**
 * `offer`: the offer status, when it was read (undefined when it could not be: then the service's
 * 409 refuses what it must). `submissions`: the offer's submissions, when read (undefined when they
 * could not be). A go-live listed as running is followed whatever the status says: the status can
 * lag a go-live just started, and following one never starts a second.
 */
export function decide(offer: Operation | undefined, submissions: Submission[] | undefined): Decision {
  const running = runningGoLive(submissions ?? [])
  if (running) return { kind: 'follow', running, say: 'A go-live is already running' }
  if (!offer) return { kind: 'ready', say: 'No go-live is running' }
  switch (canonicalOfferStatus(offer.rawStatus)) {
    case 'waitingForPublisherReview':
      return READY_TO_SIGN_OFF
    case 'running':
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
        'The offer was never published: publish it first, and go live once it reaches preview (publisher sign-off).'
      )
    case 'succeeded': {
      const last = lastGoLive(submissions ?? [])
      const say =
        'The last operation succeeded and nothing waits for sign-off: the offer is live already. Publish a new version to go live again.'
      return last ? { kind: 'live', last, say } : { kind: 'live', say }
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
