// Polls an operation until it ends, the deadline passes, or the workflow is cancelled.
import { formatDuration } from './duration.js'
import { ActionError, DeadlineError, messageOf, SignInError } from '../errors.js'
import { log } from '../report/log.js'
import type { OperationRead } from '../apis/go-live-service.js'
import type { Operation } from './operation.js'
import { turnBefore, type PacerMember } from './pacer.js'
import { isServiceUnavailable, ServiceError } from '../http/service-error.js'
import { sleep } from './sleep.js'
import { isTerminal } from './status.js'

export interface WaitOptions {
  intervalMs: number
  /** Epoch milliseconds after which the wait gives up (the operation goes on). */
  deadline: number
  signal?: AbortSignal
  /** Called with every operation read, for progress logs and the final report. */
  onOperation: (operation: Operation) => void
  /** How long polls may keep failing in a row before the wait gives up (see missedPollBudget). */
  missedBudgetMs: number
  /**
   * This wait's place in the fleet's pacer (the caller joins and leaves): a turn before each read,
   * so many waits spread their reads. The turn also keeps the interval: no sleep between paced reads.
   */
  pacer?: PacerMember | undefined
  /** What starts each line of the wait (the offer, `contoso/vm: `, with several offers), or nothing. */
  prefix?: string | undefined
}

export type WaitOutcome = { kind: 'finished'; operation: Operation } | { kind: 'timeout'; operation?: Operation }

/**
 * Answers that refuse the caller's identity: a 401 that a fresh token did not cure, a 403 (a
 * permission revoked mid-wait). Every later poll would get the same, so they end the wait at once.
 */
const REFUSALS: ReadonlySet<number> = new Set([401, 403])

/**
 * Whether a failed status read costs one poll rather than the wait: the service's own trouble (see
 * isServiceUnavailable), or any other error answer, such as a 404 or 400 from a gateway in the
 * middle of a deployment. Repeated, they end the wait like an outage does (missedPollBudget).
 */
function costsOnePoll(error: unknown): boolean {
  return (
    isServiceUnavailable(error) ||
    (error instanceof ServiceError && !REFUSALS.has(error.status)) ||
    // The identity service down while renewing the token: the next poll may get one.
    (error instanceof SignInError && error.outage)
  )
}

/** Fewest missed polls in a row that can end a wait, however short the budget. */
const MIN_MISSED_POLLS = 3

/**
 * How long the status may stay unreadable before a wait gives up: a quarter of the wait, and never
 * less than three polls. A passing outage (an hour of a five-day wait) must not end the wait; an
 * outage that lasts must not hide behind it.
 */
export function missedPollBudget(timeoutMs: number, intervalMs: number): number {
  return Math.max(MIN_MISSED_POLLS * intervalMs, timeoutMs / 4)
}

/** Polls `read` (one status read of the operation) until the operation ends or the wait does. */
export async function waitForOperation(read: () => Promise<OperationRead>, options: WaitOptions): Promise<WaitOutcome> {
  let last: Operation | undefined
  let missed = 0
  let missingSince = 0
  const prefix = options.prefix ?? ''
  const timeout = (): WaitOutcome => (last ? { kind: 'timeout', operation: last } : { kind: 'timeout' })
  for (let poll = 1; ; poll++) {
    let delay = options.intervalMs
    if (options.pacer && !(await turnBefore(options.pacer, options.deadline, options.signal))) return timeout()
    try {
      const answer = await read()
      if (missed > 0) log.info(`${prefix}Poll ${poll} read the status again after ${missed} missed poll${missed > 1 ? 's' : ''}.`)
      missed = 0
      last = answer.operation
      options.onOperation(answer.operation)
      if (isTerminal(answer.operation.state)) return { kind: 'finished', operation: answer.operation }
      if (answer.retryAfterMs !== undefined && answer.retryAfterMs > delay) {
        log.debug(`${prefix}The service asked for ${formatDuration(answer.retryAfterMs)} before the next poll.`)
        delay = answer.retryAfterMs
      }
    } catch (error) {
      if (error instanceof DeadlineError) return timeout()
      // One odd answer or a passing outage costs this poll, not the wait.
      if (!costsOnePoll(error)) throw error
      if (missed++ === 0) missingSince = Date.now()
      const outage = Date.now() - missingSince
      if (missed >= MIN_MISSED_POLLS && outage >= options.missedBudgetMs) {
        throw new ActionError(
          `${messageOf(error)} The status could not be read for ${formatDuration(outage)} (${missed} polls in a row), longer than the wait tolerates (${formatDuration(options.missedBudgetMs)}); giving up waiting.`,
          { cause: error }
        )
      }
      log.warning(`${prefix}Poll ${poll} missed: ${messageOf(error)} Trying again at the next poll.`)
    }
    // The deadline also aborts the signal, so a long Retry-After cannot carry the wait past it.
    const remaining = options.deadline - Date.now()
    if (remaining <= 0) return timeout()
    // Paced, the next turn comes an interval after this one (at most two): only a longer Retry-After
    // is slept here. A sleep as well would add the read's time and the turn's wait to every gap.
    if (options.pacer && delay <= options.intervalMs) continue
    try {
      await sleep(Math.min(delay, remaining), options.signal)
    } catch (error) {
      if (error instanceof DeadlineError) return timeout()
      throw error
    }
  }
}
