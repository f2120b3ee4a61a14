// One offer's part of a run: what is known of its go-live (the summary's facts), and how far it got
// (what a cancellation or failure can have left behind at the service). The steps of a go-live
// (start-or-attach.ts, wait.ts, conclude.ts) tell it what they learn.
import type { OperationRef } from '../apis/go-live-service.js'
import { subjectLabel, type Subject } from '../apis/subject.js'
import { log } from '../report/log.js'
import { ProgressLog } from '../report/progress-log.js'
import type { SummaryFacts } from '../report/summary.js'
import type { Operation } from '../wait/operation.js'
import type { How } from './start-or-attach.js'

export type Facts = Omit<SummaryFacts, 'publisher' | 'offer' | 'elapsedMs'>

/**
 * `not sent`: nothing that changes the offer went out. `sending`: the request that starts the go-live
 * may have reached the service. `recorded`: the go-live is named in the log and the outputs.
 */
export type Phase = 'not sent' | 'sending' | 'recorded'

const VERBS: Record<How, string> = {
  started: 'Go-live started',
  attached: 'Following the running go-live',
  live: 'Nothing to take live',
  given: 'Checking the go-live'
}

export class OfferRun {
  readonly subject: Subject
  /** The offer as messages name it. */
  readonly label: string
  /** Whether the step takes several offers live: then its lines start with `prefix`, the label. */
  readonly several: boolean
  readonly prefix: string
  readonly facts: Facts = { result: 'not started' }
  phase: Phase = 'not sent'
  /** What ended this offer's run without success, in words (failure-text.ts); unset while none did. */
  failure: string | undefined
  /** Set with a failure after the request that starts the go-live went out unanswered: it may have started. */
  uncertain = false
  /**
   * Set with a failure that stopped the step following a go-live that goes on (a wait timed out, the
   * step was cancelled): its last known state stays its result. Any other failure fails the offer.
   */
  interrupted = false
  private readonly progress: ProgressLog
  private readonly onRecorded: (location: OperationRef | undefined) => void

  /** `onRecorded`: writes the outputs that name the go-live, as soon as it is known. */
  constructor(subject: Subject, onRecorded: (location: OperationRef | undefined) => void, several = false) {
    this.subject = subject
    this.label = subjectLabel(subject)
    this.several = several
    this.prefix = several ? `${this.label}: ` : ''
    this.progress = new ProgressLog(several ? this.label : undefined)
    this.onRecorded = onRecorded
  }

  /** Told just before the request that starts the go-live goes out. */
  readonly sending = (): void => {
    this.phase = 'sending'
  }

  /** Names the go-live at once, so that nothing (a cancellation, a failure) can lose it. */
  record(location: OperationRef | undefined, how: How): void {
    if (how !== 'given') this.facts.how = how
    this.phase = 'recorded'
    // The log line first: it survives even if writing the outputs fails. The location was rebuilt
    // from validated parts (locations.ts of its API), so it is safe to print and to pass on. Only a
    // live offer may come without one: the service named no go-live that took it live.
    if (location) {
      log.info(`${VERBS[how]} for ${this.label}. Operation location: ${location.url.href}`)
      this.facts.location = location.url
      this.facts.operationId = location.id
    } else log.info(`${VERBS[how]} for ${this.label}: the service names no go-live that took it live.`)
    this.facts.result = how === 'started' ? 'accepted' : 'running'
    // After the facts: the outputs written now (the `results` output) are built from them.
    this.onRecorded(location)
  }

  /** Ends the run without success: `failure` is the step's error line for this offer. */
  fail(failure: string, uncertain = false, interrupted = false): void {
    this.failure = failure
    this.uncertain = uncertain
    this.interrupted = interrupted
    this.facts.note = failure
  }

  /** Every state read of the go-live: the progress log, and the facts the outputs and summary hold. */
  observe(operation: Operation): void {
    this.facts.operation = operation
    this.facts.result = operation.state
    this.progress.observe(operation)
  }
}
