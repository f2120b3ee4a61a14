// One offer of the step: its outcome moves from phase to phase as its go-live goes, and each move is
// told to the step. The moves a kill must not lose (a request on its way, an answer lost, a go-live
// named) are urgent: `results` says so at once, so a SIGKILL then leaves `unknown` or the location,
// never `not started`.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppRef, piaRef } from '../helpers/refs.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { Offer } = await import('../../src/run/offer.js')
const { ResultsOutput } = await import('../../src/run/results.js')
const { statusOf } = await import('../../src/run/outcome.js')
const { DeadlineError } = await import('../../src/errors.js')
const { MAY_HAVE_STARTED } = await import('../../src/http/lost-answers.js')
const { parseOperation } = await import('../../src/wait/operation.js')
type OfferResult = import('../../src/run/results.js').OfferResult

const subject = { publisher: 'contoso', offer: 'vm' }
const ref = cppRef()

/** An offer and the urgency of every move it told, in order. */
function offer(prefix = '') {
  const moves: boolean[] = []
  return { offer: new Offer(subject, prefix, (urgent) => void moves.push(urgent)), moves }
}

beforeEach(() => core.reset())

describe('Offer', () => {
  it('starts with nothing sent, named by its label', () => {
    const { offer: o, moves } = offer('contoso/vm: ')
    expect(o.outcome).toEqual({ phase: 'not sent' })
    expect(o.label).toBe('contoso/vm')
    expect(o.prefix).toBe('contoso/vm: ')
    expect(moves).toEqual([])
  })

  it('moves with the request that starts the go-live: on its way and maybe started are urgent, a refusal is not', () => {
    const { offer: o, moves } = offer()
    // The trigger loop gets these as a TriggerProgress: they work detached from the offer.
    const { sending, maybeStarted, refused } = o
    sending()
    expect(o.outcome).toEqual({ phase: 'sending' })
    maybeStarted()
    expect(o.outcome).toEqual({ phase: 'maybe started' })
    expect(statusOf(o.outcome)).toBe('unknown')
    // Once a request went out unanswered, a later refusal (of the request sent once more) does not
    // make it `not started`: the first may have started the go-live.
    sending()
    refused()
    expect(o.outcome).toEqual({ phase: 'maybe started' })
    expect(statusOf(o.outcome)).toBe('unknown')
    expect(moves).toEqual([true, true, true, false])
  })

  it('a refusal of a request that was the only one sent is `not started`', () => {
    const { offer: o, moves } = offer()
    o.sending()
    o.refused()
    expect(o.outcome).toEqual({ phase: 'not sent', refused: true })
    expect(statusOf(o.outcome)).toBe('not started')
    expect(moves).toEqual([true, false])
  })

  it.each([
    ['started', 'accepted', 'Go-live started for contoso/vm. Operation location: '],
    ['attached', 'running', 'Following the running go-live for contoso/vm. Operation location: '],
    ['given', 'running', 'Checking the go-live for contoso/vm. Operation location: ']
  ] as const)('records a go-live %s as %s, logging its location first, urgently', (how, state, said) => {
    const { offer: o, moves } = offer()
    o.sending()
    o.record({ location: ref, how })
    expect(o.outcome).toEqual({ phase: 'started', goLive: { location: ref, how }, state })
    expect(core.logged('info')).toEqual([`${said}${ref.url.href}`])
    expect(moves).toEqual([true, true])
  })

  it('records a live offer the service names no go-live for, and its known state at once', () => {
    const { offer: o, moves } = offer()
    const live = parseOperation({ status: 'succeeded' })
    o.record({ how: 'live', known: live })
    expect(o.outcome).toEqual({ phase: 'finished', goLive: { location: undefined, how: 'live', operation: live }, state: 'succeeded' })
    expect(core.logged('info')[0]).toBe('Nothing to take live for contoso/vm: the service names no go-live that took it live.')
    expect(moves).toEqual([true, false])
  })

  it('records an answer that already says how the go-live ended as finished', () => {
    const { offer: o } = offer()
    const failed = parseOperation({ status: 'failed' })
    o.record({ location: piaRef(), how: 'started', known: failed })
    expect(o.outcome).toMatchObject({ phase: 'finished', state: 'failed', goLive: { location: piaRef(), operation: failed } })
  })

  it('observes each state read (not urgent), into the outcome and the progress log with its prefix', () => {
    const { offer: o, moves } = offer('contoso/vm: ')
    o.record({ location: ref, how: 'started' })
    const running = parseOperation({ status: 'running' })
    o.observe(running)
    expect(o.outcome).toEqual({ phase: 'started', goLive: { location: ref, how: 'started', operation: running }, state: 'running' })
    const done = parseOperation({ status: 'succeeded' })
    o.observe(done)
    expect(o.outcome).toEqual({ phase: 'finished', goLive: { location: ref, how: 'started', operation: done }, state: 'succeeded' })
    expect(moves).toEqual([true, false, false])
    expect(core.logged('info')).toContain('contoso/vm: Operation status: running -> succeeded')
  })

  it('refuses a state read before a go-live is named: a bug, not a verdict', () => {
    const { offer: o } = offer()
    expect(() => o.observe(parseOperation({ status: 'running' }))).toThrow('observe() in phase not sent')
    o.sending()
    expect(() => o.observe(parseOperation({ status: 'running' }))).toThrow('observe() in phase sending')
  })

  it('keeps a dry run’s report (not urgent)', () => {
    const { offer: o, moves } = offer()
    const report = { offerStatus: 'waitingForPublisherReview', verdict: 'ready' as const, message: 'A go-live would start now.' }
    o.checked(report)
    expect(o.outcome).toEqual({ phase: 'checked', report })
    expect(moves).toEqual([false])
  })

  it('fails by what its phase leaves behind (ending.ts), not urgently', () => {
    const { offer: o, moves } = offer()
    o.sending()
    o.fail(new DeadlineError(), { timeoutMs: 60_000 })
    expect(o.outcome).toEqual({
      phase: 'maybe started',
      problem: {
        text: `${MAY_HAVE_STARTED} The timeout (1m) passed before the answer to the go-live request of contoso/vm was read.`,
        goesOn: false
      }
    })
    expect(moves).toEqual([true, false])
  })
})

describe('Offer and the results output', () => {
  afterEach(() => void jest.useRealTimers())

  it('writes the urgent moves at once, however short ago the last write was; the others within the gap', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const offers: InstanceType<typeof Offer>[] = []
    const results = new ResultsOutput(offers, 60_000)
    const o = new Offer(subject, '', results.changed)
    offers.push(o)
    const setOutput = core.module.setOutput as jest.Mock
    setOutput.mockClear()
    const written = () => (JSON.parse(core.outputs.results as string) as OfferResult[])[0]
    // Written before the request goes out: a kill now leaves `unknown`, never `not started`.
    o.sending()
    expect(setOutput).toHaveBeenCalledTimes(1)
    expect(written()?.status).toBe('unknown')
    // Maybe started is `unknown` too: nothing changes in results, so nothing is written.
    o.maybeStarted()
    expect(setOutput).toHaveBeenCalledTimes(1)
    o.record({ location: ref, how: 'attached' })
    expect(setOutput).toHaveBeenCalledTimes(2)
    expect(written()).toMatchObject({ status: 'running', 'operation-location': ref.url.href, 'operation-id': ref.id })
    o.observe(parseOperation({ status: 'succeeded' }))
    expect(setOutput).toHaveBeenCalledTimes(2)
    expect(written()?.status).toBe('running')
    jest.advanceTimersByTime(60_000)
    expect(setOutput).toHaveBeenCalledTimes(3)
    expect(written()?.status).toBe('succeeded')
    // A read that changes nothing writes nothing.
    o.observe(parseOperation({ status: 'succeeded' }))
    jest.advanceTimersByTime(60_000)
    expect(setOutput).toHaveBeenCalledTimes(3)
  })

  it('does not write a refusal at once: until the gap ends, results keeps the safer `unknown`', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const offers: InstanceType<typeof Offer>[] = []
    const results = new ResultsOutput(offers, 60_000)
    const o = new Offer(subject, '', results.changed)
    offers.push(o)
    o.sending()
    o.refused()
    expect((JSON.parse(core.outputs.results as string) as OfferResult[])[0]?.status).toBe('unknown')
    jest.advanceTimersByTime(60_000)
    expect((JSON.parse(core.outputs.results as string) as OfferResult[])[0]?.status).toBe('not started')
  })
})
