// The dry run: whether a go-live would make sense now, from the offer's status. Sends no POST.
import type { DryRunReport, Verdict } from '../go-live-service.js'
import type { CppClient } from './client.js'
import type { Operation } from '../../wait/operation.js'
import { isServiceUnavailable } from '../../http/service-error.js'
import type { Subject } from '../subject.js'
import { serviceText } from '../../report/safe-text.js'
import { runningGoLive } from './start-go-live.js'
import { log } from '../../report/log.js'

const OFFER_STATES = ['neverPublished', 'notStarted', 'waitingForPublisherReview', 'running', 'succeeded', 'canceled', 'failed']

/**
 * The API's lowerCamelCase spelling of an offer state, whatever case it came in, or `unknown`: the
 * `offer-status` output only ever holds one of these words, never the service's own text.
 */
export function canonicalOfferStatus(raw: string | undefined): string {
  if (!raw) return 'unknown'
  const lower = raw.toLowerCase() === 'cancelled' ? 'canceled' : raw.toLowerCase()
  return OFFER_STATES.find((s) => s.toLowerCase() === lower) ?? 'unknown'
}

/**
 * The `publisher-signoff` step (by id or name, in any case) waits for the publisher's review. The
 * service reports such an offer as `running`; it is ready to go live (SUSE's client maps it so).
 */
function waitsForSignOff(status: Operation): boolean {
  return status.steps.some(
    (step) =>
      [step.id, step.name].some((name) => name.toLowerCase() === 'publisher-signoff') &&
      step.rawStatus.toLowerCase() === 'waitingforpublisherreview'
  )
}

function verdictFor(offerStatus: string, goLiveRunning: boolean, raw: string | undefined): { verdict: Verdict; message: string } {
  switch (offerStatus) {
    case 'waitingForPublisherReview':
      return { verdict: 'ready', message: 'The offer waits for publisher sign-off: a go-live would start now.' }
    case 'running':
      return goLiveRunning
        ? { verdict: 'blocked', message: 'A go-live is already running: the action would follow it instead of starting another.' }
        : {
            verdict: 'blocked',
            message:
              'Another operation (a publish) is running on the offer: a go-live would be refused until it reaches publisher sign-off.'
          }
    case 'notStarted':
      return {
        verdict: 'blocked',
        message: 'A publish was requested but has not started: a go-live makes sense once it waits for publisher sign-off.'
      }
    case 'neverPublished':
      return {
        verdict: 'blocked',
        message: 'The offer was never published: publish it and let it reach preview (publisher sign-off) before going live.'
      }
    case 'succeeded':
      return {
        verdict: 'live',
        message:
          'The last operation succeeded and nothing waits for sign-off: the offer is live already. Publish a new version to go live again.'
      }
    case 'failed':
      return {
        verdict: 'blocked',
        message: 'The last operation failed: fix what it reported in Partner Center and publish again before going live.'
      }
    case 'canceled':
      return { verdict: 'blocked', message: 'The last operation was canceled: publish again before going live.' }
    default:
      return {
        verdict: 'unknown',
        message: raw
          ? `The offer status '${serviceText(raw, 60)}' is not one the action knows; check the offer in Partner Center.`
          : 'The service sent no offer status; check the offer in Partner Center.'
      }
  }
}

export async function dryRun(client: CppClient, subject: Subject): Promise<DryRunReport> {
  const status = await client.getOfferStatus(subject)
  let offerStatus = canonicalOfferStatus(status.rawStatus)
  let goLiveRunning = false
  if (offerStatus === 'running') {
    try {
      goLiveRunning = runningGoLive(await client.listSubmissions(subject)) !== undefined
    } catch (error) {
      if (!isServiceUnavailable(error)) throw error
      log.warning(`Could not tell whether the running operation is a go-live (${(error as Error).message}).`)
    }
    // A go-live listed as running wins: its sign-off step may not have moved on yet.
    if (!goLiveRunning && waitsForSignOff(status)) offerStatus = 'waitingForPublisherReview'
  }
  return { offerStatus, ...verdictFor(offerStatus, goLiveRunning, status.rawStatus) }
}
