// One verdict from a Product Ingestion read: a completed job or submission is success only with a
// result the action knows, and a read about another job, submission or product is no result at all.
import { describe, expect, it } from '@jest/globals'
import { parseJobStatus, parseSubmissionStatus } from '../../../src/apis/product-ingestion/operations.js'
import { followedJobParser, followedSubmissionParser } from '../../../src/apis/product-ingestion/followed.js'
import { parseOperation } from '../../../src/wait/operation.js'

const JOB = 'd4261631-c583-4949-a612-5150882632e9'
const OTHER_JOB = '9f0b1b5e-7c2a-4e0e-9d59-2c1f3f7a8b10'
const PRODUCT = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const OTHER_PRODUCT = '11111111-2222-3333-4444-555555555555'
// Real submission numbers are 19-digit decimals past 2^53 (pia-api.md).
const SUBMISSION = `submission/${PRODUCT}/1152921515689848683`
const SCHEMA = 'https://product-ingestion.azureedge.net/schema/configure-status/2022-03-01-preview2'

const job = (extra: Record<string, unknown>) => ({
  $schema: SCHEMA,
  jobId: JOB,
  jobStart: '2022-03-01T13:32:43.1234567Z',
  jobEnd: '2022-03-01T15:02:11.4220588Z',
  errors: [],
  ...extra
})
const entry = (extra: Record<string, unknown>) => ({
  $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
  id: SUBMISSION,
  product: `product/${PRODUCT}`,
  target: { targetType: 'live' },
  created: '2022-02-04T20:07:22.4220588Z',
  ...extra
})

describe('unknown is never success', () => {
  it.each([
    ['absent', {}, 'the job completed with no result'],
    ['null', { jobResult: null }, 'the job completed with no result'],
    ['empty', { jobResult: '' }, 'the job completed with no result'],
    ['blank', { jobResult: '  ' }, 'the job completed with no result'],
    ['not a string', { jobResult: 1 }, 'the job completed with no result'],
    ['still pending', { jobResult: 'pending' }, "the job completed with result 'pending', which the action does not know"],
    ['made-up', { jobResult: 'xyz' }, "the job completed with result 'xyz', which the action does not know"]
  ])('a job completed with a result %s ends in the unknown state, said in words', (_name, result, reason) => {
    // made-up: the service documents no completed job without succeeded/failed/cancelled.
    const operation = parseJobStatus(
      job({ jobStatus: 'completed', ...result, errors: [{ code: 'internalServerError', message: 'Operation failed' }] })
    )
    expect(operation).toMatchObject({ state: 'unknown', knownStatus: true, unknownReason: reason })
    expect(operation.messages).toEqual([{ text: 'Operation failed', level: 'error' }])
  })

  it('a submission completed without a known result ends in the unknown state too', () => {
    expect(parseSubmissionStatus(entry({ status: 'completed' }))).toMatchObject({
      state: 'unknown',
      unknownReason: 'the submission completed with no result'
    })
    expect(parseSubmissionStatus({ value: [entry({ status: 'completed', result: 'partial' })] })).toMatchObject({
      state: 'unknown',
      unknownReason: "the submission completed with result 'partial', which the action does not know"
    })
  })

  it('keeps the known results, in any case, and a service text cut to one clean line', () => {
    expect(parseJobStatus(job({ jobStatus: 'Completed', jobResult: 'Succeeded' })).state).toBe('succeeded')
    expect(parseJobStatus(job({ jobStatus: 'completed', jobResult: 'failed' })).state).toBe('failed')
    expect(parseJobStatus(job({ jobStatus: 'completed', jobResult: 'canceled' })).state).toBe('canceled')
    expect(parseSubmissionStatus(entry({ status: 'completed', result: 'succeeded' })).state).toBe('succeeded')
    const hostile = parseJobStatus(job({ jobStatus: 'completed', jobResult: `a\n::error::x${'y'.repeat(5_000)}` }))
    expect(hostile.unknownReason).not.toContain('\n')
    expect((hostile.unknownReason as string).length).toBeLessThan(200)
  })

  it('a job or submission still going stays running; an unknown jobStatus is still going, said once by the log', () => {
    expect(parseJobStatus(job({ jobStatus: 'running', jobResult: 'pending' }))).toMatchObject({ state: 'running', knownStatus: true })
    expect(parseJobStatus(job({ jobStatus: 'notStarted' }))).toMatchObject({ state: 'running', knownStatus: true })
    expect(parseJobStatus(job({ jobStatus: 'queued' }))).toMatchObject({ state: 'running', knownStatus: false })
    expect(parseSubmissionStatus(entry({ status: 'running', result: 'pending' })).state).toBe('running')
  })

  it('leaves the CPP operation status alone: there `completed` is success', () => {
    expect(parseOperation({ status: 'completed' }).state).toBe('succeeded')
    expect(parseOperation({ status: 'Complete' }).state).toBe('succeeded')
  })
})

describe('an answer about something else is not a result', () => {
  const readJob = followedJobParser(JOB)
  const readSubmission = followedSubmissionParser(SUBMISSION)

  it('takes the followed job, its id spelled jobId or jobID in any case, or not named at all', () => {
    expect(readJob(job({ jobStatus: 'completed', jobResult: 'succeeded' })).state).toBe('succeeded')
    expect(readJob({ jobID: JOB.toUpperCase(), jobStatus: 'running' }).state).toBe('running')
    expect(readJob({ jobStatus: 'running', jobResult: 'pending' }).state).toBe('running')
  })

  it.each([
    ['jobId', { jobId: OTHER_JOB }],
    ['jobID', { jobID: OTHER_JOB }],
    ['one right, one wrong', { jobId: JOB, jobID: OTHER_JOB }],
    ['not a string', { jobId: 7 }]
  ])('refuses a job status naming another job (%s)', (_name, ids) => {
    const body = { ...job({ jobStatus: 'completed', jobResult: 'failed' }), jobId: undefined, ...ids }
    expect(() => readJob(body)).toThrow(/names another job \(.*\), not the job followed \(d4261631-c583-4949-a612-5150882632e9\)/)
  })

  it('takes the followed submission, bare or as the one entry of value[], with fields missing', () => {
    expect(readSubmission(entry({ status: 'completed', result: 'succeeded' })).state).toBe('succeeded')
    expect(readSubmission({ value: [entry({ status: 'running', result: 'pending' })] }).state).toBe('running')
    expect(readSubmission({ id: SUBMISSION.toUpperCase(), status: 'running' }).state).toBe('running')
    expect(readSubmission({ status: 'running' }).state).toBe('running')
    // made-up: the same number with a leading zero is the same submission, as decide() counts it.
    const padded = SUBMISSION.replace(/\/(\d+)$/, '/0$1')
    expect(readSubmission({ id: padded, status: 'running', target: { targetType: 'live' } }).state).toBe('running')
  })

  it.each([
    ['another submission number', entry({ id: `submission/${PRODUCT}/1152921515689848684` }), /names another submission/],
    ['a number that only rounds the same', entry({ id: `submission/${PRODUCT}/1152921515689848682` }), /names another submission/],
    ['another product', entry({ product: `product/${OTHER_PRODUCT}` }), /names another product/],
    ['the preview, not the live one', entry({ target: { targetType: 'preview' } }), /is about a preview submission, not the live one/],
    ['two entries', { value: [entry({}), entry({})] }, /lists 2 entries/],
    ['an empty list', { value: [] }, /lists 0 entries/],
    ['another entry', { value: [entry({ id: `submission/${OTHER_PRODUCT}/1152921515689847470` })] }, /names another submission/]
  ])('refuses a submission read naming %s', (_name, body, message) => {
    const completed = (b: unknown): unknown =>
      Array.isArray((b as { value?: unknown }).value)
        ? { value: ((b as { value: object[] }).value as object[]).map((e) => ({ ...e, status: 'completed', result: 'failed' })) }
        : { ...(b as object), status: 'completed', result: 'failed' }
    expect(() => readSubmission(completed(body))).toThrow(message)
  })

  it('quotes the target type of a refused submission read as the service spelled it', () => {
    // made-up: the service spells target types in lower case; the casing shows that the message
    // quotes the answer as sent (as it did before the one read of a target type), not a normalised form.
    const body = entry({ target: { targetType: 'Preview' }, status: 'completed', result: 'failed' })
    expect(() => readSubmission(body)).toThrow(/^is about a Preview submission, not the live one followed/)
    // Any casing of `live` is still the live submission.
    expect(readSubmission(entry({ target: { targetType: 'LIVE' }, status: 'running' })).state).toBe('running')
  })

  it('quotes what another answer names as one bounded clean line', () => {
    const error = (() => {
      try {
        readJob({ jobId: `x\n::error::planted${'z'.repeat(10_000)}`, jobStatus: 'running' })
      } catch (e) {
        return e as Error
      }
      throw new Error('not refused')
    })()
    expect(error.message).not.toContain('\n')
    expect(error.message.length).toBeLessThan(300)
  })
})
