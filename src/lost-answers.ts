// When the request that starts a go-live was sent but its answer is lost or unusable, the go-live
// may have started: it is looked for before anything is sent again. Shared by both APIs.
import type { AmbiguousTriggerError } from './api-client.js'
import { ActionError } from './errors.js'
import type { OperationRef } from './go-live-service.js'
import { log } from './log.js'
import { retryDelay, type BackoffSettings } from './retry.js'
import { sleep } from './sleep.js'

export const RERUN_FINDS_IT = 'a re-run finds and follows a running go-live instead of starting another'

export interface LookOptions {
  /** The offer, as messages name it. */
  label: string
  /** Where it is looked for ("the offer's submissions"). */
  where: string
  backoff: BackoffSettings
  signal?: AbortSignal | undefined
}

type FindRunning = () => Promise<OperationRef | undefined>

/**
 * The request was received (an answer came, or the service accepted it) but names nothing to
 * follow: the go-live has probably started. Looks a few times (the listing may lag the request);
 * never sends the request again. `lost` starts the sentence: "The Go Live request was accepted …".
 */
export async function findAcceptedGoLive(findRunning: FindRunning, lost: string, options: LookOptions): Promise<OperationRef> {
  const { label, where, backoff, signal } = options
  log.warning(`${lost}. The go-live has probably started; looking for it in ${where}.`)
  for (let look = 1; ; look++) {
    let running: OperationRef | undefined
    try {
      running = await findRunning()
    } catch (lookup) {
      throw new ActionError(
        `${lost}, and the check for a running go-live failed too (${(lookup as Error).message}). The go-live has probably started: check the offer in Partner Center; ${RERUN_FINDS_IT}.`
      )
    }
    if (running) return running
    if (look >= 3) {
      throw new ActionError(
        `${lost}, and no running go-live of ${label} is listed. The go-live may have started all the same: check the offer in Partner Center before running the step again; ${RERUN_FINDS_IT}.`
      )
    }
    await sleep(retryDelay(look, backoff), signal)
  }
}

/**
 * After attempt `attempt` of the trigger failed ambiguously: the go-live it may have started, or
 * undefined when none is listed and the request may be sent again (the backoff has been waited).
 */
export async function afterAmbiguousTrigger(
  error: AmbiguousTriggerError,
  attempt: number,
  findRunning: FindRunning,
  options: LookOptions
): Promise<OperationRef | undefined> {
  if (error.answered) return findAcceptedGoLive(findRunning, error.message, options)
  log.warning(`${error.message}. The service may have started the go-live; looking for it before trying again.`)
  let running: OperationRef | undefined
  try {
    running = await findRunning()
  } catch (lookup) {
    throw new ActionError(
      `${error.message}, and the check for a running go-live failed too (${(lookup as Error).message}). Check the offer in Partner Center before running the step again: a go-live may have started; ${RERUN_FINDS_IT}.`
    )
  }
  if (running) return running
  const { backoff, signal, label } = options
  if (attempt >= backoff.maxAttempts) {
    throw new ActionError(
      `${error.message} (${attempt} attempts), and no running go-live was found for ${label}. Check the offer in Partner Center before running the step again.`
    )
  }
  await sleep(retryDelay(attempt, backoff), signal)
  return undefined
}
