// One offer of the step: its outcome (outcome.ts), moved from phase to phase by what the steps of
// its go-live learn (start-or-attach.ts, wait.ts, conclude.ts, dry-run.ts, and the trigger loop
// through TriggerProgress), and its progress log. Each move is told to the step (`onChange`), which
// writes `results` at once when the move must survive a kill (a request on its way, a go-live named).
import type { DryRunReport } from '../apis/go-live-service.js'
import type { TriggerProgress } from '../http/api-client.js'
import { subjectLabel, type Subject } from '../apis/subject.js'
import type { Api } from '../constants.js'
import type { KeptLines } from '../report/kept-lines.js'
import { log } from '../report/log.js'
import { ProgressLog } from '../report/progress-log.js'
import type { Operation } from '../wait/operation.js'
import { endedBy, type Ending } from './ending.js'
import type { Outcome } from './outcome.js'
import type { Attached, How } from './start-or-attach.js'

/** `urgent`: a move a kill must not lose (written at once); otherwise the write may wait a little. */
export type OnChange = (urgent: boolean) => void

const VERBS: Record<How, string> = {
  started: 'Go-live started',
  attached: 'Following the running go-live',
  live: 'Nothing to take live',
  given: 'Checking the go-live'
}

export class Offer implements TriggerProgress {
  readonly subject: Subject
  /** The offer as messages name it. */
  readonly label: string
  /** What starts the offer's own lines: its label with several offers, nothing with one (outputs.ts decides). */
  readonly prefix: string
  private current: Outcome = { phase: 'not sent' }
  /** The API the offer goes live through, once chosen (`results` says which). */
  api: Api | undefined
  private readonly progress: ProgressLog
  private readonly onChange: OnChange

  /** `times`: the step's times while it waits (heartbeat.ts), for the progress lines at a change. */
  constructor(subject: Subject, prefix: string, onChange: OnChange, times?: () => string | undefined) {
    this.subject = subject
    this.label = subjectLabel(subject)
    this.prefix = prefix
    this.progress = new ProgressLog(prefix, times)
    this.onChange = onChange
  }

  get outcome(): Outcome {
    return this.current
  }

  /** Its own lines, kept as written for its group at the step's end: with several offers (outputs.ts). */
  kept: KeptLines | undefined

  /** Runs its part of the step (go-live or dry run) as its own: with `kept`, every line it writes is kept there too. */
  within<T>(kept: KeptLines | undefined, part: () => Promise<T>): Promise<T> {
    this.kept = kept
    return kept ? log.within(kept, part) : part()
  }

  /** Whether a request of this step may have started the go-live unanswered: then it is never `not sent` again. */
  private mayHaveGoneOut = false

  // TriggerProgress: the request that starts the go-live, as it goes.
  readonly sending = (): void => this.move({ phase: 'sending' }, true)
  readonly maybeStarted = (): void => {
    this.mayHaveGoneOut = true
    this.move({ phase: 'maybe started' }, true)
  }
  /**
   * A definite no to this request (`refused` when it was on its way; one that never began leaves
   * nothing sent). An earlier request that went out unanswered still may have started the go-live.
   */
  readonly refused = (): void => {
    const onItsWay = this.current.phase === 'sending'
    this.move(this.mayHaveGoneOut ? { phase: 'maybe started' } : { phase: 'not sent', refused: onItsWay }, false)
  }

  /** Names the go-live at once, so that nothing (a cancellation, a failure) can lose it. */
  record(attached: Attached): void {
    const { location, how, known } = attached
    // The log line first: it survives even if writing the outputs fails. The location was rebuilt
    // from validated parts (locations.ts of its API), so it is safe to print and to pass on. Only a
    // live offer may come without one: the service named no go-live that took it live.
    if (location) log.info(`${VERBS[how]} for ${this.label}. Operation location: ${location.url.href}`)
    else log.info(`${VERBS[how]} for ${this.label}: the service names no go-live that took it live.`)
    this.move({ phase: 'started', goLive: { location, how }, state: how === 'started' ? 'accepted' : 'running' }, true)
    if (known) this.observe(known)
  }

  /** The API chosen for the offer (choose-api.ts); the step's one API is known from the start. */
  goesThrough(api: Api): void {
    if (this.api === api) return
    this.api = api
    this.onChange(false)
  }

  /** Every state read of the go-live: the progress log, and the outcome's state. */
  observe(operation: Operation): void {
    const outcome = this.current
    if (outcome.phase !== 'started' && outcome.phase !== 'finished') throw new Error(`observe() in phase ${outcome.phase}`)
    this.progress.observe(operation)
    const goLive = { ...outcome.goLive, operation }
    const { state } = operation
    if (state === 'running') this.move({ phase: 'started', goLive, state }, false)
    else this.move({ phase: 'finished', goLive, state }, false)
  }

  /** A dry run's verdict on the offer. */
  checked(report: DryRunReport): void {
    this.move({ phase: 'checked', report }, false)
  }

  /** What ended the offer's run without success: its outcome says what it leaves behind (ending.ts). */
  fail(error: unknown, ending: Ending): void {
    this.move(endedBy(this.current, error, { label: this.label, ...ending }), false)
  }

  private move(outcome: Outcome, urgent: boolean): void {
    this.current = outcome
    this.onChange(urgent)
  }
}
