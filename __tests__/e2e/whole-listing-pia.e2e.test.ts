// Issue 17 on the Product Ingestion path: each decision reads the whole submissions listing. The
// committed bundle, run as the runner runs it (several times in a row, as a scheduled workflow
// would), against the PIA emulator or a replay server on loopback; the configure (go-live) requests
// are counted at the server over all runs of a sequence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { failedCertificationJob, SUBMISSION_NUMBERS } from '../../emulator/pia-scenarios.js'
import { startReplayServer, type ReplayServer } from '../../emulator/replay-server.js'
import * as learn from '../fixtures/learn-product-ingestion-api.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'
import { errorLines, resultsOf } from '../helpers/fleet-results.js'
import { onlyResults } from '../helpers/results-only.js'

const GUID = '9f8af57f-ab07-461b-8404-50e10e5e80fb'
const OTHER_GUID = '0d3b6c9e-1111-4222-8333-944455556666'
const OFFER = 'contoso-vm'
const { live: LIVE_N, preview: PREVIEW_N, failedPreview: NEWER_N } = SUBMISSION_NUMBERS
// 7 fractional digits, as the service sends them (Learn's "Querying your submissions").
const LIVE_AT = '2022-01-25T07:13:06.4408032Z'
const PREVIEW_AT = '2022-02-04T20:07:22.4220588Z'
const NEWER_AT = '2022-02-05T09:30:00.1234567Z'

let pia: PiaEmulator
let replay: ReplayServer
beforeAll(async () => {
  pia = await startPiaEmulator()
  replay = await startReplayServer()
})
afterAll(async () => {
  await pia.close()
  await replay.close()
})
beforeEach(() => pia.reset())

const emulated = (extra: Record<string, string> = {}) => ({
  api: 'product-ingestion',
  offer: OFFER,
  token: DEFAULT_TOKEN,
  'base-url': pia.url,
  'poll-interval': '20ms',
  ...extra
})
const replayed = (extra: Record<string, string> = {}) => ({
  api: 'product-ingestion',
  offer: OFFER,
  token: 'replay-access-token',
  'base-url': replay.url,
  'poll-interval': '20ms',
  ...extra
})
const configures = () => pia.requestsTo('POST', '/configure')
const replayedConfigures = () => replay.requestsTo('POST', '/configure')

/** Runs the same step `times` times in a row, one after the other. */
async function runs(times: number, inputs: Record<string, string>): Promise<RunResult[]> {
  const results: RunResult[] = []
  for (let i = 0; i < times; i++) results.push(await runAction({ inputs }))
  return results
}

// Both $schema hosts, as the service returns them: the older one on drafts and previews.
const OLD_HOST = 'https://product-ingestion.azureedge.net/schema/submission/2022-03-01-preview2'
const NEW_HOST = 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2'
type Entry = Record<string, unknown>
const entry = (id: unknown, targetType: string, status: string, result: string, created: string): Entry => ({
  $schema: targetType === 'live' ? NEW_HOST : OLD_HOST,
  ...(id === undefined ? {} : { id }),
  product: `product/${GUID}`,
  target: { targetType },
  status,
  result,
  created
})
const draft: Entry = { $schema: OLD_HOST, id: `submission/${GUID}/0`, product: `product/${GUID}`, target: { targetType: 'draft' } }
const oldLive = entry(`submission/${GUID}/${LIVE_N}`, 'live', 'completed', 'succeeded', LIVE_AT)
const olderPreview = entry(`submission/${GUID}/${PREVIEW_N}`, 'preview', 'completed', 'succeeded', PREVIEW_AT)

/**
 * The submissions listing as raw JSON text: `raw` replaces the quoted placeholder "RAW" byte for byte
 * (a bare JSON number past 2^53 cannot be written through JSON.stringify without being rounded).
 */
function serveListing(entries: Entry[], raw?: string): void {
  const text = JSON.stringify({ value: entries })
  replay.setRoutes([
    { method: 'GET', path: '/product', answers: [{ body: { value: [{ id: `product/${GUID}`, identity: { externalId: OFFER } }] } }] },
    { method: 'GET', path: `/submission/${GUID}`, answers: [{ body: raw === undefined ? text : text.replace('"RAW"', raw) }] },
    { method: 'POST', path: '/configure', answers: [{ status: 202, body: learn.configureNotStartedJobID }] }
  ])
}

describe('1. an older preview never goes live: the newest preview has an id the action cannot use', () => {
  it.each([
    [
      '31 digits',
      // made-up: a submission number of 31 digits (real ones have 19); the action takes at most 30.
      `submission/${GUID}/${NEWER_N}000000000000`,
      undefined,
      `id 'submission/${GUID}/${NEWER_N}000000000000'`,
      "its id's number has 31 digits, more than the 30 the action takes"
    ],
    [
      'a bare JSON number',
      // made-up: the id as a bare JSON number (past 2^53: JSON.parse rounds it) instead of the string.
      'RAW',
      NEWER_N,
      'id a bare JSON number',
      'its id is a bare JSON number, not a string (digits past 2^53 are lost in reading)'
    ],
    // made-up: no id at all (SUSE's test data lists a preview whose id sits inside `target`; see
    // suse-azure-img-utils.ts, piaGoLiveSubmissions).
    ['no id', undefined, undefined, 'id none', 'it has no id'],
    [
      'a trailing space',
      // made-up: the id with a trailing space; sent back as is it would name no submission.
      `submission/${GUID}/${NEWER_N} `,
      undefined,
      `id 'submission/${GUID}/${NEWER_N}'`,
      'its id has white space around it'
    ],
    [
      'another product in its id, this one in its product field',
      // made-up (attack1718): the entry contradicts itself, its id naming another product's GUID and
      // its `product` this one. Which submission is the newest preview is unknown, so the older one
      // must not go live in its place.
      `submission/${OTHER_GUID}/${NEWER_N}`,
      undefined,
      `id 'submission/${OTHER_GUID}/${NEWER_N}'`,
      'its id names another product but its product field names this one'
    ]
  ])(
    '%s: three runs send no configure request, each refuses naming the newest preview; the dry run is blocked',
    async (_name, id, raw, named, why) => {
      serveListing([draft, oldLive, olderPreview, entry(id, 'preview', 'completed', 'succeeded', NEWER_AT)], raw)
      const [first, ...again] = await runs(3, replayed())
      expect(replayedConfigures()).toHaveLength(0)
      for (const result of [first, ...again] as RunResult[]) {
        expect(result.exitCode).toBe(1)
        expect(result.stdout).toContain(
          `::error::${OFFER} cannot go live now: the newest preview submission (${named}, created ${NEWER_AT}) cannot be taken live: ${why}. Nothing goes live (not an older preview either)`
        )
        expect(result.stdout).not.toContain('Sending the go-live request')
        expect(onlyResults(result.outputs).status).toBe('not started')
      }

      const dryRun = await runAction({ inputs: replayed({ 'dry-run': 'true' }) })
      expect(dryRun.exitCode).toBe(0)
      expect(dryRun.outputs['offer-status']).toBe('unknown')
      expect(dryRun.stdout).toContain(`::warning::Offer status: unknown. The newest preview submission (${named}, created ${NEWER_AT})`)
      expect(dryRun.stdout).not.toContain('a go-live would start now')
      expect(replayedConfigures()).toHaveLength(0)
    }
  )
})

describe('2. one product, two go-lives: two offers whose lookups name the same product', () => {
  // made-up: a lookup that ignored the filter lists the account's one product without `identity`;
  // the action takes a lone product without one as the filter's answer, so both offers name it.
  function lookupIgnoringTheFilter(guid: string): void {
    const body = JSON.stringify({
      value: [{ $schema: OLD_HOST.replace('submission', 'product'), id: `product/${guid}`, type: 'azureVirtualMachine' }]
    })
    pia.injectFault({
      method: 'GET',
      path: 'product-ingestion/product',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body,
      times: 1_000
    })
  }
  const both = (extra: Record<string, string> = {}) => emulated({ offer: 'vm-a,vm-b', ...extra })

  it('three runs send one configure request; the later offer is refused before any, naming the one that took it', async () => {
    // The first two listings are answered late (their content as at the request), so that both
    // offers' listings would be read before either sends anything.
    const guid = pia.addProduct({ externalId: 'vm-a', faults: [{ method: 'GET', path: '/submission/', kind: 'delay', ms: 200, times: 2 }] })
    lookupIgnoringTheFilter(guid)
    const all = await runs(3, both())
    expect(configures()).toHaveLength(1)
    for (const result of all) {
      expect(result.exitCode).toBe(1)
      const results = resultsOf(result, ['vm-a', 'vm-b'])
      const refused = results.filter((r) => r.status === 'not started')
      expect(refused).toHaveLength(1)
      const [loser] = refused as [(typeof results)[0]]
      const winner = loser.offer === 'vm-a' ? 'vm-b' : 'vm-a'
      expect(loser.error).toContain(
        `The product lookup for '${loser.offer}' named product/${guid}, the product of ${winner} in this step: a product is taken live once per step, so ${loser.offer} is refused`
      )
      expect(loser.error).toContain('Nothing was sent.')
      expect(results.find((r) => r.offer === winner)?.status).not.toBe('not started')
    }
    // The one request took the newest preview live, for the one product.
    expect(JSON.parse(configures()[0]?.body as string).resources[0]).toMatchObject({
      id: `submission/${guid}/${PREVIEW_N}`,
      product: `product/${guid}`
    })
  })

  it('the dry run refuses the later offer too (as it refuses a wrong offer), and sends nothing', async () => {
    const guid = pia.addProduct({ externalId: 'vm-a' })
    lookupIgnoringTheFilter(guid)
    const result = await runAction({ inputs: both({ 'dry-run': 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(configures()).toHaveLength(0)
    const results = resultsOf(result, ['vm-a', 'vm-b'])
    expect(results.filter((r) => r.error.includes(`named product/${guid}, the product of`))).toHaveLength(1)
    expect(results.filter((r) => r['offer-status'] === 'waitingForPublisherReview')).toHaveLength(1)
  })
})

describe('3. a failed go-live is not re-sent on every run', () => {
  const failure = (guid: string) =>
    new RegExp(
      `::error::${OFFER} cannot go live now: the go-live of the newest preview \\(submission/${guid}/${PREVIEW_N}\\) failed: its live submission submission/${guid}/${PREVIEW_N} \\(the submission was created 2026-11-01T\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z; the listing gives no end time\\) completed with result 'failed'\\. A re-run does not send it again: fix the cause in Partner Center and publish a new preview, or set retry-failed: true to send it once more\\.`
    )

  it('after a failed certification, three more runs send no configure request and quote the failure; retry-failed sends it once', async () => {
    const guid = pia.addProduct({ externalId: OFFER, progression: failedCertificationJob() })
    const failed = await runAction({ inputs: emulated({ wait: 'true' }) })
    expect(failed.exitCode).toBe(1)
    expect(failed.outputs.status).toBe('failed')
    expect(configures()).toHaveLength(1)

    const again = await runs(3, emulated({ wait: 'true' }))
    expect(configures()).toHaveLength(1)
    for (const result of again) {
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(failure(guid))
      expect(onlyResults(result.outputs).status).toBe('not started')
    }

    // The dry run agrees: not ready; it says retry-failed would send it.
    const dryRun = await runAction({ inputs: emulated({ 'dry-run': 'true' }) })
    expect(dryRun.exitCode).toBe(0)
    expect(dryRun.outputs['offer-status']).toBe('failed')
    expect(dryRun.stdout).toMatch(
      /::warning::Offer status: failed\. The go-live of the newest preview .* or set retry-failed: true to send it once more\./
    )
    const dryRetry = await runAction({ inputs: emulated({ 'dry-run': 'true', 'retry-failed': 'true' }) })
    expect(dryRetry.stdout).toMatch(/::notice::Offer status: failed\. .*retry-failed: true sends it once more: a go-live would start now\./)
    expect(configures()).toHaveLength(1)

    // On purpose: sent once more, and it fails again (the same preview fails certification).
    const retried = await runAction({ inputs: emulated({ wait: 'true', 'retry-failed': 'true' }) })
    expect(retried.exitCode).toBe(1)
    expect(retried.outputs.status).toBe('failed')
    expect(configures()).toHaveLength(2)
    expect(JSON.parse(configures()[1]?.body as string).resources[0].id).toBe(`submission/${guid}/${PREVIEW_N}`)

    // And not again without it.
    const after = await runs(2, emulated())
    expect(configures()).toHaveLength(2)
    for (const result of after) expect(result.stdout).toMatch(failure(guid))
  })

  it('a failed live submission created after the preview, under another number, blocks as well', async () => {
    // made-up: the failed go-live listed under a submission number of its own (pia-api.md leaves it
    // open whether a go-live reuses the preview's number; SUSE's go_live_failed listing shows no ids).
    const failedLive = entry(`submission/${GUID}/${NEWER_N}`, 'live', 'completed', 'failed', NEWER_AT)
    serveListing([draft, oldLive, olderPreview, failedLive])
    const all = await runs(3, replayed())
    expect(replayedConfigures()).toHaveLength(0)
    for (const result of all) {
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(
        `::error::${OFFER} cannot go live now: the go-live of the newest preview (submission/${GUID}/${PREVIEW_N}) failed: its live submission submission/${GUID}/${NEWER_N} (the submission was created ${NEWER_AT}; the listing gives no end time) completed with result 'failed'.`
      )
    }
    const retried = await runAction({ inputs: replayed({ 'retry-failed': 'true' }) })
    expect(retried.exitCode).toBe(0)
    expect(replayedConfigures()).toHaveLength(1)
    expect(JSON.parse(replayedConfigures()[0]?.body as string).resources[0].id).toBe(`submission/${GUID}/${PREVIEW_N}`)
  })
  it('a go-live that failed while the answer to its request was lost is found failed by the look, not sent again', async () => {
    // The configure request is answered by a bare 503 (the service may have acted on it); the
    // listings after it show the go-live of the preview failed already (a quick validation failure).
    const failedLive = entry(`submission/${GUID}/${PREVIEW_N}`, 'live', 'completed', 'failed', NEWER_AT)
    const product = { value: [{ id: `product/${GUID}`, identity: { externalId: OFFER } }] }
    replay.setRoutes([
      { method: 'GET', path: '/product', answers: [{ body: product }] },
      {
        method: 'GET',
        path: `/submission/${GUID}`,
        answers: [{ body: { value: [draft, oldLive, olderPreview] } }, { body: { value: [draft, oldLive, olderPreview, failedLive] } }]
      },
      { method: 'POST', path: '/configure', answers: [{ status: 503, body: '' }] },
      { method: 'GET', path: `/submission/${GUID}/${PREVIEW_N}`, answers: [{ body: failedLive }] }
    ])
    const result = await runAction({ inputs: replayed({ wait: 'true' }) })
    expect(replayedConfigures()).toHaveLength(1)
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.outputs['operation-id']).toBe(`submission/${GUID}/${PREVIEW_N}`)
    expect(result.stdout).toContain(`Look 1 found the go-live of ${OFFER} in the product's submissions (submission/${GUID}/${PREVIEW_N})`)
    // And the next run quotes it instead of sending it.
    const again = await runAction({ inputs: replayed({ wait: 'true' }) })
    expect(again.stdout).toContain(
      `::error::${OFFER} cannot go live now: the go-live of the newest preview (submission/${GUID}/${PREVIEW_N}) failed`
    )
    expect(replayedConfigures()).toHaveLength(1)
  })
})

describe('6. a dry run over a running go-live listed without a usable id', () => {
  it.each([
    // made-up: a running live entry without an id at all.
    ['no id', undefined, 'none'],
    // made-up: the running live entry's id with a trailing space.
    ['a trailing space', `submission/${GUID}/${PREVIEW_N} `, `'submission/${GUID}/${PREVIEW_N}'`]
  ])('%s: the dry run reports running (blocked) and passes; the real run still refuses; no request', async (_name, id, shown) => {
    serveListing([draft, oldLive, olderPreview, entry(id, 'live', 'running', 'pending', NEWER_AT)])
    const dryRuns = await runs(2, replayed({ 'dry-run': 'true' }))
    for (const dryRun of dryRuns) {
      expect(dryRun.exitCode).toBe(0)
      expect(errorLines(dryRun)).toEqual([])
      expect(dryRun.outputs['offer-status']).toBe('running')
      expect(dryRun.stdout).toContain(
        `::warning::Offer status: running. A go-live is already running, listed under an id the action does not accept (${shown}): the action cannot follow it and would start no other; follow it in Partner Center.`
      )
    }
    const real = await runAction({ inputs: replayed() })
    expect(real.exitCode).toBe(1)
    expect(real.stdout).toContain(
      `::error::A go-live of the product is already running, but the service lists it under an id the action does not accept (${shown}), so it cannot be followed. No second go-live was started; follow it in Partner Center.`
    )
    expect(replayedConfigures()).toHaveLength(0)
  })
})
