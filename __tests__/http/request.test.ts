// The one request wrapper: sign-in reads through it, the JSON client sends each attempt through it.
import { describe, expect, it } from '@jest/globals'
import { exchange, readWithRetries } from '../../src/http/request.js'
import { NetworkError, type HttpResponse, type Transport } from '../../src/http/transport.js'

const url = new URL('https://login.microsoftonline.com/common/discovery/instance')
const backoff = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 }
const said = '{"error":"temporarily_unavailable","error_description":"The service is down."}'

/** Answers (or throws) `outcomes` in turn, the last one again when they run out. */
function transport(...outcomes: Array<HttpResponse | Error>): Transport & { sent: number } {
  const t = {
    sent: 0,
    request: async (): Promise<HttpResponse> => {
      const outcome = outcomes[Math.min(t.sent++, outcomes.length - 1)] as HttpResponse | Error
      if (outcome instanceof Error) throw outcome
      return outcome
    },
    dispose: () => undefined
  }
  return t
}
const answer = (status: number, body = ''): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, body })
const outage = (words: string) => new Error(`outage: ${words}`)
const read = (t: Transport) => readWithRetries(t, 'GET', url, { headers: {}, backoff }, outage)

describe('exchange', () => {
  it('keeps a failure that brought no answer as a NetworkError, and throws anything else', async () => {
    const lost = new NetworkError('could not connect to x (ECONNREFUSED)', 'ECONNREFUSED', false, true)
    expect(await exchange(transport(lost), 'GET', url, { headers: {} })).toBe(lost)
    await expect(exchange(transport(new TypeError('a bug')), 'GET', url, { headers: {} })).rejects.toThrow(TypeError)
  })
})

describe('readWithRetries', () => {
  it('retries a transient status and returns the answer that came', async () => {
    const t = transport(answer(503), answer(429), answer(200, '{}'))
    expect(await read(t)).toMatchObject({ status: 200 })
    expect(t.sent).toBe(3)
  })

  it('a transient status that lasts is an outage, told with what the service said', async () => {
    const t = transport(answer(507, said))
    await expect(read(t)).rejects.toThrow('outage: HTTP 507 (temporarily_unavailable: The service is down.)')
    expect(t.sent).toBe(3)
  })

  it('no answer after the retries is an outage, told with why', async () => {
    const t = transport(new NetworkError('no response from x within 1s', 'TIMEOUT', true, true))
    await expect(read(t)).rejects.toThrow('outage: no response from x within 1s')
    expect(t.sent).toBe(3)
  })

  it('a verdict (a 4xx, a 501) is returned at once for the caller to judge', async () => {
    for (const status of [400, 401, 501, 505]) {
      const t = transport(answer(status))
      expect(await read(t)).toMatchObject({ status })
      expect(t.sent).toBe(1)
    }
  })

  it('a fault of the action (a TypeError) is neither retried nor an outage', async () => {
    const t = transport(new TypeError('a bug'))
    await expect(read(t)).rejects.toThrow(TypeError)
    expect(t.sent).toBe(1)
  })
})
