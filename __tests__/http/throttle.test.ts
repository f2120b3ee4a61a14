// One throttle per step, shared by every request of every offer: a Retry-After the service sends on
// a 429 or 503 holds every request until then, capped, bounded by the signal.
// On fake time: the transports are scripted and record when each request was sent.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { Throttle } = await import('../../src/http/throttle.js')
const { ApiClient, RetriesExhaustedError } = await import('../../src/http/api-client.js')
const { MAX_RETRY_AFTER_MS } = await import('../../src/http/retry.js')
const { ServiceError } = await import('../../src/http/service-error.js')
const { parseOperation } = await import('../../src/wait/operation.js')
const { CancelledError, DeadlineError } = await import('../../src/errors.js')

beforeEach(() => {
  core.reset()
  jest.useFakeTimers({ now: 0 })
})
afterEach(() => {
  jest.useRealTimers()
})

/** Resolves `promise` on fake time, recording when (ms) it settled. */
function timed(promise: Promise<unknown>) {
  const result: { at?: number; value?: unknown; error?: unknown } = {}
  void promise.then(
    (value) => Object.assign(result, { at: Date.now(), value }),
    (error: unknown) => Object.assign(result, { at: Date.now(), error })
  )
  return result
}

describe('Throttle', () => {
  it('ready() resolves at once when the service asked for nothing', async () => {
    const ready = timed(new Throttle().ready())
    await jest.advanceTimersByTimeAsync(0)
    expect(ready.at).toBe(0)
  })

  it('ready() waits until the time the service asked for', async () => {
    const throttle = new Throttle()
    throttle.slowDown(5_000)
    const ready = timed(throttle.ready())
    await jest.advanceTimersByTimeAsync(4_999)
    expect(ready.at).toBeUndefined()
    await jest.advanceTimersByTimeAsync(1)
    expect(ready.at).toBe(5_000)
  })

  it('the latest time asked wins, also for a request already waiting', async () => {
    const throttle = new Throttle()
    throttle.slowDown(5_000)
    throttle.slowDown(2_000) // earlier than 5 s: changes nothing
    const ready = timed(throttle.ready())
    await jest.advanceTimersByTimeAsync(1_000)
    throttle.slowDown(8_000) // until 9 s
    await jest.advanceTimersByTimeAsync(5_000)
    expect(ready.at).toBeUndefined()
    await jest.advanceTimersByTimeAsync(3_000)
    expect(ready.at).toBe(9_000)
  })

  it('caps what it waits for at the longest Retry-After one request waits for', async () => {
    const throttle = new Throttle()
    throttle.slowDown(3_600_000)
    expect(throttle.waitMs()).toBe(MAX_RETRY_AFTER_MS)
    const ready = timed(throttle.ready())
    await jest.advanceTimersByTimeAsync(3_600_000)
    expect(ready.at).toBe(MAX_RETRY_AFTER_MS)
  })

  it('holds nothing past a deadline: a plain wait ends at it as the timeout, a refusable one is refused at once', async () => {
    const throttle = new Throttle()
    throttle.slowDown(5_000)
    const read = timed(throttle.ready(undefined, 2_000))
    const refused = timed(throttle.ready(undefined, 2_000, (wait) => new Error(`would wait ${wait} ms`)))
    await jest.advanceTimersByTimeAsync(0)
    expect(refused).toMatchObject({ at: 0, error: new Error('would wait 5000 ms') })
    await jest.advanceTimersByTimeAsync(2_000)
    expect(read.at).toBe(2_000)
    expect(read.error).toBeInstanceOf(DeadlineError)
  })

  it.each([0, -5, Number.NaN])('ignores a slow-down of %p ms', (ms) => {
    const throttle = new Throttle()
    throttle.slowDown(ms)
    expect(throttle.waitMs()).toBe(0)
  })

  it('a wait rejects with the reason of its signal when it aborts', async () => {
    const throttle = new Throttle()
    throttle.slowDown(5_000)
    const controller = new AbortController()
    const ready = timed(throttle.ready(controller.signal))
    await jest.advanceTimersByTimeAsync(1_000)
    controller.abort(new CancelledError('SIGTERM'))
    await jest.advanceTimersByTimeAsync(0)
    expect(ready).toMatchObject({ at: 1_000, error: expect.any(CancelledError) })
  })
})

const url = (offer: string) => new URL(`https://cloudpartner.azure.com/api/publishers/contoso/offers/${offer}/status`)
const running = JSON.stringify({ status: 'running', steps: [] })
const ok = (headers: Record<string, string> = {}): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json', ...headers },
  body: running
})

/** A transport answering `answers` in turn (the last again), recording when each request came. */
function scripted(...answers: HttpResponse[]): Transport & { at: number[]; latencyMs: number } {
  const transport = {
    at: [] as number[],
    latencyMs: 0,
    request: async (): Promise<HttpResponse> => {
      transport.at.push(Date.now())
      if (transport.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, transport.latencyMs))
      return answers[Math.min(transport.at.length - 1, answers.length - 1)] as HttpResponse
    },
    dispose: () => undefined
  }
  return transport
}

type Options = Partial<ConstructorParameters<typeof ApiClient>[0]>
function clientOn(transport: Transport, options: Options = {}) {
  const tokens = { renewable: false, getToken: async () => 'token', renew: async () => undefined, rejectionHint: () => 'rejected' }
  return new ApiClient({ transport, tokens, backoff: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 }, ...options })
}

const failure = (response: HttpResponse) => new ServiceError('Reading', response)
const readWith = (client: InstanceType<typeof ApiClient>, offer: string) => client.readJson(url(offer), 'Reading', parseOperation, failure)

describe('ApiClient with a throttle shared by two offers', () => {
  const throttled = (status: number, seconds: string): HttpResponse => ({ status, headers: { 'retry-after': seconds }, body: '' })

  it("a 429 with Retry-After 5 s on one offer's read holds the other's next request 5 s", async () => {
    const throttle = new Throttle()
    const a = scripted(throttled(429, '5'), ok())
    const b = scripted(ok())
    const first = timed(readWith(clientOn(a, { throttle }), 'vm1'))
    await jest.advanceTimersByTimeAsync(100)
    const second = timed(readWith(clientOn(b, { throttle }), 'vm2'))
    await jest.advanceTimersByTimeAsync(10_000)
    expect(a.at).toEqual([0, 5_000]) // its own retry, as before
    expect(b.at).toEqual([5_000]) // asked at 100 ms, sent when the service allowed
    expect(first.error ?? second.error).toBeUndefined()
  })

  it("a retry waits for the throttle too: another offer's longer Retry-After holds it", async () => {
    const throttle = new Throttle()
    const a = scripted(throttled(429, '1'), ok())
    const b = scripted(throttled(429, '5'), ok())
    b.latencyMs = 500
    void readWith(clientOn(a, { throttle }), 'vm1')
    void readWith(clientOn(b, { throttle }), 'vm2')
    await jest.advanceTimersByTimeAsync(10_000)
    // vm1's own Retry-After said 1 s; vm2's 429, answered at 0.5 s, asked for 5 s from then.
    expect(a.at).toEqual([0, 5_500])
    expect(b.at).toEqual([0, 5_500])
  })

  it('without a shared throttle the other offer is not held (as before)', async () => {
    const a = scripted(throttled(429, '5'), ok())
    const b = scripted(ok())
    void readWith(clientOn(a), 'vm1')
    await jest.advanceTimersByTimeAsync(100)
    void readWith(clientOn(b), 'vm2')
    await jest.advanceTimersByTimeAsync(10_000)
    expect(b.at).toEqual([100])
  })

  it("a 503 with Retry-After on a go-live request slows the other offer's requests too", async () => {
    const throttle = new Throttle()
    const a = scripted(throttled(503, '3'), { status: 202, headers: {}, body: '' })
    const b = scripted(ok())
    void clientOn(a, { throttle }).send('POST', url('vm1'), 'trigger', 'The Go Live request', failure, {})
    await jest.advanceTimersByTimeAsync(0)
    void readWith(clientOn(b, { throttle }), 'vm2')
    await jest.advanceTimersByTimeAsync(5_000)
    expect(a.at).toEqual([0, 3_000])
    expect(b.at).toEqual([3_000])
  })

  it("a Retry-After on a status answer (200) paces that offer's wait only: the other offer's read goes at once", async () => {
    const throttle = new Throttle()
    const a = scripted(ok({ 'retry-after': '2' }))
    const b = scripted(ok())
    const read = await clientOn(a, { throttle }).readOperation(url('vm1'), 'Reading', parseOperation, failure)
    expect(read.retryAfterMs).toBe(2_000)
    expect(throttle.waitMs()).toBe(0)
    void readWith(clientOn(b, { throttle }), 'vm2')
    await jest.advanceTimersByTimeAsync(3_000)
    expect(b.at).toEqual([0])
  })

  it('a 503 without Retry-After slows no one', async () => {
    const throttle = new Throttle()
    void readWith(clientOn(scripted({ status: 503, headers: {}, body: '' }, ok()), { throttle }), 'vm1')
    await jest.advanceTimersByTimeAsync(0)
    expect(throttle.waitMs()).toBe(0)
  })

  it("a go-live request the throttle would hold past the step's timeout is not sent", async () => {
    const throttle = new Throttle()
    throttle.slowDown(60_000)
    const transport = scripted({ status: 202, headers: {}, body: '' })
    const client = clientOn(transport, { throttle, deadline: 30_000 })
    const sent = timed(client.send('POST', url('vm1'), 'trigger', 'The Go Live request', failure, {}))
    await jest.advanceTimersByTimeAsync(0)
    expect(transport.at).toEqual([])
    expect(sent.error).toBeInstanceOf(RetriesExhaustedError)
    expect((sent.error as Error).message).toBe(
      "The Go Live request was not sent: the service asked for 1m before the next request, which would come after the step's timeout. The service did not act on it (nothing was started): run the step again later, or give it a longer timeout."
    )
  })

  it('a cancellation while held ends the request with the CancelledError, nothing sent', async () => {
    const throttle = new Throttle()
    throttle.slowDown(60_000)
    const controller = new AbortController()
    const transport = scripted(ok())
    const read = timed(readWith(clientOn(transport, { throttle, signal: controller.signal }), 'vm1'))
    await jest.advanceTimersByTimeAsync(1_000)
    controller.abort(new CancelledError('SIGINT'))
    await jest.advanceTimersByTimeAsync(0)
    expect(read.error).toBeInstanceOf(CancelledError)
    expect(transport.at).toEqual([])
  })
})
