// What a failure leaves behind is decided by how far the offer got (its phase), never by searching a
// message: before anything was sent, nothing was ("nothing was sent"); once the request may be on its
// way, the go-live may have started (`unknown`, and what to do first); once it is named, it keeps its
// last known state, and whether it goes on at the service is the error's `resumable` flag.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppRef } from '../helpers/refs.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'
import type { Outcome } from '../../src/run/outcome.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { endedBy, stepFailureText } = await import('../../src/run/ending.js')
const { problemOf, statusOf } = await import('../../src/run/outcome.js')
const { conclude } = await import('../../src/run/conclude.js')
const { WaitTimedOutError } = await import('../../src/run/wait.js')
const { ActionError, CancelledError, DeadlineError, ServiceUnavailableError, SignInError } = await import('../../src/errors.js')
const { MAY_HAVE_STARTED, OutcomeUnknownError } = await import('../../src/http/lost-answers.js')
const { ServiceError } = await import('../../src/http/service-error.js')
const { waitForOperation } = await import('../../src/wait/wait-for-operation.js')
const { parseOperation } = await import('../../src/wait/operation.js')
const { CppClient } = await import('../../src/apis/cloud-partner-portal/client.js')
const { staticTokenProvider } = await import('../../src/auth/static-token.js')

const context = { label: 'contoso/vm', timeoutMs: 3_600_000 }
const ref = cppRef()
const goLive = { location: ref, how: 'started' as const }
const BUG = "Cannot read properties of undefined (reading 'id')"

/** Each kind of error an offer's run can end with. */
const errors = {
  deadline: () => new DeadlineError(),
  cancelled: () => new CancelledError('SIGTERM'),
  refusal: () => new ActionError("The CPP API refused the Go Live request (400 Bad Request): 'no plan'."),
  'never sent': () => new ActionError('contoso/vm cannot go live now, so no Go Live request was sent: the offer was never published.'),
  'outcome unknown': () =>
    new OutcomeUnknownError(
      `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/vm was listed in 7 looks over 1m 1s.`
    ),
  fault: () => new TypeError(BUG)
}
type Kind = keyof typeof errors

beforeEach(() => core.reset())

describe('endedBy: nothing sent', () => {
  const notSent: Outcome = { phase: 'not sent' }
  it.each<[Kind, string]>([
    [
      'deadline',
      'The timeout (1h) passed before the go-live of contoso/vm was started: nothing was sent; run the step again to take it live.'
    ],
    [
      'cancelled',
      'Received SIGTERM: the workflow is being cancelled, before the go-live request of contoso/vm was sent: nothing was sent.'
    ],
    ['never sent', 'contoso/vm cannot go live now, so no Go Live request was sent: the offer was never published. Nothing was sent.'],
    ['refusal', "The CPP API refused the Go Live request (400 Bad Request): 'no plan'. Nothing was sent."],
    ['fault', `Unexpected error: ${BUG}. Nothing was sent.`]
  ])('%s: not started, saying nothing was sent', (kind, text) => {
    expect(endedBy(notSent, errors[kind](), context)).toEqual({ phase: 'not sent', refused: false, problem: { text, goesOn: false } })
  })

  it('says nothing was sent after a sign-in that failed mid-run (a renewal refused)', () => {
    const error = new SignInError('Signing in to Microsoft Entra ID failed: AADSTS7000215 invalid client secret.', { outage: false })
    expect(endedBy(notSent, error, context)).toMatchObject({ problem: { text: `${error.message} Nothing was sent.` } })
  })

  it('logs the stack of a fault of the action for debugging', () => {
    endedBy(notSent, errors.fault(), context)
    expect(core.logged('debug')[0]).toMatch(/^TypeError: Cannot read properties of undefined/)
  })

  it('a dry run that failed after (or while) reading is not started too', () => {
    const checked: Outcome = {
      phase: 'checked',
      report: { offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'A go-live would start now.' }
    }
    expect(endedBy(checked, errors.fault(), context)).toEqual({
      phase: 'not sent',
      refused: false,
      problem: { text: `Unexpected error: ${BUG}. Nothing was sent.`, goesOn: false }
    })
  })
})

describe('endedBy: refused by the service', () => {
  const refused: Outcome = { phase: 'not sent', refused: true }
  it('is not started, with the service’s refusal as it is', () => {
    expect(endedBy(refused, errors.refusal(), context)).toEqual({
      phase: 'not sent',
      refused: true,
      problem: { text: "The CPP API refused the Go Live request (400 Bad Request): 'no plan'.", goesOn: false }
    })
  })

  it('the deadline after a refusal says the request was refused, not that nothing was sent', () => {
    expect(endedBy(refused, errors.deadline(), context)).toMatchObject({
      phase: 'not sent',
      refused: true,
      problem: {
        text: 'The timeout (1h) passed before the go-live of contoso/vm could be started (the service had refused its request: nothing started); run the step again to take it live.'
      }
    })
  })
})

describe('endedBy: the request may have gone out', () => {
  it.each<[Kind, string]>([
    ['deadline', `${MAY_HAVE_STARTED} The timeout (1h) passed before the answer to the go-live request of contoso/vm was read.`],
    [
      'cancelled',
      `${MAY_HAVE_STARTED} Received SIGTERM: the workflow is being cancelled while the go-live request of contoso/vm was on its way.`
    ],
    ['outcome unknown', errors['outcome unknown']().message],
    ['refusal', `${MAY_HAVE_STARTED} The CPP API refused the Go Live request (400 Bad Request): 'no plan'.`],
    ['fault', `${MAY_HAVE_STARTED} Unexpected error: ${BUG}. The go-live request of contoso/vm had been sent.`]
  ])('%s: unknown, starting with what to do', (kind, text) => {
    // While the request is on its way; the deadline during the look after an unclear answer is said so.
    const looked = `${MAY_HAVE_STARTED} The timeout (1h) passed while the action looked for the go-live of contoso/vm, whose request got no clear answer.`
    for (const phase of ['sending', 'maybe started'] as const) {
      const ended = endedBy({ phase }, errors[kind](), context)
      const said = kind === 'deadline' && phase === 'maybe started' ? looked : text
      expect(ended).toEqual({ phase: 'maybe started', problem: { text: said, goesOn: false } })
      expect(statusOf(ended)).toBe('unknown')
    }
  })
})

describe('endedBy: the go-live is named', () => {
  const accepted: Outcome = { phase: 'started', goLive, state: 'accepted' }
  const running: Outcome = { phase: 'started', goLive: { ...goLive, operation: parseOperation({ status: 'running' }) }, state: 'running' }

  it.each([
    ['the wait timed out', new WaitTimedOutError('Timed out after 1h waiting for the go-live of contoso/vm.'), true],
    ['the deadline cut a read', new DeadlineError(), true],
    ['reads failed past their retries', new ServiceUnavailableError('Reading the operation status failed: HTTP 503.'), true],
    ['the service refused the location for good', new ActionError('No operation was found at …', { resumable: false }), false]
  ])('%s: keeps its last known state, with the error', (_what, error, goesOn) => {
    for (const outcome of [accepted, running]) {
      const ended = endedBy(outcome, error, context)
      expect(ended).toEqual({ ...outcome, problem: { text: error.message, goesOn } })
      expect(statusOf(ended)).toBe(statusOf(outcome))
    }
  })

  it('a cancellation leaves it running at the service', () => {
    expect(endedBy(running, errors.cancelled(), context)).toEqual({
      ...running,
      problem: { text: 'Received SIGTERM: the workflow is being cancelled.', goesOn: true }
    })
  })

  it('a fault of the action leaves it going on too', () => {
    expect(endedBy(accepted, errors.fault(), context)).toEqual({
      ...accepted,
      problem: { text: `Unexpected error: ${BUG}.`, goesOn: true }
    })
  })

  it('ended without success, it keeps how it ended; nothing goes on', () => {
    const failed: Outcome = { phase: 'finished', goLive, state: 'failed' }
    const error = new ActionError('The go-live failed: Live: no VM image', { resumable: false })
    expect(endedBy(failed, error, context)).toEqual({ ...failed, problem: { text: error.message, goesOn: false } })
    const unreadable: Outcome = { phase: 'finished', goLive, state: 'unknown' }
    expect(statusOf(endedBy(unreadable, error, context))).toBe('unknown')
    expect(endedBy(failed, errors.fault(), context)).toMatchObject({
      state: 'failed',
      problem: { text: `Unexpected error: ${BUG}.`, goesOn: false }
    })
  })
})

describe('endedBy: every phase × every error', () => {
  const phases: Array<[string, Outcome]> = [
    ['not sent', { phase: 'not sent' }],
    ['refused', { phase: 'not sent', refused: true }],
    ['sending', { phase: 'sending' }],
    ['maybe started', { phase: 'maybe started' }],
    ['accepted', { phase: 'started', goLive, state: 'accepted' }],
    ['running', { phase: 'started', goLive, state: 'running' }],
    ['failed', { phase: 'finished', goLive, state: 'failed' }],
    ['succeeded', { phase: 'finished', goLive, state: 'succeeded' }]
  ]
  it('says "nothing was sent" exactly when nothing was, "may have started" exactly when the request went out unnamed, and keeps a named state', () => {
    for (const [name, outcome] of phases) {
      for (const [kind, make] of Object.entries(errors)) {
        // An OutcomeUnknownError comes only from the look after maybeStarted(): not from before the request.
        if (kind === 'outcome unknown' && outcome.phase === 'not sent') continue
        const ended = endedBy(outcome, make(), context)
        const text = problemOf(ended)?.text ?? ''
        const where = `${name} × ${kind}: ${text}`
        expect([where, problemOf(ended) !== undefined]).toEqual([where, true])
        const before = statusOf(outcome)
        const after = statusOf(ended)
        // A refusal is the service's answer and says why in its own words.
        if (outcome.phase === 'not sent' && outcome.refused) expect([where, after]).toEqual([where, 'not started'])
        else if (outcome.phase === 'not sent') expect([where, after, /nothing was sent/i.test(text)]).toEqual([where, 'not started', true])
        else expect([where, /nothing was sent/i.test(text)]).toEqual([where, false])
        if (outcome.phase === 'sending' || outcome.phase === 'maybe started')
          expect([where, after, text.startsWith(MAY_HAVE_STARTED)]).toEqual([where, 'unknown', true])
        else if (kind !== 'outcome unknown') expect([where, text.includes('may have started')]).toEqual([where, false])
        if (outcome.phase === 'started' || outcome.phase === 'finished') expect([where, after]).toEqual([where, before])
      }
    }
  })
})

describe('stepFailureText', () => {
  it('is an ActionError’s message as it is, and a fault as one (its stack to the debug log)', () => {
    expect(stepFailureText(new ActionError("Input 'offer' names 'vm' twice: give each offer once"))).toBe(
      "Input 'offer' names 'vm' twice: give each offer once"
    )
    expect(stepFailureText(new TypeError(BUG))).toBe(`Unexpected error: ${BUG}.`)
    expect(core.logged('debug')[0]).toMatch(/^TypeError: /)
  })
})

describe('the resumable flag', () => {
  const answer = (status: number, body: string): HttpResponse => ({ status, headers: { 'content-type': 'text/plain' }, body })

  it('is off for a go-live that ended without success, so its error adds no way to follow it', () => {
    let thrown: unknown
    try {
      conclude(parseOperation({ status: 'failed' }), 'started', { label: 'contoso/vm', prefix: '' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ActionError)
    expect((thrown as InstanceType<typeof ActionError>).resumable).toBe(false)
    const ended = endedBy({ phase: 'finished', goLive, state: 'failed' }, thrown, context)
    expect(ended).toMatchObject({ problem: { goesOn: false } })
  })

  it('is off for a CPP status read refused as about its location (its advice names it), on for the service having trouble', async () => {
    const client = (status: number) => {
      const transport: Transport = { request: async () => answer(status, 'no'), dispose: () => undefined }
      return new CppClient({
        baseUrl: new URL('https://cloudpartner.azure.com'),
        apiVersion: '2017-10-31',
        transport,
        tokens: staticTokenProvider('t', 'https://cloudpartner.azure.com'),
        backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
      })
    }
    const read = (status: number) => client(status).readOperation(ref as never, { publisher: 'contoso', offer: 'vm' })
    await expect(read(404)).rejects.toMatchObject({
      resumable: false,
      message: expect.stringContaining(`No operation was found at ${ref.url.href}`)
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
    const error = await wait.catch((e: unknown) => e)
    expect(error).toMatchObject({ resumable, message: expect.stringMatching(/giving up waiting\.$/) })
    const ended = endedBy({ phase: 'started', goLive, state: 'running' }, error, context)
    expect(ended).toMatchObject({ state: 'running', problem: { goesOn: resumable } })
  })
})
