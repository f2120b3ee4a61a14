// A dry run of one offer: what its API says about going live now, as a log line, the `offer-status`
// output and the summary's facts. Sends nothing that changes the offer.
import * as core from '@actions/core'
import type { GoLiveService } from '../apis/go-live-service.js'
import { Outputs } from '../constants.js'
import { log } from '../report/log.js'
import type { OfferRun } from './offer-run.js'

/** `unused`: inputs given that a dry run does not use, said once. */
export async function reportDryRun(offer: OfferRun, service: GoLiveService, unused: boolean): Promise<void> {
  log.info(`Dry run: reading the status of ${offer.label}; no Go Live request is sent.`)
  if (unused) log.info('Dry run: the wait and operation-location inputs are not used.')
  const report = await service.dryRun()
  core.setOutput(Outputs.OfferStatus, report.offerStatus)
  offer.facts.result = 'dry run'
  offer.facts.dryRun = report
  const line = `Offer status: ${report.offerStatus}. ${report.message}`
  if (report.verdict === 'ready' || report.verdict === 'live') log.notice(line)
  else log.warning(line)
}
