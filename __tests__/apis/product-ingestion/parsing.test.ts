import { describe, expect, it } from '@jest/globals'
import {
  isCertificationFailure,
  jobErrors,
  jobIdOf,
  parseJobStatus,
  parseSubmissionStatus
} from '../../../src/apis/product-ingestion/operations.js'
import {
  canonicalOperationLocation,
  jobLocation,
  partnerCenterPage,
  parseSubmissionId,
  submissionLocation
} from '../../../src/apis/product-ingestion/locations.js'
import { productResource } from '../../fixtures/learn-product-ingestion-api.js'
import { newestFirst } from '../../../src/apis/product-ingestion/submissions.js'
import type { Submission } from '../../../src/apis/product-ingestion/listing.js'

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

describe('submission order', () => {
  const entry = (n: string, created?: string): Submission => ({
    id: `submission/${GUID}/${n}`,
    number: n,
    targetType: 'preview',
    ...(created ? { created } : {}),
    body: {}
  })
  const order = (...list: Submission[]) => [...list].sort(newestFirst).map((s) => s.number)

  it('orders by creation time when both have one', () => {
    // The time wins over the number: the smaller number was created later.
    expect(order(entry('1152921515689848683', '2026-01-01T00:00:00Z'), entry('1152921515689847470', '2026-06-01T00:00:00Z'))).toEqual([
      '1152921515689847470',
      '1152921515689848683'
    ])
  })

  it('tells apart times that differ only in the 7th fractional digit', () => {
    const earlier = entry('1152921515689848683', '2022-02-04T20:07:22.4220588Z')
    const later = entry('1152921515689847470', '2022-02-04T20:07:22.4220589Z')
    expect(order(earlier, later)).toEqual(['1152921515689847470', '1152921515689848683'])
  })

  it('orders by the number as a big integer when created is missing or equal', () => {
    const at = '2022-02-04T20:07:22.4220588Z'
    expect(order(entry('1152921515689848682', at), entry('1152921515689848683', at))).toEqual([
      '1152921515689848683',
      '1152921515689848682'
    ])
    // Missing created is unknown, not the oldest: the bigger number is the newer one.
    expect(order(entry('1152921515689848683'), entry('1152921515689847470', at))).toEqual(['1152921515689848683', '1152921515689847470'])
    expect(order(entry('99999999999999999999999'), entry('1152921515689848683'))).toEqual([
      '99999999999999999999999',
      '1152921515689848683'
    ])
  })

  it('reads a created it cannot parse as unknown', () => {
    expect(order(entry('1152921515689848683', 'yesterday'), entry('1152921515689847470', '2022-02-04T20:07:22Z'))[0]).toBe(
      '1152921515689848683'
    )
  })
})

describe("Partner Center's page of the product, beside the operation location", () => {
  const PAGE = `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${GUID}/overview`

  it('is the offer overview page of a product whose id is a GUID, in lower case', () => {
    expect(partnerCenterPage(GUID.toUpperCase())).toEqual({ text: 'Partner Center', url: PAGE })
    expect(jobLocation(base, 'job-1', '2022-07-01', GUID).page?.url).toBe(PAGE)
    expect(submissionLocation(base, `submission/${GUID}/1152921515689848683`, '2022-07-01')?.page?.url).toBe(PAGE)
  })

  it('is left out for an id that is no GUID (Learn names its product 12345678-abcd-efgh-…), and for a job whose product is not known', () => {
    const learnProduct = (JSON.parse(productResource) as { id: string }).id.split('/')[1] as string
    expect(learnProduct).toBe('12345678-abcd-efgh-1234-12345678901')
    expect(partnerCenterPage(learnProduct)).toBeUndefined()
    expect(submissionLocation(base, `submission/${learnProduct}/1152921515689848683`, '2022-07-01')).not.toHaveProperty('page')
    for (const odd of ['', 'product', `${GUID}/x`, `${GUID}?x`, `${GUID}#`, `../${GUID}`, `${GUID.slice(0, 35)}`])
      expect(partnerCenterPage(odd)).toBeUndefined()
    // A job location given as input names no product: no page.
    expect(canonicalOperationLocation(`/rp/product-ingestion/configure/${GUID}/status`, base, '2022-07-01')).not.toHaveProperty('page')
    expect(jobLocation(base, 'job-1', '2022-07-01', learnProduct)).not.toHaveProperty('page')
  })
})

describe('submission ids are opaque strings', () => {
  it.each(['1', '1152921515689848683', '01152921515689848683', '12345678901234567890123456789012'.slice(0, 30)])(
    'keeps %s as sent',
    (n) => {
      expect(parseSubmissionId(`submission/${GUID}/${n}`)).toEqual({ productGuid: GUID, number: n })
      expect(submissionLocation(base, `submission/${GUID}/${n}`, '2022-07-01')).toEqual({
        kind: 'submission',
        url: new URL(`https://graph.microsoft.com/rp/product-ingestion/submission/${GUID}/${n}?$version=2022-07-01`),
        id: `submission/${GUID}/${n}`,
        page: { text: 'Partner Center', url: `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${GUID}/overview` }
      })
    }
  )

  it('keeps the case of the GUID as the service sent it', () => {
    const id = `submission/${GUID.toUpperCase()}/1152921515689848683`
    expect(submissionLocation(base, id, '2022-07-01')?.id).toBe(id)
  })

  it.each(['', '1'.repeat(31), '-1', '1e3', '0x10', '1.5', ' 1'])('refuses the number %j', (n) => {
    expect(parseSubmissionId(`submission/${GUID}/${n}`)).toBeUndefined()
  })
})

describe('Product Ingestion locations', () => {
  it('rebuilds job and submission locations under the base path, with $version', () => {
    expect(canonicalOperationLocation(`/rp/product-ingestion/configure/${GUID}/status`, base, '2022-07-01')).toEqual({
      kind: 'job',
      url: new URL(`https://graph.microsoft.com/rp/product-ingestion/configure/${GUID}/status?$version=2022-07-01`),
      id: GUID
    })
    expect(
      canonicalOperationLocation(
        `https://graph.microsoft.com/rp/product-ingestion/submission/${GUID}/1152921515689848683?$version=2022-03-01-preview2`,
        base,
        '2022-07-01'
      ).url.href
    ).toBe(`https://graph.microsoft.com/rp/product-ingestion/submission/${GUID}/1152921515689848683?$version=2022-03-01-preview2`)
    expect(submissionLocation(base, `submission/${GUID}/1152921515689848683`, '2022-07-01')?.id).toBe(
      `submission/${GUID}/1152921515689848683`
    )
    expect(submissionLocation(base, 'submission/x_y/1152921515689848683', '2022-07-01')).toBeUndefined()
    expect(submissionLocation(base, 'submission/-x/1152921515689848683', '2022-07-01')).toBeUndefined()
    // Product ids are opaque: Learn's own sample product id is no hex GUID.
    expect(submissionLocation(base, 'submission/12345678-abcd-efgh-1234-12345678901/1152921515689848683', '2022-07-01')?.id).toBe(
      'submission/12345678-abcd-efgh-1234-12345678901/1152921515689848683'
    )
  })

  it.each([
    [`/rp/product-ingestion/configure/${GUID}/status?x=1`, 'has a query other than $version'],
    [`/rp/product-ingestion/configure/${GUID}/status?$version=$(id)`, 'has a version ($version) that is not a date'],
    [`/rp/product-ingestion/configure/${GUID}/cancel`, 'is not a Product Ingestion job or submission path'],
    [`/rp/product-ingestion/submission/${GUID}/1152921515689848683/extra`, 'is not a Product Ingestion job or submission path'],
    [`/rp/other/configure/${GUID}/status`, 'is not under /rp/product-ingestion'],
    [
      `https://graph.microsoft.com.evil.example/rp/product-ingestion/configure/${GUID}/status`,
      'points to https://graph.microsoft.com.evil.example'
    ]
  ])('refuses %s', (raw, message) => {
    expect(() => canonicalOperationLocation(raw, base, '2022-07-01')).toThrow(message)
  })
})
