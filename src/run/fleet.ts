// Every offer of a step, on one session (one sign-in, one transport): the requests that start a
// go-live (and a dry run's reads) through one limiter, at most `max-parallel` offers at once; the
// waits through one pacer, so the fleet's reads are spread over the poll interval; and each
// offer's failure kept on its own run, so that it never stops the others.
import type { OperationRef, GoLiveService } from '../apis/go-live-service.js'
import { ActionError, CancelledError, DeadlineError } from '../errors.js'
import type { Config } from '../inputs.js'
import { log } from '../report/log.js'
import type { Cancellation } from '../wait/cancellation.js'
import { formatDuration } from '../wait/duration.js'
import { Pacer } from '../wait/pacer.js'
import { failureText, mayHaveStarted } from './failure-text.js'
import { createLimiter } from './limit.js'
import { OfferRun } from './offer-run.js'
import { writeOperationLocation } from './outputs.js'
import { ResultsOutput } from './results.js'
import type { Session } from './session.js'
import { WaitTimedOutError, type WaitSettings } from './wait.js'

/** What one offer's story gets from the fleet. */
export interface Lane {
  service: GoLiveService
  config: Config
  /** Runs `task` (a request that starts the go-live, or a one-off read) once one of the places is free. */
  limit: <T>(task: () => Promise<T>) => Promise<T>
  waiting: WaitSettings
}

/** One offer's part of the run, as main.ts tells it. */
export type OfferStory = (offer: OfferRun, lane: Lane) => Promise<void>

export interface StepSettings {
  config: Config
  cancellation: Cancellation
  /** When the step's timeout passes (epoch ms). */
  deadline: number
}

export class Fleet {
  readonly offers: readonly OfferRun[]
  readonly results: ResultsOutput
  private readonly several: boolean

  /** `resultsGapMs`: the least time between two writes of `results` (see ResultsOutput). */
  constructor(config: Config, resultsGapMs?: number) {
    const offers: OfferRun[] = []
    this.several = config.offers.length > 1
    this.results = new ResultsOutput(offers, resultsGapMs)
    // One offer keeps the outputs it always had: its operation's location and id, as soon as known.
    const onRecorded = this.several
      ? this.results.recorded
      : (location: OperationRef | undefined): void => {
          if (location) writeOperationLocation(location)
          this.results.recorded()
        }
    for (const offer of config.offers) offers.push(new OfferRun({ publisher: config.publisher, offer }, onRecorded, this.several))
    this.offers = offers
  }

  /** Runs `story` for every offer; resolves when each has ended, whichever way. Never throws for an offer. */
  async run(session: Session, story: OfferStory, step: StepSettings): Promise<void> {
    const { config, cancellation, deadline } = step
    const { timeoutMs, pollIntervalMs } = config
    const limiter = createLimiter(config.maxParallel)
    const waiting: WaitSettings = { timeoutMs, pollIntervalMs, deadline, cancellation }
    if (this.several) {
      // Reads held by a Retry-After wait in the pacer's line, and resume spaced when it ends.
      waiting.pacer = new Pacer(pollIntervalMs, () => session.throttle.waitMs())
      this.announce(config)
    }
    if (config.dryRun && (config.wait || config.operationLocation))
      log.info('Dry run: the wait and operation-location inputs are not used.')
    await Promise.all(
      this.offers.map(async (offer) => {
        // An offer still in line when the step is cancelled or times out sends nothing.
        const limit = <T>(task: () => Promise<T>): Promise<T> =>
          limiter(async () => {
            if (cancellation.signal.aborted) throw notStarted(cancellation.signal.reason, offer, timeoutMs)
            return task()
          })
        try {
          await story(offer, { service: session.serviceFor(offer.subject), config, limit, waiting })
        } catch (error) {
          // The timeout passed while a read before its go-live waited (throttled): nothing was sent.
          const why = error instanceof DeadlineError && offer.phase === 'not sent' ? notStarted(error, offer, timeoutMs) : error
          offer.fail(failureText(why, offer, this.several), mayHaveStarted(why, offer), interrupted(why))
        } finally {
          this.results.changed()
        }
      })
    )
    if (this.several && !config.wait && !config.dryRun && this.offers.some((offer) => offer.facts.result === 'accepted')) {
      log.info(
        'Not waiting (wait: false). To check on the go-lives later, run this step again with the same offers: it follows each one still running and starts none twice.'
      )
    }
  }

  private announce(config: Config): void {
    const { length } = this.offers
    const at = `at most ${config.maxParallel} at a time`
    if (config.dryRun) return log.info(`Dry run of ${length} offers, ${at}.`)
    const waits = config.wait
      ? `; then waiting up to ${formatDuration(config.timeoutMs)} for their go-lives, reading each about every ${formatDuration(config.pollIntervalMs)} with the reads spread evenly`
      : ''
    log.info(`Taking ${length} offers live: their go-lives are started or found ${at}${waits}.`)
  }
}

/** Why an offer still in line was never started: the cancellation as it is, or the timeout in words. */
function notStarted(reason: unknown, offer: OfferRun, timeoutMs: number): unknown {
  if (!(reason instanceof DeadlineError)) return reason
  return new ActionError(
    `The timeout (${formatDuration(timeoutMs)}) passed before the go-live of ${offer.label} was started: nothing was sent; run the step again to take it live.`,
    { resumable: false }
  )
}

/** Whether a failure only stopped the step following the go-live (which goes on at the service). */
function interrupted(error: unknown): boolean {
  return error instanceof WaitTimedOutError || error instanceof CancelledError || error instanceof DeadlineError
}
