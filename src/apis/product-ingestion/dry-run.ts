// The dry run through the Product Ingestion API: what the submissions say about going live now, in
// the same vocabulary as the CPP offer status. Decides with decide(), as the real run does (and
// claims the product for the offer, as the real run does); sends no configure request.
import type { DryRunReport } from '../go-live-service.js'
import type { Subject } from '../subject.js'
import type { ProductIngestionClient } from './client.js'
import { decide, type Decision } from './decide.js'
import { claimedProduct, type GoLiveRules } from './start-go-live.js'

export async function dryRun(client: ProductIngestionClient, subject: Subject, rules: GoLiveRules = {}): Promise<DryRunReport> {
  return reportOf(decide(await client.listSubmissions(await claimedProduct(client, subject, rules)), rules))
}

function reportOf(decision: Decision): DryRunReport {
  const { say } = decision
  switch (decision.kind) {
    case 'follow':
      return { offerStatus: 'running', verdict: 'blocked', message: `${say}: the action would follow it instead of starting another.` }
    // The real run refuses these; a dry run reports the offer blocked and passes.
    case 'running-unusable':
    case 'in-progress-unusable':
    case 'in-progress':
      return { offerStatus: 'running', verdict: 'blocked', message: say }
    case 'no-preview':
      return { offerStatus: 'neverPublished', verdict: 'blocked', message: say }
    case 'preview-failed':
    case 'live-failed':
      return { offerStatus: 'failed', verdict: 'blocked', message: say }
    case 'preview-unfinished':
    case 'preview-unusable':
    case 'live-unusable':
    case 'live-unknown':
      return { offerStatus: 'unknown', verdict: 'blocked', message: say }
    case 'live':
      return { offerStatus: 'succeeded', verdict: 'live', message: say }
    case 'ready':
      // Sent once more on purpose (retry-failed): the offer's last go-live failed.
      return {
        offerStatus: decision.retrying ? 'failed' : 'waitingForPublisherReview',
        verdict: 'ready',
        message: `${say}: a go-live would start now.`
      }
  }
}
