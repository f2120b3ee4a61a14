// Which listed go-live to follow instead of starting one: the one running (before a Go Live
// request, or after a 409), or the one a request whose answer was lost may have started. Never
// twice: a go-live that request may have started, running or ended, is followed, never posted again.
import { ActionError } from '../../errors.js'
import { serviceText } from '../../report/safe-text.js'
import { subjectLabel, type Subject } from '../subject.js'
import type { CppClient, Submission } from './client.js'
import { decide, type DecideContext } from './decide.js'
import { goLiveSince, newGoLive, ofThisOffer, untimedGoLive } from './listing.js'
import type { CppOperationRef } from './locations.js'

/**
 * How far the service's clock may run behind ours: a go-live listed as changed up to this long
 * before the request was sent may still be the one it started.
 */
const CLOCK_SKEW_MS = 5 * 60_000

/** The location of a listed go-live, or an error when its id is not one the action accepts. */
export function locationOf(client: CppClient, subject: Subject, found: Submission): CppOperationRef {
  const location = client.submissionLocation(subject, found)
  if (!location) {
    throw new ActionError(
      `A go-live of ${subjectLabel(subject)} is already running, but the service lists it under an id the action does not accept ('${serviceText(found.id, 80)}'), so it cannot be followed. No second go-live was started; follow it in Partner Center.`
    )
  }
  return location
}

/** The go-live of this offer running now, if the submissions list one (decide() without an offer status). */
export async function findRunning(client: CppClient, context: DecideContext): Promise<CppOperationRef | undefined> {
  const { subject } = context
  const decision = decide(undefined, await client.listSubmissions(subject), context)
  return decision.kind === 'follow' ? locationOf(client, subject, decision.running) : undefined
}

/**
 * The look for the go-live a Go Live request that got no clear answer may have started. `before`:
 * the listing read before the request, undefined when it could not be read.
 */
export class StartedLook {
  private readonly client: CppClient
  private readonly context: DecideContext
  private readonly before: Submission[] | undefined
  private sentAt: number | undefined
  /** A go-live listed without a time, which may be the one the request started (no listing from before). */
  private untimed: Submission | undefined

  constructor(client: CppClient, context: DecideContext, before: Submission[] | undefined) {
    this.client = client
    this.context = context
    this.before = before
  }

  /** Called as the request goes out: the first time counts (a go-live of the first request is the one looked for, too). */
  sending(): void {
    this.sentAt ??= Date.now()
  }

  /**
   * The go-live to follow: one running, or one the request may have started that ended within the
   * look (its read says how it ended; it is never sent again). With the listing from before, that is
   * a go-live not listed before; without it, a go-live changed at or after the request was sent (less
   * the clock skew). One that says no time may be it too: it is not followed (it may be years old),
   * but it holds back a second request (holdsResend).
   */
  readonly find = async (): Promise<CppOperationRef | undefined> => {
    const { client, context, before } = this
    const { subject } = context
    const submissions = await client.listSubmissions(subject)
    const decision = decide(undefined, submissions, context)
    if (decision.kind === 'follow') return locationOf(client, subject, decision.running)
    const own = ofThisOffer(subject, submissions)
    if (before) {
      const started = newGoLive(own, before)
      return started ? locationOf(client, subject, started) : undefined
    }
    const since = (this.sentAt ?? Date.now()) - CLOCK_SKEW_MS
    const started = goLiveSince(own, since)
    if (started) return locationOf(client, subject, started)
    this.untimed ??= untimedGoLive(own)
    return undefined
  }

  /** Why the request is not sent once more after a whole look found none to follow (lost-answers.ts). */
  readonly holdsResend = (): string | undefined => {
    const { untimed } = this
    if (!untimed) return undefined
    const state = untimed.submissionState === undefined ? 'no state' : `state '${serviceText(untimed.submissionState, 40)}'`
    return `A go-live of ${subjectLabel(this.context.subject)} is listed with no time (submission '${serviceText(untimed.id, 80)}', ${state}), and the offer's submissions could not be listed before the request, so it may be the one the request started: the request is not sent again.`
  }
}
