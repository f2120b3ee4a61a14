// After a request that starts a go-live was received but its answer is lost or unusable, the go-live
// has probably started: it is looked for, and the request is never sent again. Shared by both APIs.
import { ActionError } from './errors.js'
import type { OperationRef } from './go-live-service.js'
import { log } from './log.js'
import { retryDelay, type BackoffSettings } from './retry.js'
import { sleep } from './sleep.js'

export const RERUN_FINDS_IT = 'a re-run finds and follows a running go-live instead of starting another'

export interface LookOptions {
  /** What happened, as the start of a sentence ("The Go Live request was accepted (HTTP 202), but …"). */
  lost: string
  /** The offer, as messages name it. */
  label: string
  /** Where it is looked for ("the offer's submissions"). */
  where: string
  backoff: BackoffSettings
  signal?: AbortSignal | undefined
}

/** Calls `findRunning` a few times (the listing may lag the request) and returns what it finds. */
export async function findAcceptedGoLive(
  findRunning: () => Promise<OperationRef | undefined>,
  options: LookOptions
): Promise<OperationRef> {
  const { lost, label, where, backoff, signal } = options
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
