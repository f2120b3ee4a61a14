import { describe, expect, it } from '@jest/globals'
import { cppFailure } from '../../src/apis/cloud-partner-portal/hints.js'
import { ServiceError, serviceDetail } from '../../src/http/service-error.js'

const subject = { publisher: 'contoso', offer: 'vm' }
const response = (status: number, body: string, type = '') => ({ status, body, headers: type ? { 'content-type': type } : {} })

describe('serviceDetail', () => {
  it('reads the documented JSON error shape', () => {
    expect(serviceDetail(response(400, '{"error":{"code":"InvalidAPIVersion","message":"Bad version"}}', 'application/json'))).toEqual({
      code: 'InvalidAPIVersion',
      message: 'Bad version'
    })
  })
  it('reads flat JSON, plain text, HTML pages and nothing', () => {
    expect(serviceDetail(response(500, '{"code":"X","message":"y"}'))).toEqual({ code: 'X', message: 'y' })
    expect(serviceDetail(response(502, 'upstream   went away', 'text/plain'))).toEqual({ message: 'upstream went away' })
    expect(
      serviceDetail(
        response(
          503,
          '<!DOCTYPE html><html><head><title>Service Unavailable</title><style>p{}</style></head><body><h1>Down</h1><p>Try later</p></body></html>',
          'text/html'
        )
      )
    ).toEqual({ message: 'Service Unavailable: Down Try later' })
    expect(serviceDetail(response(401, ''))).toEqual({})
  })
  it('cuts a long body to an excerpt', () => {
    const detail = serviceDetail(response(500, 'x'.repeat(5_000), 'text/plain'))
    expect(detail.message?.length).toBe(300)
  })
})

describe('ServiceError', () => {
  it('names what failed, the status, what the service said and what to do', () => {
    const error = cppFailure('The Go Live request', response(404, '{"error":{"code":"OfferNotFound","message":"No such offer"}}'), subject)
    expect(error.message).toBe(
      "The Go Live request failed: HTTP 404 Not Found (OfferNotFound: No such offer). Publisher 'contoso' or offer 'vm' was not found: check both ids (as shown in Partner Center) and that the offer exists for this publisher."
    )
  })
  it('points a 403 at the publisher account', () => {
    expect(cppFailure('X', response(403, ''), subject).message).toMatch(/add its service principal .* Partner Center account/)
  })
  it('points a 400 about the version at api-version', () => {
    expect(cppFailure('X', response(400, '{"error":{"code":"InvalidAPIVersion"}}'), subject).message).toMatch(/'api-version' input/)
  })
  it('gives no CPP advice for another API: only its own, or the transient advice', () => {
    expect(new ServiceError('X', response(404, '')).message).toBe('X failed: HTTP 404 Not Found.')
    expect(new ServiceError('X', response(503, '')).message).toMatch(/usually temporary/)
    expect(new ServiceError('X', response(403, ''), 'Add the app.').message).toBe('X failed: HTTP 403 Forbidden. Add the app.')
  })
})
