// Waiting for an offer's go-live to end: polls within the step's timeout, each state read told to
// the offer's run; a timeout leaves the go-live running at the service, to be checked on later.
import type { GoLiveService, OperationRef } from '../apis/go-live-service.js'
import { ActionError } from '../errors.js'
import { log } from '../report/log.js'
import type { Cancellation } from '../wait/cancellation.js'
import { formatDuration } from '../wait/duration.js'
import type { Operation } from '../wait/operation.js'
import type { Pacer } from '../wait/pacer.js'
import { missedPollBudget, waitForOperation } from '../wait/wait-for-operation.js'
import type { OfferRun } from './offer-run.js'

export interface WaitSettings {
  timeoutMs: number
  pollIntervalMs: number
  /** When the step's timeout passes (epoch ms). */
  deadline: number
  cancellation: Cancellation
  /** With several offers: their reads share it, spread over the interval (the fleet says so once). */
  pacer?: Pacer | undefined
}

/** The wait's timeout passed with the go-live still going on at the service (not a failure of it). */
export class WaitTimedOutError extends ActionError {
  override name = 'WaitTimedOutError'
}

/** The go-live's final state; throws when the timeout passes first (or the status stays unreadable). */
export async function waitForGoLive(
  offer: OfferRun,
  service: GoLiveService,
  location: OperationRef,
  settings: WaitSettings
): Promise<Operation> {
  const { timeoutMs, pollIntervalMs, deadline, cancellation, pacer } = settings
  if (!pacer) log.info(`Waiting up to ${formatDuration(timeoutMs)} for the go-live, polling every ${formatDuration(pollIntervalMs)}.`)
  // A hard limit: requests, retries and Retry-After sleeps in flight stop at it too.
  cancellation.setDeadline(deadline)
  const member = pacer?.join()
  let outcome
  try {
    outcome = await waitForOperation(() => service.readOperation(location), {
      intervalMs: pollIntervalMs,
      deadline,
      signal: cancellation.signal,
      onOperation: (operation) => offer.observe(operation),
      missedBudgetMs: missedPollBudget(timeoutMs, pollIntervalMs),
      pacer: member,
      prefix: offer.prefix
    })
  } finally {
    // Its turns go to the offers still waiting.
    member?.leave()
  }
  if (outcome.kind === 'timeout') {
    offer.facts.result = 'running'
    // Resumable: the step's error adds how to check on the go-live later.
    throw new WaitTimedOutError(`Timed out after ${formatDuration(timeoutMs)} waiting for the go-live of ${offer.label}.`)
  }
  return outcome.operation
}
