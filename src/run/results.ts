// The `results` output: one object per offer, in input order, built only from validated canonical
// values (the offer id as checked, a status from a fixed set, a location rebuilt from validated
// parts, a canonical offer status, one bounded line of error). And the step's aggregate status.
import { Outputs } from '../constants.js'
import { messageOf } from '../errors.js'
import { log } from '../report/log.js'
import { outputs } from '../report/output-file.js'
import { serviceText } from '../report/safe-text.js'
import { errorText } from './error-line.js'
import type { Offer } from './offer.js'
import { goLiveOf, statusOf, type OfferStatus } from './outcome.js'

export interface OfferResult {
  offer: string
  /** The API it goes live through (`cloud-partner-portal`, `product-ingestion`), or '' before one was chosen. */
  api: string
  status: OfferStatus
  'operation-location': string
  'operation-id': string
  'offer-status': string
  error: string
}

/** The longest `error` of an offer: one line, so a script can print it as is. */
export const MAX_ERROR_CHARS = 300

/**
 * One offer's entry, rendered from its outcome. `stepError`: a failure of the whole step (the
 * sign-in), for the offers it kept from starting.
 */
export function offerResult(offer: Pick<Offer, 'subject' | 'outcome' | 'api'>, several: boolean, stepError?: string): OfferResult {
  const { outcome } = offer
  const status = statusOf(outcome)
  const location = goLiveOf(outcome)?.location
  const error = errorText(offer, several) ?? (status === 'not started' ? stepError : undefined)
  return {
    offer: offer.subject.offer,
    api: offer.api ?? '',
    status,
    'operation-location': location?.url.href ?? '',
    'operation-id': location?.id ?? '',
    'offer-status': outcome.phase === 'checked' ? outcome.report.offerStatus : '',
    error: error === undefined ? '' : serviceText(error, MAX_ERROR_CHARS)
  }
}

/**
 * The step's `status` with several offers: `failed` if any failed, was canceled or was refused (not
 * started, with an error); else `unknown` if any is unknown; else `running`; else `accepted`; else
 * `succeeded`; else `not started` (nothing was sent, nothing failed: a dry run).
 */
export function aggregateStatus(results: readonly OfferResult[]): OfferStatus {
  const any = (status: OfferStatus): boolean => results.some((r) => r.status === status)
  if (any('failed') || any('canceled') || results.some((r) => r.status === 'not started' && r.error !== '')) return 'failed'
  for (const status of ['unknown', 'running', 'accepted', 'succeeded'] as const) if (any(status)) return status
  return 'not started'
}

/** The `status` output: the one offer's own status, or the aggregate of several. */
export function stepStatus(results: readonly OfferResult[]): OfferStatus {
  const [only] = results
  return results.length === 1 && only ? only.status : aggregateStatus(results)
}

/**
 * Writes `results` as the offers go, so that a step that times out, fails or is cancelled (even
 * killed) still has every location it started, and never says `not started` of a request that may
 * have gone out. Urgent moves (a request on its way, a go-live named) are written at once; others
 * ask for a write that comes at most every `minGapMs`; a write that would change nothing is not
 * made. The output file keeps one copy (output-file.ts), however many writes; `flush()` writes the
 * last state.
 */
export class ResultsOutput {
  private readonly offers: readonly Pick<Offer, 'subject' | 'outcome' | 'api'>[]
  private readonly minGapMs: number
  private lastWrite = -Infinity
  private lastJson: string | undefined
  private pending: NodeJS.Timeout | undefined
  private stepError: string | undefined

  constructor(offers: readonly Pick<Offer, 'subject' | 'outcome' | 'api'>[], minGapMs = 1_000) {
    this.offers = offers
    this.minGapMs = minGapMs
  }

  /** Told each time an offer moves: `urgent` is written at once, anything else within `minGapMs`. */
  readonly changed = (urgent: boolean): void => {
    if (urgent) return void this.write()
    if (this.pending) return
    const wait = this.lastWrite + this.minGapMs - Date.now()
    if (wait <= 0) this.write()
    // Unref'd: flush() writes at the end anyway, and a step must not stay up for this.
    else this.pending = setTimeout(() => this.write(), wait).unref()
  }

  /** The results as they stand. */
  current(): OfferResult[] {
    const several = this.offers.length > 1
    return this.offers.map((offer) => offerResult(offer, several, this.stepError))
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
      if (json === this.lastJson) return results
      outputs.set(Outputs.Results, json)
      this.lastJson = json
    } catch (error) {
      // A full disk must not end an offer's go-live; the next write tries again.
      log.warning(`Could not set the results output: ${messageOf(error)}`)
    }
    return results
  }
}
