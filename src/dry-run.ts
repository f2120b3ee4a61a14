// The dry run: whether a go-live would make sense now, from the offer's status. Sends no POST.
import * as core from '@actions/core'
import { isServiceUnavailable, type CppClient } from './cpp-client.js'
import type { Subject } from './service-error.js'
import { runningGoLive } from './start-go-live.js'

/** `ready`: a go-live would start now. `blocked`: it would not. `live`: it has already happened. */
export type Verdict = 'ready' | 'blocked' | 'live' | 'unknown'

export interface DryRunReport {
  /** The offer's state as the API spells it, in lowerCamelCase. */
  offerStatus: string
  verdict: Verdict
  message: string
}

const OFFER_STATES = ['neverPublished', 'notStarted', 'waitingForPublisherReview', 'running', 'succeeded', 'canceled', 'failed']

/** The API's lowerCamelCase spelling of an offer state, whatever case it came in. */
export function canonicalOfferStatus(raw: string | undefined): string {
  if (!raw) return 'unknown'
  const lower = raw.toLowerCase() === 'cancelled' ? 'canceled' : raw.toLowerCase()
  return OFFER_STATES.find((s) => s.toLowerCase() === lower) ?? raw
}

function verdictFor(offerStatus: string, goLiveRunning: boolean): { verdict: Verdict; message: string } {
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
        message: `The offer status '${offerStatus}' is not one the action knows; check the offer in Partner Center.`
      }
  }
}

export async function dryRun(client: CppClient, subject: Subject): Promise<DryRunReport> {
  const status = await client.getOfferStatus(subject)
  const offerStatus = canonicalOfferStatus(status.rawStatus)
  let goLiveRunning = false
  if (offerStatus === 'running') {
    try {
      goLiveRunning = runningGoLive(await client.listSubmissions(subject)) !== undefined
    } catch (error) {
      if (!isServiceUnavailable(error)) throw error
      core.warning(`Could not tell whether the running operation is a go-live (${(error as Error).message}).`)
    }
  }
  return { offerStatus, ...verdictFor(offerStatus, goLiveRunning) }
}
