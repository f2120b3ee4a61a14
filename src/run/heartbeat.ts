// While the step waits, a line at least every ten minutes: a go-live's Live step can take days
// without a change, and a silent log looks hung. The step owns one timer (unref'd, stopped when the
// offers end) and writes one line per tick for the whole step: with one offer, where it is; with
// several, how many are in each state. The progress lines at each change say the same times
// (progress-log.ts), so a change and the heartbeat read alike.
import { log } from '../report/log.js'
import { describeStep } from '../report/progress-log.js'
import { formatDuration } from '../wait/duration.js'
import { currentStep } from '../wait/operation.js'
import { MAX_TIMER_MS } from '../wait/sleep.js'
import type { Offer } from './offer.js'
import { statusOf, type Outcome } from './outcome.js'

/** How often the heartbeat writes while the step waits. */
export const HEARTBEAT_MS = 10 * 60_000

/**
 * Test hook, not an input: the end-to-end tests shorten the heartbeat through this variable (whole
 * milliseconds, at most HEARTBEAT_MS); any other value is ignored. Workflows have no reason to set it.
 */
export const HEARTBEAT_ENV = 'GO_LIVE_HEARTBEAT_MS'

/** The heartbeat's interval: HEARTBEAT_MS, or a shorter one the tests set through HEARTBEAT_ENV. */
export function heartbeatMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[HEARTBEAT_ENV] ?? ''
  const ms = /^\d{1,9}$/.test(value) ? Number(value) : 0
  return ms >= 1 && ms <= HEARTBEAT_MS ? ms : HEARTBEAT_MS
}

/** When the step started and when its timeout passes (epoch ms; Infinity without one). */
export interface StepClock {
  startedAt: number
  deadline: number
}

/** The step's clock from its deadline and timeout (the deadline is the start plus the timeout). */
export function stepClock(deadline: number, timeoutMs: number, now = Date.now()): StepClock {
  return { startedAt: Number.isFinite(deadline) ? deadline - timeoutMs : now, deadline }
}

/** `2h 10m elapsed, 2h 50m left before the timeout`. */
export function stepTimes(clock: StepClock, now = Date.now()): string {
  const elapsed = `${formatDuration(now - clock.startedAt)} elapsed`
  if (!Number.isFinite(clock.deadline)) return elapsed
  return `${elapsed}, ${formatDuration(Math.max(0, clock.deadline - now))} left before the timeout`
}

/** A step name as a line quotes it: bounded (service text, cleaned when it was read). */
function stepName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 39)}…` : name
}

/** Whether the step is waiting for this offer's go-live: named, not ended, and the wait not broken off. */
function waitedFor(outcome: Outcome): boolean {
  return outcome.phase === 'started' && outcome.problem === undefined
}

/** Where one offer's go-live is: its current step and percentage, or its status. */
function whereItIs(outcome: Outcome): string {
  const operation = outcome.phase === 'started' || outcome.phase === 'finished' ? outcome.goLive.operation : undefined
  if (!operation) return `${statusOf(outcome)}, no status read yet`
  const current = currentStep(operation)
  const status = operation.rawStatus ?? '(none)'
  return current ? `${status}, at step ${describeStep(current)}` : `${status}, no current step`
}

/** How the heartbeat names an offer's state: its status, or how far it is from being started. */
function stateOf(outcome: Outcome): string {
  if (outcome.phase === 'not sent' && outcome.problem === undefined) return 'to start'
  if (outcome.phase === 'sending' || (outcome.phase === 'maybe started' && outcome.problem === undefined)) return 'starting'
  return statusOf(outcome)
}

/** The order of the counts: the waited-for first, the ended after. */
const ORDER = ['running', 'accepted', 'starting', 'to start', 'succeeded', 'failed', 'canceled', 'unknown', 'not started']

/** Step groups named in a count: the largest few, then `…`. */
const MAX_GROUPS = 3

/** The running offers by step: `2 at 'Live' 5–12%, 1 at 'Certification'`. */
function byStep(outcomes: Outcome[]): string {
  const groups = new Map<string, number[]>()
  for (const outcome of outcomes) {
    const operation = outcome.phase === 'started' ? outcome.goLive.operation : undefined
    const current = operation ? currentStep(operation) : undefined
    if (!current) continue
    const percents = groups.get(current.name) ?? []
    percents.push(current.progress ?? 0)
    groups.set(current.name, percents)
  }
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length)
  const shown = sorted.slice(0, MAX_GROUPS).map(([name, percents]) => {
    const low = Math.min(...percents)
    const high = Math.max(...percents)
    const range = high === 0 ? '' : low === high ? ` ${high}%` : ` ${low}–${high}%`
    return `${percents.length} at '${stepName(name)}'${range}`
  })
  if (sorted.length > MAX_GROUPS) shown.push('…')
  return shown.length ? ` (${shown.join(', ')})` : ''
}

/** The heartbeat's line now, or undefined when no offer's go-live is waited for. */
export function heartbeatLine(offers: readonly Offer[], clock: StepClock, now = Date.now()): string | undefined {
  const outcomes = offers.map((offer) => offer.outcome)
  if (!outcomes.some(waitedFor)) return undefined
  const times = stepTimes(clock, now)
  const [only] = offers
  if (offers.length === 1 && only) return `Still waiting for the go-live of ${only.label}: ${whereItIs(only.outcome)}; ${times}.`
  const counts = new Map<string, Outcome[]>()
  for (const outcome of outcomes) {
    const state = stateOf(outcome)
    const these = counts.get(state)
    if (these) these.push(outcome)
    else counts.set(state, [outcome])
  }
  const parts = ORDER.filter((state) => counts.has(state)).map((state) => {
    const these = counts.get(state) ?? []
    return `${these.length} ${state}${state === 'running' ? byStep(these) : ''}`
  })
  return `Still waiting: ${parts.join(', ')}; ${times}.`
}

/** The step's one heartbeat timer: a line every `intervalMs` while an offer is waited for. */
export class Heartbeat {
  private readonly offers: readonly Offer[]
  private readonly clock: StepClock
  private readonly timer: NodeJS.Timeout

  constructor(offers: readonly Offer[], clock: StepClock, intervalMs = heartbeatMs()) {
    this.offers = offers
    this.clock = clock
    // Unref'd: the heartbeat never keeps the process alive; the step stops it when its offers end.
    this.timer = setInterval(() => this.beat(), Math.max(1, Math.min(intervalMs, MAX_TIMER_MS))).unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private beat(): void {
    try {
      const line = heartbeatLine(this.offers, this.clock)
      if (line) log.info(line)
    } catch (error) {
      // A fault here must not end the step from a timer: the next beat tries again.
      log.fault(error)
    }
  }
}
