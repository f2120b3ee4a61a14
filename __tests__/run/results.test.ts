// The `results` output: one object per offer rendered from its outcome, from validated canonical
// values only, with one bounded line of error; the `status` output (the one offer's own status, or
// the aggregate of several); and the writes as offers move: urgent moves at once, the others at most
// every minGapMs, the last state always at the end.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppRef, GUID, piaRef } from '../helpers/refs.js'
import type { Outcome, OfferStatus } from '../../src/run/outcome.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { aggregateStatus, offerResult, stepStatus, ResultsOutput, MAX_ERROR_CHARS } = await import('../../src/run/results.js')
const { Offer } = await import('../../src/run/offer.js')
const { ActionError, CancelledError } = await import('../../src/errors.js')
const { OutcomeUnknownError, MAY_HAVE_STARTED } = await import('../../src/http/lost-answers.js')
const { parseOperation } = await import('../../src/wait/operation.js')
type OfferResult = import('../../src/run/results.js').OfferResult

const cpp = cppRef('contoso-vm')
const pia = piaRef()
const ending = { timeoutMs: 60_000 }

/** An offer of publisher contoso; its moves are told to `onChange`. */
const offer = (id = 'contoso-vm', onChange: (urgent: boolean) => void = () => undefined) =>
  new Offer({ publisher: 'contoso', offer: id }, '', onChange)
/** An offer entry with just an outcome. */
const withOutcome = (outcome: Outcome) => ({ subject: { publisher: 'contoso', offer: 'contoso-vm' }, outcome, api: undefined })

beforeEach(() => core.reset())

describe('offerResult', () => {
  it('names a recorded go-live by its canonical location and id', () => {
    const o = offer()
    o.record({ location: cpp, how: 'started' })
    expect(offerResult(o, false)).toEqual({
      offer: 'contoso-vm',
      api: '',
      status: 'accepted',
      'operation-location': `https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-vm/operations/${GUID}?api-version=2017-10-31`,
      'operation-id': GUID,
      'offer-status': '',
      error: ''
    })
    const followed = offer()
    followed.record({ location: pia, how: 'attached' })
    expect(offerResult(followed, false)).toMatchObject({
      status: 'running',
      'operation-id': `submission/${GUID}/1152921515689848683`,
      'operation-location': `https://graph.microsoft.com/rp/product-ingestion/submission/${GUID}/1152921515689848683?$version=2022-07-01`
    })
  })

  it('keeps the go-live state as the status: a result the action cannot read is `unknown`, not `failed`', () => {
    const o = offer()
    o.record({ location: cpp, how: 'started' })
    for (const [body, status] of [
      [{ status: 'running' }, 'running'],
      [{ status: 'succeeded' }, 'succeeded'],
      [{ status: 'canceled' }, 'canceled'],
      [{ status: 'failed' }, 'failed'],
      [{ status: 'completed', result: 'mystery' }, 'unknown']
    ] as const) {
      // Outcome unknown: the result's wording is the service's; the fixture's is made-up.
      o.observe(body.status === 'completed' ? { ...parseOperation(body), state: 'unknown' } : parseOperation(body))
      expect(offerResult(o, false).status).toBe(status)
    }
  })

  it('is `not started` when nothing was sent or it was refused, and `unknown` when it went out and no answer named the go-live', () => {
    const refused = offer()
    refused.sending()
    refused.refused()
    refused.fail(new ActionError("The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress'."), ending)
    expect(offerResult(refused, false)).toEqual({
      offer: 'contoso-vm',
      api: '',
      status: 'not started',
      'operation-location': '',
      'operation-id': '',
      'offer-status': '',
      error: "The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress'."
    })
    const inFlight = offer()
    inFlight.sending()
    expect(offerResult(inFlight, false)).toMatchObject({ status: 'unknown', error: '' })
    const lost = offer()
    lost.sending()
    lost.maybeStarted()
    lost.fail(new OutcomeUnknownError(`${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500.`), ending)
    expect(offerResult(lost, false)).toMatchObject({ status: 'unknown', 'operation-location': '' })
    expect(offerResult(lost, false).error).toMatch(/^The go-live may have started: run the step again to follow it/)
    const cancelled = offer()
    cancelled.fail(new CancelledError('SIGTERM'), ending)
    expect(offerResult(cancelled, false)).toMatchObject({ status: 'not started', error: expect.stringContaining('nothing was sent') })
    expect(offerResult(offer(), false)).toMatchObject({ status: 'not started', error: '' })
  })

  it('makes the error one line of at most 300 characters, whatever the service put in it', () => {
    const o = withOutcome({
      phase: 'finished',
      goLive: { location: cpp, how: 'started' },
      state: 'failed',
      problem: { text: `The go-live failed: Live: ${'x'.repeat(5_000)}\n::error::forged\r\u2028${'y'.repeat(100)}`, goesOn: false }
    })
    const { error } = offerResult(o, false)
    expect(error.length).toBeLessThanOrEqual(MAX_ERROR_CHARS)
    expect(error).toMatch(/^The go-live failed: Live: x+…$/)
    expect(error).not.toMatch(/[\r\n\u2028]/)
    const forged = withOutcome({ phase: 'not sent', problem: { text: 'a\n::error::forged', goesOn: false } })
    // One line: the command marker is no longer at the start of a line.
    expect(offerResult(forged, false).error).toBe('a ::error::forged')
  })

  it('adds how to follow a go-live that goes on: operation-location with one offer, a re-run with several', () => {
    const o = offer()
    o.record({ location: cpp, how: 'started' })
    o.fail(new ActionError('Timed out after 1m waiting for the go-live of contoso/contoso-vm.'), ending)
    expect(offerResult(o, false)).toMatchObject({ status: 'accepted', 'operation-location': cpp.url.href })
    expect(offerResult(o, false).error).toMatch(/To check on it later, run this action with operation-location: https:\/\/cloudpartner/)
    expect(offerResult(o, true).error).toMatch(/nothing was cancelled: run the step again to follow it\.$/)
  })

  it('gives a dry run its canonical offer status, and a step failure to the offers it kept from starting only', () => {
    const checked = offer()
    checked.checked({ offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'would start' })
    expect(offerResult(checked, false)).toMatchObject({ status: 'not started', 'offer-status': 'waitingForPublisherReview', error: '' })
    const signIn = 'Signing in to Microsoft Entra ID failed: AADSTS7000215 invalid client secret: nothing was sent.'
    expect(offerResult(offer(), false, signIn)).toMatchObject({ status: 'not started', error: signIn })
    const started = offer()
    started.record({ location: cpp, how: 'started' })
    expect(offerResult(started, false, 'a later failure of the step').error).toBe('')
    const inFlight = offer()
    inFlight.sending()
    expect(offerResult(inFlight, false, 'a later failure of the step').error).toBe('')
    // An offer's own error comes first.
    const refused = withOutcome({ phase: 'not sent', refused: true, problem: { text: 'Refused.', goesOn: false } })
    expect(offerResult(refused, false, signIn).error).toBe('Refused.')
  })
})

describe('aggregateStatus and stepStatus', () => {
  const r = (status: OfferStatus, error = ''): OfferResult => ({
    offer: 'x',
    api: 'cloud-partner-portal',
    status,
    'operation-location': '',
    'operation-id': '',
    'offer-status': '',
    error
  })
  // Each offer as its status, with `!` when it has an error.
  const parse = (spec: string): OfferResult[] =>
    spec
      .split(' ')
      .filter((word) => word !== '')
      .map((word) => r(word.replace('!', '').replace('_', ' ') as OfferStatus, word.endsWith('!') ? 'an error' : ''))
  it.each([
    ['succeeded failed! running', 'failed'],
    ['succeeded canceled!', 'failed'],
    ['succeeded not_started!', 'failed'],
    ['unknown! not_started!', 'failed'],
    ['unknown! running succeeded', 'unknown'],
    ['accepted unknown', 'unknown'],
    ['running! accepted succeeded', 'running'],
    ['accepted succeeded', 'accepted'],
    ['accepted! not_started', 'accepted'],
    ['succeeded succeeded', 'succeeded'],
    ['not_started succeeded', 'succeeded'],
    ['succeeded', 'succeeded'],
    // A dry run that failed nowhere started nothing.
    ['not_started not_started', 'not started'],
    ['', 'not started']
  ])('[%s] is %s', (spec, expected) => {
    expect(aggregateStatus(parse(spec))).toBe(expected)
  })

  it('with one offer, `status` is always that offer’s own status', () => {
    for (const spec of ['not_started!', 'not_started', 'unknown!', 'failed!', 'canceled!', 'running!', 'accepted', 'succeeded']) {
      const results = parse(spec)
      expect(stepStatus(results)).toBe(results[0]?.status)
    }
    // Where the aggregate of one would differ: a refused offer is `not started`, not `failed`.
    expect(aggregateStatus(parse('not_started!'))).toBe('failed')
  })

  it('with several, `status` is the aggregate', () => {
    expect(stepStatus(parse('succeeded not_started!'))).toBe('failed')
    expect(stepStatus(parse('running unknown'))).toBe('unknown')
  })
})

describe('ResultsOutput', () => {
  afterEach(() => void jest.useRealTimers())

  const written = (): OfferResult[] => JSON.parse(core.outputs.results as string) as OfferResult[]

  it('rewrites `results` each time an offer moves, with a gap of 0', () => {
    const offers: InstanceType<typeof Offer>[] = []
    const output = new ResultsOutput(offers, 0)
    offers.push(offer('a', output.changed), offer('b', output.changed))
    expect(core.outputs.results).toBeUndefined()
    offers[0]?.record({ location: cpp, how: 'started' })
    expect(written().map((x) => x.status)).toEqual(['accepted', 'not started'])
    offers[1]?.sending()
    expect(written().map((x) => x.status)).toEqual(['accepted', 'unknown'])
    offers[1]?.refused()
    offers[1]?.fail(new ActionError('refused'), ending)
    expect(written().map((x) => [x.offer, x.status, x.error])).toEqual([
      ['a', 'accepted', ''],
      ['b', 'not started', 'refused']
    ])
  })

  it('coalesces moves that are not urgent: at most one write per gap, never losing the last, flushed at the end', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const offers = [offer('a'), offer('b'), offer('c')]
    const output = new ResultsOutput(offers, 1_000)
    const setOutput = core.module.setOutput as jest.Mock
    setOutput.mockClear()
    output.changed(false)
    // These offers do not tell the output themselves: each changed() here stands for a move.
    offers[0]?.record({ location: cpp, how: 'started' })
    output.changed(false)
    output.changed(false)
    expect(setOutput).toHaveBeenCalledTimes(1)
    jest.advanceTimersByTime(999)
    expect(setOutput).toHaveBeenCalledTimes(1)
    jest.advanceTimersByTime(1)
    expect(setOutput).toHaveBeenCalledTimes(2)
    expect(written()[0]?.status).toBe('accepted')
    offers[1]?.fail(new CancelledError('SIGTERM'), ending)
    output.changed(false)
    const last = output.flush('The step failed.')
    expect(setOutput).toHaveBeenCalledTimes(3)
    expect(last.map((x) => x.status)).toEqual(['accepted', 'not started', 'not started'])
    // The step's error goes to the offers it kept from starting that have none of their own.
    expect(last.map((x) => x.error)).toEqual(['', expect.stringContaining('SIGTERM'), 'The step failed.'])
    expect(written()).toEqual(last)
    // The flush cleared the timer: nothing more is written.
    jest.advanceTimersByTime(5_000)
    expect(setOutput).toHaveBeenCalledTimes(3)
  })

  it('writes every urgent move at once, whatever the gap: a killed step keeps every location and every request on its way', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const offers: InstanceType<typeof Offer>[] = []
    const output = new ResultsOutput(offers, 60_000)
    const setOutput = core.module.setOutput as jest.Mock
    for (const name of ['a', 'b', 'c']) offers.push(offer(name, output.changed))
    setOutput.mockClear()
    offers[0]?.record({ location: cpp, how: 'started' })
    offers[1]?.record({ location: cpp, how: 'started' })
    offers[2]?.sending()
    expect(setOutput).toHaveBeenCalledTimes(3)
    expect(written().map((x) => x.status)).toEqual(['accepted', 'accepted', 'unknown'])
    // A move that is not urgent waits for the gap; an urgent one does not.
    offers[2]?.refused()
    expect(setOutput).toHaveBeenCalledTimes(3)
    offers[2]?.record({ location: cpp, how: 'attached' })
    expect(setOutput).toHaveBeenCalledTimes(4)
    expect(written().map((x) => x.status)).toEqual(['accepted', 'accepted', 'running'])
    // The urgent write took the pending one's place.
    jest.advanceTimersByTime(60_000)
    expect(setOutput).toHaveBeenCalledTimes(4)
  })

  it('writes every urgent move at once however many offers, and nothing when nothing changed', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const offers: InstanceType<typeof Offer>[] = []
    const output = new ResultsOutput(offers, 1_000)
    for (let i = 0; i < 256; i++) offers.push(offer(`offer-${i}`, output.changed))
    const setOutput = core.module.setOutput as jest.Mock
    setOutput.mockClear()
    // 256 requests on their way and named: every one written at once (the output file keeps one copy).
    for (const o of offers) {
      o.sending()
      o.record({ location: cpp, how: 'started' })
    }
    expect(setOutput).toHaveBeenCalledTimes(512)
    // Asked again with nothing changed (a status read that says what the last said): no write.
    for (let i = 0; i < 50; i++) output.changed(true)
    jest.advanceTimersByTime(5_000)
    expect(setOutput).toHaveBeenCalledTimes(512)
  })

  it('for one offer too: a refused request is in results as not started, with its error', () => {
    const refused = offer()
    const output = new ResultsOutput([refused], 0)
    refused.sending()
    refused.refused()
    refused.fail(new ActionError('The Go Live request failed: HTTP 403 Forbidden.'), ending)
    output.changed(false)
    expect(written()).toEqual([
      {
        offer: 'contoso-vm',
        api: '',
        status: 'not started',
        'operation-location': '',
        'operation-id': '',
        'offer-status': '',
        error: 'The Go Live request failed: HTTP 403 Forbidden.'
      }
    ])
  })

  it('warns instead of failing an offer when the output cannot be written, and writes at the next move', () => {
    const output = new ResultsOutput([offer()], 0)
    ;(core.module.setOutput as jest.Mock).mockImplementationOnce(() => {
      throw new Error('ENOSPC: no space left on device')
    })
    expect(() => output.changed(true)).not.toThrow()
    expect(core.logged('warning')).toEqual(['Could not set the results output: ENOSPC: no space left on device'])
    output.changed(true)
    expect(written()).toHaveLength(1)
  })
})

describe('the API of each offer', () => {
  it('is in results once chosen, and empty before', () => {
    const o = offer()
    expect(offerResult(o, true).api).toBe('')
    o.goesThrough('product-ingestion')
    expect(offerResult(o, true).api).toBe('product-ingestion')
  })
})
