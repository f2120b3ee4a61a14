// An offer's verdict is one value: statusOf() is the only place its status is derived. A request that
// may have gone out and was never named is `unknown`, never `not started` (nothing was sent).
import { describe, expect, it } from '@jest/globals'
import { goLiveOf, OFFER_STATUSES, problemOf, statusOf, type Outcome } from '../../src/run/outcome.js'
import { parseOperation } from '../../src/wait/operation.js'
import { cppRef } from '../helpers/refs.js'

const problem = { text: 'why', goesOn: false }
const goLive = { location: cppRef(), how: 'started' as const }
const report = { offerStatus: 'waitingForPublisherReview', verdict: 'ready' as const, message: 'A go-live would start now.' }

/** One outcome of every phase (and every state of the phases that have one), with its status. */
const EVERY: Array<[string, Outcome, string]> = [
  ['nothing sent', { phase: 'not sent' }, 'not started'],
  ['nothing sent, with a problem', { phase: 'not sent', problem }, 'not started'],
  ['refused', { phase: 'not sent', refused: true, problem }, 'not started'],
  ['on its way', { phase: 'sending' }, 'unknown'],
  ['maybe started', { phase: 'maybe started' }, 'unknown'],
  ['maybe started, not found', { phase: 'maybe started', problem }, 'unknown'],
  ['started, accepted', { phase: 'started', goLive, state: 'accepted' }, 'accepted'],
  ['started, running', { phase: 'started', goLive, state: 'running' }, 'running'],
  ['started, wait broke off', { phase: 'started', goLive, state: 'running', problem }, 'running'],
  ['finished, succeeded', { phase: 'finished', goLive, state: 'succeeded' }, 'succeeded'],
  ['finished, failed', { phase: 'finished', goLive, state: 'failed', problem }, 'failed'],
  ['finished, canceled', { phase: 'finished', goLive, state: 'canceled', problem }, 'canceled'],
  ['finished, result unreadable', { phase: 'finished', goLive, state: 'unknown', problem }, 'unknown'],
  ['checked (dry run)', { phase: 'checked', report }, 'not started']
]

describe('statusOf', () => {
  it.each(EVERY.map(([what, outcome, status]) => [what, status, outcome] as const))('%s: %s', (_what, status, outcome) => {
    expect(statusOf(outcome)).toBe(status)
  })

  it('speaks only the words the README lists, and every one of them is reached', () => {
    expect([...OFFER_STATUSES].sort()).toEqual(['accepted', 'canceled', 'failed', 'not started', 'running', 'succeeded', 'unknown'])
    const reached = new Set(EVERY.map(([, outcome]) => statusOf(outcome)))
    expect([...reached].sort()).toEqual([...OFFER_STATUSES].sort())
  })
})

describe('problemOf and goLiveOf', () => {
  it('a problem is read from every phase that can have one; a request on its way and a dry run have none', () => {
    for (const [, outcome] of EVERY) {
      const expected = outcome.phase === 'sending' || outcome.phase === 'checked' ? undefined : (outcome as { problem?: unknown }).problem
      expect(problemOf(outcome)).toBe(expected)
    }
    expect(problemOf({ phase: 'finished', goLive, state: 'failed', problem })).toBe(problem)
  })

  it('only a started or finished outcome names a go-live', () => {
    const operation = parseOperation({ status: 'succeeded' })
    const live = { how: 'live' as const, operation }
    expect(goLiveOf({ phase: 'finished', goLive: live, state: 'succeeded' })).toBe(live)
    for (const [, outcome] of EVERY) {
      const named = outcome.phase === 'started' || outcome.phase === 'finished'
      expect(goLiveOf(outcome)).toBe(named ? goLive : undefined)
    }
  })
})
