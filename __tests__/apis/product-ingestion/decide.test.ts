// One verdict for the dry run and the real run: decide() on a product's whole submissions listing.
// Each test backs one row of the table in src/apis/product-ingestion/README.md (`row N`); the last
// test checks that the table and the tests name the same rows. Entries go through parseListing()
// as the client reads them, so an id the action cannot use is kept the way a real listing keeps it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { decide, type DecideOptions } from '../../../src/apis/product-ingestion/decide.js'
import { parseListing } from '../../../src/apis/product-ingestion/listing.js'
import { ROOT } from '../../../scripts/run-action.js'
import { piaGoLiveSubmissions, piaOfferStatusCases } from '../../fixtures/suse-azure-img-utils.js'

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const OTHER = '11111111-2222-3333-4444-555555555555'
// Real-shaped numbers: 19 digits past 2^53, Learn's live/preview pair and two newer ones.
const LIVE = '1152921515689847470'
const PREVIEW = '1152921515689848683'
const NEWER = '1152921515689849796'
const NEWEST = '1152921515689850212'
const id = (n: string) => `submission/${GUID}/${n}`

type Raw = Record<string, unknown>
let minute = 0
// 7 fractional digits, as the service sends them; each entry made is newer than the one before.
const next = () => `${new Date(Date.UTC(2022, 1, 4, 20) + ++minute * 60_000).toISOString().slice(0, 19)}.4220588Z`
// Both $schema hosts, as the service returns them: the older one on drafts and previews.
const schema = (targetType: string) =>
  `${targetType === 'live' ? 'https://schema.mp.microsoft.com' : 'https://product-ingestion.azureedge.net'}/schema/submission/2022-03-01-preview2`

/** A listed entry; `submissionId` undefined: no id. `created` false: none. */
function entry(submissionId: unknown, targetType: string, status?: string, result?: string, created: string | false = next()): Raw {
  return {
    $schema: schema(targetType),
    ...(submissionId === undefined ? {} : { id: submissionId }),
    product: `product/${GUID}`,
    target: { targetType },
    ...(status ? { status } : {}),
    ...(result ? { result } : {}),
    ...(status && created ? { created } : {})
  }
}
const draft = () => entry(id('0'), 'draft')
const ok = (n: string, target = 'preview') => entry(id(n), target, 'completed', 'succeeded')
const on = (list: Raw[], options?: DecideOptions) => decide(parseListing(list, GUID), options)

const tested = new Set<number>()
/** A test of one row of the README's table. */
function row(n: number, title: string, test: () => void): void {
  tested.add(n)
  it(`row ${n}: ${title}`, test)
}

describe('decide', () => {
  row(1, 'a running go-live is followed, also when another entry is in progress', () => {
    const decision = on([
      ok(LIVE, 'live'),
      ok(PREVIEW),
      entry(id(PREVIEW), 'live', 'running', 'pending'),
      entry(id(NEWEST), 'preview', 'running')
    ])
    expect(decision).toMatchObject({ kind: 'follow', running: { id: id(PREVIEW), targetType: 'live' } })
    expect(decision.say).toContain('A go-live is already running')
  })

  row(2, 'a running go-live listed without a usable id: running-unusable, never followed nor started again', () => {
    for (const [bad, shown] of [
      [undefined, 'none'],
      [`${id(PREVIEW)} `, `'${id(PREVIEW)}'`],
      [Number(PREVIEW), 'a bare JSON number']
    ] as const) {
      const decision = on([ok(LIVE, 'live'), ok(PREVIEW), entry(bad, 'live', 'running', 'pending')])
      expect(decision).toMatchObject({ kind: 'running-unusable', running: { shown } })
      expect(decision.say).toBe(
        `A go-live is already running, listed under an id the action does not accept (${shown}): the action cannot follow it and would start no other; follow it in Partner Center.`
      )
    }
    // One of another product is left out: it says nothing about this one.
    expect(on([ok(PREVIEW), { ...entry(undefined, 'live', 'running', 'pending'), product: `product/${OTHER}` }]).kind).toBe('ready')
  })

  row(3, 'something else in progress without a usable id may be a go-live: blocked', () => {
    const decision = on([ok(LIVE, 'live'), ok(PREVIEW), entry(undefined, 'preview', 'running', 'pending')])
    expect(decision).toMatchObject({ kind: 'in-progress-unusable', busy: { shown: 'none', status: 'running' } })
    expect(decision.say).toContain("Another submission is in progress (status 'running', id none) under an id the action does not accept")
  })

  row(4, 'another submission in progress blocks, naming it', () => {
    const decision = on([ok(LIVE, 'live'), ok(PREVIEW), entry(id(NEWEST), 'preview', 'running', 'pending')])
    expect(decision).toMatchObject({ kind: 'in-progress', busy: { number: NEWEST } })
    expect(decision.say).toContain(`Another submission is in progress (${id(NEWEST)}, to preview, running)`)
  })

  row(5, 'no preview: only drafts (a draft has no status and is never in progress)', () => {
    const decision = on([draft(), entry(id('0'), 'draft', 'running')])
    expect(decision.kind).toBe('no-preview')
    expect(decision.say).toContain('publish to preview first')
    expect(on([]).kind).toBe('no-preview')
  })

  row(6, 'the newest preview failed: nothing goes live, not the older preview that succeeded', () => {
    const decision = on([draft(), ok(LIVE), ok(LIVE, 'live'), ok(PREVIEW), entry(id(NEWER), 'preview', 'completed', 'failed')])
    expect(decision).toMatchObject({ kind: 'preview-failed', preview: { id: id(NEWER) } })
    expect(decision.say).toContain(`The newest preview submission (${id(NEWER)}) failed, so nothing goes live`)
    // The same when that failed preview's id is one the action cannot use.
    const unusable = on([ok(LIVE, 'live'), ok(PREVIEW), entry(undefined, 'preview', 'completed', 'failed', '2022-03-01T00:00:00.0000001Z')])
    expect(unusable.kind).toBe('preview-failed')
    expect(unusable.say).toContain('The newest preview submission (id none, created 2022-03-01T00:00:00.0000001Z) failed')
    // SUSE's publish_failed listing (fragments without ids): still never ready.
    const suse = piaOfferStatusCases.find((c) => c.test === 'test_get_offer_status_publish_failed')?.body as { value: Raw[] }
    expect(on([ok(PREVIEW), ...suse.value]).kind).toBe('preview-failed')
  })

  row(7, 'the newest preview not finished: completed without a result, with one the action does not know, or no status', () => {
    const pending = on([ok(LIVE, 'live'), ok(PREVIEW), entry(id(NEWER), 'preview', 'completed')])
    expect(pending).toMatchObject({ kind: 'preview-unfinished', preview: { number: NEWER } })
    expect(pending.say).toContain(`The newest preview submission (${id(NEWER)}) has not finished`)
    const weird = on([ok(PREVIEW), entry(id(NEWER), 'preview', 'completed', 'x\n::error::planted')])
    expect(weird).toMatchObject({ kind: 'preview-unfinished' })
    expect(weird.say).not.toContain('\n')
    // SUSE's test_go_live_with_offer: a preview whose id sits inside `target`, no status. Listed
    // after a usable preview, it cannot be told older (no created, no digits): nothing goes live.
    const suse = on([ok(LIVE, 'live'), ok(PREVIEW), ...piaGoLiveSubmissions.value])
    expect(suse).toMatchObject({ kind: 'preview-unfinished', preview: { shown: 'none' } })
    expect(suse.say).toContain(`A preview submission that may be newer than ${id(PREVIEW)} (id none, no created time) has not finished`)
  })

  row(8, 'the newest preview succeeded with an id the action cannot use: blocked, naming it and why', () => {
    const cases: Array<[unknown, string, string]> = [
      // made-up, each: ids the action cannot use (real ones are 19-digit strings).
      [`${id(NEWER)}000000000000`, `'${id(NEWER)}000000000000'`, "its id's number has 31 digits, more than the 30 the action takes"],
      [Number(NEWER), 'a bare JSON number', 'its id is a bare JSON number, not a string (digits past 2^53 are lost in reading)'],
      [undefined, 'none', 'it has no id'],
      [`${id(NEWER)} `, `'${id(NEWER)}'`, 'its id has white space around it'],
      [{ n: NEWER }, 'an object', 'its id is an object, not a string'],
      [`submission/${GUID}/${NEWER}x`, `'submission/${GUID}/${NEWER}x'`, 'its id is not submission/<product id>/<digits>'],
      // An entry that contradicts itself: its id names another product, its `product` this one.
      [
        `submission/${OTHER}/${NEWER}`,
        `'submission/${OTHER}/${NEWER}'`,
        'its id names another product but its product field names this one'
      ]
    ]
    for (const [bad, shown, why] of cases) {
      const decision = on([
        draft(),
        ok(LIVE),
        ok(LIVE, 'live'),
        ok(PREVIEW),
        entry(bad, 'preview', 'completed', 'succeeded', '2022-03-01T00:00:00.1234567Z')
      ])
      expect(decision).toMatchObject({ kind: 'preview-unusable', preview: { shown, problem: why } })
      expect(decision.say).toBe(
        `The newest preview submission (id ${shown}, created 2022-03-01T00:00:00.1234567Z) cannot be taken live: ${why}. Nothing goes live (not an older preview either): fix it in Partner Center and publish a new preview, then run the step again.`
      )
    }
    // Without `created`, its digits rank it: 31 digits are newer than 19.
    expect(on([ok(PREVIEW), entry(`${id(NEWER)}000000000000`, 'preview', 'completed', 'succeeded', false)]).kind).toBe('preview-unusable')
    // A service text is quoted as one bounded line.
    const hostile = on([ok(PREVIEW), entry(`x\n::error::planted${'y'.repeat(5_000)}`, 'preview', 'completed', 'succeeded')])
    expect(hostile.say).not.toContain('\n')
    expect(hostile.say.length).toBeLessThan(400)
    // An unusable preview certainly older than the newest usable one is no rival: that one goes live.
    const older = entry(`${id(LIVE)} `, 'preview', 'completed', 'succeeded', '2022-01-01T00:00:00.0000000Z')
    expect(on([older, ok(PREVIEW)])).toMatchObject({ kind: 'ready', preview: { id: id(PREVIEW) } })
  })

  row(9, 'a failed live entry with an unusable id, not older than the preview: a failed go-live', () => {
    const list = [ok(LIVE, 'live'), ok(PREVIEW), entry(`${id(PREVIEW)} `, 'live', 'completed', 'failed', '2022-03-01T00:00:00.0000001Z')]
    const decision = on(list)
    expect(decision).toMatchObject({ kind: 'live-failed', preview: { id: id(PREVIEW) }, failed: { shown: `'${id(PREVIEW)}'` } })
    expect(decision.say).toContain(
      `its live submission with id '${id(PREVIEW)}' (the submission was created 2022-03-01T00:00:00.0000001Z; the listing gives no end time) completed with result 'failed'. A re-run does not send it again`
    )
    expect(on(list, { retryFailed: true })).toMatchObject({
      kind: 'ready',
      preview: { id: id(PREVIEW) },
      retrying: { shown: `'${id(PREVIEW)}'` }
    })
  })

  row(10, 'a live entry with an unusable id that may be newer than the preview, not failed: whether live has it is unknown', () => {
    const decision = on([ok(LIVE, 'live'), ok(PREVIEW), entry(undefined, 'live', 'completed', 'succeeded', '2022-03-01T00:00:00.0000001Z')])
    expect(decision).toMatchObject({ kind: 'live-unusable', live: { shown: 'none' } })
    expect(decision.say).toBe(
      `A live submission (id none, created 2022-03-01T00:00:00.0000001Z) newer than the newest preview (${id(PREVIEW)}) cannot be read: it has no id, so the action cannot tell whether live carries that preview: check it in Partner Center before going live again.`
    )
    // Newer than the preview but older than the newest usable live entry (which has the preview): live already.
    const preview = entry(id(PREVIEW), 'preview', 'completed', 'succeeded', '2022-02-04T00:00:00.0000000Z')
    const between = entry(undefined, 'live', 'completed', 'succeeded', '2022-02-04T12:00:00.0000000Z')
    const live = entry(id(PREVIEW), 'live', 'completed', 'succeeded', '2022-02-05T00:00:00.0000000Z')
    expect(on([preview, between, live]).kind).toBe('live')
  })

  row(11, 'already live: the newest completed live entry carries the newest preview', () => {
    const decision = on([ok(LIVE), ok(LIVE, 'live')])
    expect(decision).toMatchObject({ kind: 'live', live: { id: id(LIVE), targetType: 'live' } })
    expect(decision.say).toContain('Live already has the newest preview')
  })

  row(12, 'the go-live of the newest preview failed: not sent again, quoting the failure, its submission and when', () => {
    const failed = entry(id(PREVIEW), 'live', 'completed', 'failed', '2022-02-05T10:11:12.1234567Z')
    const decision = on([draft(), ok(LIVE), ok(LIVE, 'live'), ok(PREVIEW), failed])
    expect(decision).toMatchObject({ kind: 'live-failed', preview: { id: id(PREVIEW) }, failed: { id: id(PREVIEW) } })
    expect(decision.say).toBe(
      `The go-live of the newest preview (${id(PREVIEW)}) failed: its live submission ${id(PREVIEW)} (the submission was created 2022-02-05T10:11:12.1234567Z; the listing gives no end time) completed with result 'failed'. A re-run does not send it again: fix the cause in Partner Center and publish a new preview, or set retry-failed: true to send it once more.`
    )
    // Listed under a number of its own, created after the preview: the same.
    const own = on([ok(LIVE, 'live'), ok(PREVIEW), entry(id(NEWER), 'live', 'completed', 'failed')])
    expect(own).toMatchObject({ kind: 'live-failed', failed: { id: id(NEWER) } })
    // made-up: a submission result spelled cancelled (the job result's spelling): not re-sent either.
    expect(on([ok(PREVIEW), entry(id(PREVIEW), 'live', 'completed', 'cancelled')]).kind).toBe('live-failed')
    // SUSE's go_live_failed listing: a live entry that succeeded and one that failed (ids and
    // created added, made-up: SUSE's fragments have none). The failed one is the newer: blocked.
    const suse = piaOfferStatusCases.find((c) => c.test === 'test_get_offer_status_go_live_failed')?.body as { value: Raw[] }
    const [before, after] = suse.value as [Raw, Raw]
    const listed = [ok(LIVE), { ...before, id: id(LIVE), created: next() }, ok(PREVIEW), { ...after, id: id(PREVIEW), created: next() }]
    expect(on(listed).kind).toBe('live-failed')
    // A failed go-live of an older preview says nothing about the newest one.
    expect(on([ok(LIVE), entry(id(LIVE), 'live', 'completed', 'failed'), ok(PREVIEW)]).kind).toBe('ready')
  })

  row(13, 'with retry-failed, the failed go-live of the newest preview is sent once more', () => {
    const list = [ok(LIVE, 'live'), ok(PREVIEW), entry(id(PREVIEW), 'live', 'completed', 'failed')]
    const decision = on(list, { retryFailed: true })
    expect(decision).toMatchObject({ kind: 'ready', preview: { id: id(PREVIEW) }, retrying: { id: id(PREVIEW) } })
    expect(decision.say).toMatch(/^The newest preview \(.*\) goes live once more on purpose: .* and retry-failed: true sends it once more$/)
    // retry-failed changes nothing else: a live preview stays live, a running go-live is followed.
    expect(on([ok(PREVIEW), ok(PREVIEW, 'live')], { retryFailed: true }).kind).toBe('live')
    expect(on([ok(PREVIEW), entry(id(PREVIEW), 'live', 'running')], { retryFailed: true }).kind).toBe('follow')
  })

  row(14, 'a go-live of the newest preview without a known result, or without a status: not sent again', () => {
    const unknown = on([ok(PREVIEW), entry(id(PREVIEW), 'live', 'completed')])
    expect(unknown).toMatchObject({ kind: 'live-unknown', live: { number: PREVIEW } })
    expect(unknown.say).toContain('no result the action knows')
    // made-up: a live entry without `status` (fields can be missing); its result alone is not an end.
    const noStatus = on([ok(PREVIEW), entry(id(PREVIEW), 'live', undefined, 'succeeded')])
    expect(noStatus).toMatchObject({ kind: 'live-unknown', live: { number: PREVIEW } })
    expect(noStatus.say).toContain("(status none, result 'succeeded')")
  })

  row(15, 'ready: the newest preview goes live by its id as the service sent it; also when nothing is live yet', () => {
    const decision = on([draft(), ok(LIVE), ok(LIVE, 'live'), ok(PREVIEW)])
    expect(decision).toMatchObject({ kind: 'ready', preview: { id: id(PREVIEW) } })
    expect(decision).not.toHaveProperty('retrying')
    expect(decision.say).toContain(id(PREVIEW))
    expect(on([draft(), ok(PREVIEW)])).toMatchObject({ kind: 'ready', preview: { number: PREVIEW } })
    // The newest preview is the one with the bigger number when created is missing (not ranked oldest).
    expect(on([ok(LIVE, 'live'), ok(PREVIEW), entry(id(NEWER), 'preview', 'completed', 'succeeded', false)])).toMatchObject({
      kind: 'ready',
      preview: { number: NEWER }
    })
    // Numbers past 2^53 that Number() would make equal are told apart: 1152921515689848683 and …682.
    expect(Number(PREVIEW)).toBe(Number('1152921515689848682'))
    const apart = on([
      entry(id('1152921515689848682'), 'preview', 'completed', 'failed', false),
      entry(id(PREVIEW), 'preview', 'completed', 'succeeded', false)
    ])
    expect(apart).toMatchObject({ kind: 'ready', preview: { number: PREVIEW } })
  })

  it('the README table and these tests name the same rows', () => {
    const readme = readFileSync(join(ROOT, 'src', 'apis', 'product-ingestion', 'README.md'), 'utf8')
    const rows = [...readme.matchAll(/^\|\s*(\d+)\s*\|/gm)].map((m) => Number(m[1]))
    expect(rows).toEqual([...tested].sort((a, b) => a - b))
    expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1))
  })
})
