// The trigger loop both APIs share: the request that starts a go-live is sent once (only the
// request layer re-sends, and only what never reached the service), and a lost or unusable answer
// is followed by a patient look for the go-live, on a schedule made from the backoff settings.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { lookSchedule, triggerGoLive } = await import('../../src/http/lost-answers.js')
const { AmbiguousTriggerError, UnexpectedAnswerError } = await import('../../src/http/api-client.js')
const { ActionError, CancelledError } = await import('../../src/errors.js')
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
const lost = (answered = false) => new AmbiguousTriggerError('The Go Live request got no clear answer: HTTP 500', answered)

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
  beforeEach(() => {
    core.reset()
    jest.useFakeTimers({ now: Date.parse('2026-11-20T10:00:00Z') })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('a go-live the service accepted and named is started; nothing is looked for', async () => {
    const { find } = listing(1)
    const send = jest.fn(async (): Promise<Answer> => ({ kind: 'accepted', location: ref('op') }))
    expect(await triggerGoLive(send, find, options())).toEqual({ location: ref('op'), how: 'started' })
    expect(send).toHaveBeenCalledTimes(1)
    expect(find).not.toHaveBeenCalled()
  })

  it('any other answer (a refusal) goes back to the caller', async () => {
    const { find } = listing(1)
    const send = async (): Promise<Answer> => ({ kind: 'conflict', why: '409' })
    expect(await triggerGoLive(send, find, options())).toEqual({ kind: 'conflict', why: '409' })
    expect(find).not.toHaveBeenCalled()
  })

  it('a lost answer: never sends again, looks on the schedule and follows the go-live at the third look', async () => {
    const { find, gaps } = listing(3)
    const send = jest.fn(async (): Promise<Answer> => {
      throw lost()
    })
    const { value } = await settle(triggerGoLive(send, find, options()))
    expect(value).toEqual({ location: ref('found'), how: 'attached' })
    expect(send).toHaveBeenCalledTimes(1)
    expect(gaps()).toEqual([1_000, 2_000])
    expect(core.logged('warning')).toEqual([
      "The Go Live request got no clear answer: HTTP 500. The service may have started the go-live; looking for it in the offer's submissions for up to 1m 1s, without sending the request again."
    ])
  })

  it('an answer that came but cannot be used: the go-live has probably started, and is looked for the same way', async () => {
    const { find } = listing(2)
    const send = async (): Promise<Answer> => ({
      kind: 'unusable',
      status: 202,
      problem: 'sent neither an Operation-Location nor a Location header'
    })
    const { value } = await settle(triggerGoLive(send, find, options()))
    expect(value).toEqual({ location: ref('found'), how: 'attached' })
    expect(core.logged('warning')[0]).toBe(
      "The Go Live request was accepted (HTTP 202), but the service sent neither an Operation-Location nor a Location header. The go-live has probably started; looking for it in the offer's submissions for up to 1m 1s, without sending the request again."
    )
  })

  it('a go-live that never shows up: every look on the schedule, then fails saying it may have started and a re-run finds it', async () => {
    const { find, gaps } = listing()
    const send = jest.fn(async (): Promise<Answer> => {
      throw lost(true)
    })
    const { error } = await settle(triggerGoLive(send, find, options()))
    expect(send).toHaveBeenCalledTimes(1)
    expect(gaps()).toEqual(lookSchedule(backoff))
    expect(error).toBeInstanceOf(ActionError)
    expect(error?.message).toBe(
      'The Go Live request got no clear answer: HTTP 500, and no running go-live of contoso/contoso-vm was listed in 7 looks over 1m 1s. The go-live may have started all the same: check the offer in Partner Center before running the step again; a re-run finds and follows a running go-live instead of starting another.'
    )
  })

  it('a listing that fails is one missed look, not the end', async () => {
    const { find } = listing(3, (look) => (look === 1 ? new UnexpectedAnswerError('Listing failed: not JSON') : undefined))
    const { value } = await settle(triggerGoLive(async (): Promise<Answer> => Promise.reject(lost()), find, options()))
    expect(value).toEqual({ location: ref('found'), how: 'attached' })
    expect(core.logged('warning')).toContain('Look 1 for the go-live of contoso/contoso-vm missed: Listing failed: not JSON')
  })

  it('says so when no look could read the listing', async () => {
    const { find } = listing(undefined, (look) => new UnexpectedAnswerError(`Listing failed (${look})`))
    const { error } = await settle(triggerGoLive(async (): Promise<Answer> => Promise.reject(lost()), find, options()))
    expect(find).toHaveBeenCalledTimes(7)
    expect(error?.message).toBe(
      "The Go Live request got no clear answer: HTTP 500, and the offer's submissions could not be read in any of 7 looks over 1m 1s (last: Listing failed (7)). The go-live may have started all the same: check the offer in Partner Center before running the step again; a re-run finds and follows a running go-live instead of starting another."
    )
  })

  it('counts the looks that missed when others read nothing', async () => {
    const { find } = listing(undefined, (look) => (look % 2 === 0 ? new UnexpectedAnswerError('Listing failed') : undefined))
    const { error } = await settle(triggerGoLive(async (): Promise<Answer> => Promise.reject(lost()), find, options()))
    expect(error?.message).toContain(
      'was listed in 7 looks over 1m 1s (3 of them could not read the listing). The go-live may have started'
    )
  })

  it('a definite answer of the listing (a go-live it cannot follow) ends the look at once', async () => {
    const { find } = listing(undefined, () => new ActionError('A go-live is running under an id the action does not accept'))
    const { error } = await settle(triggerGoLive(async (): Promise<Answer> => Promise.reject(lost()), find, options()))
    expect(find).toHaveBeenCalledTimes(1)
    expect(error?.message).toBe('A go-live is running under an id the action does not accept')
  })

  it('stops at the deadline instead of sleeping past it', async () => {
    const { find, looks } = listing()
    const deadline = Date.now() + 5_000
    const { error } = await settle(triggerGoLive(async (): Promise<Answer> => Promise.reject(lost()), find, options({ deadline })))
    // Looks at 0, 1 s and 3 s; the next one, at 7 s, would be past the deadline.
    expect(looks.length).toBe(3)
    expect(error?.message).toContain(
      'no running go-live of contoso/contoso-vm was listed in 3 looks before the timeout. The go-live may have started'
    )
  })

  it('stops at once when the workflow is cancelled', async () => {
    const { find } = listing()
    const controller = new AbortController()
    const outcome = triggerGoLive(async (): Promise<Answer> => Promise.reject(lost()), find, options({ signal: controller.signal })).catch(
      (error: unknown) => error
    )
    await jest.advanceTimersByTimeAsync(1_500) // the looks at 0 and 1 s
    controller.abort(new CancelledError('SIGTERM'))
    const error = await outcome
    expect(error).toBeInstanceOf(CancelledError)
    expect(find).toHaveBeenCalledTimes(2)
  })

  it('does not look after a failure that is not a lost answer (the service said no)', async () => {
    const { find } = listing(1)
    const refused = new ActionError('The Go Live request failed: HTTP 403 Forbidden.')
    await expect(triggerGoLive(async (): Promise<Answer> => Promise.reject(refused), find, options())).rejects.toBe(refused)
    expect(find).not.toHaveBeenCalled()
  })
})
