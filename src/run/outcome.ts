// One offer's verdict: how far its go-live got, as one value that moves through explicit phases.
// Every output (`status`, `results`, the summary row, the error line, the exit code) is rendered
// from it (results.ts, outputs.ts); statusOf() is the only place a status is derived.
import type { DryRunReport, OperationRef } from '../apis/go-live-service.js'
import type { Operation } from '../wait/operation.js'
import type { How } from './start-or-attach.js'

/** What ended an offer's run without success, in words, and whether the go-live goes on at the service. */
export interface Problem {
  text: string
  /** The go-live goes on: the error adds how to follow it (outputs.ts words that, for one offer or many). */
  goesOn: boolean
}

/** A go-live the offer follows or found: its location (a live offer may have none), how, and its last state read. */
export interface GoLive {
  location?: OperationRef | undefined
  how: How
  operation?: Operation | undefined
}

export type Outcome =
  /** Nothing that starts a go-live went out, or (`refused`) the service answered it with a definite no. */
  | { phase: 'not sent'; refused?: boolean | undefined; problem?: Problem | undefined }
  /** The request that starts the go-live may be on its way: the service may act on it. */
  | { phase: 'sending' }
  /** The answer was lost, ambiguous or cut: the go-live may have started; it is being looked for. */
  | { phase: 'maybe started'; problem?: Problem | undefined }
  /** Named: its location is known; it has not ended (or the wait for it broke off: `problem`). */
  | { phase: 'started'; goLive: GoLive; state: 'accepted' | 'running'; problem?: Problem | undefined }
  /** Ended as the service says; `unknown`: with a result the action cannot read. */
  | { phase: 'finished'; goLive: GoLive; state: 'succeeded' | 'failed' | 'canceled' | 'unknown'; problem?: Problem | undefined }
  /** A dry run read what a go-live would do now. */
  | { phase: 'checked'; report: DryRunReport }

/** An offer's status as the `results` output spells it (exact words: workflows read them). */
export type OfferStatus = 'accepted' | 'running' | 'succeeded' | 'failed' | 'canceled' | 'not started' | 'unknown'

/** Every status, in the order the README lists them. */
export const OFFER_STATUSES: readonly OfferStatus[] = ['accepted', 'running', 'succeeded', 'failed', 'canceled', 'not started', 'unknown']

/**
 * The one status of an outcome. A request that may have gone out and was never named is `unknown`
 * (a re-run finds it), never `not started`, which means nothing was sent (or it was refused).
 */
export function statusOf(outcome: Outcome): OfferStatus {
  switch (outcome.phase) {
    case 'not sent':
    case 'checked':
      return 'not started'
    case 'sending':
    case 'maybe started':
      return 'unknown'
    case 'started':
    case 'finished':
      return outcome.state
  }
}

/** What ended the offer without success, if anything did. */
export function problemOf(outcome: Outcome): Problem | undefined {
  return outcome.phase === 'sending' || outcome.phase === 'checked' ? undefined : outcome.problem
}

/** The go-live the outcome names, if it names one. */
export function goLiveOf(outcome: Outcome): GoLive | undefined {
  return outcome.phase === 'started' || outcome.phase === 'finished' ? outcome.goLive : undefined
}
