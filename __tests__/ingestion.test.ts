import { describe, expect, it } from '@jest/globals'
import { isCertificationFailure, jobErrors, jobIdOf, parseJobStatus, parseSubmissionStatus } from '../src/ingestion/job.js'
import { canonicalIngestionLocation, submissionLocation } from '../src/ingestion/locations.js'
import { isAlreadyLive, submissionState } from '../src/ingestion/submissions.js'
import type { PiaSubmission } from '../src/ingestion/client.js'

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const base = new URL('https://graph.microsoft.com/rp/product-ingestion')

describe('configure jobs as operations', () => {
  it('maps jobStatus and jobResult to the states the wait acts on', () => {
    expect(parseJobStatus({ jobStatus: 'notStarted', jobResult: 'pending' }).state).toBe('running')
    expect(parseJobStatus({ jobStatus: 'running', jobResult: 'pending' }).state).toBe('running')
    expect(parseJobStatus({ jobStatus: 'completed', jobResult: 'succeeded' }).state).toBe('succeeded')
    expect(parseJobStatus({ jobStatus: 'completed', jobResult: 'failed' }).state).toBe('failed')
    expect(parseJobStatus({ jobStatus: 'completed', jobResult: 'cancelled' })).toMatchObject({ state: 'canceled', rawStatus: 'cancelled' })
    // Completed with a result nobody documented is not success: it ended, how is unknown.
    expect(parseJobStatus({ jobStatus: 'completed', jobResult: 'weird' })).toMatchObject({ state: 'unknown', rawStatus: 'weird' })
  })

  it('keeps start and end times, but not the placeholder end of a running job', () => {
    const running = parseJobStatus({ jobStatus: 'running', jobStart: '2026-11-20T10:00:00Z', jobEnd: '0001-01-01T00:00:00' })
    expect(running.started).toBe('2026-11-20T10:00:00Z')
    expect(running.ended).toBeUndefined()
    expect(parseJobStatus({ jobStatus: 'completed', jobResult: 'succeeded', jobEnd: '2026-11-21T10:00:00Z' }).ended).toBe(
      '2026-11-21T10:00:00Z'
    )
  })

  it('reads the job id spelled jobId or jobID, and only a GUID', () => {
    expect(jobIdOf({ jobId: GUID })).toBe(GUID)
    expect(jobIdOf({ jobID: GUID })).toBe(GUID)
    expect(jobIdOf({ jobId: '../x' })).toBeUndefined()
    expect(jobIdOf('text')).toBeUndefined()
  })

  it('walks nested errors to their innermost messages and knows a certification failure', () => {
    const errors = jobErrors([
      {
        code: 'internalServerError',
        message: 'Operation failed',
        details: [
          {
            code: 'invalidState',
            message: 'Certification',
            details: [{ code: 'invalidState', message: 'Issues found during Certification.' }]
          }
        ]
      },
      { code: 'businessValidationError', message: 'Plan x has no price' }
    ])
    expect(errors).toEqual([
      {
        codes: ['internalServerError', 'invalidState', 'invalidState'],
        message: 'Operation failed: Certification: Issues found during Certification.'
      },
      { codes: ['businessValidationError'], message: 'Plan x has no price' }
    ])
    expect(isCertificationFailure(errors)).toBe(true)
    expect(isCertificationFailure(errors.slice(1))).toBe(false)
  })

  it('bounds what a hostile error list can make it hold', () => {
    const deep = { code: 'x', details: [] as unknown[] }
    let node = deep
    for (let i = 0; i < 1_000; i++) {
      const next = { code: 'x', details: [] as unknown[] }
      node.details.push(next)
      node = next
    }
    // Reported where the walk stops: the codes it followed, not a thousand of them, and not lost.
    expect(jobErrors([deep])).toEqual([{ codes: Array(9).fill('x'), message: 'x/x/x/x/x/x/x/x/x' }])
    expect(jobErrors(Array.from({ length: 10_000 }, () => ({ code: 'e', message: 'm' })))).toHaveLength(100)
  })

  it('reads a submission as an operation, wrapped in value[] or not', () => {
    expect(parseSubmissionStatus({ value: [{ status: 'running', result: 'pending' }] }).state).toBe('running')
    expect(parseSubmissionStatus({ status: 'completed', result: 'succeeded' }).state).toBe('succeeded')
  })
})

describe('submissions', () => {
  const entry = (n: number, targetType: string, status?: string, result?: string, created?: string): PiaSubmission => ({
    id: `submission/${GUID}/${n}`,
    number: n,
    targetType,
    ...(status ? { status } : {}),
    ...(result ? { result } : {}),
    ...(created ? { created } : {})
  })

  it('finds a newer preview ready to go live', () => {
    const state = submissionState([
      entry(0, 'draft'),
      entry(1, 'preview', 'completed', 'succeeded'),
      entry(1, 'live', 'completed', 'succeeded'),
      entry(2, 'preview', 'completed', 'succeeded')
    ])
    expect(state.preview?.number).toBe(2)
    expect(state.live?.number).toBe(1)
    expect(isAlreadyLive(state)).toBe(false)
    expect(state.inProgress).toEqual([])
  })

  it('sees live already carrying the newest preview, and a running go-live', () => {
    expect(
      isAlreadyLive(submissionState([entry(1, 'preview', 'completed', 'succeeded'), entry(1, 'live', 'completed', 'succeeded')]))
    ).toBe(true)
    const running = submissionState([
      entry(1, 'live', 'completed', 'succeeded'),
      entry(2, 'preview', 'completed', 'succeeded'),
      entry(2, 'live', 'running', 'pending')
    ])
    expect(running.runningLive?.number).toBe(2)
    expect(running.live?.number).toBe(1)
  })

  it('orders by creation time when it is given', () => {
    const state = submissionState([
      entry(5, 'preview', 'completed', 'succeeded', '2026-01-01T00:00:00Z'),
      entry(3, 'preview', 'completed', 'succeeded', '2026-06-01T00:00:00Z')
    ])
    expect(state.preview?.number).toBe(3)
  })
})

describe('Product Ingestion locations', () => {
  it('rebuilds job and submission locations under the base path, with $version', () => {
    expect(canonicalIngestionLocation(`/rp/product-ingestion/configure/${GUID}/status`, base, '2022-07-01')).toEqual({
      url: new URL(`https://graph.microsoft.com/rp/product-ingestion/configure/${GUID}/status?$version=2022-07-01`),
      id: GUID
    })
    expect(
      canonicalIngestionLocation(
        `https://graph.microsoft.com/rp/product-ingestion/submission/${GUID}/7?$version=2022-03-01-preview2`,
        base,
        '2022-07-01'
      ).url.href
    ).toBe(`https://graph.microsoft.com/rp/product-ingestion/submission/${GUID}/7?$version=2022-03-01-preview2`)
    expect(submissionLocation(base, `submission/${GUID}/2`, '2022-07-01')?.id).toBe(`submission/${GUID}/2`)
    expect(submissionLocation(base, 'submission/x/2', '2022-07-01')).toBeUndefined()
  })

  it.each([
    [`/rp/product-ingestion/configure/${GUID}/status?x=1`, 'has a query other than $version'],
    [`/rp/product-ingestion/configure/${GUID}/status?$version=$(id)`, 'has a $version that is not a date'],
    [`/rp/product-ingestion/configure/${GUID}/cancel`, 'is not a Product Ingestion job or submission path'],
    [`/rp/product-ingestion/submission/${GUID}/2/extra`, 'is not a Product Ingestion job or submission path'],
    [`/rp/other/configure/${GUID}/status`, 'is not under /rp/product-ingestion'],
    [
      `https://graph.microsoft.com.evil.example/rp/product-ingestion/configure/${GUID}/status`,
      'points to https://graph.microsoft.com.evil.example'
    ]
  ])('refuses %s', (raw, message) => {
    expect(() => canonicalIngestionLocation(raw, base, '2022-07-01')).toThrow(message)
  })
})
