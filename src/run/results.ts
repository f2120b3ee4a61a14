// The `results` output: one object per offer, in input order, built only from validated canonical
// values (the offer id as checked, a status from a fixed set, a location rebuilt from validated
// parts, a canonical offer status, one bounded line of error). And the step's aggregate status.
import * as core from '@actions/core'
import { Outputs } from '../constants.js'
import { messageOf } from '../errors.js'
import { log } from '../report/log.js'
import { serviceText } from '../report/safe-text.js'
import type { OfferRun } from './offer-run.js'

export type OfferStatus = 'accepted' | 'running' | 'succeeded' | 'failed' | 'canceled' | 'not started'

export interface OfferResult {
  offer: string
  status: OfferStatus
  'operation-location': string
  'operation-id': string
  'offer-status': string
  error: string
}

/** The longest `error` of an offer: one line, so a script can print it as is. */
export const MAX_ERROR_CHARS = 300

/** The go-live states the action knows, as `results` spells them; `unknown` ended without success. */
const STATES: Record<string, OfferStatus> = {
  accepted: 'accepted',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
  unknown: 'failed'
}

/** `stepError`: a failure of the whole step (the sign-in), for the offers it kept from starting. */
export function offerResult(offer: OfferRun, stepError?: string): OfferResult {
  const { facts } = offer
  const location = facts.location?.href ?? ''
  let status: OfferStatus
  // Named (or found live with no go-live named): the state it reached, unless the offer's run failed
  // for another reason than the step stopping to follow it (a status read refused): the step fails
  // for it, so the aggregate must say `failed` too.
  if (location || facts.how) status = offer.failure !== undefined && !offer.interrupted ? 'failed' : (STATES[facts.result] ?? 'failed')
  // The request that starts it went out and no answer named it: it may have started, so never
  // `not started` (a re-run finds and follows it). A refusal is an answer: nothing started.
  else status = offer.uncertain ? 'failed' : 'not started'
  const error = offer.failure ?? (location || facts.how ? undefined : stepError)
  return {
    offer: offer.subject.offer,
    status,
    'operation-location': location,
    'operation-id': location ? (facts.operationId ?? '') : '',
    'offer-status': facts.dryRun?.offerStatus ?? '',
    error: error === undefined ? '' : serviceText(error, MAX_ERROR_CHARS)
  }
}

/**
 * The step's `status` with several offers: `failed` if any failed, was canceled or could not be
 * started because of an error, else `running` if any is still going, else `accepted` if any was
 * only started, else `succeeded`. Undefined when nothing was started and nothing failed (a dry run).
 */
export function aggregateStatus(results: readonly OfferResult[]): OfferStatus | undefined {
  const any = (status: OfferStatus): boolean => results.some((r) => r.status === status)
  if (any('failed') || any('canceled') || results.some((r) => r.status === 'not started' && r.error !== '')) return 'failed'
  for (const status of ['running', 'accepted', 'succeeded'] as const) if (any(status)) return status
  return undefined
}

/**
 * Writes `results` as the offers go, so that a step that times out, fails or is cancelled (even
 * killed) still has every location it started. Each recorded operation is written at once; each end
 * of an offer asks for a write that comes at most every `minGapMs`. Every write appends the whole
 * list to the output file, so once the writes reach IMMEDIATE_BYTES (a few hundred offers, each
 * written on each record) records are coalesced the same way; `flush()` writes the last state.
 */
/** What the writes on each record may append to the output file before they are coalesced. */
const IMMEDIATE_BYTES = 8 * 1024 * 1024

export class ResultsOutput {
  private readonly offers: readonly OfferRun[]
  private written = 0
  private readonly minGapMs: number
  private lastWrite = -Infinity
  private pending: NodeJS.Timeout | undefined
  private stepError: string | undefined

  constructor(offers: readonly OfferRun[], minGapMs = 1_000) {
    this.offers = offers
    this.minGapMs = minGapMs
  }

  /** Told each time an offer's operation is recorded: written at once, while the file stays small. */
  readonly recorded = (): void => {
    if (this.written < IMMEDIATE_BYTES) this.write()
    else this.changed()
  }

  /** Told each time an offer's run ends (or is recorded past the budget): a write within `minGapMs`. */
  readonly changed = (): void => {
    if (this.pending) return
    const wait = this.lastWrite + this.minGapMs - Date.now()
    if (wait <= 0) this.write()
    // Unref'd: flush() writes at the end anyway, and a step must not stay up for this.
    else this.pending = setTimeout(() => this.write(), wait).unref()
  }

  /** The results as they stand. */
  current(): OfferResult[] {
    return this.offers.map((offer) => offerResult(offer, this.stepError))
  }

  /** The last write, at the step's end; `stepError` names what kept the offers from starting. */
  flush(stepError?: string): OfferResult[] {
    this.stepError = stepError
    return this.write()
  }

  private write(): OfferResult[] {
    clearTimeout(this.pending)
    this.pending = undefined
    this.lastWrite = Date.now()
    const results = this.current()
    try {
      const json = JSON.stringify(results)
      core.setOutput(Outputs.Results, json)
      this.written += json.length
    } catch (error) {
      // A full disk must not end an offer's go-live; the next write tries again.
      log.warning(`Could not set the results output: ${messageOf(error)}`)
    }
    return results
  }
}
