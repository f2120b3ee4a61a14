// Every offer of a step, one offer or many, on one session (one sign-in, one transport): the requests
// that start a go-live (and a dry run's reads) through one limiter, at most `max-parallel` offers at
// once; the waits through one pacer, so the reads are spread over the poll interval; and each
// offer's failure kept on its own outcome, so that it never stops the others.
import type { GoLiveService } from '../apis/go-live-service.js'
import { subjectLabel } from '../apis/subject.js'
import type { Config } from '../inputs.js'
import type { Cancellation } from '../wait/cancellation.js'
import { Pacer } from '../wait/pacer.js'
import { chooseApi, type Chosen } from './choose-api.js'
import { Heartbeat, stepClock, stepTimes, type StepClock } from './heartbeat.js'
import { createLimiter } from './limit.js'
import { Offer } from './offer.js'
import { keptLinesOf, linePrefix, writeAsOffersMove } from './outputs.js'
import { ResultsOutput } from './results.js'
import type { Session } from './session.js'
import type { WaitSettings } from './wait.js'

/** What one offer's story gets from the fleet. */
export interface Lane {
  service: GoLiveService
  config: Config
  /** Runs `task` (a request that starts the go-live, or a one-off read) once one of the places is free. */
  limit: <T>(task: () => Promise<T>) => Promise<T>
  waiting: WaitSettings
}

/** One offer's part of the run (go-live.ts). */
export type OfferStory = (offer: Offer, lane: Lane) => Promise<void>

export class Fleet {
  readonly offers: readonly Offer[]
  readonly results: ResultsOutput
  /** The step's clock while it waits: the progress lines at a change say the times. */
  private clock: StepClock | undefined

  /** `resultsGapMs`: the least time between two writes of `results` (see ResultsOutput). */
  constructor(config: Config, resultsGapMs?: number) {
    const { offers: ids, publisher } = config
    const offers: Offer[] = []
    this.results = new ResultsOutput(offers, resultsGapMs)
    const write = writeAsOffersMove(this.results, ids.length)
    for (const id of ids) {
      const subject = { publisher, offer: id }
      const times = (): string | undefined => (this.clock ? stepTimes(this.clock) : undefined)
      const offer: Offer = new Offer(subject, linePrefix(subjectLabel(subject), ids.length), (urgent) => write(offer, urgent), times)
      // The step's one API (named, or chosen by the token) is the offer's from the start.
      if (config.targets.length === 1) offer.api = config.targets[0]?.descriptor.api
      offers.push(offer)
    }
    this.offers = offers
  }

  /** Runs `story` for every offer; resolves when each has ended, whichever way. Never throws for an offer. */
  async run(session: Session, story: OfferStory, config: Config, cancellation: Cancellation): Promise<void> {
    const { timeoutMs, pollIntervalMs } = config
    const { signal, deadline } = cancellation
    const limiter = createLimiter(config.maxParallel)
    // Reads held by a Retry-After wait in the pacer's line, and resume spaced when it ends.
    const pacer = new Pacer(pollIntervalMs, () => session.throttle.waitMs())
    const waiting: WaitSettings = { timeoutMs, pollIntervalMs, deadline, signal, pacer }
    // An offer still in line when the step is cancelled or times out sends nothing.
    const limit = <T>(task: () => Promise<T>): Promise<T> =>
      limiter(async () => {
        if (signal.aborted) throw signal.reason
        return task()
      })
    // While it waits: a line at least every ten minutes for the whole step (heartbeat.ts).
    if (config.wait && !config.dryRun) this.clock = stepClock(deadline, timeoutMs)
    const heartbeat = this.clock ? new Heartbeat(this.offers, this.clock) : undefined
    await Promise.all(
      // Its part's lines, its failure's too, are its own: kept for its group at the step's end.
      this.offers.map((offer) =>
        offer.within(keptLinesOf(this.offers.length), async () => {
          try {
            // Looking the offer up in each API (`api: auto` with a sign-in) reads: one of the places.
            const choose = (): Promise<Chosen> => chooseApi(offer, session, config.targets)
            const { service } = await (config.targets.length > 1 ? limit(choose) : choose())
            await story(offer, { service, config, limit, waiting })
          } catch (error) {
            offer.fail(error, { timeoutMs })
          }
        })
      )
    ).finally(() => heartbeat?.stop())
  }
}
