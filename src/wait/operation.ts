// A typed view of an operation body, read defensively: every field may be missing or oddly typed.
import { ShapeError } from '../errors.js'
import { htmlToText } from '../report/html.js'
import { serviceText } from '../report/safe-text.js'
import { parseLinks, type OperationLinks } from './links.js'
import { normaliseOperationStatus, normaliseStepStatus, type OperationState, type StepState } from './status.js'
import { isObject } from '../lookup.js'

export interface OperationMessage {
  text: string
  level: string
  timestamp?: string
}

export interface OperationStep {
  id: string
  name: string
  rawStatus: string
  state: StepState | undefined
  estimate?: string
  progress?: number
  messages: OperationMessage[]
}

export interface Operation {
  rawStatus: string | undefined
  state: OperationState
  knownStatus: boolean
  /** Set when `state` is `unknown`: what the service said, in words ("the job completed with no result"). */
  unknownReason?: string
  steps: OperationStep[]
  messages: OperationMessage[]
  /** The body as the service sent it (unwrapped from an array), for the `operation` output. */
  body: Record<string, unknown>
  /** The service's preview and live links that are safe to show (links.ts); empty lists when none. */
  links: OperationLinks
  /** When the operation started and ended, as the service says (a Product Ingestion job does). */
  started?: string
  ended?: string
}

type Json = Record<string, unknown>

// Every string kept is one clean line of bounded length: it is printed and summarised later.
function text(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string') return undefined
  const clean = serviceText(value.slice(0, max * 4), max)
  return clean === '' ? undefined : clean
}

function messagesOf(value: unknown): OperationMessage[] {
  if (!Array.isArray(value)) return []
  return value.filter(isObject).flatMap((m) => {
    const html = [m.messageHtml, m.message, m.text].find((v): v is string => typeof v === 'string' && v.trim() !== '')
    if (!html) return []
    // The HTML is cut before it is cleaned: the clean-up's work stays bounded too.
    const message: OperationMessage = {
      text: serviceText(htmlToText(html.slice(0, 8_000)), 500),
      level: (text(m.level, 20) ?? 'information').toLowerCase()
    }
    const timestamp = text(m.timestamp)
    if (timestamp) message.timestamp = timestamp
    return message.text ? [message] : []
  })
}

function stepOf(value: Json, index: number): OperationStep {
  const id = text(value.id) ?? `step-${index + 1}`
  const rawStatus = text(value.status, 60) ?? 'unknown'
  const step: OperationStep = {
    id,
    name: text(value.stepName) ?? id,
    rawStatus,
    state: normaliseStepStatus(rawStatus),
    messages: messagesOf(value.messages)
  }
  const estimate = text(value.estimatedTimeFrame, 60)
  if (estimate) step.estimate = estimate
  if (typeof value.progressPercentage === 'number' && Number.isFinite(value.progressPercentage)) {
    step.progress = Math.min(100, Math.max(0, Math.round(value.progressPercentage)))
  }
  return step
}

/** Parses an operation body; the documentation wraps it in an array, so `[obj]` is accepted too. */
export function parseOperation(json: unknown): Operation {
  const body = Array.isArray(json) ? json[0] : json
  if (!isObject(body)) {
    throw new ShapeError('is not a JSON object')
  }
  const rawStatus = text(body.status, 60)
  const { state, known } = normaliseOperationStatus(rawStatus)
  const steps = Array.isArray(body.steps) ? body.steps.filter(isObject).map(stepOf) : []
  return { rawStatus, state, knownStatus: known, steps, messages: messagesOf(body.messages), links: parseLinks(body), body }
}

const ACTIVE_STEP_STATES: ReadonlySet<StepState | undefined> = new Set(['running', 'waiting', 'blocked'])

/** The step the operation is in now: the first active one, else the first not started. */
export function currentStep(operation: Operation): OperationStep | undefined {
  return operation.steps.find((s) => ACTIVE_STEP_STATES.has(s.state)) ?? operation.steps.find((s) => s.state === 'notStarted')
}

/** Why an operation failed, in words: its error messages and those of failed steps. */
export function failureReasons(operation: Operation): string[] {
  // A Set keeps this linear: a broken service can list tens of thousands of failed steps.
  const reasons = new Set<string>()
  const add = (line: string): void => void reasons.add(line)
  for (const m of operation.messages) if (m.level === 'error') add(m.text)
  for (const step of operation.steps) {
    const errors = step.messages.filter((m) => m.level === 'error')
    for (const m of errors) add(`${step.name}: ${m.text}`)
    if (errors.length === 0 && (step.state === 'failed' || step.state === 'canceled')) {
      add(`${step.name}: ${step.rawStatus}`)
    }
  }
  return [...reasons]
}
