// What a failure leaves behind, decided by how far the offer got (its phase), never by searching a
// message: before anything was sent, nothing was; once the request may be on its way, the go-live
// may have started; once it is named, it goes on at the service and keeps its last known state (a
// location given as input that no read confirmed: unknown).
import { ActionError, CancelledError, DeadlineError, messageOf } from '../errors.js'
import { MAY_HAVE_STARTED, OutcomeUnknownError } from '../http/lost-answers.js'
import { log } from '../report/log.js'
import { formatDuration } from '../wait/duration.js'
import type { Outcome, Problem } from './outcome.js'

/** What the words of an ending need to know of the step. */
export interface Ending {
  timeoutMs: number
}

/** An error of the action itself (not an ActionError): its stack goes to the debug log, its words to the user. */
function faultText(error: unknown): string {
  log.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
  return `Unexpected error: ${messageOf(error)}.`
}

/**
 * Nothing that starts the go-live went out, or (`refused`) the service answered it with a definite
 * no. A refusal says so in the service's words; anything else ends by saying nothing was sent.
 */
function notSentText(error: unknown, label: string, ending: Ending, refused: boolean): string {
  const timeout = formatDuration(ending.timeoutMs)
  if (error instanceof DeadlineError) {
    return refused
      ? `The timeout (${timeout}) passed before the go-live of ${label} could be started (the service had refused its request: nothing started); run the step again to take it live.`
      : `The timeout (${timeout}) passed before the go-live of ${label} was started: nothing was sent; run the step again to take it live.`
  }
  if (error instanceof CancelledError) return `${error.message}, before the go-live request of ${label} was sent: nothing was sent.`
  if (error instanceof ActionError) return refused ? error.message : `${error.message} Nothing was sent.`
  return `${faultText(error)} Nothing was sent.`
}

/** The request went out (or may have) and no answer named a go-live: what to do first, then why. */
function mayHaveStartedText(error: unknown, label: string, ending: Ending, answered: boolean): string {
  // The look's own words start with what to do.
  if (error instanceof OutcomeUnknownError) return error.message
  const timeout = formatDuration(ending.timeoutMs)
  const why =
    error instanceof DeadlineError
      ? answered
        ? `The timeout (${timeout}) passed while the action looked for the go-live of ${label}, whose request got no clear answer.`
        : `The timeout (${timeout}) passed before the answer to the go-live request of ${label} was read.`
      : error instanceof CancelledError
        ? `${error.message} while the go-live request of ${label} was on its way.`
        : error instanceof ActionError
          ? error.message
          : `${faultText(error)} The go-live request of ${label} had been sent.`
  // What to do first: `results` keeps the first 300 characters of it.
  return `${MAY_HAVE_STARTED} ${why}`
}

/** The go-live is named and goes on at the service: the step stopped following it. */
function brokeOff(error: unknown): Problem {
  if (error instanceof CancelledError) return { text: `${error.message}.`, goesOn: true }
  if (error instanceof ActionError) return { text: error.message, goesOn: error.resumable }
  return { text: faultText(error), goesOn: true }
}

/** The outcome a failure leaves, from the outcome it interrupted. */
export function endedBy(outcome: Outcome, error: unknown, context: Ending & { label: string }): Outcome {
  const { label } = context
  switch (outcome.phase) {
    case 'not sent':
    case 'checked': {
      const refused = outcome.phase === 'not sent' && outcome.refused === true
      return { phase: 'not sent', refused, problem: { text: notSentText(error, label, context, refused), goesOn: false } }
    }
    case 'sending':
    case 'maybe started': {
      const text = mayHaveStartedText(error, label, context, outcome.phase === 'maybe started')
      return { phase: 'maybe started', problem: { text, goesOn: false } }
    }
    case 'started':
      // A location given as input that no read confirmed: whether it names a go-live is unknown.
      if (outcome.goLive.how === 'given' && !outcome.goLive.operation) {
        return { phase: 'finished', goLive: outcome.goLive, state: 'unknown', problem: brokeOff(error) }
      }
      // The last known state stays (`running`, `accepted`): the step only stopped following it.
      return { ...outcome, problem: brokeOff(error) }
    case 'finished':
      // Ended without success (conclude.ts says how), or a fault after it ended: the state stays.
      return { ...outcome, problem: { text: error instanceof ActionError ? error.message : faultText(error), goesOn: false } }
  }
}

/** A failure of the whole step (the inputs, the sign-in) in words: an ActionError as it is, a fault as one. */
export function stepFailureText(error: unknown): string {
  return error instanceof ActionError ? error.message : faultText(error)
}
