// Every status spelling the service has used, folded into the few states the action acts on.
import { ownEntry } from '../lookup.js'

/**
 * `unknown`: the operation ended, but the service did not say how in words the action knows (a
 * Product Ingestion job `completed` with no result, or with a result nobody documented). It is final
 * and never success: the step fails.
 */
export type OperationState = 'running' | 'succeeded' | 'failed' | 'canceled' | 'unknown'

// Keys in the API's own spelling (lowerCamelCase): statusWord() names a still-going state by its key.
const OPERATION_STATES: Record<string, OperationState> = {
  succeeded: 'succeeded',
  complete: 'succeeded',
  completed: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
  notStarted: 'running',
  running: 'running',
  waitingForPublisherReview: 'running'
}
/** The table's keys by their lower case: every spelling is compared case-insensitively. */
const KEYS: Record<string, string> = Object.fromEntries(Object.keys(OPERATION_STATES).map((key) => [key.toLowerCase(), key]))

/** The table's key for `raw`, whatever case it came in; undefined for a status the table does not know. */
function keyOf(raw: unknown): string | undefined {
  return typeof raw === 'string' ? ownEntry(KEYS, raw.trim().toLowerCase()) : undefined
}

/** The state of an operation's top-level `status`; an unknown spelling counts as still going. */
export function normaliseOperationStatus(raw: unknown): { state: OperationState; known: boolean } {
  const key = keyOf(raw)
  const state = key === undefined ? undefined : ownEntry(OPERATION_STATES, key)
  return state ? { state, known: true } : { state: 'running', known: false }
}

/**
 * A known status in one word of the API's spelling, read with the same table as an operation's
 * status (an offer's status has an operation's shape): a finished one as its state (`complete` and
 * `completed` are `succeeded`, `cancelled` is `canceled`), a still-going one as the API writes it
 * (`notStarted`, `running`, `waitingForPublisherReview`). Undefined for any other.
 */
export function statusWord(raw: unknown): string | undefined {
  const key = keyOf(raw)
  if (key === undefined) return undefined
  const state = OPERATION_STATES[key] as OperationState
  return isTerminal(state) ? state : key
}

export function isTerminal(state: OperationState): boolean {
  return state !== 'running'
}

export type StepState = 'notStarted' | 'running' | 'waiting' | 'blocked' | 'completed' | 'failed' | 'canceled'

const STEP_STATES: Record<string, StepState> = {
  notstarted: 'notStarted',
  inprogress: 'running',
  running: 'running',
  waitingforpublisherreview: 'waiting',
  waitingforapproval: 'waiting',
  blocked: 'blocked',
  rejected: 'failed',
  failed: 'failed',
  complete: 'completed',
  completed: 'completed',
  succeeded: 'completed',
  canceled: 'canceled',
  cancelled: 'canceled'
}

export function normaliseStepStatus(raw: unknown): StepState | undefined {
  return typeof raw === 'string' ? ownEntry(STEP_STATES, raw.trim().toLowerCase()) : undefined
}

/** Submission states that mean the submission is over. */
export function isFinishedSubmissionState(raw: unknown): boolean {
  const state = normaliseOperationStatus(raw)
  return state.known && isTerminal(state.state)
}
