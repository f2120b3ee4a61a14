// A dry run of one offer: what its API says about going live now, as a log line and the offer's
// outcome (`checked`), which the outputs (`offer-status`, `results`) and the summary are made of.
// Sends nothing that changes the offer.
import type { GoLiveService } from '../apis/go-live-service.js'
import { log } from '../report/log.js'
import type { Offer } from './offer.js'

export async function reportDryRun(offer: Offer, service: GoLiveService): Promise<void> {
  log.info(`Dry run: reading the status of ${offer.label}; no Go Live request is sent.`)
  const report = await service.dryRun()
  offer.checked(report)
  const line = `${offer.prefix}Offer status: ${report.offerStatus}. ${report.message}`
  if (report.verdict === 'ready' || report.verdict === 'live') log.notice(line)
  else log.warning(line)
}
