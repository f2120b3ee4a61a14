// Starting a go-live without ever starting two, and only when it makes sense: the offer's status
// and submissions are read first (pre-check.ts), so a re-run reports a live offer, follows a running
// go-live, refuses an offer never published and a go-live that failed (unless retry-failed), all
// without a POST. A POST whose answer is lost is looked for in the submissions (running, or listed
// since: it may have ended already; find-started.ts) and sent once more only when a whole look found
// none (lost-answers.ts). No offer path is taken live by two offers of one step (the claims).
import type { CppClient, Submission } from './client.js'
import { ActionError } from '../../errors.js'
import { triggerGoLive } from '../../http/lost-answers.js'
import { log } from '../../report/log.js'
import type { GoLiveClaims } from '../api-descriptor.js'
import type { Started, StartOptions } from '../go-live-service.js'
import type { CppOperationRef } from './locations.js'
import { findRunning, locationOf, StartedLook } from './find-started.js'
import { serviceText } from '../../report/safe-text.js'
import { subjectLabel, type Subject } from '../subject.js'
import type { Operation } from '../../wait/operation.js'
import { cppFailure } from './hints.js'
import type { DecideContext } from './decide.js'
import { preCheck } from './pre-check.js'
import { withGoLiveTimes } from './times.js'

/** What a CPP start needs besides StartOptions: the `retry-failed` input and the step's claims. */
export interface CppStartOptions extends StartOptions {
  retryFailed?: boolean | undefined
  claims?: GoLiveClaims | undefined
}

/**
 * Claims the offer path for this offer of the step, before any request: a second offer of the step
 * on the same path is refused, naming the one that holds it (inputs refuse a repeated offer id
 * already; this holds whatever the inputs let through).
 */
function claimPath(subject: Subject, claims: GoLiveClaims | undefined): void {
  const key = `cpp:${subject.publisher}/${subject.offer}`.toLowerCase()
  const label = subjectLabel(subject)
  const holder = claims?.claim(key, label)
  if (holder !== undefined) {
    throw new ActionError(
      `${label} is not taken live here: ${holder} takes the same offer (${key}) live in this step already, and an offer goes live once per step.`
    )
  }
}

/** A go-live found before (or instead of) this run's request: one that was already running. */
function followingRunning(subject: Subject, location: CppOperationRef): Started {
  log.info(
    `A go-live of ${subjectLabel(subject)} is already running (submission ${location.id}): following it instead of starting another.`
  )
  return { location, how: 'attached' }
}

/** Live already: the status as the service sent it, and the go-live that took it live when listed. */
function liveAlready(client: CppClient, subject: Subject, status: Operation, last: Submission | undefined): Started {
  const location = last ? client.submissionLocation(subject, last) : undefined
  const which = location
    ? ` The last go-live: submission ${location.id}.`
    : last
      ? ` The last go-live is listed under an id the action does not accept ('${serviceText(last.id, 80)}').`
      : ' The service lists no go-live that took it live.'
  log.info(
    `${subjectLabel(subject)} is live already (offer status succeeded, no go-live running): nothing to take live, no Go Live request sent.${which}`
  )
  // The go-live that took it live last changed when it ended: a time for the summary's Ended.
  const operation = withGoLiveTimes(status, last?.changedTime)
  return location ? { location, how: 'live', operation } : { how: 'live', operation }
}

export async function startGoLive(client: CppClient, subject: Subject, options: CppStartOptions): Promise<Started> {
  const { backoff, signal, deadline, progress } = options
  const context: DecideContext = { subject, retryFailed: options.retryFailed }
  claimPath(subject, options.claims)
  // A re-run of the workflow must not start a second go-live, nor one that makes no sense: look first.
  const { decision, status, listed } = await preCheck(client, context)
  if (decision.kind === 'follow') return followingRunning(subject, locationOf(client, subject, decision.running))
  if (decision.kind === 'live' && status) return liveAlready(client, subject, status, decision.last)
  if (decision.kind === 'blocked') {
    const { say } = decision
    throw new ActionError(
      `${subjectLabel(subject)} cannot go live now, so no Go Live request was sent: ${say.charAt(0).toLowerCase()}${say.slice(1)}`
    )
  }

  const label = subjectLabel(subject)
  // Sent on purpose once more (retry-failed): the log says which failure it follows.
  if (decision.kind === 'ready' && decision.retry) {
    log.info(`${label}: ${decision.say.charAt(0).toLowerCase()}${decision.say.slice(1)}.`)
  }
  const started = new StartedLook(client, context, listed)
  const { holdsResend } = started
  const look = { label, where: "the offer's submissions", request: 'The Go Live request', backoff, signal, deadline, progress, holdsResend }
  log.info(`Sending the Go Live request for ${label}.`)
  const answer = await triggerGoLive(
    () => {
      started.sending()
      return client.requestGoLive(subject)
    },
    started.find,
    look
  )
  if ('how' in answer) return answer
  // 409: something runs on the offer. If it is a go-live, follow it; else say what blocks.
  const running = await findRunning(client, context)
  if (running) return followingRunning(subject, running)
  throw cppFailure(
    'The Go Live request',
    answer.response,
    subject,
    'Another operation that is not a go-live (a publish, for example) is running on the offer; wait for it to finish in Partner Center, then run the step again.'
  )
}
