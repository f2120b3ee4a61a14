// Which of a product's submissions is the newer: by `created` (7 fractional digits), and by the
// submission number as a big integer when `created` is missing or equal (pia-api.md, "Submissions").
import type { Submission } from './client.js'
import { sameSubmissionId } from './locations.js'

// `2022-02-04T20:07:22.4220588Z`: seconds, up to 9 fractional digits (the service sends 7), a zone.
const CREATED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/i

/** `created` in nanoseconds since 1970, exactly (Date.parse stops at milliseconds); undefined when unknown. */
function createdAt(created: string | undefined): bigint | undefined {
  const match = created === undefined ? null : CREATED.exec(created)
  if (!match) return undefined
  const seconds = Date.parse(`${match[1]}${match[3] ?? 'Z'}`)
  if (Number.isNaN(seconds)) return undefined
  return BigInt(seconds) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'))
}

/** Sort comparator, newest first. A missing `created` is unknown, not old: the numbers decide then. */
export function newestFirst(a: Submission, b: Submission): number {
  const [ta, tb] = [createdAt(a.created), createdAt(b.created)]
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta > tb ? -1 : 1
  // Validated as 1 to 30 digits (locations.ts), so BigInt() cannot throw.
  const [na, nb] = [BigInt(a.number), BigInt(b.number)]
  return na === nb ? 0 : na > nb ? -1 : 1
}

/** Whether two listed submissions are one (see sameSubmissionId). */
export function sameSubmission(a: Pick<Submission, 'id'>, b: Pick<Submission, 'id'>): boolean {
  return sameSubmissionId(a.id, b.id)
}
