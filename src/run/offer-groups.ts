// At the end of a step of several offers, one collapsible group per offer with its whole story: the
// lines kept while its part ran (report/kept-lines.ts), in the order written. Failed offers first,
// so that a reader of 256 offers finds at once the ones to look at; the input order within each rank.
import { log } from '../report/log.js'
import { errorText } from './error-line.js'
import type { Offer } from './offer.js'
import { statusOf, type OfferStatus } from './outcome.js'

/** Ranks by status, with an error: failed, canceled, unknown, not started (refused), still going. */
const WITH_ERROR: Partial<Record<OfferStatus, number>> = { failed: 0, canceled: 1, unknown: 2, 'not started': 3, running: 4, accepted: 4 }
/** A dry run that found the offer blocked, or could not tell, before those it found ready. */
const DRY_RUN_DOUBT = 5
const THE_REST = 6

function rank(offer: Offer): number {
  const { outcome } = offer
  if (errorText(offer, true)) return WITH_ERROR[statusOf(outcome)] ?? THE_REST
  if (outcome.phase === 'checked' && (outcome.report.verdict === 'blocked' || outcome.report.verdict === 'unknown')) return DRY_RUN_DOUBT
  return THE_REST
}

/** The offers in the order their groups come: failed first, the input order within each rank. */
function groupOrder(offers: readonly Offer[]): Offer[] {
  return offers
    .map((offer, index) => ({ offer, index, rank: rank(offer) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ offer }) => offer)
}

/** `contoso/vm-a: failed`, or a dry run's verdict: the label is a validated id, the rest a fixed word. */
function groupTitle(offer: Offer): string {
  const { outcome } = offer
  const end = outcome.phase === 'checked' ? `${outcome.report.verdict} (dry run)` : statusOf(outcome)
  return `${offer.label}: ${end}`
}

/** One group per offer that kept its lines, failed first. */
export function writeOfferGroups(offers: readonly Offer[]): void {
  for (const offer of groupOrder(offers)) {
    const { kept } = offer
    if (!kept) continue
    const lines = kept.lines()
    log.group(groupTitle(offer), lines.length > 0 ? lines : [{ text: 'Nothing was logged for this offer.', debug: false }])
  }
}
