// What an offer's submissions listing says, for decide(): which entries are this offer's, the
// go-live that runs, the one that took the offer live, and a failure that is the last word.
import { GUID } from '../../http/ids.js'
import { isFinishedSubmissionState, normaliseOperationStatus, type OperationState } from '../../wait/status.js'
import type { Subject } from '../subject.js'
import type { Submission } from './client.js'
import { offerNamedBy, sameOffer } from './locations.js'

const GO_LIVE_TYPES = new Set(['golive', 'go-live', 'go_live'])

/** A go-live by its type, or by the slot a go-live goes to (production; a publish goes to staging). */
const isGoLive = (s: Submission): boolean =>
  GO_LIVE_TYPES.has((s.submissionType ?? '').toLowerCase()) || (s.slot ?? '').toLowerCase() === 'production'

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/**
 * Whether an entry is about another offer: it names another publisher (`publisherId`), another
 * offer (`offerId`), or its `pub$offer$n$slot` id does. Learn's sample names the offer by a GUID
 * (`"offerId": "56615b67-…"`), not by the id the path takes: a GUID cannot be compared with it, so
 * it sets nothing aside (the listing was asked for at this offer's path).
 */
function aboutAnotherOffer(subject: Subject, s: Submission): boolean {
  if (s.publisherId !== undefined && !same(s.publisherId, subject.publisher)) return true
  if (s.offerId !== undefined && !GUID.test(s.offerId) && !same(s.offerId, subject.offer)) return true
  const named = offerNamedBy(s.id)
  return named !== undefined && !sameOffer(named, subject)
}

/** The entries about this offer: a listing that ignored the path's offer is never read as this offer's. */
export const ofThisOffer = (subject: Subject, submissions: Submission[]): Submission[] =>
  submissions.filter((s) => !aboutAnotherOffer(subject, s))

/** When the entry last changed, in ms; NaN when it does not say (or not as a time). */
const time = (s: Submission): number => Date.parse(s.changedTime ?? '')
/** Newest first; an entry with no time counts as the oldest. */
const newestFirst = (a: Submission, b: Submission): number => (time(b) || 0) - (time(a) || 0)

const stateOf = (s: Submission): OperationState | undefined => {
  const { state, known } = normaliseOperationStatus(s.submissionState)
  return known ? state : undefined
}

/** The newest go-live with a state that has not finished (one with no state at all is not running). */
export const runningGoLive = (own: Submission[]): Submission | undefined =>
  own.filter((s) => isGoLive(s) && s.submissionState !== undefined && !isFinishedSubmissionState(s.submissionState)).sort(newestFirst)[0]

/**
 * The newest go-live that was not listed `before` (the listing read before a request): one that
 * request started, whatever its state now (it may have ended within the look).
 */
export const newGoLive = (own: Submission[], before: Submission[]): Submission | undefined =>
  own.filter((s) => isGoLive(s) && !before.some((b) => same(b.id, s.id))).sort(newestFirst)[0]

/**
 * The newest go-live that changed at or after `since` (epoch ms), whatever its state now: one a
 * request sent about then may have started (it may have ended within the look).
 */
export const goLiveSince = (own: Submission[], since: number): Submission | undefined =>
  own.filter((s) => isGoLive(s) && time(s) >= since).sort(newestFirst)[0]

/** A go-live that says no time (or none that reads as one): whether it is older than a request cannot be told. */
export const untimedGoLive = (own: Submission[]): Submission | undefined => own.find((s) => isGoLive(s) && Number.isNaN(time(s)))

/** The newest go-live that succeeded (`succeeded`, `complete`, `completed`): the one that took the offer live. */
export const lastSucceededGoLive = (own: Submission[]): Submission | undefined =>
  own.filter((s) => isGoLive(s) && stateOf(s) === 'succeeded').sort(newestFirst)[0]

/**
 * The newest entry that failed among those `test` picks, unless something was listed after it: an
 * entry whose time is known to be later (both times read). When the times do not tell, the failure
 * stands: unknown never clears it.
 */
function failedLast(own: Submission[], test: (s: Submission) => boolean): Submission | undefined {
  const after = (failed: Submission): boolean => own.some((s) => s !== failed && time(s) > time(failed))
  return own.filter((s) => test(s) && stateOf(s) === 'failed' && !after(s)).sort(newestFirst)[0]
}

/** The go-live whose failure is the last word of the listing: nothing (a new publish, a retry) came after it. */
export const failedLastGoLive = (own: Submission[]): Submission | undefined => failedLast(own, isGoLive)

/** The publish (an entry that is not a go-live) whose failure is the last word of the listing. */
export const failedLastPublish = (own: Submission[]): Submission | undefined => failedLast(own, (s) => !isGoLive(s))
