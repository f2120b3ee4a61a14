// Polls an operation until it ends, the deadline passes, or the workflow is cancelled.
import * as core from '@actions/core'
import { RetriesExhaustedError, type CppClient } from './cpp-client.js'
import type { Operation } from './operation.js'
import type { Subject } from './service-error.js'
import { sleep } from './sleep.js'
import { isTerminal } from './status.js'

export interface WaitOptions {
  intervalMs: number
  /** Epoch milliseconds after which the wait gives up (the operation goes on). */
  deadline: number
  signal?: AbortSignal
  /** Called with every operation read, for progress logs and the final report. */
  onOperation: (operation: Operation) => void
  /** Polls in a row that may fail after their own retries before the wait gives up. */
  maxMissedPolls?: number
}

export type WaitOutcome = { kind: 'finished'; operation: Operation } | { kind: 'timeout'; operation?: Operation }

export async function waitForOperation(client: CppClient, location: URL, subject: Subject, options: WaitOptions): Promise<WaitOutcome> {
  const maxMissed = options.maxMissedPolls ?? 3
  let last: Operation | undefined
  let missed = 0
  for (let poll = 1; ; poll++) {
    let delay = options.intervalMs
    try {
      const read = await client.getOperation(location, subject)
      missed = 0
      last = read.operation
      options.onOperation(read.operation)
      if (isTerminal(read.operation.state)) return { kind: 'finished', operation: read.operation }
      if (read.retryAfterMs !== undefined && read.retryAfterMs > delay) {
        core.debug(`The service asked for ${read.retryAfterMs}ms before the next poll.`)
        delay = read.retryAfterMs
      }
    } catch (error) {
      // A passing outage must not end a wait of hours; a lasting one must not hide behind it.
      if (!(error instanceof RetriesExhaustedError) || ++missed >= maxMissed) throw error
      core.warning(
        `Poll ${poll} failed (${error.message}); trying again at the next poll (${missed} of ${maxMissed} missed polls allowed in a row).`
      )
    }
    const remaining = options.deadline - Date.now()
    if (remaining <= 0) return last ? { kind: 'timeout', operation: last } : { kind: 'timeout' }
    await sleep(Math.min(delay, remaining), options.signal)
  }
}
