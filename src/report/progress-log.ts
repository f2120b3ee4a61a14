// Logs what changed between polls at info level; every poll's detail goes to debug. With several
// offers in one step, each line starts with the offer it is about. At a change of the status or of
// the current step, the line that says where the go-live is now ends with the step's times (elapsed,
// left before the timeout), as the heartbeat's lines do (run/heartbeat.ts).
import { currentStep, type Operation, type OperationStep } from '../wait/operation.js'
import { isTerminal } from '../wait/status.js'
import { log as baseLog } from './log.js'

/** A step as the log names it: `'Live' (inProgress, 5%, estimated ~2-5 days)`. */
export function describeStep(step: OperationStep): string {
  const parts = [step.rawStatus]
  if (step.progress !== undefined && step.progress > 0) parts.push(`${step.progress}%`)
  if (step.estimate) parts.push(`estimated ${step.estimate}`)
  return `'${step.name}' (${parts.join(', ')})`
}

// A hostile or broken service can send thousands of steps and messages: the log shows a bounded
// number per poll, and remembers a bounded number of messages.
const MAX_LINES_PER_POLL = 20
const MAX_REMEMBERED = 1_000

export class ProgressLog {
  /** What starts each line: `contoso/vm: `, or nothing. */
  private readonly prefix: string
  private polls = 0
  private lastStatus: string | undefined
  private lastCurrent: string | undefined
  private readonly stepStatus = new Map<string, string>()
  private readonly seenMessages = new Set<string>()
  private readonly unknownStatuses = new Set<string>()
  private saidStart: string | undefined
  private saidEnd: string | undefined
  private readonly times: () => string | undefined
  /**
   * `prefix`: what starts each line (`contoso/vm: ` when the lines must name the offer), or nothing.
   * `times`: the step's times now (`12m elapsed, 4h 48m left before the timeout`), while it waits.
   */
  constructor(prefix = '', times: () => string | undefined = () => undefined) {
    this.prefix = prefix
    this.times = times
  }

  observe(operation: Operation): void {
    const log = this.log
    this.polls++
    const current = currentStep(operation)
    log.debug(`Poll ${this.polls}: status ${operation.rawStatus ?? '(none)'}${current ? `, at step ${describeStep(current)}` : ''}`)

    const status = operation.rawStatus ?? '(none)'
    const stepChanged = current !== undefined && current.id !== this.lastCurrent
    // Where the go-live is now, said once per change: on the step's line, else on the status line.
    const times = isTerminal(operation.state) ? undefined : this.times()
    const at = times ? `; ${times}` : ''
    if (status !== this.lastStatus) {
      log.info(`Operation status: ${this.lastStatus === undefined ? status : `${this.lastStatus} -> ${status}`}${stepChanged ? '' : at}`)
      this.lastStatus = status
    }
    if (!operation.knownStatus && !this.unknownStatuses.has(status) && this.unknownStatuses.size < MAX_LINES_PER_POLL) {
      this.unknownStatuses.add(status)
      log.warning(`The service reported an operation status the action does not know ('${status}'); treating it as still running.`)
    }
    let changed = 0
    for (const step of operation.steps.slice(0, MAX_REMEMBERED)) {
      const before = this.stepStatus.get(step.id)
      if (before === undefined && this.stepStatus.size >= MAX_REMEMBERED) continue
      if (before !== undefined && before !== step.rawStatus && ++changed <= MAX_LINES_PER_POLL) {
        log.info(`Step '${step.name}': ${before} -> ${step.rawStatus}`)
      }
      this.stepStatus.set(step.id, step.rawStatus)
    }
    if (changed > MAX_LINES_PER_POLL) log.info(`…and ${changed - MAX_LINES_PER_POLL} more steps changed (see the operation output).`)
    if (current && stepChanged) log.info(`Now at step ${describeStep(current)}${at}`)
    this.lastCurrent = current?.id
    // When it started and ended, as its API tells (a Product Ingestion job's own times, a CPP go-live's steps'): each said once.
    if (operation.started && !this.saidStart) log.info(`Started at ${(this.saidStart = operation.started)}`)
    if (operation.ended && !this.saidEnd) log.info(`Ended at ${(this.saidEnd = operation.ended)}`)
    this.logNewMessages(operation)
  }

  /** The log, each line prefixed with the label. */
  private readonly log = {
    info: (line: string): void => baseLog.info(this.prefix + line),
    debug: (line: string): void => baseLog.debug(this.prefix + line),
    warning: (line: string): void => baseLog.warning(this.prefix + line)
  }

  private logNewMessages(operation: Operation): void {
    const log = this.log
    const all = [
      ...operation.messages.map((m) => ({ ...m, where: '' })),
      ...operation.steps.flatMap((s) => s.messages.map((m) => ({ ...m, where: `${s.name}: ` })))
    ]
    let shown = 0
    for (const m of all) {
      const line = `${m.where}${m.text}`
      if (this.seenMessages.has(line)) continue
      if (this.seenMessages.size >= MAX_REMEMBERED || ++shown > MAX_LINES_PER_POLL) break
      this.seenMessages.add(line)
      // Warnings while it runs: if the go-live fails, the step's error repeats the error messages.
      if (m.level === 'error') log.warning(`The service reported an error: ${line}`)
      else if (m.level === 'warning') log.warning(`${line}`)
      else log.info(`Message: ${line}`)
    }
  }
}
