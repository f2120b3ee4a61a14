// Waiting for an offer's go-live to end: polls within the step's deadline, each state read told to
// the offer; a timeout leaves the go-live running at the service, to be checked on later.
import type { GoLiveService, OperationRef } from '../apis/go-live-service.js'
import { ActionError } from '../errors.js'
import { formatDuration } from '../wait/duration.js'
import type { Operation } from '../wait/operation.js'
import type { Pacer } from '../wait/pacer.js'
import { missedPollBudget, waitForOperation } from '../wait/wait-for-operation.js'
import type { Offer } from './offer.js'

export interface WaitSettings {
  timeoutMs: number
  pollIntervalMs: number
  /** When the step's timeout passes (epoch ms). */
  deadline: number
  /** Aborts at a cancellation or at the deadline. */
  signal: AbortSignal
  /** Every wait of the step reads through it, so the reads are spread over the interval. */
  pacer: Pacer
}

/** The step's timeout passed with the go-live still going on at the service (not a failure of it). */
export class WaitTimedOutError extends ActionError {
  override name = 'WaitTimedOutError'
}

/** The go-live's final state; throws when the timeout passes first (or the status stays unreadable). */
export async function waitForGoLive(
  offer: Offer,
  service: GoLiveService,
  location: OperationRef,
  settings: WaitSettings
): Promise<Operation> {
  const { timeoutMs, pollIntervalMs, deadline, signal, pacer } = settings
  const member = pacer.join()
  let outcome
  try {
    outcome = await waitForOperation(() => service.readOperation(location), {
      intervalMs: pollIntervalMs,
      deadline,
      signal,
      onOperation: (operation) => offer.observe(operation),
      missedBudgetMs: missedPollBudget(timeoutMs, pollIntervalMs),
      pacer: member,
      prefix: offer.prefix
    })
  } finally {
    // Its turns go to the offers still waiting.
    member.leave()
  }
  // Resumable: the step's error adds how to check on the go-live later.
  if (outcome.kind === 'timeout')
    throw new WaitTimedOutError(`Timed out after ${formatDuration(timeoutMs)} waiting for the go-live of ${offer.label}.`)
  return outcome.operation
}
