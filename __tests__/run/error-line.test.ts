// An offer's error line, rendered from its outcome: the problem, and when its go-live goes on at the
// service (the problem says so, never a search of its text) how to follow it: the operation-location
// input with one offer, running the step again with several.
import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppRef } from '../helpers/refs.js'
import type { HttpResponse } from '../../src/http/transport.js'
import type { Outcome } from '../../src/run/outcome.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { errorText } = await import('../../src/run/error-line.js')
const { endedBy } = await import('../../src/run/ending.js')
const { CancelledError } = await import('../../src/errors.js')
const { ServiceError } = await import('../../src/http/service-error.js')
const { parseOperation } = await import('../../src/wait/operation.js')

const ref = cppRef()
const location = ref.url
const RESUME = `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.href} (add wait: true to wait for it).`
const RERUN = 'The go-live goes on at the service; nothing was cancelled: run the step again to follow it.'
const goLive = { location: ref, how: 'started' as const }
const running: Outcome = { phase: 'started', goLive, state: 'running' }
const context = { label: 'contoso/vm', timeoutMs: 60_000 }
const line = (outcome: Outcome, several = false) => errorText({ outcome }, several)

describe('errorText', () => {
  it('is undefined while nothing ended the offer without success', () => {
    for (const outcome of [
      { phase: 'not sent' },
      { phase: 'sending' },
      { phase: 'maybe started' },
      running,
      { phase: 'finished', goLive, state: 'succeeded' }
    ] as Outcome[])
      expect(line(outcome)).toBeUndefined()
  })

  it('adds how to follow a go-live that goes on, also to a message that quotes its location', () => {
    // A gateway that echoes the URL it could not reach: a search for the URL would take this as "names it already".
    const answer: HttpResponse = { status: 502, headers: { 'content-type': 'text/plain' }, body: `upstream failed for ${location.href}` }
    const error = new ServiceError('Reading the operation status', answer)
    expect(error.message).toContain(location.href)
    expect(line(endedBy(running, error, context))).toBe(`${error.message} ${RESUME}`)
  })

  it('with several offers, says to run the step again (operation-location takes one offer)', () => {
    const outcome: Outcome = { ...running, problem: { text: 'Timed out after 1m waiting for the go-live of contoso/vm.', goesOn: true } }
    expect(line(outcome, true)).toBe(`Timed out after 1m waiting for the go-live of contoso/vm. ${RERUN}`)
    expect(line(outcome, false)).toBe(`Timed out after 1m waiting for the go-live of contoso/vm. ${RESUME}`)
  })

  it('ends the problem with a full stop before the hint, and adds none after one', () => {
    expect(line({ ...running, problem: { text: 'The timeout passed', goesOn: true } })).toBe(`The timeout passed. ${RESUME}`)
    expect(line({ ...running, problem: { text: 'Why?', goesOn: true } })).toBe(`Why? ${RESUME}`)
  })

  it('words a cancellation by how far the run got', () => {
    const cancelled = new CancelledError('SIGTERM')
    expect(line(endedBy({ phase: 'not sent' }, cancelled, context))).toBe(
      'Received SIGTERM: the workflow is being cancelled, before the go-live request of contoso/vm was sent: nothing was sent.'
    )
    expect(line(endedBy({ phase: 'sending' }, cancelled, context))).toMatch(
      /^The go-live may have started: run the step again to follow it .* Received SIGTERM: the workflow is being cancelled while the go-live request of contoso\/vm was on its way\.$/
    )
    expect(line(endedBy(running, cancelled, context))).toBe(`Received SIGTERM: the workflow is being cancelled. ${RESUME}`)
  })

  it('says a fault of the action is unexpected, and adds the hint only while the go-live goes on', () => {
    expect(line(endedBy(running, new TypeError('x is undefined'), context))).toBe(`Unexpected error: x is undefined. ${RESUME}`)
    const ended: Outcome = { phase: 'finished', goLive: { ...goLive, operation: parseOperation({ status: 'failed' }) }, state: 'failed' }
    expect(line(endedBy(ended, new TypeError('x is undefined'), context))).toBe('Unexpected error: x is undefined.')
  })

  it('leaves a problem as it is when the go-live does not go on, or none is named', () => {
    expect(line({ ...running, problem: { text: 'The go-live failed: nope', goesOn: false } })).toBe('The go-live failed: nope')
    const liveUnnamed: Outcome = {
      phase: 'finished',
      goLive: { how: 'live', operation: parseOperation({ status: 'succeeded' }) },
      state: 'succeeded',
      problem: { text: 'Could not write the outputs.', goesOn: true }
    }
    expect(line(liveUnnamed)).toBe('Could not write the outputs.')
    expect(line({ phase: 'not sent', problem: { text: 'Refused.', goesOn: false } })).toBe('Refused.')
  })
})
