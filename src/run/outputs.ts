// The step's outputs, error lines and job summary, each rendered from the offers' outcomes. The
// operation's location and id (one offer) and `results` are written as soon as they are known; the
// rest at the end, each on its own, so that a failure in one (an output, the summary) cannot undo
// the others nor turn a finished go-live into a crash. Choices between one offer and several live
// here only: the prefix of an offer's lines, the lines kept for each offer's group at the end, the
// resume hint, the single-offer outputs, the heading.
import * as core from '@actions/core'
import { Inputs, Outputs } from '../constants.js'
import { messageOf } from '../errors.js'
import type { Config } from '../inputs.js'
import { KeptLines, keptShare } from '../report/kept-lines.js'
import { log } from '../report/log.js'
import { outputs } from '../report/output-file.js'
import { operationOutput } from '../report/operation-output.js'
import { summaryMarkdown, writeSummary, type SummaryRow } from '../report/summary.js'
import { formatDuration } from '../wait/duration.js'
import { errorText } from './error-line.js'
import type { Offer } from './offer.js'
import { writeOfferGroups } from './offer-groups.js'
import { goLiveOf, statusOf } from './outcome.js'
import { stepStatus, type OfferResult, type ResultsOutput } from './results.js'

/** What starts an offer's own lines: its label when the step has several offers, nothing with one. */
export function linePrefix(label: string, offers: number): string {
  return offers > 1 ? `${label}: ` : ''
}

/**
 * What keeps an offer's own lines for its group at the step's end: with several offers, each its
 * share of the step's bound; with one, nothing (its log is its story already).
 */
export function keptLinesOf(offers: number): KeptLines | undefined {
  return offers > 1 ? new KeptLines(keptShare(offers)) : undefined
}

/** The step's plan, said once at its start. */
export function announce(config: Config): void {
  const { length } = config.offers
  const at = `at most ${config.maxParallel} at a time`
  if (config.dryRun) {
    if (config.wait || config.operationLocation) log.info('Dry run: the wait and operation-location inputs are not used.')
    if (length > 1) log.info(`Dry run of ${length} offers, ${at}.`)
    return
  }
  const timeout = formatDuration(config.timeoutMs)
  const interval = formatDuration(config.pollIntervalMs)
  if (length === 1) {
    if (config.wait) log.info(`Waiting up to ${timeout} for the go-live, polling every ${interval}.`)
    return
  }
  const waits = config.wait
    ? `; then waiting up to ${timeout} for their go-lives, reading each about every ${interval} with the reads spread evenly`
    : ''
  log.info(`Taking ${length} offers live: their go-lives are started or found ${at}${waits}.`)
}

/**
 * What the step writes at once as an offer moves (`urgent`: a request on its way, a go-live named):
 * `results`, and with one offer the outputs it always had, its operation's location and id.
 */
export function writeAsOffersMove(results: ResultsOutput, offers: number): (offer: Offer, urgent: boolean) => void {
  return (offer, urgent) => {
    const location = goLiveOf(offer.outcome)?.location
    if (offers === 1 && urgent && location) {
      outputs.set(Outputs.OperationLocation, location.url.href)
      outputs.set(Outputs.OperationId, location.id)
    }
    results.changed(urgent)
  }
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
  offers: readonly Offer[]
  results?: ResultsOutput | undefined
  /** A failure of the step as a whole (inputs, sign-in), as opposed to one offer's. */
  stepError?: string | undefined
  dryRun?: boolean | undefined
  /** Whether the step waited for the go-lives (else an accepted one is told how to check on it later). */
  wait?: boolean | undefined
  elapsedMs: number
}

/** Told once, when offers were started and not waited for: how to check on them later. */
function notWaiting(offers: readonly Offer[]): void {
  const accepted = offers.filter((offer) => statusOf(offer.outcome) === 'accepted')
  const [only] = accepted
  if (!only) return
  const location = goLiveOf(only.outcome)?.location
  if (offers.length === 1 && location) {
    log.info(`Not waiting (wait: false). To check on it later, run this action with operation-location: ${location.url.href}`)
  } else {
    log.info(
      'Not waiting (wait: false). To check on the go-lives later, run this step again with the same offers: it follows each one still running and starts none twice.'
    )
  }
}

/**
 * The step's end: with several offers, one group per offer with its whole story (failed first); then
 * the error lines, outside the groups and last in the log, where a reader looks first (one per offer
 * with an error, naming it when there are several, and one for a failure of the whole step); the
 * last `results`, `status` (the offer's own with one, the aggregate with several), the single-offer
 * outputs, and the summary.
 */
export async function writeStepEnd(end: StepEnd): Promise<void> {
  const { offers, results, stepError } = end
  const several = offers.length > 1
  if (!end.wait && !end.dryRun && !stepError) notWaiting(offers)
  if (several) await guarded("write each offer's group of lines", () => writeOfferGroups(offers))
  if (stepError) log.fail(stepError)
  for (const offer of offers) {
    const error = errorText(offer, several)
    if (error) log.fail(several ? `${offer.label}: ${error}` : error)
  }
  let all: OfferResult[] = []
  if (results) await guarded('set the results output', () => (all = results.flush(stepError)))
  const status = all.length > 0 ? stepStatus(all) : undefined
  if (status) await guarded('set the status output', () => outputs.set(Outputs.Status, status))
  const [only] = offers
  if (only && !several) await writeOfferOutputs(only)
  const rows = offers.map((offer, i): SummaryRow => summaryRow(offer, all[i], several))
  // Also when the inputs were refused: the summary names what was asked for, as given.
  const title = several ? `${offers.length} offers` : (only?.label ?? askedFor())
  await writeSummary(() =>
    summaryMarkdown({
      title,
      rows,
      status: status ?? 'not started',
      elapsedMs: end.elapsedMs,
      note: stepError,
      dryRun: end.dryRun ?? false
    })
  )
}

/** The outputs of one offer: its operation as the service last sent it, and a dry run's offer status. */
async function writeOfferOutputs(offer: Offer): Promise<void> {
  const { outcome } = offer
  const operation = goLiveOf(outcome)?.operation
  if (operation) await guarded('set the operation output', () => outputs.set(Outputs.Operation, operationOutput(operation)))
  if (outcome.phase === 'checked') {
    const { offerStatus } = outcome.report
    await guarded('set the offer-status output', () => outputs.set(Outputs.OfferStatus, offerStatus))
  }
}

function summaryRow(offer: Offer, result: OfferResult | undefined, several: boolean): SummaryRow {
  const { outcome } = offer
  const goLive = goLiveOf(outcome)
  return {
    label: offer.label,
    status: result?.status ?? statusOf(outcome),
    how: goLive?.how,
    location: goLive?.location?.url,
    page: goLive?.location?.page,
    operation: goLive?.operation,
    note: errorText(offer, several),
    dryRun: outcome.phase === 'checked' ? outcome.report : undefined
  }
}

/** The offer as the inputs name it, when they were refused before an offer was made of them. */
function askedFor(): string {
  const publisher = core.getInput(Inputs.Publisher)
  const offer = core.getInput(Inputs.Offer) || '?'
  return publisher ? `${publisher}/${offer}` : offer
}
