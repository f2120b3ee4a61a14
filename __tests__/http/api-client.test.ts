// A bug is not an outage: the JSON client calls an answer unexpected only when it is not JSON or
// not the shape a parser needs (a ShapeError). A TypeError in the action's own parser is a fault of
// the action: it fails the step at once, and the wait never counts it as a missed poll.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { ApiClient, UnexpectedAnswerError } = await import('../../src/http/api-client.js')
const { ShapeError } = await import('../../src/errors.js')
const { ServiceError } = await import('../../src/http/service-error.js')
const { waitForOperation } = await import('../../src/wait/wait-for-operation.js')
const { parseOperation } = await import('../../src/wait/operation.js')

const url = new URL('https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/4f3c2a3e-9d8b-4c1a-8e1f-0a1b2c3d4e5f')
const running = JSON.stringify({ id: '4f3c2a3e-9d8b-4c1a-8e1f-0a1b2c3d4e5f', status: 'running', steps: [] })

/** A transport that answers 200 with `bodies` in turn (the last one again when they run out). */
function answering(...bodies: string[]): Transport & { sent: number } {
  const transport = {
    sent: 0,
    request: async (): Promise<HttpResponse> => {
      const body = bodies[Math.min(transport.sent, bodies.length - 1)] as string
      transport.sent++
      return { status: 200, headers: { 'content-type': 'application/json' }, body }
    },
    dispose: () => undefined
  }
  return transport
}

function clientOn(transport: Transport) {
  const tokens = { renewable: false, getToken: async () => 'token', renew: async () => undefined, rejectionHint: () => 'rejected' }
  return new ApiClient({ transport, tokens, backoff: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } })
}

const failure = (response: HttpResponse) => new ServiceError('Reading', response)

/** A parser with a bug of the action's own: it reads a field of something that is not there. */
const buggy = (json: unknown): never => (json as { steps: { missing: { name: string } } }).steps.missing.name as never

describe('ApiClient.readJson', () => {
  beforeEach(() => core.reset())

  it('a body that is not JSON is an unexpected answer', async () => {
    await expect(clientOn(answering('<html>maintenance</html>')).readJson(url, 'Reading', parseOperation, failure)).rejects.toThrow(
      new UnexpectedAnswerError('Reading failed: the answer is not JSON the action can read (<html>maintenance</html>).')
    )
  })

  it('an answer of the wrong shape (a ShapeError) is an unexpected answer that says what it is not', async () => {
    const error = await clientOn(answering('"just a string"'))
      .readJson(url, 'Reading', parseOperation, failure)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnexpectedAnswerError)
    expect((error as Error).message).toBe('Reading failed: the answer is not a JSON object ("just a string").')
  })

  it('a TypeError in the parser is not an unexpected answer: it is thrown as it is', async () => {
    const error = await clientOn(answering(running))
      .readJson(url, 'Reading', buggy, failure)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(error).not.toBeInstanceOf(UnexpectedAnswerError)
  })

  it('any other error a parser throws is not made an unexpected answer either', async () => {
    const parse = (): never => {
      throw new Error('a plain Error is a fault of the action, not a shape of the answer')
    }
    const error = await clientOn(answering(running))
      .readJson(url, 'Reading', parse, failure)
      .catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(UnexpectedAnswerError)
  })
})

describe('a fault while waiting', () => {
  beforeEach(() => {
    core.reset()
    jest.useFakeTimers({ now: Date.parse('2026-11-20T10:00:00Z') })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  const wait = (read: () => Promise<unknown>) =>
    waitForOperation(read as never, {
      intervalMs: 1_000,
      deadline: Date.now() + 60_000,
      missedBudgetMs: 10_000,
      onOperation: () => undefined
    })

  it('a parser that throws a TypeError mid-wait ends the wait at the first poll, with no missed poll', async () => {
    const transport = answering(running)
    const client = clientOn(transport)
    let reads = 0
    const outcome = wait(() =>
      client.readOperation(url, 'Reading the operation status', reads++ === 0 ? parseOperation : buggy, failure)
    ).catch((e: unknown) => e)
    await jest.runAllTimersAsync()
    expect(await outcome).toBeInstanceOf(TypeError)
    expect(transport.sent).toBe(2) // the good poll, then the one that hit the bug: nothing after it
    expect(core.logged('warning')).toEqual([])
  })

  it('an answer of the wrong shape still costs one poll, not the wait', async () => {
    const transport = answering(running, '[]', JSON.stringify({ status: 'succeeded' }))
    const client = clientOn(transport)
    const outcome = wait(() => client.readOperation(url, 'Reading the operation status', parseOperation, failure))
    await jest.runAllTimersAsync()
    expect(await outcome).toMatchObject({ kind: 'finished', operation: { state: 'succeeded' } })
    expect(core.logged('warning')).toEqual([
      'Poll 2 missed: Reading the operation status failed: the answer is not a JSON object ([]). Trying again at the next poll.'
    ])
  })

  it('a ShapeError thrown by a parser is what makes an answer unexpected', () => {
    expect(() => parseOperation(42)).toThrow(ShapeError)
  })
})
