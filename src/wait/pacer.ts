// The fleet's status reads, spread over the poll interval. Each wait joins as a member and takes a
// turn before each of its reads. A member's turn is due an interval after its previous turn (at
// once for its first), or when it asks if later; due turns are granted first due, first served, at
// least interval / n apart, n counting the members and those that left within the last interval.
// So n waits make about n reads per interval, evenly spread, never a burst, and no member reads
// more than once per interval. Keeping a leaver's share for an interval is what bounds the wait:
// with the share given up at once, every member finishing made the turns still queued come later
// (the last of n queued waited about H(n) intervals); kept, a turn comes at most one interval after
// it is due, so a member that asks again within an interval (the paced wait loop) has its turns at
// most two intervals apart however many join or leave. Only the service's hold on the whole fleet
// (Retry-After) delays turns beyond that.
import { DeadlineError } from '../errors.js'
import { MAX_TIMER_MS } from './sleep.js'

/** One wait's place in the pacer: its turns, and its leaving. */
export interface PacerMember {
  /**
   * Resolves at this member's turn, due when asked but not before an interval after its previous
   * turn, and granted at most an interval after it is due (unless the fleet is held). Rejects with
   * the signal's reason if it aborts first. One turn at a time.
   */
  turn(signal?: AbortSignal): Promise<void>
  /** The wait ended: its share of the interval goes to the others, an interval from now. */
  leave(): void
}

interface Member {
  /** When its last turn was granted (epoch ms). */
  last: number
  present: boolean
  waiter: Waiter | undefined
}

interface Waiter {
  member: Member
  /** When the turn was asked (epoch ms). */
  asked: number
  resolve(): void
  reject(reason: unknown): void
  /** Stops listening to the waiter's signal. */
  forget(): void
}

export class Pacer {
  private readonly intervalMs: number
  private members = 0
  /** When members left (epoch ms, oldest first), within the last interval. */
  private readonly left: number[] = []
  /** The turns asked, in the order asked. */
  private readonly queue: Waiter[] = []
  /** When the last turn was granted (epoch ms). */
  private last = -Infinity
  private timer: NodeJS.Timeout | undefined
  private readonly holdMs: () => number

  /**
   * `intervalMs`: how often each member reads (the poll interval). `holdMs`: how long the service
   * asked every request to wait (the step's Throttle): no turn is granted meanwhile, so the reads
   * resume spaced when it ends instead of all at once.
   */
  constructor(intervalMs: number, holdMs: () => number = () => 0) {
    if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`A pacer needs an interval of 0 ms or more, not ${intervalMs}`)
    this.intervalMs = intervalMs
    this.holdMs = holdMs
  }

  /** One more wait shares the interval (the turns come closer together at once). */
  join(): PacerMember {
    const member: Member = { last: -Infinity, present: true, waiter: undefined }
    this.members++
    this.schedule()
    return { turn: (signal) => this.ask(member, signal), leave: () => this.part(member) }
  }

  private ask(member: Member, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (!member.present) return reject(new Error('A wait that left the pacer takes no turn.'))
      if (member.waiter) return reject(new Error('A wait takes one turn at a time.'))
      if (signal?.aborted) return reject(signal.reason)
      const onAbort = (): void => {
        this.drop(waiter)
        reject(signal?.reason)
        this.schedule()
      }
      const waiter: Waiter = {
        member,
        asked: Date.now(),
        resolve,
        reject,
        forget: () => signal?.removeEventListener('abort', onAbort)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      member.waiter = waiter
      this.queue.push(waiter)
      this.schedule()
    })
  }

  /** Leaving twice is leaving once; a turn still asked is refused. */
  private part(member: Member): void {
    if (!member.present) return
    member.present = false
    this.members--
    this.left.push(Date.now())
    const waiter = member.waiter
    if (waiter) {
      this.drop(waiter)
      waiter.forget()
      waiter.reject(new Error('The wait left the pacer before its turn.'))
    }
    this.schedule()
  }

  private drop(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter)
    if (index >= 0) this.queue.splice(index, 1)
    waiter.member.waiter = undefined
  }

  /** When a turn is due: when asked, and not before an interval after the member's previous turn. */
  private dueOf(waiter: Waiter): number {
    return Math.max(waiter.asked, waiter.member.last + this.intervalMs)
  }

  /** The first due turn, the first asked among equals. */
  private next(): Waiter | undefined {
    let first: Waiter | undefined
    for (const waiter of this.queue) if (!first || this.dueOf(waiter) < this.dueOf(first)) first = waiter
    return first
  }

  /**
   * The least time between two turns: the interval shared by the members and those that left
   * within the last interval (all of it with none), whose turns the ones queued may have waited on.
   */
  private spacingMs(now: number): number {
    while (this.left.length > 0 && (this.left[0] as number) <= now - this.intervalMs) this.left.shift()
    return this.intervalMs / Math.max(1, this.members + this.left.length)
  }

  /**
   * Grants every turn that is due, then sets one timer for the next (bounded to the timer range).
   * `planned`: when the timer that calls it was set to fire.
   */
  private schedule(planned?: number): void {
    clearTimeout(this.timer)
    this.timer = undefined
    for (let head = this.next(); head; head = this.next()) {
      const now = Date.now()
      const spacing = this.spacingMs(now)
      const hold = this.holdMs()
      const at = Math.max(this.dueOf(head), this.last + spacing, hold > 0 ? now + hold : -Infinity)
      if (now < at) {
        this.timer = setTimeout(() => this.schedule(at), Math.min(Math.ceil(at - now), MAX_TIMER_MS))
        return
      }
      this.drop(head)
      // A timer fires on a whole millisecond, a little after the time it was set for: the next turn
      // is spaced from that time, or the rounding adds up over the fleet's turns (256 turns 7.8 ms
      // apart took 2040 ms instead of 2000). Any later lateness counts: never closer than a spacing
      // less a millisecond.
      this.last = planned === undefined ? now : Math.max(planned, now - 1)
      planned = undefined
      head.member.last = now
      head.forget()
      head.resolve()
    }
  }
}

/**
 * A turn of `member` that comes before `deadline` (epoch ms): false when the deadline comes first.
 * Rejects with the signal's reason when it aborts first (a DeadlineError also means false).
 */
export async function turnBefore(member: PacerMember, deadline: number, signal?: AbortSignal): Promise<boolean> {
  const bounded = new AbortController()
  const follow = (): void => bounded.abort(signal?.reason)
  if (signal?.aborted) follow()
  signal?.addEventListener('abort', follow, { once: true })
  const timer = setTimeout(() => bounded.abort(new DeadlineError()), Math.max(0, Math.min(deadline - Date.now(), MAX_TIMER_MS)))
  try {
    await member.turn(bounded.signal)
    return true
  } catch (error) {
    if (error instanceof DeadlineError) return false
    throw error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', follow)
  }
}
