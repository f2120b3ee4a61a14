// The dry run through the Product Ingestion API: what the submissions say about going live now, in
// the same vocabulary as the CPP offer status. Sends no configure request.
import type { DryRunReport } from '../go-live-service.js'
import type { IngestionClient } from './client.js'
import { productOf, type IngestionSubject } from './start-go-live.js'
import { isAlreadyLive, submissionState } from './submissions.js'

export async function ingestionDryRun(client: IngestionClient, subject: IngestionSubject): Promise<DryRunReport> {
  const state = submissionState(await client.listSubmissions(await productOf(client, subject)))
  if (state.runningLive) {
    return {
      offerStatus: 'running',
      verdict: 'blocked',
      message: 'A go-live is already running: the action would follow it instead of starting another.'
    }
  }
  if (state.inProgress[0]) {
    return {
      offerStatus: 'running',
      verdict: 'blocked',
      message: `Another submission is in progress (${state.inProgress[0].id}): a go-live would be refused until it finishes.`
    }
  }
  if (state.latestPreview && state.latestPreview.result?.toLowerCase() === 'failed') {
    return {
      offerStatus: 'failed',
      verdict: 'blocked',
      message: `The newest preview submission failed (${state.latestPreview.id}): fix it in Partner Center and publish again.`
    }
  }
  if (!state.preview) {
    return {
      offerStatus: 'neverPublished',
      verdict: 'blocked',
      message: 'There is no preview submission: publish to preview first, then go live.'
    }
  }
  if (isAlreadyLive(state)) {
    return {
      offerStatus: 'succeeded',
      verdict: 'live',
      message: `Live already has the newest preview (${state.preview.id}): publish a new preview to go live again.`
    }
  }
  return {
    offerStatus: 'waitingForPublisherReview',
    verdict: 'ready',
    message: `A newer preview (${state.preview.id}) is ready: a go-live would start now.`
  }
}
