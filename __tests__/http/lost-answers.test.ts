// The trigger loop both APIs share: a lost or unusable answer is followed by a patient look for the
// go-live, on a schedule made from the backoff settings. The request is sent once more only when
// that whole look read the listing and found no go-live started (at most twice per offer), never
// after an accepted (2xx) answer, never past the deadline; the offer's phase is told at each step.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { lookSchedule, triggerGoLive, MAY_HAVE_STARTED, OutcomeUnknownError } = await import('../../src/http/lost-answers.js')
const { AmbiguousTriggerError, UnexpectedAnswerError } = await import('../../src/http/api-client.js')
const { ActionError, CancelledError, DeadlineError } = await import('../../src/errors.js')
const { backoffFor } = await import('../../src/http/retry.js')

type Ref = { kind: 'cpp-operation'; url: URL; id: string }
type Answer =
  { kind: 'accepted'; location: Ref } | { kind: 'unusable'; status: number; problem: string } | { kind: 'conflict'; why: string }

const ref = (id: string): Ref => ({ kind: 'cpp-operation', url: new URL(`https://cloudpartner.azure.com/api/operations/${id}`), id })
const backoff = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 }
const options = (extra: Record<string, unknown> = {}) => ({
  label: 'contoso/contoso-vm',
  where: "the offer's submissions",
  request: 'The Go Live request',
  backoff,
  ...extra
})
const lost = (answered = false, accepted = false) =>
  new AmbiguousTriggerError('The Go Live request got no clear answer: HTTP 500', answered, accepted)

/** The progress of the test running now: the fake send tells it `sending`, as the JSON client does. */
let current: { sending(): void } | undefined

/** TriggerProgress that records each call in order (`sending` comes from the send itself, as in ApiClient). */
function progress() {
  const calls: string[] = []
  const told = {
    calls,
    sending: () => void calls.push('sending'),
    maybeStarted: () => void calls.push('maybeStarted'),
    refused: () => void calls.push('refused')
  }
  current = told
  return told
}

/**
 * A send that answers (or throws) each of `answers` in turn. Like the JSON client, it tells the
 * progress `sending` just before the request may leave (a DeadlineError: the request never began).
 */
function sending(...answers: Array<Answer | Error>) {
  return jest.fn(async (): Promise<Answer> => {
    const next = answers.shift()
    if (next === undefined) throw new Error('sent more often than the test allows')
    if (!(next instanceof DeadlineError)) current?.sending()
    if (next instanceof Error) throw next
    return next
  })
}

/** A listing that finds the go-live at look `foundAt` (never when undefined), recording when it looked. */
function listing(foundAt?: number, fail: (look: number) => Error | undefined = () => undefined) {
  const looks: number[] = []
  const find = jest.fn(async (): Promise<Ref | undefined> => {
    looks.push(Date.now())
    const error = fail(looks.length)
    if (error) throw error
    return looks.length === foundAt ? ref('found') : undefined
  })
  return { find, looks, gaps: () => looks.slice(1).map((at, i) => at - (looks[i] as number)) }
}

/** Runs `promise` to its end on fake timers. */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: Error }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: Error) => ({ error })
  )
  await jest.runAllTimersAsync()
  return outcome
}

describe('lookSchedule', () => {
  it('spreads the looks over about a minute at the default poll-interval, doubling from the base delay', () => {
    const delays = lookSchedule(backoffFor(60_000))
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000])
    expect(delays.reduce((a, b) => a + b)).toBe(61_000)
  })

  it('scales with the backoff settings: milliseconds in tests, the same minute for long poll-intervals', () => {
    const fast = lookSchedule(backoffFor(20))
    expect(fast.slice(0, 3)).toEqual([5, 10, 20])
    expect(Math.max(...fast)).toBe(20)
    expect(fast.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(300)
    expect(lookSchedule(backoffFor(3_600_000))).toEqual(lookSchedule(backoffFor(60_000)))
  })

  it('has no fixed count of looks: it follows the settings it is given', () => {
    expect(lookSchedule({ maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 100 })).toHaveLength(60)
    expect(lookSchedule({ maxAttempts: 9, baseDelayMs: 10, maxDelayMs: 1_000 })).toEqual([10, 20, 40, 80, 160, 320])
  })
})

describe('triggerGoLive', () => {
  const START = Date.parse('2026-11-20T10:00:00Z')
  beforeEach(() => {
    core.reset()
    jest.useFakeTimers({ now: START })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('a go-live the service accepted and named is started; nothing is looked for', async () => {
    const { find } = listing(1)
    const send = sending({ kind: 'accepted', location: ref('op') })
    const told = progress()
    expect(await triggerGoLive(send, find, options({ progress: told }))).toEqual({ location: ref('op'), how: 'started' })
    expect(send).toHaveBeenCalledTimes(1)
    expect(find).not.toHaveBeenCalled()
    expect(told.calls).toEqual(['sending'])
  })

  it('any other answer (a refusal) goes back to the caller, and the offer is told nothing started', async () => {
    const { find } = listing(1)
    const told = progress()
    expect(await triggerGoLive(sending({ kind: 'conflict', why: '409' }), find, options({ progress: told }))).toEqual({
      kind: 'conflict',
      why: '409'
    })
    expect(find).not.toHaveBeenCalled()
    expect(told.calls).toEqual(['sending', 'refused'])
  })

  it('a lost answer is looked for on the schedule; found at the third look, it is followed and not sent again', async () => {
    const { find, gaps } = listing(3)
    const send = sending(lost())
    const told = progress()
    const { value } = await settle(triggerGoLive(send, find, options({ progress: told })))
    expect(value).toEqual({ location: ref('found'), how: 'attached' })
    expect(send).toHaveBeenCalledTimes(1)
    expect(gaps()).toEqual([1_000, 2_000])
    expect(told.calls).toEqual(['sending', 'maybeStarted'])
    expect(core.logged('warning')).toEqual([
      "The Go Live request got no clear answer: HTTP 500. The service may have started the go-live; looking for it in the offer's submissions for up to 1m 1s before anything is sent again."
    ])
  })

  it('an answer that came but cannot be used: the go-live has probably started, and is looked for the same way', async () => {
    const { find } = listing(2)
    const told = progress()
    const send = sending({ kind: 'unusable', status: 202, problem: 'sent neither an Operation-Location nor a Location header' })
    const { value } = await settle(triggerGoLive(send, find, options({ progress: told })))
    expect(value).toEqual({ location: ref('found'), how: 'attached' })
    expect(told.calls).toEqual(['sending', 'maybeStarted'])
    expect(core.logged('warning')[0]).toBe(
      "The Go Live request was accepted (HTTP 202), but the service sent neither an Operation-Location nor a Location header. The go-live has probably started; looking for it in the offer's submissions for up to 1m 1s before anything is sent again."
    )
  })

  it('after a whole look read the listing and found none, sends the request once more and follows its answer', async () => {
    const { find, looks } = listing()
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const told = progress()
    const { value } = await settle(triggerGoLive(send, find, options({ progress: told })))
    expect(value).toEqual({ location: ref('second'), how: 'started' })
    expect(send).toHaveBeenCalledTimes(2)
    // The whole look ran (7 looks over 61 s) before the second request.
    expect(looks.map((at) => at - START)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 61_000])
    expect(told.calls).toEqual(['sending', 'maybeStarted', 'sending'])
    expect(core.logged('warning')[1]).toBe(
      'The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s. No go-live started: sending the Go Live request once more.'
    )
  })

  it('a second lost answer and a second empty look: unknown, never a third request', async () => {
    const { find } = listing()
    const send = sending(lost(true), lost(true), { kind: 'accepted', location: ref('third') })
    const told = progress()
    const { error } = await settle(triggerGoLive(send, find, options({ progress: told })))
    expect(send).toHaveBeenCalledTimes(2)
    expect(find).toHaveBeenCalledTimes(14)
    expect(told.calls).toEqual(['sending', 'maybeStarted', 'sending', 'maybeStarted'])
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error).toBeInstanceOf(ActionError)
    expect(error?.message).toBe(
      `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500 (sent a second time, after a whole look found no go-live started), and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s.`
    )
  })

  it('a whole empty look, but the caller holds the request back (a listed go-live may be it): unknown, never sent again', async () => {
    const { find } = listing()
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const holdsResend = jest.fn(() => 'A go-live listed with no time may be it: the request is not sent again.')
    const { error } = await settle(triggerGoLive(send, find, options({ holdsResend })))
    expect(send).toHaveBeenCalledTimes(1)
    expect(holdsResend).toHaveBeenCalledTimes(1)
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error?.message).toBe(
      `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s. A go-live listed with no time may be it: the request is not sent again.`
    )
  })

  it('a caller with nothing to hold back (undefined): the request goes once more as without it', async () => {
    const { find } = listing()
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { value } = await settle(triggerGoLive(send, find, options({ holdsResend: () => undefined })))
    expect(value).toEqual({ location: ref('second'), how: 'started' })
    expect(send).toHaveBeenCalledTimes(2)
  })

  it('a second request whose answer is lost is looked for too: found, it is followed', async () => {
    // Looks 1-7 read nothing (the first request never took); look 2 after the second request finds it.
    const { find } = listing(9)
    const send = sending(lost(), lost())
    const { value } = await settle(triggerGoLive(send, find, options()))
    expect(value).toEqual({ location: ref('found'), how: 'attached' })
    expect(send).toHaveBeenCalledTimes(2)
    expect(core.logged('warning')[2]).toMatch(
      /^The Go Live request got no clear answer: HTTP 500 \(sent a second time, after a whole look found no go-live started\)\. /
    )
  })

  it('never sends again after an answer that began with a 2xx (accepted, then cut): unknown after an empty look', async () => {
    const { find } = listing()
    const send = sending(lost(true, true), { kind: 'accepted', location: ref('second') })
    const { error } = await settle(triggerGoLive(send, find, options()))
    expect(send).toHaveBeenCalledTimes(1)
    expect(find).toHaveBeenCalledTimes(7)
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error?.message).toBe(
      `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s.`
    )
  })

  it('never sends again after an unusable 2xx answer: unknown after an empty look', async () => {
    const { find } = listing()
    const send = sending(
      { kind: 'unusable', status: 201, problem: 'sent a location the action does not accept' },
      {
        kind: 'accepted',
        location: ref('second')
      }
    )
    const told = progress()
    const { error } = await settle(triggerGoLive(send, find, options({ progress: told })))
    expect(send).toHaveBeenCalledTimes(1)
    expect(told.calls).toEqual(['sending', 'maybeStarted'])
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error?.message).toBe(
      `${MAY_HAVE_STARTED} The Go Live request was accepted (HTTP 201), but the service sent a location the action does not accept, and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s.`
    )
  })

  it('says so when no look could read the listing, and sends nothing more', async () => {
    const { find } = listing(undefined, (look) => new UnexpectedAnswerError(`Listing failed (${look})`))
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { error } = await settle(triggerGoLive(send, find, options()))
    expect(find).toHaveBeenCalledTimes(7)
    expect(send).toHaveBeenCalledTimes(1)
    expect(error?.message).toBe(
      `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500, and the offer's submissions could not be read in any of 7 looks over 1m 1s (last: Listing failed (7)).`
    )
  })

  it('sends nothing more when the last look could not read the listing, though the others found none', async () => {
    const { find } = listing(undefined, (look) => (look === 7 ? new UnexpectedAnswerError('Listing failed') : undefined))
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { error } = await settle(triggerGoLive(send, find, options()))
    expect(send).toHaveBeenCalledTimes(1)
    expect(error?.message).toBe(
      `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s (1 of them could not read the listing).`
    )
  })

  it('sends nothing more when only one look of the whole look read the listing', async () => {
    const { find } = listing(undefined, (look) => (look < 7 ? new UnexpectedAnswerError('Listing failed') : undefined))
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { error } = await settle(triggerGoLive(send, find, options()))
    expect(send).toHaveBeenCalledTimes(1)
    expect(error?.message).toContain('(6 of them could not read the listing).')
  })

  it('counts the looks that missed when others read nothing, and still sends once more when the last one read', async () => {
    const { find } = listing(undefined, (look) => ([2, 4, 6].includes(look) ? new UnexpectedAnswerError('Listing failed') : undefined))
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { value } = await settle(triggerGoLive(send, find, options()))
    expect(value).toEqual({ location: ref('second'), how: 'started' })
    expect(core.logged('warning')).toContain(
      'The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s (3 of them could not read the listing). No go-live started: sending the Go Live request once more.'
    )
  })

  it('a definite answer of the listing (a go-live it cannot follow) ends the look at once', async () => {
    const { find } = listing(undefined, () => new ActionError('A go-live is running under an id the action does not accept'))
    const told = progress()
    const { error } = await settle(triggerGoLive(sending(lost()), find, options({ progress: told })))
    expect(find).toHaveBeenCalledTimes(1)
    expect(error?.message).toBe('A go-live is running under an id the action does not accept')
    // The request went out: the offer stays "maybe started".
    expect(told.calls).toEqual(['sending', 'maybeStarted'])
  })

  it('stops at the deadline instead of sleeping past it, and does not send again after a look the deadline cut', async () => {
    const { find, looks } = listing()
    const deadline = Date.now() + 5_000
    const send = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { error } = await settle(triggerGoLive(send, find, options({ deadline })))
    // Looks at 0, 1 s and 3 s; the next one, at 7 s, would be past the deadline.
    expect(looks.length).toBe(3)
    expect(send).toHaveBeenCalledTimes(1)
    expect(error?.message).toBe(
      `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/contoso-vm was listed in 3 looks before the timeout.`
    )
  })

  it('does not send again once the deadline has come, even after a whole empty look; a moment before it, it does', async () => {
    // The whole look ends 61 s after the start.
    const atDeadline = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { error } = await settle(triggerGoLive(atDeadline, listing().find, options({ deadline: START + 61_000 })))
    expect(atDeadline).toHaveBeenCalledTimes(1)
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    jest.setSystemTime(START)
    const before = sending(lost(), { kind: 'accepted', location: ref('second') })
    const { value } = await settle(triggerGoLive(before, listing().find, options({ deadline: START + 61_001 })))
    expect(before).toHaveBeenCalledTimes(2)
    expect(value).toEqual({ location: ref('second'), how: 'started' })
  })

  it('stops at once when the workflow is cancelled', async () => {
    const { find } = listing()
    const controller = new AbortController()
    const told = progress()
    const outcome = triggerGoLive(sending(lost()), find, options({ signal: controller.signal, progress: told })).catch(
      (error: unknown) => error
    )
    await jest.advanceTimersByTimeAsync(1_500) // the looks at 0 and 1 s
    controller.abort(new CancelledError('SIGTERM'))
    const error = await outcome
    expect(error).toBeInstanceOf(CancelledError)
    expect(find).toHaveBeenCalledTimes(2)
    expect(told.calls).toEqual(['sending', 'maybeStarted'])
  })

  it('does not look after a failure that is not a lost answer (the service said no): nothing started', async () => {
    const { find } = listing(1)
    const refused = new ActionError('The Go Live request failed: HTTP 403 Forbidden.')
    const told = progress()
    await expect(triggerGoLive(sending(refused), find, options({ progress: told }))).rejects.toBe(refused)
    expect(find).not.toHaveBeenCalled()
    expect(told.calls).toEqual(['sending', 'refused'])
  })

  it('a request not begun at the deadline (DeadlineError) is told as nothing started', async () => {
    const told = progress()
    const notBegun = new DeadlineError()
    await expect(triggerGoLive(sending(notBegun), listing(1).find, options({ progress: told }))).rejects.toBe(notBegun)
    expect(told.calls).toEqual(['refused'])
  })

  it.each([
    ['a cancellation while the request was on its way', new CancelledError('SIGTERM')],
    ['a fault of the action', new TypeError("Cannot read properties of undefined (reading 'id')")]
  ])('%s leaves the offer "sending": the request may have gone out', async (_what, failure) => {
    const { find } = listing(1)
    const told = progress()
    await expect(triggerGoLive(sending(failure), find, options({ progress: told }))).rejects.toBe(failure)
    expect(find).not.toHaveBeenCalled()
    expect(told.calls).toEqual(['sending'])
  })
})
