// The step's two ends: `signal` aborts at SIGINT/SIGTERM or at the one deadline, set once when the
// step starts; `cancelled` aborts at a signal only, so a go-live request already on its way is not
// cut by the deadline. The handlers are called directly here: a real signal to the test process
// would reach jest's own handlers too.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { CancelledError, DeadlineError } from '../../src/errors.js'
import { watchForCancellation, type Cancellation } from '../../src/wait/cancellation.js'
import { MAX_TIMER_MS } from '../../src/wait/sleep.js'

type Handler = NodeJS.SignalsListener
const START = Date.parse('2026-11-20T10:00:00Z')
let made: Cancellation[] = []
let before: Record<'SIGINT' | 'SIGTERM', Handler[]>

/** A cancellation, and the handlers it added for SIGINT and SIGTERM. */
function watch() {
  const cancellation = watchForCancellation()
  made.push(cancellation)
  const added = (name: 'SIGINT' | 'SIGTERM') => process.listeners(name).filter((l) => !before[name].includes(l)) as Handler[]
  const [onInt] = added('SIGINT').slice(-1)
  const [onTerm] = added('SIGTERM').slice(-1)
  return { cancellation, onInt: onInt as Handler, onTerm: onTerm as Handler }
}

beforeEach(() => {
  jest.useFakeTimers({ now: START })
  before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
})
afterEach(() => {
  for (const cancellation of made) cancellation.dispose()
  made = []
  for (const name of ['SIGINT', 'SIGTERM'] as const)
    for (const listener of process.listeners(name)) if (!before[name].includes(listener)) process.removeListener(name, listener as Handler)
  jest.useRealTimers()
  jest.restoreAllMocks()
})

describe('the deadline', () => {
  it('is set once: none before setDeadline(), and a second one is a bug', () => {
    const { cancellation } = watch()
    expect(cancellation.deadline).toBe(Infinity)
    cancellation.setDeadline(START + 60_000)
    expect(cancellation.deadline).toBe(START + 60_000)
    expect(() => cancellation.setDeadline(START + 120_000)).toThrow('The step has one deadline: setDeadline() twice')
    expect(cancellation.deadline).toBe(START + 60_000)
  })

  it('aborts `signal` with a DeadlineError when it comes, and never `cancelled`', () => {
    const { cancellation } = watch()
    cancellation.setDeadline(START + 60_000)
    jest.advanceTimersByTime(59_999)
    expect(cancellation.signal.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(cancellation.signal.aborted).toBe(true)
    expect(cancellation.signal.reason).toBeInstanceOf(DeadlineError)
    expect(cancellation.cancelled.aborted).toBe(false)
  })

  it('aborts at once when it has passed already', () => {
    const { cancellation } = watch()
    cancellation.setDeadline(START - 1)
    expect(cancellation.signal.reason).toBeInstanceOf(DeadlineError)
    expect(cancellation.cancelled.aborted).toBe(false)
  })

  it('is not fired at once by a deadline past the timer range (the timer is clamped)', () => {
    const { cancellation } = watch()
    cancellation.setDeadline(START + 2 * MAX_TIMER_MS)
    jest.advanceTimersByTime(MAX_TIMER_MS - 1)
    expect(cancellation.signal.aborted).toBe(false)
  })

  it('stops with dispose(): no abort after the step ended', () => {
    const { cancellation } = watch()
    cancellation.setDeadline(START + 1_000)
    cancellation.dispose()
    jest.advanceTimersByTime(5_000)
    expect(cancellation.signal.aborted).toBe(false)
  })
})

describe('a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s aborts both with a CancelledError', (name) => {
    const { cancellation, onInt, onTerm } = watch()
    ;(name === 'SIGTERM' ? onTerm : onInt)(name)
    for (const signal of [cancellation.signal, cancellation.cancelled]) {
      expect(signal.reason).toBeInstanceOf(CancelledError)
      expect((signal.reason as Error).message).toBe(`Received ${name}: the workflow is being cancelled`)
    }
  })

  it('keeps the first reason: a deadline after a signal does not replace it, nor a signal after the deadline', () => {
    const first = watch()
    first.onTerm('SIGTERM')
    first.cancellation.setDeadline(START - 1)
    expect(first.cancellation.signal.reason).toBeInstanceOf(CancelledError)
    const second = watch()
    second.cancellation.setDeadline(START - 1)
    second.onTerm('SIGTERM')
    expect(second.cancellation.signal.reason).toBeInstanceOf(DeadlineError)
    // `cancelled` still says the workflow was cancelled: a request on its way stops there.
    expect(second.cancellation.cancelled.reason).toBeInstanceOf(CancelledError)
  })

  it('a second signal ends the process at once: no more grace', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never)
    const { onTerm, onInt } = watch()
    onTerm('SIGTERM')
    expect(exit).not.toHaveBeenCalled()
    onInt('SIGINT')
    expect(exit).toHaveBeenCalledWith(1)
  })
})
