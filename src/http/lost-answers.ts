// The one trigger loop of both APIs. The request that starts a go-live is sent once: only the
// request layer sends it again, and only when it certainly never reached the service or the
// service refused it (retry.ts). When the answer is lost or cannot be used, the go-live may have
// started: it is looked for patiently, and the request is never sent a second time.
import { AmbiguousTriggerError } from './api-client.js'
import { formatDuration } from '../wait/duration.js'
import { ActionError, ServiceUnavailableError } from '../errors.js'
import type { Operation } from '../wait/operation.js'
import type { OperationRef, Started } from '../apis/go-live-service.js'
import { log } from '../report/log.js'
import type { BackoffSettings } from './retry.js'
import { ServiceError } from './service-error.js'
import { sleep } from '../wait/sleep.js'

const RERUN_FINDS_IT = 'a re-run finds and follows a running go-live instead of starting another'

const MAY_HAVE_STARTED = `The go-live may have started all the same: check the offer in Partner Center before running the step again; ${RERUN_FINDS_IT}.`

// The listing can lag the request by a second or more: the look lasts this many base delays of the
// backoff, a minute at the default poll-interval (milliseconds in tests).
const LOOK_SPAN_IN_BASE_DELAYS = 60

/** The request went out, and neither its answer nor the listing named a go-live: it may have started. */
export class OutcomeUnknownError extends ActionError {
  override name = 'OutcomeUnknownError'
}

export interface LookOptions {
  /** The offer, as messages name it. */
  label: string
  /** Where it is looked for ("the offer's submissions"). */
  where: string
  /** The request, as messages name it ("The Go Live request"). */
  request: string
  backoff: BackoffSettings
  signal?: AbortSignal | undefined
  /** When the step's timeout passes (epoch ms): no look is planned past it. */
  deadline?: number | undefined
}

/** The go-live running now, if the listing shows one; throws when the listing cannot be read. */
export type FindRunning = () => Promise<OperationRef | undefined>

/** The answers the loop acts on; any other kind (a refusal, a conflict) goes back to the caller. */
interface Accepted {
  kind: 'accepted'
  location: OperationRef
  /** The job's state as the answer gave it: one that already says completed is the outcome. */
  operation?: Operation
}
interface Unusable {
  kind: 'unusable'
  status: number
  problem: string
}

const isAccepted = (answer: { kind: string }): answer is Accepted => answer.kind === 'accepted'
const isUnusable = (answer: { kind: string }): answer is Unusable => answer.kind === 'unusable'

/**
 * The waits between looks: doubling from the backoff's base delay, capped at its longest delay,
 * until they add up to LOOK_SPAN_IN_BASE_DELAYS base delays (1, 2, 4, 8, 16, 30 s by default).
 */
export function lookSchedule(backoff: BackoffSettings): number[] {
  const span = backoff.baseDelayMs * LOOK_SPAN_IN_BASE_DELAYS
  const delays: number[] = []
  for (let total = 0; total < span;) {
    const delay = Math.max(1, Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** delays.length))
    delays.push(delay)
    total += delay
  }
  return delays
}

/**
 * Sends the request that starts a go-live (`send`) and makes its answer a go-live to follow: the one
 * it started, or the one the listing shows after a lost or unusable answer. Other answers are
 * returned as they are; a failure that is not a lost answer is thrown as it is.
 */
export async function triggerGoLive<A extends { kind: string }>(
  send: () => Promise<A>,
  find: FindRunning,
  options: LookOptions
): Promise<Started | Exclude<A, Accepted | Unusable>> {
  let answer: A
  try {
    answer = await send()
  } catch (error) {
    if (!(error instanceof AmbiguousTriggerError)) throw error
    // An answer that came but could not be read means the service received the request.
    const guess = error.answered ? 'The go-live has probably started' : 'The service may have started the go-live'
    return { location: await lookForGoLive(find, error.message, guess, options), how: 'attached' }
  }
  if (isAccepted(answer)) {
    const { location, operation } = answer
    return operation ? { location, how: 'started', operation } : { location, how: 'started' }
  }
  if (isUnusable(answer)) {
    const lost = `${options.request} was accepted (HTTP ${answer.status}), but the service ${answer.problem}`
    return { location: await lookForGoLive(find, lost, 'The go-live has probably started', options), how: 'attached' }
  }
  return answer as Exclude<A, Accepted | Unusable>
}

/** Looks on the schedule until the go-live is listed; a listing that cannot be read is one missed look. */
async function lookForGoLive(find: FindRunning, lost: string, guess: string, options: LookOptions): Promise<OperationRef> {
  const { where, label, signal, deadline } = options
  const schedule = lookSchedule(options.backoff)
  const span = formatDuration(schedule.reduce((sum, delay) => sum + delay, 0))
  log.warning(`${lost}. ${guess}; looking for it in ${where} for up to ${span}, without sending the request again.`)
  const startedAt = Date.now()
  let missed = 0
  let lastMiss = ''
  for (let look = 1; ; look++) {
    try {
      const running = await find()
      if (running) {
        // Most likely the go-live this run's request started.
        log.info(`Look ${look} found the go-live of ${label} in ${where} (${running.id}): following it.`)
        return running
      }
    } catch (error) {
      // Only a listing that could not be read; a definite answer (a go-live it cannot follow) ends the look.
      if (!(error instanceof ServiceError || error instanceof ServiceUnavailableError)) throw error
      missed++
      lastMiss = error.message
      log.warning(`Look ${look} for the go-live of ${label} missed: ${lastMiss}`)
    }
    const delay = schedule[look - 1]
    const timedOut = delay !== undefined && deadline !== undefined && Date.now() + delay > deadline
    if (delay === undefined || timedOut) {
      const when = timedOut ? 'before the timeout' : `over ${formatDuration(Date.now() - startedAt)}`
      if (missed === look)
        throw new OutcomeUnknownError(
          `${lost}, and ${where} could not be read in any of ${look} looks ${when} (last: ${lastMiss}). ${MAY_HAVE_STARTED}`
        )
      const misses = missed > 0 ? ` (${missed} of them could not read the listing)` : ''
      throw new OutcomeUnknownError(
        `${lost}, and no running go-live of ${label} was listed in ${look} looks ${when}${misses}. ${MAY_HAVE_STARTED}`
      )
    }
    await sleep(delay, signal)
  }
}
