// An earlier failure in words, for a verdict that quotes it: what the service said went wrong (the
// offer status, which has an operation's shape), which submission, and when it ended.
import { failureReasons, type Operation } from '../../wait/operation.js'
import { serviceText } from '../../report/safe-text.js'
import type { Submission } from './client.js'
import { isOperationId } from './locations.js'
import { instantOf, latestTime } from '../../wait/service-time.js'

/** A service timestamp (`2017-03-28T19:50:39.5506018Z`): quoted as sent, all 7 fractional digits. */
const timestamp = (value: string | undefined): string | undefined => (instantOf(value) === undefined ? undefined : value)

/** The latest timestamp of the status's error messages (top level and steps), if one reads as a time. */
function errorTime(status: Operation | undefined): string | undefined {
  const messages = [...(status?.messages ?? []), ...(status?.steps ?? []).flatMap((step) => step.messages)]
  return latestTime(messages.filter((m) => m.level === 'error').map((m) => m.timestamp))
}

/** When it ended: the submission's changedTime, else the time of the status's error. */
function when(failed: Submission | undefined, status: Operation | undefined): string | undefined {
  return timestamp(failed?.changedTime) ?? errorTime(status)
}

/** `submission 56615b67-…, at 2026-11-20T10:05:39.5506018Z`, or less when less is known; '' when nothing is. */
export function whichAndWhen(failed: Submission | undefined, status: Operation | undefined): string {
  const which = failed ? [`submission ${isOperationId(failed.id) ? failed.id : `'${serviceText(failed.id, 80)}'`}`] : []
  const at = when(failed, status)
  return [...which, ...(at ? [`at ${at}`] : [])].join(', ')
}

/**
 * What the service said went wrong, as one or more sentences: the status's error messages and failed
 * steps (failureReasons, already one clean line each), at most three, bounded as a whole.
 */
export function reasonOf(status: Operation | undefined): string {
  const reasons = status ? failureReasons(status).slice(0, 3) : []
  if (reasons.length === 0) return 'The service gave no reason in the offer status.'
  const text = serviceText(reasons.join('; '), 600)
  return /[.!?…]$/.test(text) ? text : `${text}.`
}
