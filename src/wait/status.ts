// Every status spelling the service has used, folded into the few states the action acts on.
import { ownEntry } from '../lookup.js'

/**
 * `unknown`: the operation ended, but the service did not say how in words the action knows (a
 * Product Ingestion job `completed` with no result, or with a result nobody documented). It is final
 * and never success: the step fails.
 */
export type OperationState = 'running' | 'succeeded' | 'failed' | 'canceled' | 'unknown'

const OPERATION_STATES: Record<string, OperationState> = {
  succeeded: 'succeeded',
  complete: 'succeeded',
  completed: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
  notstarted: 'running',
  running: 'running',
  waitingforpublisherreview: 'running'
}

/** The state of an operation's top-level `status`; an unknown spelling counts as still going. */
export function normaliseOperationStatus(raw: unknown): { state: OperationState; known: boolean } {
  const state = typeof raw === 'string' ? ownEntry(OPERATION_STATES, raw.trim().toLowerCase()) : undefined
  return state ? { state, known: true } : { state: 'running', known: false }
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
