// Configure jobs and submissions as operations: the shape the wait loop and reporting understand.
//   job:        {jobId|jobID, jobStatus: notStarted|running|completed, jobResult: pending|succeeded|failed|cancelled,
//                jobStart, jobEnd ('0001-01-01T00:00:00' until it ends), errors: [{code, message, details: [...]}]}
//   submission: {id, target: {targetType}, status: notStarted|running|completed, result, created}
import { ShapeError } from '../../errors.js'
import { type Operation, type OperationMessage } from '../../wait/operation.js'
import { isObject } from '../../lookup.js'
import { noLinks } from '../../wait/links.js'
import { serviceText } from '../../report/safe-text.js'
import type { OperationState } from '../../wait/status.js'
import { RESOURCE_ID } from './locations.js'
import { ownEntry } from '../../lookup.js'

type Json = Record<string, unknown>
const text = (value: unknown, max = 60): string | undefined =>
  typeof value === 'string' && value.trim() ? serviceText(value.slice(0, max * 4), max) : undefined

/** An error of a job, flattened: its codes from the outside in, and its innermost message. */
export interface JobError {
  codes: string[]
  message: string
  resourceId?: string
}

const MAX_ERRORS = 100
/** Nesting followed into `details`; an error nested deeper is reported where the walk stops. */
const MAX_DEPTH = 8

/** Walks `errors[]` and every `details[]` below it (bounded), one entry per innermost error. */
export function jobErrors(value: unknown): JobError[] {
  const found: JobError[] = []
  const walk = (items: unknown, codes: string[], messages: string[], resourceId: string | undefined, depth: number): void => {
    if (!Array.isArray(items)) return
    for (const item of items.slice(0, MAX_ERRORS)) {
      if (found.length >= MAX_ERRORS || !isObject(item)) continue
      const here = [...codes, text(item.code, 40) ?? 'error']
      const said = [...messages, ...(text(item.message, 300) ? [text(item.message, 300) as string] : [])]
      const resource = text(item.resourceId, 100) ?? resourceId
      const deeper = depth < MAX_DEPTH && Array.isArray(item.details) && item.details.some(isObject)
      if (deeper) walk(item.details, here, said, resource, depth + 1)
      else found.push({ codes: here, message: said.join(': ') || here.join('/'), ...(resource ? { resourceId: resource } : {}) })
    }
  }
  walk(value, [], [], undefined, 0)
  return found
}

/** A failed certification: an `invalidState` error that speaks of certification. Not worth a retry. */
export function isCertificationFailure(errors: JobError[]): boolean {
  return errors.some((e) => e.codes.includes('invalidState') && /certification/i.test(e.message))
}

type StatusReading = Pick<Operation, 'rawStatus' | 'state' | 'knownStatus' | 'unknownReason'>

const STILL_GOING = new Set(['notstarted', 'running'])
const RESULTS: Record<string, OperationState> = { succeeded: 'succeeded', failed: 'failed', cancelled: 'canceled', canceled: 'canceled' }

/**
 * `jobStatus` with `jobResult` (or a submission's `status` with `result`) as one state. Completed is
 * success only with the result `succeeded`: with no result, or one the action does not know, it is
 * `unknown`, said in words, and never success. (The CPP API differs: there `completed` is success.)
 * A status nobody documented is still going, and the progress log says so once.
 */
function readingOf(what: 'job' | 'submission', rawStatus: string | undefined, rawResult: string | undefined): StatusReading {
  const status = rawStatus?.toLowerCase()
  if (status !== 'completed') return { rawStatus, state: 'running', knownStatus: status !== undefined && STILL_GOING.has(status) }
  const state = rawResult === undefined ? undefined : ownEntry(RESULTS, rawResult.toLowerCase())
  if (state) return { rawStatus: rawResult, state, knownStatus: true }
  const unknownReason = rawResult
    ? `the ${what} completed with result '${rawResult}', which the action does not know`
    : `the ${what} completed with no result`
  return { rawStatus: rawResult ?? rawStatus, state: 'unknown', knownStatus: true, unknownReason }
}

function operationOf(body: Json, reading: StatusReading, messages: OperationMessage[], started?: string, ended?: string): Operation {
  const operation: Operation = { ...reading, steps: [], messages, links: noLinks(), body }
  if (started) operation.started = started
  if (ended && !ended.startsWith('0001-')) operation.ended = ended
  return operation
}

/** The job id of a configure answer (`jobId`, or `jobID` in newer samples), when it is a plain id (letters, digits, '-'). */
export function jobIdOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined
  const id = body.jobId ?? body.jobID ?? body.jobid
  return typeof id === 'string' && RESOURCE_ID.test(id) ? id : undefined
}

export function parseJobStatus(json: unknown): Operation {
  if (!isObject(json)) throw new ShapeError('is not a JSON object')
  const errors = jobErrors(json.errors)
  const messages = errors.map((e) => ({ text: e.message, level: 'error' }))
  if (isCertificationFailure(errors)) {
    // Final: re-running takes the same preview live and fails the same way.
    messages.unshift({
      text: 'The preview failed certification: fix the issues Partner Center lists and publish a new preview; running the step again does not help',
      level: 'error'
    })
  }
  const reading = readingOf('job', text(json.jobStatus), text(json.jobResult, 40))
  return operationOf(json, reading, messages, text(json.jobStart), text(json.jobEnd))
}

/** A submission's target type (`live`, `preview`, `draft`), in lower case; undefined when it names none. */
export function targetTypeOf(entry: Json): string | undefined {
  const target = isObject(entry.target) ? entry.target.targetType : undefined
  return typeof target === 'string' ? target.toLowerCase() : undefined
}

/** One submission: the entry itself, or `{value: [entry]}`. */
export function parseSubmissionStatus(json: unknown): Operation {
  const entry = isObject(json) && Array.isArray(json.value) ? json.value[0] : json
  if (!isObject(entry)) throw new ShapeError('is not a JSON object')
  return operationOf(entry, readingOf('submission', text(entry.status), text(entry.result, 40)), [], text(entry.created))
}
