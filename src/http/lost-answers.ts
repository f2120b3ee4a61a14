// The one trigger loop of both APIs. The request that starts a go-live is sent once: the request
// layer sends it again only when it certainly never reached the service or the service refused it
// (retry.ts). When the answer is lost or cannot be used, the go-live may have started: it is looked
// for patiently. Only when that whole look read the listing and found no go-live started is the
// request sent once more (once per offer per step); an accepted answer (2xx) is never sent again.
import { AmbiguousTriggerError, type TriggerProgress } from './api-client.js'
import { formatDuration } from '../wait/duration.js'
import { ActionError, CancelledError, ServiceUnavailableError } from '../errors.js'
import type { Operation } from '../wait/operation.js'
import type { OperationRef, Started } from '../apis/go-live-service.js'
import { log } from '../report/log.js'
import type { BackoffSettings } from './retry.js'
import { ServiceError } from './service-error.js'
import { sleep } from '../wait/sleep.js'

/** The start of every message that leaves a go-live's start unknown: what to do first, then why. */
export const MAY_HAVE_STARTED =
  'The go-live may have started: run the step again to follow it (a re-run finds a running go-live and starts none twice).'

// The listing can lag the request by a second or more: the look lasts this many base delays of the
// backoff, a minute at the default poll-interval (milliseconds in tests).
const LOOK_SPAN_IN_BASE_DELAYS = 60

/** Looks that must read the listing (the last one among them) before "none started" is believed. */
const READS_TO_BELIEVE_NONE = 2

/** The request went out, and neither its answer nor the listing named a go-live: it may have started. */
export class OutcomeUnknownError extends ActionError {
  override name = 'OutcomeUnknownError'
  constructor(message: string) {
    super(message, { resumable: false })
  }
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
  /** When the step's timeout passes (epoch ms): no look is planned past it, and no request sent again. */
  deadline?: number | undefined
  progress?: TriggerProgress | undefined
  /**
   * Why the request must not go once more although the whole look found no go-live to follow: a
   * listed one that may be the one it started, but cannot be told apart from an older one (the
   * reason in a sentence), or undefined when nothing holds it back. Asked once, before it would go.
   */
  holdsResend?: (() => string | undefined) | undefined
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
 * it started, or the one the listing shows after a lost or unusable answer. Other answers (a conflict)
 * are returned as they are; a failure that is not a lost answer is thrown as it is. `progress` is
 * told each step, so the offer's phase says at every moment whether the service may have acted.
 */
export async function triggerGoLive<A extends { kind: string }>(
  send: () => Promise<A>,
  find: FindRunning,
  options: LookOptions
): Promise<Started | Exclude<A, Accepted | Unusable>> {
  const { progress } = options
  for (let attempt = 1; ; attempt++) {
    // What was lost, what may have happened, and whether the request may go once more.
    let lost: { said: string; guess: string; mayResend: boolean }
    try {
      const answer = await send()
      if (isAccepted(answer)) {
        const { location, operation } = answer
        return operation ? { location, how: 'started', operation } : { location, how: 'started' }
      }
      if (!isUnusable(answer)) {
        // A conflict: the service refused this request (something runs already); the caller looks.
        progress?.refused()
        return answer as Exclude<A, Accepted | Unusable>
      }
      // Accepted (2xx): the go-live has started, so the request is never sent again, whatever the look finds.
      const said = `${options.request} was accepted (HTTP ${answer.status}), but the service ${answer.problem}`
      lost = { said, guess: 'The go-live has probably started', mayResend: false }
    } catch (error) {
      if (!(error instanceof AmbiguousTriggerError)) {
        // A definite no, or a request that never left (refused, past the deadline, no connection).
        // Cancelled on its way, or a fault of ours: it may have gone out, so the phase stays.
        if (error instanceof ActionError && !(error instanceof CancelledError)) progress?.refused()
        throw error
      }
      // An answer that came but could not be read means the service received the request; one that
      // began with a 2xx is an acceptance, however cut, and is never sent again.
      const said = attempt === 1 ? error.message : `${error.message} (sent a second time, after a whole look found no go-live started)`
      const guess = error.answered ? 'The go-live has probably started' : 'The service may have started the go-live'
      lost = { said, guess, mayResend: !error.accepted }
    }
    progress?.maybeStarted()
    const look = await lookForGoLive(find, lost.said, lost.guess, options)
    if ('location' in look) return { location: look.location, how: 'attached' }
    // The whole look read the listing and no go-live started: the request never took. Once more,
    // before the deadline; a second unanswered request is not followed by a third.
    const again = attempt === 1 && lost.mayResend && look.sawNone
    const held = again ? options.holdsResend?.() : undefined
    if (!again || held !== undefined || (options.deadline !== undefined && Date.now() >= options.deadline))
      throw new OutcomeUnknownError(`${MAY_HAVE_STARTED} ${look.said}${held === undefined ? '' : ` ${held}`}`)
    log.warning(`${look.said} No go-live started: sending ${options.request.charAt(0).toLowerCase()}${options.request.slice(1)} once more.`)
  }
}

/**
 * What a look found: the go-live, or nothing, in words (`said`). `sawNone`: the whole look ran, read
 * the listing at its end and at least READS_TO_BELIEVE_NONE times, and no go-live started.
 */
type Look = { location: OperationRef } | { said: string; sawNone: boolean }

/** Looks on the schedule until the go-live is listed; a listing that cannot be read is one missed look. */
async function lookForGoLive(find: FindRunning, lost: string, guess: string, options: LookOptions): Promise<Look> {
  const { where, label, signal, deadline } = options
  const schedule = lookSchedule(options.backoff)
  const span = formatDuration(schedule.reduce((sum, delay) => sum + delay, 0))
  log.warning(`${lost}. ${guess}; looking for it in ${where} for up to ${span} before anything is sent again.`)
  const startedAt = Date.now()
  let missed = 0
  let lastMiss = ''
  for (let look = 1; ; look++) {
    let read = false
    try {
      const running = await find()
      if (running) {
        // Most likely the go-live this run's request started.
        log.info(`Look ${look} found the go-live of ${label} in ${where} (${running.id}): following it.`)
        return { location: running }
      }
      read = true
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
        return { said: `${lost}, and ${where} could not be read in any of ${look} looks ${when} (last: ${lastMiss}).`, sawNone: false }
      const misses = missed > 0 ? ` (${missed} of them could not read the listing)` : ''
      const sawNone = !timedOut && read && look - missed >= READS_TO_BELIEVE_NONE
      return { said: `${lost}, and no running go-live of ${label} was listed in ${look} looks ${when}${misses}.`, sawNone }
    }
    await sleep(delay, signal)
  }
}
