// The step's outputs, error lines and job summary. The operation's location and id (one offer) and
// `results` are written as soon as they are known; the rest at the end, each on its own, so that a
// failure in one (an output, the summary) cannot undo the others nor turn a finished go-live into
// a crash.
import * as core from '@actions/core'
import type { OperationRef } from '../apis/go-live-service.js'
import { Inputs, Outputs } from '../constants.js'
import { messageOf } from '../errors.js'
import { fleetSummaryMarkdown } from '../report/fleet-summary.js'
import { log } from '../report/log.js'
import { operationOutput } from '../report/operation-output.js'
import { summaryMarkdown, writeSummary } from '../report/summary.js'
import type { Facts, OfferRun } from './offer-run.js'
import { aggregateStatus, type OfferResult, type ResultsOutput } from './results.js'

export function writeOperationLocation(location: OperationRef): void {
  core.setOutput(Outputs.OperationLocation, location.url.href)
  core.setOutput(Outputs.OperationId, location.id)
}

/** Runs `step`; a failure is logged as a warning and the next step runs all the same. */
export async function guarded(what: string, step: () => unknown): Promise<void> {
  try {
    await step()
  } catch (error) {
    log.warning(`Could not ${what}: ${messageOf(error)}`)
    log.fault(error)
  }
}

export interface StepEnd {
  /** Empty when the inputs were refused. */
  offers: readonly OfferRun[]
  results?: ResultsOutput | undefined
  /** A failure of the step as a whole (inputs, sign-in), as opposed to one offer's. */
  stepError?: string | undefined
  dryRun?: boolean | undefined
  elapsedMs: number
}

/**
 * The step's end: its error lines (one per failed offer, naming it when there are several), the
 * last `results`, `status` (the aggregate with several offers) and the one-offer outputs, and the
 * summary.
 */
export async function writeStepEnd(end: StepEnd): Promise<void> {
  const { offers, results, stepError } = end
  const several = offers.length > 1
  if (stepError) log.fail(stepError)
  for (const offer of offers) if (offer.failure) log.fail(several ? `${offer.label}: ${offer.failure}` : offer.failure)
  let all: OfferResult[] = []
  if (results) await guarded('set the results output', () => (all = results.flush(stepError)))
  if (several) return writeFleetEnd(offers, all, end)
  // One offer: the outputs and summary it always had.
  const offer = offers[0]
  const facts: Facts = offer?.facts ?? { result: 'not started' }
  if (stepError) facts.note = stepError
  // Once a go-live was named (or the offer found live with none named): never for nothing started.
  if (facts.location || facts.how) await guarded('set the status output', () => core.setOutput(Outputs.Status, facts.result))
  const { operation, dryRun } = facts
  if (operation) await guarded('set the operation output', () => core.setOutput(Outputs.Operation, operationOutput(operation)))
  if (dryRun) await guarded('set the offer-status output', () => core.setOutput(Outputs.OfferStatus, dryRun.offerStatus))
  // Also when the inputs were refused: the summary names what was asked for, as given.
  const subject = offer?.subject ?? { publisher: core.getInput(Inputs.Publisher), offer: core.getInput(Inputs.Offer) || '?' }
  await writeSummary(() => summaryMarkdown({ ...facts, publisher: subject.publisher, offer: subject.offer, elapsedMs: end.elapsedMs }))
}

/** Several offers: the aggregate status, and one table with a row per offer. */
async function writeFleetEnd(offers: readonly OfferRun[], results: OfferResult[], end: StepEnd): Promise<void> {
  const status = aggregateStatus(results)
  if (status) await guarded('set the status output', () => core.setOutput(Outputs.Status, status))
  const rows = offers.map((offer, i) => ({ ...offer.facts, label: offer.label, status: results[i]?.status ?? 'not started' }))
  await writeSummary(() =>
    fleetSummaryMarkdown({ rows, status, elapsedMs: end.elapsedMs, note: end.stepError, dryRun: end.dryRun ?? false })
  )
}
