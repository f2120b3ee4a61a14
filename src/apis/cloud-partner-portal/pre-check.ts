// What the real run reads before any Go Live request: the offer's submissions and its status, judged
// by decide() as the dry run judges them. A re-run of the same step converges: a live offer is
// reported, a running go-live followed, an offer never published refused, and only an offer that
// waits for sign-off is taken live.
import { ActionError, messageOf } from '../../errors.js'
import { ListTooLargeError } from '../../http/list-budget.js'
import { isServiceUnavailable, ServiceError } from '../../http/service-error.js'
import { UnreachableError } from '../../http/unreachable.js'
import { log } from '../../report/log.js'
import type { Operation } from '../../wait/operation.js'
import { subjectLabel, type Subject } from '../subject.js'
import type { CppClient, Submission } from './client.js'
import { decide, type DecideContext, type Decision } from './decide.js'

const AS_WITHOUT = 'a go-live is started unless one runs, and the service refuses one that cannot start.'

export interface PreCheck {
  decision: Decision
  /** The offer status as read; undefined when it could not be read. */
  status?: Operation
  /** The submissions as listed before any request; undefined when they could not be listed. */
  listed?: Submission[] | undefined
}

/**
 * Whether the step goes on without a read that failed: only the service's own trouble (an error
 * answer, an answer it could not read) is passed over. A service that could not be reached at all
 * is not: every later request would go the same way, so the offer ends here, not started, with
 * what to check (unreachable.ts). Nor is a list past its allowance (list-budget.ts): it was read,
 * and what it holds (a go-live that failed last) may forbid the request, so the offer is refused.
 */
function goesOnWithout(error: unknown): boolean {
  return isServiceUnavailable(error) && !(error instanceof UnreachableError) && !(error instanceof ListTooLargeError)
}

/**
 * The refusal of an offer whose submissions are listed past the allowance: the list, its limit, and
 * that nothing was sent (the listing may say a go-live runs or failed last; unknown is never ready).
 */
function tooLargeRefusal(subject: Subject, error: ListTooLargeError): ActionError {
  return new ActionError(
    `${subjectLabel(subject)} cannot go live now, so no Go Live request was sent: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)} Without the list the action cannot tell whether a go-live of the offer runs or failed last.`,
    { cause: error, resumable: false }
  )
}

/**
 * Only a read that is down or unreadable is passed over; a sign-in, permission or not-found problem
 * would fail the POST the same way, so it is reported now, and so is a list too large to read.
 */
async function listed(client: CppClient, subject: Subject): Promise<Submission[] | undefined> {
  try {
    return await client.listSubmissions(subject)
  } catch (error) {
    if (error instanceof ListTooLargeError) throw tooLargeRefusal(subject, error)
    if (!goesOnWithout(error)) throw error
    log.warning(
      `Could not check for a running go-live (${messageOf(error)}); going on without the list (the service refuses a second go-live with HTTP 409).`
    )
    return undefined
  }
}

/**
 * The offer status, or undefined when it cannot be read now. The submissions of the same offer were
 * just listed, so a 404 here says the service does not serve the status of this offer (older
 * clients never read it), not that the offer is missing: the step goes on as without it.
 */
async function status(client: CppClient, subject: Subject): Promise<Operation | undefined> {
  try {
    return await client.getOfferStatus(subject)
  } catch (error) {
    const notServed = error instanceof ServiceError && (error.status === 404 || error.status === 405)
    if (!goesOnWithout(error) && !notServed) throw error
    log.warning(`Could not read the offer's status (${messageOf(error)}); going on without it: ${AS_WITHOUT}`)
    return undefined
  }
}

/** `context`: the offer and the `retry-failed` input, as decide() takes them. Throws an UnreachableError when the service cannot be reached. */
export async function preCheck(client: CppClient, context: DecideContext): Promise<PreCheck> {
  const { subject } = context
  const submissions = await listed(client, subject)
  // A go-live listed as running is followed whatever the status says (decide.ts): no need to read it.
  const listedOnly = decide(undefined, submissions, context)
  if (listedOnly.kind === 'follow') return { decision: listedOnly, listed: submissions }
  const offer = await status(client, subject)
  if (!offer) return { decision: listedOnly, listed: submissions }
  const decision = decide(offer, submissions, context)
  // A state the action does not know is no reason to refuse: the service refuses what it must (409).
  // A go-live that failed last still is (decide() by the listing alone says so).
  if (decision.kind === 'unknown') {
    log.warning(`${decision.say} Going on without it: ${AS_WITHOUT}`)
    return { decision: listedOnly, status: offer, listed: submissions }
  }
  // Something runs, and whether it is a go-live cannot be told without the list: the 409 tells.
  if (decision.kind === 'blocked' && decision.offerStatus === 'running' && !submissions) {
    return { decision: decide(undefined, undefined, context), status: offer, listed: submissions }
  }
  return { decision, status: offer, listed: submissions }
}
