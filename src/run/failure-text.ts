// The step's error: the failure in words, plus how to check on the go-live later when it goes on
// at the service. Whether it goes on is the error's `resumable` flag, never read from its text.
import { ActionError, CancelledError, DeadlineError, messageOf } from '../errors.js'
import { OutcomeUnknownError } from '../http/lost-answers.js'
import { log } from '../report/log.js'
import type { OfferRun } from './offer-run.js'

function resumeHint(location: URL, several: boolean): string {
  // With several offers, operation-location is refused: running the same step again follows it.
  return several
    ? 'The go-live goes on at the service; nothing was cancelled: run the step again to follow it.'
    : `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.href} (add wait: true to wait for it).`
}

/** `offer`: how far the offer's run got (undefined when the failure came before it began). */
export function failureText(error: unknown, offer: Pick<OfferRun, 'phase' | 'facts'> | undefined, several = false): string {
  const phase = offer?.phase ?? 'not sent'
  const location = offer?.facts.location
  if (!(error instanceof ActionError)) {
    // A fault of the action itself: the stack is for the debug log, the step error says what, and
    // what it may have left at the service.
    log.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
    const goesOn = location && (offer?.facts.result === 'running' || offer?.facts.result === 'accepted')
    const left = goesOn
      ? ` ${resumeHint(location, several)}`
      : phase === 'sending'
        ? ' The Go Live request had been sent, so the go-live may have started: a re-run finds and follows it instead of starting another.'
        : ''
    return `Unexpected error: ${messageOf(error)}.${left}`
  }
  if (error instanceof CancelledError && phase !== 'recorded') {
    if (phase === 'sending') {
      // Cancelled before the service's answer arrived: the request may have reached it.
      return `${error.message}. If the Go Live request had been sent, the go-live may have started: a re-run finds and follows it instead of starting another.`
    }
    return `${error.message}, before any Go Live request was sent: nothing was started.`
  }
  if (!location || !error.resumable) return error.message
  return `${error.message}${error instanceof CancelledError ? '.' : ''} ${resumeHint(location, several)}`
}

/**
 * Whether the go-live may have started although no answer named it: the request that starts it went
 * out, and the failure is not the service's answer to it (a refusal means it did not start).
 */
export function mayHaveStarted(error: unknown, offer: Pick<OfferRun, 'phase' | 'facts'>): boolean {
  if (offer.phase !== 'sending' || offer.facts.location) return false
  return (
    error instanceof OutcomeUnknownError ||
    error instanceof CancelledError ||
    error instanceof DeadlineError ||
    !(error instanceof ActionError)
  )
}
