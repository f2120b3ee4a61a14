// The step's error: whether it adds how to check on the go-live later is the error's `resumable`
// flag (set where the failure is known: a failed go-live, a location the service refuses), never a
// search for the location in the message.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { failureText } = await import('../../src/run/failure-text.js')
const { conclude } = await import('../../src/run/conclude.js')
const { ActionError, CancelledError } = await import('../../src/errors.js')
const { ServiceError } = await import('../../src/http/service-error.js')
const { waitForOperation } = await import('../../src/wait/wait-for-operation.js')
const { parseOperation } = await import('../../src/wait/operation.js')
const { CppClient } = await import('../../src/apis/cloud-partner-portal/client.js')
const { canonicalOperationLocation } = await import('../../src/apis/cloud-partner-portal/locations.js')
const { staticTokenProvider } = await import('../../src/auth/static-token.js')

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const base = new URL('https://cloudpartner.azure.com')
const ref = canonicalOperationLocation(`/api/publishers/contoso/offers/vm/operations/${GUID}`, base, '2017-10-31')
const location = ref.url
const recorded = { phase: 'recorded' as const, facts: { result: 'running', location } }
const RESUME = `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.href} (add wait: true to wait for it).`
const answer = (status: number, body: string): HttpResponse => ({ status, headers: { 'content-type': 'text/plain' }, body })

/** A CPP client whose every request gets `response`. */
function cppClient(response: HttpResponse) {
  const transport: Transport = { request: async () => response, dispose: () => undefined }
  const tokens = staticTokenProvider('t', 'https://cloudpartner.azure.com')
  return new CppClient({
    baseUrl: base,
    apiVersion: '2017-10-31',
    transport,
    tokens,
    backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
  })
}

beforeEach(() => core.reset())

describe('failureText', () => {
  it('adds how to resume to a failure while the go-live goes on, even one whose message quotes the location', () => {
    // A gateway that echoes the URL it could not reach: the old search for the URL took this as "names it already".
    const error = new ServiceError('Reading the operation status', answer(502, `upstream failed for ${location.href}`))
    expect(error.message).toContain(location.href)
    expect(failureText(error, recorded)).toBe(`${error.message} ${RESUME}`)
  })

  it('leaves a failure that is not resumable as it is', () => {
    const error = new ActionError('The go-live failed: nope', { resumable: false })
    expect(failureText(error, recorded)).toBe('The go-live failed: nope')
  })

  it('words a cancellation by how far the run got', () => {
    const cancelled = new CancelledError('SIGTERM')
    expect(failureText(cancelled, { phase: 'not sent', facts: { result: 'not started' } })).toBe(
      'Received SIGTERM: the workflow is being cancelled, before any Go Live request was sent: nothing was started.'
    )
    expect(failureText(cancelled, { phase: 'sending', facts: { result: 'not started' } })).toMatch(
      /^Received SIGTERM: the workflow is being cancelled\. If the Go Live request had been sent, the go-live may have started/
    )
    expect(failureText(cancelled, recorded)).toBe(`Received SIGTERM: the workflow is being cancelled. ${RESUME}`)
    expect(failureText(cancelled, undefined)).toMatch(/before any Go Live request was sent/)
  })

  it('says a fault of the action is unexpected, and logs it for debugging', () => {
    expect(failureText(new TypeError('x is undefined'), recorded)).toBe(`Unexpected error: x is undefined. ${RESUME}`)
    const ended = { ...recorded, facts: { ...recorded.facts, result: 'failed' } }
    expect(failureText(new TypeError('x is undefined'), ended)).toBe('Unexpected error: x is undefined.')
    expect(core.logged('debug')[0]).toMatch(/^TypeError: x is undefined/)
  })
})

describe('the resumable flag', () => {
  it('is off for a go-live that ended without success', () => {
    const failed = parseOperation({ status: 'failed' })
    let thrown: unknown
    try {
      conclude(failed, 'started', 'contoso/vm')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ActionError)
    expect((thrown as InstanceType<typeof ActionError>).resumable).toBe(false)
    expect(failureText(thrown, { phase: 'recorded', facts: { result: 'failed', location } })).not.toContain('To check on it later')
  })

  it('is off for a CPP status read refused as about its location (its advice names it), on for the service having trouble', async () => {
    const read = async (status: number) => cppClient(answer(status, 'no')).readOperation(ref, { publisher: 'contoso', offer: 'vm' })
    await expect(read(404)).rejects.toMatchObject({
      resumable: false,
      message: expect.stringContaining(`No operation was found at ${location.href}`)
    })
    await expect(read(400)).rejects.toMatchObject({ resumable: false })
    await expect(read(500)).rejects.toMatchObject({ resumable: true })
    await expect(read(403)).rejects.toMatchObject({ resumable: true })
  })

  it.each([false, true])('passes from the last missed poll to the error that ends the wait (%s)', async (resumable) => {
    const missed = new ServiceError('Reading the operation status', answer(404, 'gone'))
    missed.resumable = resumable
    const wait = waitForOperation(
      async () => {
        throw missed
      },
      { intervalMs: 1, deadline: Date.now() + 10_000, onOperation: () => undefined, missedBudgetMs: 0 }
    )
    await expect(wait).rejects.toMatchObject({ resumable, message: expect.stringMatching(/giving up waiting\.$/) })
  })
})

describe('a fault of the action itself', () => {
  it('says what it may have left at the service: the go-live request sent, or a go-live recorded', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')")
    expect(failureText(bug, undefined)).toBe("Unexpected error: Cannot read properties of undefined (reading 'id').")
    expect(failureText(bug, { phase: 'sending', facts: { result: 'not started' } })).toBe(
      "Unexpected error: Cannot read properties of undefined (reading 'id'). The Go Live request had been sent, so the go-live may have started: a re-run finds and follows it instead of starting another."
    )
    expect(failureText(bug, recorded)).toBe(`Unexpected error: Cannot read properties of undefined (reading 'id'). ${RESUME}`)
  })
})
