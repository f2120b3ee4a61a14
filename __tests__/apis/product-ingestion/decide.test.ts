// One verdict for the dry run and the real run: decide() per state of a product's submissions.
import { describe, expect, it } from '@jest/globals'
import type { Submission } from '../../../src/apis/product-ingestion/client.js'
import { decide } from '../../../src/apis/product-ingestion/decide.js'

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
// Real-shaped numbers: 19 digits past 2^53, Learn's live/preview pair and two newer ones.
const LIVE = '1152921515689847470'
const PREVIEW = '1152921515689848683'
const NEWER = '1152921515689849796'
const NEWEST = '1152921515689850212'

let minute = 0
function entry(n: string, targetType: string, status?: string, result?: string, created = true): Submission {
  const body = {
    id: `submission/${GUID}/${n}`,
    target: { targetType },
    ...(status ? { status } : {}),
    ...(result ? { result } : {}),
    ...(status && created ? { created: `2022-02-04T20:${String(++minute).padStart(2, '0')}:22.4220588Z` } : {})
  }
  const { created: at } = body as { created?: string }
  return {
    id: body.id,
    number: n,
    targetType,
    ...(status ? { status } : {}),
    ...(result ? { result } : {}),
    ...(at ? { created: at } : {}),
    body
  }
}
const draft = () => entry('0', 'draft')
const ok = (n: string, target = 'preview') => entry(n, target, 'completed', 'succeeded')

describe('decide', () => {
  it('the issue: live #3, preview #5 succeeded, newest preview #7 failed: blocked, nothing goes live', () => {
    const decision = decide([draft(), ok(LIVE), ok(LIVE, 'live'), ok(PREVIEW), entry(NEWER, 'preview', 'completed', 'failed')])
    expect(decision).toMatchObject({ kind: 'preview-failed', preview: { id: `submission/${GUID}/${NEWER}` } })
    expect(decision.say).toContain(`The newest preview submission (submission/${GUID}/${NEWER}) failed`)
    expect(decision.say).toContain('nothing goes live')
  })

  it('ready: the newest preview goes live, by its id as the service sent it', () => {
    const decision = decide([draft(), ok(LIVE), ok(LIVE, 'live'), ok(PREVIEW)])
    expect(decision).toMatchObject({ kind: 'ready', preview: { id: `submission/${GUID}/${PREVIEW}` } })
    expect(decision.say).toContain(`submission/${GUID}/${PREVIEW}`)
  })

  it('ready also when nothing is live yet', () => {
    expect(decide([draft(), ok(PREVIEW)])).toMatchObject({ kind: 'ready', preview: { number: PREVIEW } })
  })

  it('already live: the newest completed live entry carries the newest preview', () => {
    const decision = decide([ok(LIVE), ok(LIVE, 'live')])
    expect(decision).toMatchObject({ kind: 'live', live: { id: `submission/${GUID}/${LIVE}`, targetType: 'live' } })
    expect(decision.say).toContain('Live already has the newest preview')
  })

  it('a go-live of the same preview that failed may be tried again; one without a known result may not', () => {
    expect(decide([ok(PREVIEW), entry(PREVIEW, 'live', 'completed', 'failed')])).toMatchObject({ kind: 'ready' })
    const unknown = decide([ok(PREVIEW), entry(PREVIEW, 'live', 'completed')])
    expect(unknown).toMatchObject({ kind: 'live-unknown', live: { number: PREVIEW } })
    expect(unknown.say).toContain('no result the action knows')
  })

  it('a live entry of the newest preview with no status is not "live already": its outcome is unknown', () => {
    // made-up: a live entry without `status` (fields can be missing); its result alone is not an end.
    const noStatus = decide([ok(PREVIEW), entry(PREVIEW, 'live', undefined, 'succeeded')])
    expect(noStatus).toMatchObject({ kind: 'live-unknown', live: { number: PREVIEW } })
    expect(noStatus.say).toContain("(status none, result 'succeeded')")
  })

  it('a running go-live is followed, also when another entry is in progress', () => {
    const decision = decide([
      ok(LIVE, 'live'),
      ok(PREVIEW),
      entry(PREVIEW, 'live', 'running', 'pending'),
      entry(NEWEST, 'preview', 'running')
    ])
    expect(decision).toMatchObject({ kind: 'follow', running: { id: `submission/${GUID}/${PREVIEW}`, targetType: 'live' } })
    expect(decision.say).toContain('A go-live is already running')
  })

  it('another submission in progress blocks, naming it', () => {
    const decision = decide([ok(LIVE, 'live'), ok(PREVIEW), entry(NEWEST, 'preview', 'running', 'pending')])
    expect(decision).toMatchObject({ kind: 'in-progress', busy: { number: NEWEST } })
    expect(decision.say).toContain(`Another submission is in progress (submission/${GUID}/${NEWEST}, to preview, running)`)
  })

  it('no preview: only drafts (a draft has no status and is never in progress)', () => {
    const decision = decide([draft(), entry('0', 'draft', 'running')])
    expect(decision.kind).toBe('no-preview')
    expect(decision.say).toContain('publish to preview first')
    expect(decide([]).kind).toBe('no-preview')
  })

  it('the newest preview not finished: completed without a result, or with no status at all', () => {
    const pending = decide([ok(LIVE, 'live'), ok(PREVIEW), entry(NEWER, 'preview', 'completed')])
    expect(pending).toMatchObject({ kind: 'preview-unfinished', preview: { number: NEWER } })
    expect(pending.say).toContain(`The newest preview submission (submission/${GUID}/${NEWER}) has not finished`)
    const weird = decide([ok(PREVIEW), entry(NEWER, 'preview', 'completed', 'x\n::error::planted')])
    expect(weird).toMatchObject({ kind: 'preview-unfinished' })
    expect(weird.say).not.toContain('\n')
  })

  it('the newest preview is the one with the bigger number when created is missing (not ranked oldest)', () => {
    const decision = decide([ok(LIVE, 'live'), ok(PREVIEW), entry(NEWER, 'preview', 'completed', 'succeeded', false)])
    expect(decision).toMatchObject({ kind: 'ready', preview: { number: NEWER } })
    const failed = decide([ok(LIVE, 'live'), ok(PREVIEW), entry(NEWER, 'preview', 'completed', 'failed', false)])
    expect(failed.kind).toBe('preview-failed')
  })

  it('numbers past 2^53 that Number() would make equal are told apart', () => {
    // 1152921515689848683 and …682 are the same JavaScript number.
    expect(Number(PREVIEW)).toBe(Number('1152921515689848682'))
    const decision = decide([
      entry('1152921515689848682', 'preview', 'completed', 'failed', false),
      entry(PREVIEW, 'preview', 'completed', 'succeeded', false)
    ])
    expect(decision).toMatchObject({ kind: 'ready', preview: { number: PREVIEW } })
  })
})
