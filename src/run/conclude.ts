// How an offer's go-live ended, in words: success is logged, anything else fails the step.
import { ActionError } from '../errors.js'
import { log } from '../report/log.js'
import { failureReasons, type Operation } from '../wait/operation.js'
import type { Offer } from './offer.js'
import type { How } from './start-or-attach.js'

/** Reasons named in the step's error; a hostile service may list thousands. */
const MAX_REASONS = 10

/** Logs the go-live's last known state; throws when it ended without success (the offer keeps that state). */
export function conclude(operation: Operation, how: How, offer: Pick<Offer, 'label' | 'prefix'>): void {
  if (operation.state !== 'running' && operation.state !== 'succeeded')
    throw new ActionError(failureMessage(operation), { resumable: false })
  log.info(
    operation.state === 'succeeded'
      ? how === 'live'
        ? `${offer.label} is live.`
        : `The go-live of ${offer.label} succeeded.`
      : `${offer.prefix}The go-live is still ${operation.rawStatus ?? 'running'}.`
  )
}

function failureMessage(operation: Operation): string {
  const reasons = failureReasons(operation)
  if (operation.state === 'unknown') {
    // Ended, but not in words the action knows: never success, and a re-run reads the same.
    const also = reasons.length > 0 ? ` The service also reported: ${reasons.slice(0, MAX_REASONS).join('; ')}.` : ''
    return `The go-live's outcome is unknown: ${operation.unknownReason ?? 'the service did not say how it ended'}. The action cannot tell whether it succeeded, so the step fails: check the offer in Partner Center.${also}`
  }
  const verb = operation.state === 'canceled' ? 'was canceled' : 'failed'
  const more = reasons.length > MAX_REASONS ? `; and ${reasons.length - MAX_REASONS} more (the job summary lists the first)` : ''
  const why =
    reasons.length > 0
      ? `: ${reasons.slice(0, MAX_REASONS).join('; ')}${more}`
      : ' (the service gave no reason; see the offer in Partner Center)'
  return `The go-live ${verb}${why}`
}
