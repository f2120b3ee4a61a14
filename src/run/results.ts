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
  if (location) status = STATES[facts.result] ?? 'failed'
  // The request that starts it went out and no answer named it: it may have started, so never
  // `not started` (a re-run finds and follows it). A refusal is an answer: nothing started.
  else status = offer.uncertain ? 'failed' : 'not started'
  const error = offer.failure ?? (location ? undefined : stepError)
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
 * Writes `results` as the offers go, so that a step that times out, fails or is cancelled still has
 * every location it started. Each record or end of an offer asks for a write; writes come at most
 * every `minGapMs` (each appends the whole list to the output file: 256 offers written on each of
 * their 512 events would be tens of MB), and `flush()` writes the last state at the step's end.
 */
export class ResultsOutput {
  private readonly offers: readonly OfferRun[]
  private readonly minGapMs: number
  private readonly untilNamed: boolean
  private lastWrite = -Infinity
  private pending: NodeJS.Timeout | undefined
  private stepError: string | undefined

  /**
   * `untilNamed` (one offer): nothing is written until its go-live is recorded or its dry run read,
   * as for the other outputs of one offer, which stay empty when the run ends before that.
   */
  constructor(offers: readonly OfferRun[], minGapMs = 1_000, untilNamed = false) {
    this.offers = offers
    this.minGapMs = minGapMs
    this.untilNamed = untilNamed
  }

  /** Told each time an offer's operation is recorded or its run ends. */
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
    if (this.untilNamed && !this.offers.some(({ facts }) => facts.location || facts.dryRun)) return results
    try {
      core.setOutput(Outputs.Results, JSON.stringify(results))
    } catch (error) {
      // A full disk must not end an offer's go-live; the next write tries again.
      log.warning(`Could not set the results output: ${messageOf(error)}`)
    }
    return results
  }
}
