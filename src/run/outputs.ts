// The step's outputs and job summary. The operation's location and id are written as soon as they
// are known; the rest at the end, each on its own, so that a failure in one (an output, the summary)
// cannot undo the others nor turn a finished go-live into a crash.
import * as core from '@actions/core'
import type { OperationRef } from '../apis/go-live-service.js'
import type { Subject } from '../apis/subject.js'
import { Outputs } from '../constants.js'
import { messageOf } from '../errors.js'
import { log } from '../report/log.js'
import { operationOutput } from '../report/operation-output.js'
import { writeSummary } from '../report/summary.js'
import type { Facts } from './offer-run.js'

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
  }
}

/** The `status` and `operation` outputs, then the summary. */
export async function writeResults(facts: Facts, subject: Subject, elapsedMs: number): Promise<void> {
  if (facts.location) await guarded('set the status output', () => core.setOutput(Outputs.Status, facts.result))
  const { operation } = facts
  if (operation) await guarded('set the operation output', () => core.setOutput(Outputs.Operation, operationOutput(operation)))
  await writeSummary({ ...facts, publisher: subject.publisher, offer: subject.offer, elapsedMs })
}
