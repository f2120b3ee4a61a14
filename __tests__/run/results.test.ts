// The `results` output: one object per offer, from validated canonical values only, with one
// bounded line of error; the aggregate status; and a rewrite each time an operation is recorded or
// an offer ends (at most every minGapMs, and always at the end).
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { OfferRun } = await import('../../src/run/offer-run.js')
const { aggregateStatus, offerResult, ResultsOutput, MAX_ERROR_CHARS } = await import('../../src/run/results.js')
const { canonicalOperationLocation } = await import('../../src/apis/cloud-partner-portal/locations.js')
const { submissionLocation } = await import('../../src/apis/product-ingestion/locations.js')
const { parseOperation } = await import('../../src/wait/operation.js')
type OfferResult = import('../../src/run/results.js').OfferResult
type OfferStatus = import('../../src/run/results.js').OfferStatus

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const cpp = canonicalOperationLocation(
  `/api/publishers/contoso/offers/contoso-vm/operations/${GUID}`,
  new URL('https://cloudpartner.azure.com'),
  '2017-10-31'
)
// A live submission past 2^53, as the Product Ingestion API numbers them.
const pia = submissionLocation(
  new URL('https://graph.microsoft.com/rp/product-ingestion'),
  `submission/${GUID}/1152921515689848683`,
  '2022-07-01'
)
if (!pia) throw new Error('the submission id is valid')

const offer = (id = 'contoso-vm') => new OfferRun({ publisher: 'contoso', offer: id }, () => undefined, true)

beforeEach(() => core.reset())

describe('offerResult', () => {
  it('names a recorded go-live by its canonical location and id', () => {
    const run = offer()
    run.record(cpp, 'started')
    expect(offerResult(run)).toEqual({
      offer: 'contoso-vm',
      status: 'accepted',
      'operation-location': `https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-vm/operations/${GUID}?api-version=2017-10-31`,
      'operation-id': GUID,
      'offer-status': '',
      error: ''
    })
    run.record(pia, 'attached')
    expect(offerResult(run)).toMatchObject({
      status: 'running',
      'operation-id': `submission/${GUID}/1152921515689848683`,
      'operation-location': `https://graph.microsoft.com/rp/product-ingestion/submission/${GUID}/1152921515689848683?$version=2022-07-01`
    })
  })

  it('keeps the go-live state as the status, and counts an unknown outcome as failed', () => {
    const run = offer()
    run.record(cpp, 'started')
    for (const [body, status] of [
      [{ status: 'running' }, 'running'],
      [{ status: 'succeeded' }, 'succeeded'],
      [{ status: 'canceled' }, 'canceled'],
      [{ status: 'failed' }, 'failed'],
      [{ status: 'completed', result: 'mystery' }, 'failed']
    ] as const) {
      // Outcome unknown: the result's wording is the service's; the fixture's is made-up.
      run.observe(body.status === 'completed' ? { ...parseOperation(body), state: 'unknown' } : parseOperation(body))
      expect(offerResult(run).status).toBe(status)
    }
  })

  it('is `not started` when nothing was sent, and `failed` when the request went out and no answer named the go-live', () => {
    const refused = offer()
    refused.fail("The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress'.")
    expect(offerResult(refused)).toMatchObject({ status: 'not started', 'operation-location': '', 'operation-id': '' })
    const answered = offer()
    answered.sending()
    answered.fail("The CPP API refused the Go Live request (400 Bad Request): 'no plan'.")
    expect(offerResult(answered)).toMatchObject({ status: 'not started' })
    const lost = offer()
    lost.sending()
    lost.fail('The Go Live request got no clear answer: HTTP 500, and no running go-live was listed. The go-live may have started.', true)
    expect(offerResult(lost)).toMatchObject({ status: 'failed', 'operation-location': '' })
    expect(offerResult(offer())).toMatchObject({ status: 'not started', error: '' })
  })

  it('makes the error one line of at most 300 characters, whatever the service put in it', () => {
    const run = offer()
    run.fail(`The go-live failed: Live: ${'x'.repeat(5_000)}\n::error::forged\r\u2028${'y'.repeat(100)}`)
    const { error } = offerResult(run)
    expect(error.length).toBeLessThanOrEqual(MAX_ERROR_CHARS)
    expect(error).toMatch(/^The go-live failed: Live: x+…$/)
    expect(error).not.toMatch(/[\r\n\u2028]/)
    const forged = offer()
    forged.fail('a\n::error::forged')
    // One line: the command marker is no longer at the start of a line.
    expect(offerResult(forged).error).toBe('a ::error::forged')
  })

  it('gives a dry run its canonical offer status and a step failure to the offers it kept from starting', () => {
    const run = offer()
    run.facts.dryRun = { offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'would start' }
    expect(offerResult(run)).toMatchObject({ status: 'not started', 'offer-status': 'waitingForPublisherReview', error: '' })
    expect(offerResult(offer(), 'Sign-in failed: AADSTS7000215 invalid client secret.')).toMatchObject({
      status: 'not started',
      error: 'Sign-in failed: AADSTS7000215 invalid client secret.'
    })
    const started = offer()
    started.record(cpp, 'started')
    expect(offerResult(started, 'a later failure of the step').error).toBe('')
  })
})

describe('aggregateStatus', () => {
  const r = (status: OfferStatus, error = ''): OfferResult => ({
    offer: 'x',
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
    ['running! accepted succeeded', 'running'],
    ['accepted succeeded', 'accepted'],
    ['succeeded succeeded', 'succeeded'],
    ['succeeded', 'succeeded'],
    // A dry run that failed nowhere started nothing.
    ['not_started not_started', undefined],
    ['', undefined]
  ])('[%s] is %s', (spec, expected) => {
    expect(aggregateStatus(parse(spec))).toBe(expected)
  })
})

describe('ResultsOutput', () => {
  afterEach(() => void jest.useRealTimers())

  const written = (): OfferResult[] => JSON.parse(core.outputs.results as string) as OfferResult[]

  it('rewrites `results` each time an operation is recorded or an offer ends', () => {
    const runs: InstanceType<typeof OfferRun>[] = []
    const output = new ResultsOutput(runs, 0)
    runs.push(new OfferRun({ publisher: 'contoso', offer: 'a' }, output.changed, true))
    runs.push(new OfferRun({ publisher: 'contoso', offer: 'b' }, output.changed, true))
    expect(core.outputs.results).toBeUndefined()
    runs[0]?.record(cpp, 'started')
    expect(written().map((x) => x.status)).toEqual(['accepted', 'not started'])
    runs[1]?.fail('refused')
    output.changed()
    expect(written().map((x) => [x.offer, x.status, x.error])).toEqual([
      ['a', 'accepted', ''],
      ['b', 'not started', 'refused']
    ])
  })

  it('writes at most once per gap, never loses the last change, and flushes at the end', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const runs = [offer('a'), offer('b'), offer('c')]
    const output = new ResultsOutput(runs, 1_000)
    const setOutput = core.module.setOutput as jest.Mock
    setOutput.mockClear()
    output.changed()
    runs[0]?.record(cpp, 'started')
    output.changed()
    output.changed()
    expect(setOutput).toHaveBeenCalledTimes(1)
    jest.advanceTimersByTime(1_000)
    expect(setOutput).toHaveBeenCalledTimes(2)
    expect(written()[0]?.status).toBe('accepted')
    runs[1]?.fail('cancelled')
    output.changed()
    const last = output.flush()
    expect(setOutput).toHaveBeenCalledTimes(3)
    expect(last.map((x) => x.status)).toEqual(['accepted', 'not started', 'not started'])
    // The flush cleared the timer: nothing more is written.
    jest.advanceTimersByTime(5_000)
    expect(setOutput).toHaveBeenCalledTimes(3)
  })

  it('writes each recorded operation at once, whatever the gap: a killed step keeps every location', () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const runs: InstanceType<typeof OfferRun>[] = []
    const output = new ResultsOutput(runs, 60_000)
    const setOutput = core.module.setOutput as jest.Mock
    for (const name of ['a', 'b', 'c']) runs.push(new OfferRun({ publisher: 'contoso', offer: name }, output.recorded, true))
    setOutput.mockClear()
    runs[0]?.record(cpp, 'started')
    runs[1]?.record(cpp, 'started')
    expect(setOutput).toHaveBeenCalledTimes(2)
    expect(written().map((x) => x.status)).toEqual(['accepted', 'accepted', 'not started'])
    // An offer's end waits for the gap; a record does not.
    runs[2]?.fail('refused')
    output.changed()
    expect(setOutput).toHaveBeenCalledTimes(2)
  })

  it('for one offer too: a refused request is in results as not started, with its error', () => {
    const refused = offer()
    const output = new ResultsOutput([refused], 0)
    refused.fail('The Go Live request failed: HTTP 403 Forbidden.')
    output.changed()
    expect(written()).toEqual([
      {
        offer: refused.subject.offer,
        status: 'not started',
        'operation-location': '',
        'operation-id': '',
        'offer-status': '',
        error: 'The Go Live request failed: HTTP 403 Forbidden.'
      }
    ])
  })

  it('warns instead of failing an offer when the output cannot be written', () => {
    const output = new ResultsOutput([offer()], 0)
    ;(core.module.setOutput as jest.Mock).mockImplementationOnce(() => {
      throw new Error('ENOSPC: no space left on device')
    })
    expect(() => output.changed()).not.toThrow()
    expect(core.logged('warning')).toEqual(['Could not set the results output: ENOSPC: no space left on device'])
  })
})
