// Which of a product's submissions is the newer: by `created` (7 fractional digits), and by the
// submission number as a big integer when `created` is missing or equal (pia-api.md, "Submissions").
// An entry whose id the action cannot use may have neither: then it cannot be told older.
import type { ListedSubmission, Submission } from './listing.js'
import { sameSubmissionId } from './locations.js'
import { instantOf } from '../../wait/service-time.js'

/**
 * -1 when `a` is the newer, 1 when `b` is, 0 when neither; undefined when they cannot be told apart
 * (an unusable id without digits and a `created` missing on one side). A missing `created` is
 * unknown, not old: the numbers decide then.
 */
export function compareAge(a: ListedSubmission, b: ListedSubmission): -1 | 0 | 1 | undefined {
  const [ta, tb] = [instantOf(a.created), instantOf(b.created)]
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta > tb ? -1 : 1
  if (a.number === undefined || b.number === undefined) return undefined
  // Digits only (locations.ts, listing.ts), so BigInt() cannot throw.
  const [na, nb] = [BigInt(a.number), BigInt(b.number)]
  return na === nb ? 0 : na > nb ? -1 : 1
}

/** Sort comparator of usable submissions (they always have a number), newest first. */
export function newestFirst(a: Submission, b: Submission): number {
  return compareAge(a, b) ?? 0
}

/** Whether `a` may be newer than `b`: unless it is certainly older. An equal rank may be the same entry. */
export function mayBeNewer(a: ListedSubmission, b: ListedSubmission): boolean {
  return compareAge(a, b) !== 1
}

/** Whether two listed submissions are one (see sameSubmissionId). */
export function sameSubmission(a: Pick<Submission, 'id'>, b: Pick<Submission, 'id'>): boolean {
  return sameSubmissionId(a.id, b.id)
}
