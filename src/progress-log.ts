// Logs what changed between polls at info level; every poll's detail goes to debug.
import * as core from '@actions/core'
import { currentStep, type Operation, type OperationStep } from './operation.js'

function describeStep(step: OperationStep): string {
  const parts = [step.rawStatus]
  if (step.progress !== undefined && step.progress > 0) parts.push(`${step.progress}%`)
  if (step.estimate) parts.push(`estimated ${step.estimate}`)
  return `'${step.name}' (${parts.join(', ')})`
}

export class ProgressLog {
  private polls = 0
  private lastStatus: string | undefined
  private lastCurrent: string | undefined
  private readonly stepStatus = new Map<string, string>()
  private readonly seenMessages = new Set<string>()
  private readonly unknownStatuses = new Set<string>()

  observe(operation: Operation): void {
    this.polls++
    const current = currentStep(operation)
    core.debug(`Poll ${this.polls}: status ${operation.rawStatus ?? '(none)'}${current ? `, at step ${describeStep(current)}` : ''}`)

    const status = operation.rawStatus ?? '(none)'
    if (status !== this.lastStatus) {
      core.info(this.lastStatus === undefined ? `Operation status: ${status}` : `Operation status: ${this.lastStatus} -> ${status}`)
      this.lastStatus = status
    }
    if (!operation.knownStatus && !this.unknownStatuses.has(status)) {
      this.unknownStatuses.add(status)
      core.warning(`The service reported an operation status the action does not know ('${status}'); treating it as still running.`)
    }
    for (const step of operation.steps) {
      const before = this.stepStatus.get(step.id)
      if (before !== undefined && before !== step.rawStatus) {
        core.info(`Step '${step.name}': ${before} -> ${step.rawStatus}`)
      }
      this.stepStatus.set(step.id, step.rawStatus)
    }
    if (current && current.id !== this.lastCurrent) {
      core.info(`Now at step ${describeStep(current)}`)
    }
    this.lastCurrent = current?.id
    this.logNewMessages(operation)
  }

  private logNewMessages(operation: Operation): void {
    const all = [
      ...operation.messages.map((m) => ({ ...m, where: '' })),
      ...operation.steps.flatMap((s) => s.messages.map((m) => ({ ...m, where: `${s.name}: ` })))
    ]
    for (const m of all) {
      const line = `${m.where}${m.text}`
      if (this.seenMessages.has(line)) continue
      this.seenMessages.add(line)
      // Warnings while it runs: if the go-live fails, the step's error repeats the error messages.
      if (m.level === 'error') core.warning(`The service reported an error: ${line}`)
      else if (m.level === 'warning') core.warning(line)
      else core.info(`Message: ${line}`)
    }
  }
}
