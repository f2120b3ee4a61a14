// Starting a go-live without ever starting two: a running one is followed instead, and a POST whose
// answer is lost is never sent again (the submissions are searched for the go-live it started).
import type { CppClient } from './client.js'
import { ActionError, messageOf } from '../../errors.js'
import { triggerGoLive } from '../../http/lost-answers.js'
import { log } from '../../report/log.js'
import type { Started } from '../go-live-service.js'
import type { CppOperationRef } from './locations.js'
import type { BackoffSettings } from '../../http/retry.js'
import { serviceText } from '../../report/safe-text.js'
import { isServiceUnavailable } from '../../http/service-error.js'
import type { Subject } from '../subject.js'
import { cppFailure } from './hints.js'
import { decide } from './decide.js'

/** The go-live running now, if the submissions list one (decide() without an offer status). */
async function findRunning(client: CppClient, subject: Subject): Promise<CppOperationRef | undefined> {
  const decision = decide(undefined, await client.listSubmissions(subject))
  if (decision.kind !== 'follow') return undefined
  const found = decision.running
  const location = client.submissionLocation(subject, found)
  if (!location) {
    throw new ActionError(
      `A go-live of ${subject.publisher}/${subject.offer} is already running, but the service lists it under an id the action does not accept ('${serviceText(found.id, 80)}'), so it cannot be followed. No second go-live was started; follow it in Partner Center.`
    )
  }
  return location
}

/** A go-live found before (or instead of) this run's request: one that was already running. */
function followingRunning(subject: Subject, location: CppOperationRef): Started {
  log.info(
    `A go-live of ${subject.publisher}/${subject.offer} is already running (submission ${location.id}): following it instead of starting another.`
  )
  return { location, how: 'attached' }
}

/**
 * `onSending` is told just before the Go Live request goes out. `deadline` (epoch ms): the step's
 * timeout, which bounds the look for a go-live after a lost answer.
 */
export async function startGoLive(
  client: CppClient,
  subject: Subject,
  backoff: BackoffSettings,
  signal?: AbortSignal,
  onSending?: () => void,
  deadline?: number
): Promise<Started> {
  // A re-run of the workflow must not start a second go-live: look before posting.
  try {
    const running = await findRunning(client, subject)
    if (running) return followingRunning(subject, running)
  } catch (error) {
    // Only a listing that is down or unreadable is passed over; sign-in, permission and not-found
    // problems would fail the POST the same way, so they are reported now.
    if (!isServiceUnavailable(error)) throw error
    log.warning(
      `Could not check for a running go-live (${messageOf(error)}); sending the Go Live request anyway (the service refuses a second one with HTTP 409).`
    )
  }

  const label = `${subject.publisher}/${subject.offer}`
  const look = { label, where: "the offer's submissions", request: 'The Go Live request', backoff, signal, deadline }
  log.info(`Sending the Go Live request for ${label}.`)
  onSending?.()
  const answer = await triggerGoLive(
    () => client.requestGoLive(subject),
    () => findRunning(client, subject),
    look
  )
  if ('how' in answer) return answer
  // 409: something runs on the offer. If it is a go-live, follow it; else say what blocks.
  const running = await findRunning(client, subject)
  if (running) return followingRunning(subject, running)
  throw cppFailure(
    'The Go Live request',
    answer.response,
    subject,
    'Another operation that is not a go-live (a publish, for example) is running on the offer; wait for it to finish in Partner Center, then run the step again.'
  )
}
