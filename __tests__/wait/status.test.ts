import { describe, expect, it } from '@jest/globals'
import { currentStep, failureReasons, parseOperation } from '../../src/wait/operation.js'
import { isFinishedSubmissionState, normaliseOperationStatus, normaliseStepStatus, statusWord } from '../../src/wait/status.js'

describe('operation status spellings', () => {
  it.each([
    ['succeeded', 'succeeded'],
    ['Complete', 'succeeded'],
    ['COMPLETED', 'succeeded'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
    ['cancelled', 'canceled'],
    ['notStarted', 'running'],
    ['running', 'running'],
    ['waitingForPublisherReview', 'running']
  ])('%s is %s and known', (raw, state) => {
    expect(normaliseOperationStatus(raw)).toEqual({ state, known: true })
  })

  it('treats an unknown or missing status as still going, and says it is unknown', () => {
    expect(normaliseOperationStatus('publishing')).toEqual({ state: 'running', known: false })
    expect(normaliseOperationStatus(undefined)).toEqual({ state: 'running', known: false })
  })

  it('reads every step spelling', () => {
    expect(normaliseStepStatus('inProgress')).toBe('running')
    expect(normaliseStepStatus('waitingForApproval')).toBe('waiting')
    expect(normaliseStepStatus('rejected')).toBe('failed')
    expect(normaliseStepStatus('complete')).toBe('completed')
    expect(normaliseStepStatus('blocked')).toBe('blocked')
    expect(normaliseStepStatus('whatever')).toBeUndefined()
  })

  it.each([
    ['succeeded', 'succeeded'],
    ['Complete', 'succeeded'],
    ['COMPLETED', 'succeeded'],
    ['Failed', 'failed'],
    ['cancelled', 'canceled'],
    ['NOTSTARTED', 'notStarted'],
    [' Running ', 'running'],
    ['waitingforpublisherreview', 'waitingForPublisherReview'],
    ['neverPublished', undefined],
    ['publishing', undefined],
    ['constructor', undefined],
    [undefined, undefined]
  ])('statusWord: %j is %j, from the same table as the operation states', (raw, word) => {
    expect(statusWord(raw)).toBe(word)
  })

  it('knows finished submission states', () => {
    expect(isFinishedSubmissionState('succeeded')).toBe(true)
    expect(isFinishedSubmissionState('running')).toBe(false)
    expect(isFinishedSubmissionState('somethingNew')).toBe(false)
  })
})

describe('parseOperation', () => {
  const body = {
    status: 'failed',
    messages: [{ messageHtml: '<p>Top &amp; level</p>', level: 'error' }],
    steps: [
      { id: 'a', stepName: 'Validation', status: 'complete', progressPercentage: 0 },
      { id: 'live', status: 'rejected', estimatedTimeFrame: '~2-5 days', messages: [{ messageHtml: '<i>No image</i>', level: 'Error' }] },
      { id: 'c', stepName: 'Cleanup', status: 'canceled' }
    ]
  }

  it('unwraps the documented array form', () => {
    expect(parseOperation([body]).state).toBe('failed')
  })

  it('reads steps, names them by id when unnamed, and collects failure reasons in words', () => {
    const op = parseOperation(body)
    expect(op.steps.map((s) => s.name)).toEqual(['Validation', 'live', 'Cleanup'])
    expect(op.steps[1]?.estimate).toBe('~2-5 days')
    expect(failureReasons(op)).toEqual(['Top & level', 'live: No image', 'Cleanup: canceled'])
  })

  it('finds the current step: the active one, else the first not started', () => {
    const running = parseOperation({
      status: 'running',
      steps: [
        { id: 'a', status: 'complete' },
        { id: 'b', status: 'inProgress' }
      ]
    })
    expect(currentStep(running)?.id).toBe('b')
    const waiting = parseOperation({
      status: 'running',
      steps: [
        { id: 'a', status: 'complete' },
        { id: 'b', status: 'notStarted' }
      ]
    })
    expect(currentStep(waiting)?.id).toBe('b')
    // An active step wins over an earlier one that has not started.
    const later = parseOperation({
      status: 'running',
      steps: [
        { id: 'a', status: 'notStarted' },
        { id: 'b', status: 'waitingForApproval' }
      ]
    })
    expect(currentStep(later)?.id).toBe('b')
  })

  it('refuses a body that is not an object', () => {
    expect(() => parseOperation('running')).toThrow(/not a JSON object/)
    expect(() => parseOperation([])).toThrow(/not a JSON object/)
  })
})
