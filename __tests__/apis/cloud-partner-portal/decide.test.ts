// One verdict for the CPP dry run and the real run: decide() per state of the offer status and its
// submissions. Both read the status; when it cannot be read, decide(undefined, …) judges by the
// submissions alone (the service's 409 refuses what it must).
import { describe, expect, it } from '@jest/globals'
import type { Submission } from '../../../src/apis/cloud-partner-portal/client.js'
import { decide, dependsOnSubmissions } from '../../../src/apis/cloud-partner-portal/decide.js'
import { parseOperation } from '../../../src/wait/operation.js'
import { offerStatusBody, submissionsList } from '../../fixtures/learn-cloud-partner-portal-api.js'
import { cppOfferStatusAwaitingSignoff } from '../../fixtures/suse-azure-img-utils.js'

/** Learn's "Retrieve operations" list: one publish running in the staging slot (not a go-live). */
const learnPublish: Submission[] = (JSON.parse(submissionsList) as Array<Record<string, string>>).map((s) => ({
  id: s.id as string,
  submissionType: s.submissionType as string,
  submissionState: s.submissionState as string,
  slot: s.slot as string,
  changedTime: s.changedTime as string
}))

// made-up: no published sample lists a go-live; this follows the contract (cpp-api.md, "List an
// offer's submissions": submissionType golive, slot production, state running).
const goLive = (id: string, state: string, changedTime: string, extra: Partial<Submission> = {}): Submission => ({
  id,
  submissionType: 'golive',
  submissionState: state,
  slot: 'production',
  changedTime,
  ...extra
})
const RUNNING_GO_LIVE = goLive('contoso$contoso-offer$3$preview', 'running', '2018-03-27T08:12:44.2046341Z')

/** Learn's offer status ("Retrieve offer status", succeeded) with its top-level status replaced. */
const status = (value: string | undefined) => {
  const body = JSON.parse(offerStatusBody) as Record<string, unknown>
  if (value === undefined) delete body.status
  else body.status = value
  return parseOperation(body)
}
/** Learn's offer status, running, its publisher-signoff step in the state given. */
function running(signoff: string) {
  const body = JSON.parse(offerStatusBody) as { status: string; steps: Array<Record<string, unknown>> }
  body.status = 'running'
  for (const step of body.steps) if (step.id === 'publisher-signoff') step.status = signoff
  return parseOperation(body)
}

describe('decide without an offer status (it could not be read): follow a running go-live, else send the request', () => {
  it('follows the newest unfinished go-live, by type or by the production slot', () => {
    const decision = decide(undefined, [
      ...learnPublish,
      goLive('old', 'running', '2026-01-01T00:00:00.0000000Z', { submissionType: 'goLive' }),
      goLive('new', 'notStarted', '2026-02-01T00:00:00.0000000Z', { submissionType: undefined }),
      goLive('done', 'succeeded', '2026-03-01T00:00:00.0000000Z')
    ])
    expect(decision).toMatchObject({ kind: 'follow', running: { id: 'new' }, say: 'A go-live is already running' })
  })

  it.each([
    ["Learn's list: a publish runs in the staging slot, no go-live", learnPublish],
    ['only finished go-lives', [goLive('a', 'canceled', '2026-01-01T00:00:00Z'), goLive('b', 'succeeded', '2026-01-02T00:00:00Z')]],
    ['a go-live with no state', [{ id: 'c', submissionType: 'golive', slot: 'production' }]],
    ['no submissions', []],
    ['a list that could not be read', undefined]
  ])('%s: ready (the request goes; a 409 says what blocks it)', (_what, submissions) => {
    expect(decide(undefined, submissions)).toEqual({ kind: 'ready', say: 'No go-live is running' })
  })
})

describe('decide per offer status, for the dry run and the real run alike', () => {
  it('waitingForPublisherReview: ready', () => {
    expect(decide(status('waitingForPublisherReview'), undefined)).toEqual({
      kind: 'ready',
      say: 'The offer waits for publisher sign-off'
    })
  })

  it("running with the publisher-signoff step waiting (SUSE's shape, matched by step name): ready", () => {
    expect(decide(parseOperation(cppOfferStatusAwaitingSignoff), [])).toMatchObject({ kind: 'ready' })
    expect(decide(running('waitingForPublisherReview'), learnPublish)).toMatchObject({ kind: 'ready' })
  })

  it('running with a go-live listed: follow it, also when the sign-off step has not moved on yet', () => {
    for (const signoff of ['notStarted', 'waitingForPublisherReview']) {
      expect(decide(running(signoff), [...learnPublish, RUNNING_GO_LIVE])).toMatchObject({
        kind: 'follow',
        running: { id: RUNNING_GO_LIVE.id }
      })
    }
  })

  it.each([
    ["a publish running (Learn's list)", learnPublish],
    ['submissions that could not be read', undefined]
  ])('running with %s and no sign-off waiting: blocked by the running operation', (_what, submissions) => {
    const decision = decide(running('notStarted'), submissions)
    expect(decision).toMatchObject({ kind: 'blocked', offerStatus: 'running' })
    expect(decision.say).toMatch(/^Another operation \(a publish\) is running on the offer/)
  })

  it.each([
    ['notStarted', 'notStarted', /^A publish was requested but has not started/],
    ['neverPublished', 'neverPublished', /^The offer was never published/],
    ['failed', 'failed', /^The last operation failed/],
    ['canceled', 'canceled', /^The last operation was canceled/],
    ['cancelled (British spelling)', 'canceled', /^The last operation was canceled/],
    ['NOTSTARTED (any case)', 'notStarted', /^A publish was requested/]
  ])('%s: blocked, saying why', (raw, offerStatus, why) => {
    const decision = decide(status(raw.split(' ')[0]), undefined)
    expect(decision).toMatchObject({ kind: 'blocked', offerStatus })
    expect(decision.say).toMatch(why)
  })

  it("succeeded (Learn's offer status as published): live", () => {
    expect(decide(parseOperation(JSON.parse(offerStatusBody)), undefined)).toMatchObject({ kind: 'live' })
    expect(decide(status('Succeeded'), undefined).say).toMatch(/^The last operation succeeded .*live already/)
  })

  it.each(['waitingForPublisherReview', 'succeeded', 'failed', 'canceled', 'neverPublished', 'notStarted', 'paused', undefined])(
    'a go-live listed as running is followed whatever the status says (%s: it may lag a go-live just started)',
    (raw) => {
      expect(decide(status(raw), [...learnPublish, RUNNING_GO_LIVE])).toMatchObject({
        kind: 'follow',
        running: { id: RUNNING_GO_LIVE.id }
      })
    }
  )

  it('neverPublished says to publish first', () => {
    expect(decide(status('neverPublished'), []).say).toMatch(/publish it first/)
  })
})

describe('decide, live: the last go-live names what took the offer live', () => {
  const done = (id: string, changedTime: string, extra: Partial<Submission> = {}) => goLive(id, 'succeeded', changedTime, extra)

  it('names the newest completed go-live, by type or by the production slot, whatever else is listed', () => {
    const decision = decide(status('succeeded'), [
      ...learnPublish,
      done('old', '2026-01-01T00:00:00.0000000Z'),
      done('newest', '2026-03-01T10:00:00.4220588Z', { submissionType: undefined }),
      done('middle', '2026-02-01T00:00:00.0000000Z', { slot: undefined, submissionState: 'Completed' }),
      goLive('failed-later', 'failed', '2026-04-01T00:00:00.0000000Z'),
      goLive('canceled-later', 'canceled', '2026-04-02T00:00:00.0000000Z')
    ])
    expect(decision).toMatchObject({ kind: 'live', last: { id: 'newest' } })
  })

  it.each([
    ["Learn's list: only a publish", learnPublish],
    ['go-lives that did not succeed', [goLive('f', 'failed', '2026-01-01T00:00:00Z'), goLive('c', 'cancelled', '2026-01-02T00:00:00Z')]],
    ['a publish that succeeded in the staging slot', [{ ...learnPublish[0]!, submissionState: 'succeeded' }]],
    ['no submissions', []],
    ['a list that could not be read', undefined]
  ])('%s: live, naming no go-live', (_what, submissions) => {
    const decision = decide(status('succeeded'), submissions)
    expect(decision.kind).toBe('live')
    expect(decision).not.toHaveProperty('last')
  })

  it('a status the action does not know, or none: unknown, the service text quoted on one clean line', () => {
    const odd = decide(status('paused\n::error::planted'), undefined)
    expect(odd.kind).toBe('unknown')
    expect(odd.say).toMatch(/^The offer status '.*' is not one the action knows; check the offer in Partner Center\.$/)
    expect(odd.say).not.toMatch(/[\n\r]/)
    expect(decide(status(undefined), undefined)).toEqual({
      kind: 'unknown',
      say: 'The service sent no offer status; check the offer in Partner Center.'
    })
  })
})

describe('dependsOnSubmissions: every offer but one waiting for sign-off asks whether a go-live runs', () => {
  it.each([
    ['running', true],
    ['RUNNING', true],
    ['waitingForPublisherReview', false],
    ['WAITINGFORPUBLISHERREVIEW', false],
    ['succeeded', true],
    ['failed', true],
    ['neverPublished', true],
    ['paused', true],
    [undefined, true]
  ])('%s: %s', (raw, asks) => {
    expect(dependsOnSubmissions(status(raw))).toBe(asks)
  })
})
