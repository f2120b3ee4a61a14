import { describe, expect, it } from '@jest/globals'
import { backoffFor, decideRetry, isTransientStatus, parseRetryAfter, retryDelay, withRetries } from '../../src/http/retry.js'
import { ServiceError, transientHint } from '../../src/http/service-error.js'
import { NetworkError, classifyNetworkError, type HttpResponse } from '../../src/http/transport.js'

const status = (code: number): HttpResponse => ({ status: code, headers: {}, body: '' })
const url = new URL('https://cloudpartner.azure.com')
const networkError = (code: string): NetworkError => classifyNetworkError(Object.assign(new Error(code), { code }), url)

describe('decideRetry', () => {
  it.each([408, 429, 500, 502, 503, 504, 507, 520, 599])('retries a read answered %d', (code) => {
    expect(decideRetry('read', status(code))).toBe('retry')
  })

  it.each([400, 401, 403, 404, 409, 422, 501, 505])('does not retry a read answered %d', (code) => {
    expect(decideRetry('read', status(code))).toBe('fail')
  })

  it('retries the go-live POST only when the service clearly did not act', () => {
    expect(decideRetry('trigger', status(429))).toBe('retry')
    expect(decideRetry('trigger', { status: 503, headers: { 'retry-after': '1' }, body: '' })).toBe('retry')
    expect(decideRetry('trigger', networkError('ECONNREFUSED'))).toBe('retry')
  })

  it('calls a POST failure ambiguous when the service may have acted', () => {
    for (const code of [500, 502, 504]) expect(decideRetry('trigger', status(code))).toBe('ambiguous')
    expect(decideRetry('trigger', networkError('ECONNRESET'))).toBe('ambiguous')
    expect(decideRetry('trigger', new NetworkError('timeout', 'TIMEOUT', true, true))).toBe('ambiguous')
  })

  it('retries every transient network failure of a read, and no TLS failure', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN'])
      expect(decideRetry('read', networkError(code))).toBe('retry')
    expect(decideRetry('read', networkError('CERT_HAS_EXPIRED'))).toBe('fail')
    expect(decideRetry('trigger', networkError('CERT_HAS_EXPIRED'))).toBe('fail')
  })

  it('classifies a malformed HTTP answer as maybe sent: a POST is ambiguous, a read is retried', () => {
    for (const code of ['HPE_HEADER_OVERFLOW', 'HPE_INVALID_HEADER_TOKEN', 'HPE_INVALID_CONSTANT']) {
      const error = classifyNetworkError(Object.assign(new Error('Parse Error: x'), { code }), url)
      expect(error).toMatchObject({ code, maybeSent: true, retryable: true })
      expect(decideRetry('trigger', error)).toBe('ambiguous')
      expect(decideRetry('read', error)).toBe('retry')
    }
  })

  it('never resends a POST that may have been sent, even when the failure is not retryable', () => {
    expect(decideRetry('trigger', new NetworkError('too large', 'BODY_TOO_LARGE', true, false))).toBe('ambiguous')
    expect(decideRetry('read', new NetworkError('too large', 'BODY_TOO_LARGE', true, false))).toBe('fail')
  })

  it('treats an unforeseen error after connecting as maybe sent', () => {
    expect(classifyNetworkError(new Error('something odd'), url)).toMatchObject({ maybeSent: true, retryable: true })
  })
})

describe('one transient-status rule', () => {
  // Every status a server can send: what a read retries is what a failure calls passing, and what
  // the advice calls temporary. 501 and 505 are verdicts no retry changes.
  const statuses = Array.from({ length: 900 }, (_, i) => i + 100)

  it('a read is retried exactly when the status is transient', () => {
    for (const code of statuses)
      expect([code, decideRetry('read', status(code))]).toEqual([code, isTransientStatus(code) ? 'retry' : 'fail'])
  })

  it('a failure is transient, and advised to be tried again later, exactly when a read of it is retried', () => {
    for (const code of statuses) {
      const retried = decideRetry('read', status(code)) === 'retry'
      expect([code, new ServiceError('Reading', status(code)).transient]).toEqual([code, retried])
      expect([code, transientHint(code) !== undefined]).toEqual([code, retried])
    }
  })

  it('names the members: 408, 429 and every 5xx but 501 and 505', () => {
    expect(statuses.filter(isTransientStatus)).toEqual([408, 429, 500, 502, 503, 504, ...statuses.filter((c) => c >= 506 && c <= 599)])
  })
})

describe('which outcomes of a go-live request may be re-sent', () => {
  // Before the connection was made (what the transport reads from the socket): nothing left the machine.
  const beforeConnecting = (code: string): NetworkError =>
    classifyNetworkError(Object.assign(new Error(`${code} before connecting`), { code }), url, false)

  it('re-sends only what certainly never reached the service, or what the service refused', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']) {
      expect(decideRetry('trigger', networkError(code))).toBe('retry')
      expect(decideRetry('trigger', beforeConnecting(code))).toBe('retry')
    }
    // A reset or a proxy's refusal before the connection (or TLS handshake) was made.
    expect(decideRetry('trigger', beforeConnecting('ECONNRESET'))).toBe('retry')
    expect(decideRetry('trigger', beforeConnecting('ERR_UNKNOWN'))).toBe('retry')
    expect(decideRetry('trigger', status(429))).toBe('retry')
    // A 503 in the service's own words: a Retry-After, or a JSON error body.
    expect(decideRetry('trigger', { status: 503, headers: { 'retry-after': '5' }, body: '' })).toBe('retry')
    const said = '{"error":{"code":"serviceUnavailable","message":"The service is unavailable."}}'
    expect(decideRetry('trigger', { status: 503, headers: {}, body: said })).toBe('retry')
  })

  it("never re-sends a bare 503 page: a gateway's backend may have acted (Front Door's OriginTimeout)", () => {
    expect(decideRetry('trigger', status(503))).toBe('ambiguous')
    expect(decideRetry('trigger', { status: 503, headers: {}, body: '<html><body>Service Unavailable</body></html>' })).toBe('ambiguous')
    expect(decideRetry('trigger', { status: 503, headers: {}, body: '{"error":"OriginTimeout"}' })).toBe('ambiguous')
  })

  it('never re-sends what may have reached the service: any 5xx but 503, a 408, a break after connecting', () => {
    for (const code of [500, 501, 502, 504, 505, 507, 508, 520, 599, 408]) expect(decideRetry('trigger', status(code))).toBe('ambiguous')
    for (const code of ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'HPE_INVALID_CONSTANT']) {
      expect(decideRetry('trigger', networkError(code))).toBe('ambiguous')
      expect(decideRetry('trigger', classifyNetworkError(Object.assign(new Error(code), { code }), url, true))).toBe('ambiguous')
    }
    for (const code of ['TIMEOUT', 'BODY_CUT', 'BODY_TOO_LARGE'])
      expect(decideRetry('trigger', new NetworkError(code, code, true, true))).toBe('ambiguous')
  })

  it('after the connection was made, no error code makes the request safe to re-send (a route lost mid-request, a TLS record error)', () => {
    // EHOSTUNREACH and ENETUNREACH also end an established connection (ICMP after retransmissions);
    // EPROTO and ERR_SSL_* also come after the handshake, once the request may have been written.
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'EPROTO', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC']) {
      const afterConnecting = classifyNetworkError(Object.assign(new Error(code), { code }), url, true)
      expect(afterConnecting).toMatchObject({ code, maybeSent: true })
      expect(decideRetry('trigger', afterConnecting)).toBe('ambiguous')
    }
  })

  it('a TLS failure before the request left is not re-sent either: retrying does not heal a certificate', () => {
    expect(beforeConnecting('CERT_HAS_EXPIRED')).toMatchObject({ maybeSent: false, retryable: false })
    expect(decideRetry('trigger', beforeConnecting('CERT_HAS_EXPIRED'))).toBe('fail')
  })

  it('an answer of the service (4xx) is final', () => {
    for (const code of [400, 401, 403, 404, 409, 422]) expect(decideRetry('trigger', status(code))).toBe('fail')
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-21T10:00:00Z')
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7_000)
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter(['3'], now)).toBe(3_000)
  })
  it('ignores what it cannot read, and past dates ask for no wait', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-1', now)).toBeUndefined()
    expect(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0)
  })
})

describe('retryDelay', () => {
  const settings = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 }
  it('grows exponentially within [half, full] of the step, capped', () => {
    expect(retryDelay(1, settings, undefined, () => 0)).toBe(500)
    expect(retryDelay(1, settings, undefined, () => 1)).toBe(1_000)
    expect(retryDelay(3, settings, undefined, () => 1)).toBe(4_000)
    expect(retryDelay(10, settings, undefined, () => 1)).toBe(30_000)
    expect(retryDelay(10, settings, undefined, () => 0)).toBe(15_000)
  })
  it('treats Retry-After as a floor, not a cap', () => {
    expect(retryDelay(1, settings, 20_000, () => 0)).toBe(20_000)
    expect(retryDelay(5, settings, 100, () => 1)).toBe(16_000)
  })
  it('scales with the poll interval: seconds in production, milliseconds in tests', () => {
    expect(backoffFor(60_000)).toEqual({ maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 })
    expect(backoffFor(40)).toEqual({ maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 40 })
  })
})

describe('withRetries', () => {
  const backoff = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }
  const answers = (...outcomes: Array<HttpResponse | NetworkError>) => {
    const queue = [...outcomes]
    const sent: number[] = []
    return { sent, send: async () => (sent.push(Date.now()), queue.shift() ?? status(200)) }
  }
  const throttled = (retryAfter: string): HttpResponse => ({ status: 429, headers: { 'retry-after': retryAfter }, body: '' })

  it('retries until an answer is worth keeping, telling why before each wait', async () => {
    const { send, sent } = answers(status(503), networkError('ECONNRESET'))
    const told: string[] = []
    const settled = await withRetries(send, { kind: 'read', backoff, onRetry: (said, _delay, next) => told.push(`${said} -> ${next}`) })
    expect(settled).toMatchObject({ verdict: 'done', attempts: 3, outcome: { status: 200 } })
    expect(sent).toHaveLength(3)
    expect(told).toEqual(['HTTP 503 -> 2', 'the connection to cloudpartner.azure.com broke (ECONNRESET) -> 3'])
  })

  it('waits at least what Retry-After asks', async () => {
    const { send, sent } = answers(throttled('1'))
    await withRetries(send, { kind: 'read', backoff })
    expect((sent[1] as number) - (sent[0] as number)).toBeGreaterThanOrEqual(990)
  })

  it('stops instead of waiting longer than the cap, and after the last attempt', async () => {
    expect(await withRetries(answers(throttled('3600')).send, { kind: 'read', backoff })).toMatchObject({
      verdict: 'too-long',
      attempts: 1,
      retryAfterMs: 3_600_000
    })
    expect(await withRetries(answers(status(500), status(500), status(500)).send, { kind: 'read', backoff })).toMatchObject({
      verdict: 'exhausted',
      attempts: 3
    })
  })

  it('plans no attempt after the deadline: a Retry-After past it ends the loop at once', async () => {
    const { send, sent } = answers(throttled('3'), status(202))
    const settled = await withRetries(send, { kind: 'trigger', backoff, deadline: Date.now() + 1_000 })
    expect(settled).toMatchObject({ verdict: 'past-deadline', attempts: 1, outcome: { status: 429 } })
    expect(sent).toHaveLength(1)
  })

  it('hands back an ambiguous POST and an answer not worth retrying at once', async () => {
    expect(await withRetries(answers(status(502)).send, { kind: 'trigger', backoff })).toMatchObject({ verdict: 'ambiguous', attempts: 1 })
    expect(await withRetries(answers(status(404)).send, { kind: 'read', backoff })).toMatchObject({
      verdict: 'done',
      attempts: 1,
      outcome: { status: 404 }
    })
  })
})
