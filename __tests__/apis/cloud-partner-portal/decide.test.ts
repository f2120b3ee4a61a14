// One verdict for the CPP dry run and the real run: decide() per offer status and submissions
// listing. `ROWS` is the table of src/apis/cloud-partner-portal/README.md, row by row; the tests
// after it pin the words of each verdict.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Submission } from '../../../src/apis/cloud-partner-portal/client.js'
import { decide, type Decision } from '../../../src/apis/cloud-partner-portal/decide.js'
import { parseOperation, type Operation } from '../../../src/wait/operation.js'
import { ROOT } from '../../../scripts/run-action.js'
import {
  goLiveLocationNonMigrated,
  offerStatusBody,
  offerStatusTable,
  operationStatusRow,
  submissionsList
} from '../../fixtures/learn-cloud-partner-portal-api.js'
import { cppOfferStatusAwaitingSignoff } from '../../fixtures/suse-azure-img-utils.js'

/** The offer of Learn's samples (the Go Live page's `contoso$contoso-offer$2$preview`). */
const subject = { publisher: 'contoso', offer: 'contoso-offer' }
const context = { subject }
const retrying = { subject, retryFailed: true }

/**
 * Learn's "Retrieve operations" list, read as the client reads it: one publish running in the staging
 * slot, its `offerId` a GUID (not the offer id of the path), its `publisherId` contoso.
 */
const learnPublish: Submission[] = (JSON.parse(submissionsList) as Array<Record<string, string>>).map((s) => ({
  id: s.id as string,
  publisherId: s.publisherId as string,
  offerId: s.offerId as string,
  submissionType: s.submissionType as string,
  submissionState: s.submissionState as string,
  slot: s.slot as string,
  changedTime: s.changedTime as string
}))
/** Learn's publish, finished in the state given (it changed at 2018-03-26T21:46:01.179948Z). */
const publish = (state: string): Submission => ({ ...learnPublish[0]!, submissionState: state })

// made-up: no published sample lists a go-live; this follows the contract (cpp-api.md, "List an
// offer's submissions": submissionType golive, slot production) and the emulator's entries.
const goLive = (id: string, state: string, changedTime: string, extra: Partial<Submission> = {}): Submission => ({
  id,
  publisherId: 'contoso',
  offerId: 'contoso-offer',
  submissionType: 'golive',
  submissionState: state,
  slot: 'production',
  changedTime,
  ...extra
})
const RUNNING = goLive('contoso$contoso-offer$3$preview', 'running', '2018-03-27T08:12:44.2046341Z')
const FAILED = goLive('9f1c8a8e-5d1b-4b8e-8d4e-2f6c3e1a7b90', 'failed', '2018-03-28T09:30:12.5506018Z')
const SUCCEEDED = goLive('1b6f0c55-3c9e-4a43-a4c5-0d6b3f2e9a11', 'succeeded', '2018-03-27T10:01:02.1234567Z')

/** Learn's offer status ("Retrieve offer status", succeeded) with its top-level status replaced. */
function status(value: string | undefined): Operation {
  const body = JSON.parse(offerStatusBody) as Record<string, unknown>
  if (value === undefined) delete body.status
  else body.status = value
  return parseOperation(body)
}
/** Learn's offer status, running, its publisher-signoff step in the state given. */
function running(signoff: string): Operation {
  const body = JSON.parse(offerStatusBody) as { status: string; steps: Array<Record<string, unknown>> }
  body.status = 'running'
  for (const step of body.steps) if (step.id === 'publisher-signoff') step.status = signoff
  return parseOperation(body)
}
/**
 * Learn's offer status, failed: its Live step rejected with Learn's own error message and time
 * ("Retrieve operations": "No virtual machine image was found for the plan contoso.").
 */
function failedStatus(): Operation {
  const body = JSON.parse(offerStatusBody) as { status: string; steps: Array<Record<string, unknown>> }
  body.status = 'failed'
  const live = body.steps.find((step) => step.id === 'live') as Record<string, unknown>
  live.status = 'rejected'
  live.messages = [
    { messageHtml: 'No virtual machine image was found for the plan contoso.', level: 'error', timestamp: '2017-03-28T19:50:39.5506018Z' }
  ]
  return parseOperation(body)
}

interface Row {
  row: number
  what: string
  offer: Operation | undefined
  listing: Submission[] | undefined
  /** The verdict without retry-failed, and with it (when it differs). */
  verdict: Partial<Decision>
  retried?: Partial<Decision>
}

const OTHER_OFFER = goLive('3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b', 'running', '2018-03-29T00:00:00.0000000Z', { offerId: 'contoso-other' })
const OTHER_PUBLISHER = goLive('4e3d2c1b-0a9f-4e8d-a7c6-b59483726150', 'running', '2018-03-29T00:00:00.0000000Z', {
  publisherId: 'fabrikam'
})
const OTHER_SLOT_ID = goLive('fabrikam$fabrikam-vm$5$preview', 'running', '2018-03-29T00:00:00.0000000Z', {
  publisherId: undefined,
  offerId: undefined
})
const WAITING = status('waitingForPublisherReview')

/** README.md's table: the offer status, the listing, and the verdict without and with retry-failed. */
const ROWS: Row[] = [
  {
    row: 1,
    what: 'running go-lives of another offerId, another publisherId, a pub$offer$n$slot id of another offer: set aside',
    offer: WAITING,
    listing: [OTHER_OFFER, OTHER_PUBLISHER, OTHER_SLOT_ID, ...learnPublish],
    verdict: { kind: 'ready' }
  },
  {
    row: 2,
    what: 'a running go-live of this offer: follow it',
    offer: WAITING,
    listing: [...learnPublish, RUNNING],
    verdict: { kind: 'follow', running: RUNNING }
  },
  {
    row: 3,
    what: 'no status, a go-live failed last',
    offer: undefined,
    listing: [publish('succeeded'), FAILED],
    verdict: { kind: 'blocked', offerStatus: 'failed', failed: FAILED },
    retried: { kind: 'ready', retry: true }
  },
  {
    row: 4,
    what: "no status, Learn's list (a publish runs)",
    offer: undefined,
    listing: learnPublish,
    verdict: { kind: 'ready', say: 'No go-live is running' }
  },
  {
    row: 5,
    what: 'waiting for sign-off, a go-live failed last',
    offer: WAITING,
    listing: [publish('succeeded'), FAILED],
    verdict: { kind: 'blocked', offerStatus: 'failed', failed: FAILED },
    retried: { kind: 'ready', retry: true }
  },
  {
    row: 6,
    what: 'waiting for sign-off, a publish since the failed go-live',
    offer: WAITING,
    listing: [goLive(FAILED.id, 'failed', '2018-03-20T00:00:00.0000000Z'), publish('succeeded')],
    verdict: { kind: 'ready', say: 'The offer waits for publisher sign-off' }
  },
  {
    row: 7,
    what: "running, sign-off not reached, Learn's list",
    offer: running('notStarted'),
    listing: learnPublish,
    verdict: { kind: 'blocked', offerStatus: 'running' }
  },
  { row: 8, what: 'notStarted', offer: status('notStarted'), listing: [], verdict: { kind: 'blocked', offerStatus: 'notStarted' } },
  {
    row: 9,
    what: 'neverPublished',
    offer: status('neverPublished'),
    listing: [],
    verdict: { kind: 'blocked', offerStatus: 'neverPublished' }
  },
  {
    row: 10,
    what: 'completed, the go-live listed',
    offer: status('completed'),
    listing: [publish('succeeded'), SUCCEEDED],
    verdict: { kind: 'live', last: SUCCEEDED }
  },
  {
    row: 11,
    what: 'failed, a go-live failed last',
    offer: failedStatus(),
    listing: [SUCCEEDED, FAILED],
    verdict: { kind: 'blocked', offerStatus: 'failed', failed: FAILED },
    retried: { kind: 'ready', offerStatus: 'failed', retry: true }
  },
  {
    row: 12,
    what: 'failed, a publish failed last',
    offer: failedStatus(),
    listing: [FAILED, { ...publish('failed'), changedTime: '2018-03-30T00:00:00.0000000Z' }],
    verdict: { kind: 'blocked', offerStatus: 'failed' }
  },
  {
    row: 13,
    what: 'failed, no failure listed',
    offer: failedStatus(),
    listing: [SUCCEEDED],
    verdict: { kind: 'blocked', offerStatus: 'failed' },
    retried: { kind: 'ready', offerStatus: 'failed', retry: true }
  },
  { row: 14, what: 'cancelled', offer: status('cancelled'), listing: [], verdict: { kind: 'blocked', offerStatus: 'canceled' } },
  { row: 15, what: 'a status the action does not know', offer: status('paused'), listing: [], verdict: { kind: 'unknown' } }
]

describe("decide(), README.md's table row by row", () => {
  it.each(ROWS)('row $row: $what', ({ offer, listing, verdict, retried }) => {
    expect(decide(offer, listing, context)).toMatchObject(verdict)
    expect(decide(offer, listing, retrying)).toMatchObject(retried ?? verdict)
  })

  it("every row of README.md's table is a row here, and no other", () => {
    const readme = readFileSync(join(ROOT, 'src/apis/cloud-partner-portal/README.md'), 'utf8')
    const rows = [...readme.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]))
    expect(rows).toEqual(ROWS.map((r) => r.row))
  })
})

describe('row 1: entries about another offer are not this offer', () => {
  it.each([
    ['another offerId', OTHER_OFFER],
    ['another publisherId', OTHER_PUBLISHER],
    ['a pub$offer$n$slot id of another offer (no publisherId or offerId)', OTHER_SLOT_ID],
    ['another offerId, failed last', goLive(FAILED.id, 'failed', FAILED.changedTime!, { offerId: 'contoso-other' })]
  ])('%s: never followed, never a failure of this offer', (_what, entry) => {
    expect(decide(WAITING, [...learnPublish, entry], context)).toEqual({ kind: 'ready', say: 'The offer waits for publisher sign-off' })
    expect(decide(undefined, [entry], context)).toEqual({ kind: 'ready', say: 'No go-live is running' })
  })

  it("Learn's offerId, a GUID, cannot be compared with the offer id: the entry stays this offer's", () => {
    expect(learnPublish[0]!.offerId).toMatch(/^[0-9a-f-]{36}$/)
    const guidOffer = goLive(RUNNING.id.replace('$3$', '$4$'), 'running', RUNNING.changedTime!, { offerId: learnPublish[0]!.offerId! })
    expect(decide(WAITING, [guidOffer], context)).toMatchObject({ kind: 'follow', running: guidOffer })
  })

  it('the same offer in another case is this offer (ids are case-insensitive on the service)', () => {
    const upper = goLive(RUNNING.id, 'running', RUNNING.changedTime!, { publisherId: 'Contoso', offerId: 'CONTOSO-OFFER' })
    expect(decide(WAITING, [upper], context)).toMatchObject({ kind: 'follow', running: upper })
  })

  it("the Go Live page's non-migrated id names this offer: a running go-live under it is followed", () => {
    const id = /\/api\/operations\/([^?]+)/.exec(goLiveLocationNonMigrated)![1] as string
    const entry = goLive(id, 'running', RUNNING.changedTime!, { publisherId: undefined, offerId: undefined })
    expect(decide(undefined, [entry], context)).toMatchObject({ kind: 'follow', running: { id: 'contoso$contoso-offer$2$preview' } })
  })
})

describe('row 2: a running go-live is followed', () => {
  it('the newest unfinished go-live, by type or by the production slot', () => {
    const decision = decide(
      undefined,
      [
        ...learnPublish,
        goLive('old', 'running', '2026-01-01T00:00:00.0000000Z', { submissionType: 'goLive' }),
        goLive('new', 'notStarted', '2026-02-01T00:00:00.0000000Z', { submissionType: undefined }),
        goLive('done', 'succeeded', '2026-03-01T00:00:00.0000000Z')
      ],
      context
    )
    expect(decision).toMatchObject({ kind: 'follow', running: { id: 'new' }, say: 'A go-live is already running' })
  })

  it.each([
    'waitingForPublisherReview',
    'succeeded',
    'completed',
    'failed',
    'canceled',
    'neverPublished',
    'notStarted',
    'paused',
    undefined
  ])('whatever the status says (%s: it may lag a go-live just started), and whatever failed before', (raw) => {
    expect(decide(status(raw), [...learnPublish, FAILED, RUNNING], context)).toMatchObject({ kind: 'follow', running: { id: RUNNING.id } })
  })

  it('also when the sign-off step has not moved on yet', () => {
    for (const signoff of ['notStarted', 'waitingForPublisherReview']) {
      expect(decide(running(signoff), [...learnPublish, RUNNING], context)).toMatchObject({ kind: 'follow', running: { id: RUNNING.id } })
    }
  })
})

describe('rows 3, 5 and 11: a go-live that failed last is not sent again; retry-failed sends it once more', () => {
  const QUOTE = `The last go-live failed (submission ${FAILED.id}, at ${FAILED.changedTime})`

  it('row 11: the status is the failure: quotes its reason, the submission and its changedTime (7 digits as sent)', () => {
    expect(decide(failedStatus(), [SUCCEEDED, FAILED], context)).toEqual({
      kind: 'blocked',
      offerStatus: 'failed',
      failed: FAILED,
      say: `${QUOTE}: Live: No virtual machine image was found for the plan contoso. A go-live that failed is not sent again: fix what it reported in Partner Center, or set retry-failed: true to send it once more.`
    })
    expect(decide(failedStatus(), [SUCCEEDED, FAILED], retrying)).toEqual({
      kind: 'ready',
      offerStatus: 'failed',
      retry: true,
      say: `${QUOTE}, and retry-failed is set: it is sent once more`
    })
  })

  it('rows 3 and 5: no failure in the status (not read, or waiting): says the status gives no reason', () => {
    for (const offer of [undefined, WAITING, running('waitingForPublisherReview')]) {
      expect(decide(offer, [FAILED], context).say).toBe(
        `${QUOTE}: The service gave no reason in the offer status. A go-live that failed is not sent again: fix what it reported in Partner Center, or set retry-failed: true to send it once more.`
      )
      expect(decide(offer, [FAILED], retrying)).toEqual({
        kind: 'ready',
        retry: true,
        say: `${QUOTE}, and retry-failed is set: it is sent once more`
      })
    }
  })

  it('when the submission gives no time, the time of the status error; an id the action does not accept is quoted, cut', () => {
    const odd = goLive(`bad id\n::error::planted ${'x'.repeat(100)}`, 'failed', 'yesterday')
    const say = decide(failedStatus(), [odd], context).say
    expect(say).toMatch(
      /^The last go-live failed \(submission 'bad id ::error::planted x{55}…', at 2017-03-28T19:50:39\.5506018Z\): Live: No virtual/
    )
    expect(say).not.toMatch(/[\n\r]/)
  })

  it('the failure stands unless something is listed after it: times that do not tell keep it', () => {
    const timeless = goLive(FAILED.id, 'failed', '')
    expect(decide(WAITING, [timeless, publish('succeeded')], context)).toMatchObject({ kind: 'blocked', failed: timeless })
    // A newer go-live that succeeded, or a new publish, comes after it: the failure is not the last word.
    expect(decide(WAITING, [FAILED, goLive('later', 'succeeded', '2018-03-29T00:00:00.0000000Z')], context).kind).toBe('ready')
    expect(decide(WAITING, [FAILED, { ...publish('succeeded'), changedTime: '2018-03-29T00:00:00.0000000Z' }], context).kind).toBe('ready')
    // The newest of two failed go-lives is the one quoted.
    const older = goLive('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'failed', '2018-03-01T00:00:00.0000000Z')
    expect(decide(failedStatus(), [FAILED, older], context)).toMatchObject({ failed: FAILED })
  })

  it('the reasons quoted are at most three, on one bounded line', () => {
    const body = JSON.parse(offerStatusBody) as { status: string; steps: Array<Record<string, unknown>> }
    body.status = 'FAILED'
    body.steps = Array.from({ length: 6 }, (_, i) => ({
      id: `s${i}`,
      stepName: `Step ${i}`,
      status: 'rejected',
      messages: [{ messageHtml: `<p>Reason ${i}: ${'y'.repeat(400)}</p>`, level: 'error' }]
    }))
    const say = decide(parseOperation(body), [FAILED], context).say
    expect(say).toContain('Step 0: Reason 0')
    expect(say).not.toContain('Step 3')
    expect(say.length).toBeLessThan(1_000)
  })
})

describe('rows 12 and 13: the status failed, and no go-live is listed as the failure', () => {
  it('row 12: a publish failed last: publish again; retry-failed does not send a publish', () => {
    const failedPublish = { ...publish('failed'), changedTime: '2018-03-30T00:00:00.0000000Z' }
    const say = `The last publish failed (submission ${failedPublish.id}, at 2018-03-30T00:00:00.0000000Z): Live: No virtual machine image was found for the plan contoso. Fix what it reported in Partner Center and publish again before going live (retry-failed sends a failed go-live again, not a publish).`
    expect(decide(failedStatus(), [FAILED, failedPublish], context)).toEqual({ kind: 'blocked', offerStatus: 'failed', say })
    expect(decide(failedStatus(), [FAILED, failedPublish], retrying)).toEqual({ kind: 'blocked', offerStatus: 'failed', say })
  })

  it.each([
    ['a go-live that succeeded', [SUCCEEDED]],
    ['nothing', []],
    ['a list that could not be read', undefined]
  ])('row 13: listing %s: the status reason and when, and what retry-failed would do', (_what, listing) => {
    expect(decide(failedStatus(), listing, context)).toEqual({
      kind: 'blocked',
      offerStatus: 'failed',
      say: 'The last operation failed (at 2017-03-28T19:50:39.5506018Z): Live: No virtual machine image was found for the plan contoso. The service lists no go-live that failed, so it may have been a publish: fix what it reported in Partner Center and publish again; if it was a go-live, retry-failed: true sends it once more.'
    })
    expect(decide(failedStatus(), listing, retrying)).toEqual({
      kind: 'ready',
      offerStatus: 'failed',
      retry: true,
      say: 'The last operation failed (at 2017-03-28T19:50:39.5506018Z), and retry-failed is set: the go-live is sent once more'
    })
  })

  it('row 13, a failed status with no reason and no time: says so', () => {
    expect(decide(status('failed'), [], context).say).toBe(
      'The last operation failed: The service gave no reason in the offer status. The service lists no go-live that failed, so it may have been a publish: fix what it reported in Partner Center and publish again; if it was a go-live, retry-failed: true sends it once more.'
    )
  })
})

describe('the other rows, in words', () => {
  it('rows 4 and 6: ready', () => {
    expect(decide(undefined, undefined, context)).toEqual({ kind: 'ready', say: 'No go-live is running' })
    expect(decide(WAITING, undefined, context)).toEqual({ kind: 'ready', say: 'The offer waits for publisher sign-off' })
  })

  it("row 6: running with the publisher-signoff step waiting (SUSE's shape, matched by step name): ready", () => {
    expect(decide(parseOperation(cppOfferStatusAwaitingSignoff), [], context)).toMatchObject({ kind: 'ready' })
    expect(decide(running('waitingForPublisherReview'), learnPublish, context)).toMatchObject({ kind: 'ready' })
  })

  it.each([
    ["a publish running (Learn's list)", learnPublish],
    ['submissions that could not be read', undefined]
  ])('row 7: running with %s and no sign-off waiting: blocked by the running operation', (_what, submissions) => {
    const decision = decide(running('notStarted'), submissions, context)
    expect(decision).toMatchObject({ kind: 'blocked', offerStatus: 'running' })
    expect(decision.say).toMatch(/^Another operation \(a publish\) is running on the offer/)
  })

  it.each([
    ['notStarted', 'notStarted', /^A publish was requested but has not started/],
    ['NOTSTARTED', 'notStarted', /^A publish was requested/],
    ['neverPublished', 'neverPublished', /^The offer was never published: publish it first/],
    ['canceled', 'canceled', /^The last operation was canceled/],
    ['cancelled', 'canceled', /^The last operation was canceled/]
  ])('rows 8, 9, 14: %s: blocked, saying why', (raw, offerStatus, why) => {
    const decision = decide(status(raw), undefined, context)
    expect(decision).toMatchObject({ kind: 'blocked', offerStatus })
    expect(decision.say).toMatch(why)
  })

  it.each(['succeeded', 'Succeeded', 'complete', 'completed', 'COMPLETED', ' completed '])('row 10: %j is live', (raw) => {
    expect(decide(status(raw), [], context)).toEqual({
      kind: 'live',
      say: 'The last operation succeeded and nothing waits for sign-off: the offer is live already. Publish a new version to go live again.'
    })
  })

  it("row 10: Learn's offer status as published is live; the newest go-live that succeeded is named", () => {
    expect(decide(parseOperation(JSON.parse(offerStatusBody)), undefined, context)).toMatchObject({ kind: 'live' })
    const decision = decide(
      status('complete'),
      [
        ...learnPublish,
        goLive('old', 'succeeded', '2026-01-01T00:00:00.0000000Z'),
        goLive('newest', 'succeeded', '2026-03-01T10:00:00.4220588Z', { submissionType: undefined }),
        goLive('middle', 'Completed', '2026-02-01T00:00:00.0000000Z', { slot: undefined }),
        goLive('canceled-later', 'canceled', '2026-04-02T00:00:00.0000000Z')
      ],
      context
    )
    expect(decision).toMatchObject({ kind: 'live', last: { id: 'newest' } })
  })

  it('row 15: a status the action does not know, or none: unknown, the service text quoted on one clean line', () => {
    const odd = decide(status('paused\n::error::planted'), undefined, context)
    expect(odd.kind).toBe('unknown')
    expect(odd.say).toMatch(/^The offer status '.*' is not one the action knows; check the offer in Partner Center\.$/)
    expect(odd.say).not.toMatch(/[\n\r]/)
    expect(decide(status(undefined), undefined, context)).toEqual({
      kind: 'unknown',
      say: 'The service sent no offer status; check the offer in Partner Center.'
    })
  })
})

describe("one vocabulary: the offer status read with the operations' table", () => {
  it("every state of Learn's offer status table (PascalCase) is read as the API's word", () => {
    const names = [...offerStatusTable.matchAll(/^\| {2}([A-Za-z]+) +\|/gm)].map((m) => m[1] as string).filter((n) => n !== 'Name')
    expect(names).toEqual(['NeverPublished', 'NotStarted', 'WaitingForPublisherReview', 'Running', 'Succeeded', 'Canceled', 'Failed'])
    const verdicts = names.map((name) => {
      const decision = decide(status(name), [], context)
      return decision.kind === 'blocked' ? decision.offerStatus : decision.kind
    })
    expect(verdicts).toEqual(['neverPublished', 'notStarted', 'ready', 'running', 'live', 'canceled', 'failed'])
  })

  it("the operations' `completed` (Learn's status row) is an offer that succeeded", () => {
    const spellings = [...operationStatusRow.matchAll(/`([a-z ]+)`/g)].map((m) => m[1] as string)
    expect(spellings).toEqual(['not started', 'running', 'failed', 'completed', 'running'])
    expect(decide(status('completed'), [], context).kind).toBe('live')
    expect(decide(status('complete'), [], context).kind).toBe('live')
  })
})
