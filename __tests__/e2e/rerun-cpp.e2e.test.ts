// Issue 17 on the CPP API, through the bundle: re-running the same step never takes the wrong thing
// live nor sends a go-live again that the service already failed. Each case runs the step 3 times
// against the emulator and counts the Go Live POSTs the server received over all the runs.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { foreignGoLive } from '../../emulator/cpp-offers.js'
import { failingGoLive } from '../../emulator/scenarios.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'
import { onlyRow } from '../helpers/summary-rows.js'

let emulator: CppEmulator
const TIMEOUT = '1m'
// A test runs the step 3 or 4 times, each run bounded by TIMEOUT.
jest.setTimeout(300_000)
const inputs = (extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer: 'contoso-vm',
  token: DEFAULT_TOKEN,
  'base-url': emulator.url,
  'poll-interval': '20ms',
  // Bounds a run that follows the wrong go-live (it would wait for it until the default 6h).
  timeout: TIMEOUT,
  ...extra
})
const posts = () => emulator.requestsTo('POST', '/golive')
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** The emulator's failed go-live (failingGoLive): the rejected Live step's error message, decoded. */
const FAILURE = 'Live: Offer validation failed: plan "gen2" has no VM image & cannot go live.'

/** The same step, `times` times in a row (as a re-run or a schedule would): each run's result. */
async function runs(times: number, extra: Record<string, string> = {}): Promise<RunResult[]> {
  const results: RunResult[] = []
  for (let i = 0; i < times; i++) results.push(await runAction({ inputs: inputs(extra) }))
  return results
}

/** The offer's submissions as the emulator lists them (read here to know the failed go-live's id and time). */
async function listed(): Promise<Array<Record<string, string>>> {
  const url = `${emulator.url}/api/publishers/contoso/offers/contoso-vm/submissions/?api-version=2017-10-31`
  const response = await fetch(url, { headers: { authorization: `Bearer ${DEFAULT_TOKEN}` } })
  return (await response.json()) as Array<Record<string, string>>
}

beforeAll(async () => {
  emulator = await startCppEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

// Each test counts the POSTs over all its runs before it looks at any one run: the count is the point.
describe('a go-live that failed is not sent again on a re-run (retry-failed sends it once more)', () => {
  it('failed an hour ago, the same step 3 times: 0 POSTs; each run fails quoting the failure, its operation and when', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'goLiveFailed' })
    const [failed] = await listed()
    expect(failed).toMatchObject({ submissionType: 'golive', submissionState: 'failed', slot: 'production' })
    expect(failed!.id).toMatch(GUID)
    expect(failed!.changedTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/)
    const results = await runs(3, { wait: 'true' })
    expect(posts()).toHaveLength(0)
    for (const result of results) {
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(
        `::error::contoso/contoso-vm cannot go live now, so no Go Live request was sent: the last go-live failed (submission ${failed!.id}, at ${failed!.changedTime}): ${FAILURE} A go-live that failed is not sent again: fix what it reported in Partner Center, or set retry-failed: true to send it once more.`
      )
      expect(result.outputs.status).toBe('not started')
      expect(result.outputs['operation-location']).toBeUndefined()
      expect(onlyRow(result.summary)[1]).toBe('⛔ not started')
    }
  })

  it('with retry-failed: true, the same step 3 times: exactly 1 POST; the go-live sent once more goes live', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'goLiveFailed' })
    const [failed] = await listed()
    const [first, ...again] = await runs(3, { wait: 'true', 'retry-failed': 'true' })
    expect(posts()).toHaveLength(1)
    expect(first!.exitCode).toBe(0)
    expect(first!.outputs.status).toBe('succeeded')
    expect(first!.outputs['operation-id']).not.toBe(failed!.id)
    expect(first!.stdout).toContain(
      `contoso/contoso-vm: the last go-live failed (submission ${failed!.id}, at ${failed!.changedTime}), and retry-failed is set: it is sent once more.`
    )
    for (const result of again) {
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.outputs['operation-id']).toBe(first!.outputs['operation-id'])
      expect(result.stdout).toContain('contoso/contoso-vm is live already')
    }
  })

  it('a go-live of this step that failed, then the same step 3 times: still the one POST', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: failingGoLive() })
    const first = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(first.outputs.status).toBe('failed')
    const results = await runs(3, { wait: 'true' })
    expect(posts()).toHaveLength(1)
    for (const result of results) {
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(`the last go-live failed (submission ${first.outputs['operation-id']}, at `)
      expect(result.stdout).toContain(`): ${FAILURE} A go-live that failed is not sent again`)
    }
  })

  it('the dry run agrees: blocked (offer-status failed), saying retry-failed would send it; with retry-failed: ready', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'goLiveFailed' })
    const blocked = await runAction({ inputs: inputs({ 'dry-run': 'true' }) })
    const retried = await runAction({ inputs: inputs({ 'dry-run': 'true', 'retry-failed': 'true' }) })
    expect(posts()).toHaveLength(0)
    expect(blocked.exitCode).toBe(0)
    expect(blocked.outputs['offer-status']).toBe('failed')
    expect(blocked.stdout).toMatch(
      /::warning::Offer status: failed\. The last go-live failed \(submission [0-9a-f-]{36}, at .*\): Live: Offer validation failed.* or set retry-failed: true to send it once more\./
    )
    expect(retried.exitCode).toBe(0)
    expect(retried.outputs['offer-status']).toBe('failed')
    expect(retried.stdout).toMatch(
      /::notice::Offer status: failed\. The last go-live failed \(submission .*\), and retry-failed is set: it is sent once more: a go-live would start now\./
    )
  })
})

describe("another offer's go-live in the listing is not this offer's", () => {
  it.each([
    ['another offerId', { publisherId: 'contoso', offerId: 'contoso-other-vm' }],
    ['another publisherId', { publisherId: 'fabrikam', offerId: 'contoso-vm' }],
    ['a pub$offer$n$slot id of another offer', { publisherId: 'fabrikam', offerId: 'fabrikam-vm', id: 'fabrikam$fabrikam-vm$3$preview' }]
  ])('a running go-live naming %s: ignored; 3 runs, 1 POST, the offer live', async (_what, named) => {
    const foreign = foreignGoLive(named)
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', foreignSubmissions: [foreign] })
    const [first, ...again] = await runs(3, { wait: 'true' })
    expect(posts()).toHaveLength(1)
    // The other offer's operation was never read, under this offer's path or any other.
    expect(emulator.requests.filter((r) => r.path.includes(foreign.id as string))).toHaveLength(0)
    expect(first!.exitCode).toBe(0)
    expect(first!.outputs.status).toBe('succeeded')
    expect(first!.stdout).toContain('Go-live started for contoso/contoso-vm.')
    for (const result of again) {
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.outputs['operation-id']).toBe(first!.outputs['operation-id'])
    }
  })

  it('a live offer whose listing shows another offer running: the dry run says live, a real run sends nothing', async () => {
    const foreign = foreignGoLive({ publisherId: 'contoso', offerId: 'contoso-other-vm' })
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'live', foreignSubmissions: [foreign] })
    const dry = await runAction({ inputs: inputs({ 'dry-run': 'true' }) })
    const real = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(posts()).toHaveLength(0)
    expect(dry.outputs['offer-status']).toBe('succeeded')
    expect(dry.stdout).toContain('::notice::Offer status: succeeded.')
    expect(real.exitCode).toBe(0)
    expect(real.outputs.status).toBe('succeeded')
    expect(real.outputs['operation-id']).not.toBe(foreign.id)
  })
})

describe('a live offer whose status is spelled complete or completed is live: never posted again', () => {
  it.each(['completed', 'complete', 'Completed'])(
    'live, the status spelled %s, the go-live listed: 3 runs, 0 POSTs, succeeded',
    async (spelling) => {
      emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'live', liveStatus: spelling })
      const [live] = await listed()
      const results = await runs(3, { wait: 'true' })
      expect(posts()).toHaveLength(0)
      for (const result of results) {
        expect(result.exitCode).toBe(0)
        expect(result.outputs.status).toBe('succeeded')
        expect(result.outputs['operation-id']).toBe(live!.id)
        expect(result.stdout).toContain(`contoso/contoso-vm is live already (offer status succeeded, no go-live running)`)
      }
    }
  )

  it('live, spelled completed, no go-live listed: 3 runs, 0 POSTs; the dry run says live (offer-status succeeded)', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'completed' })
    const results = await runs(3)
    const dry = await runAction({ inputs: inputs({ 'dry-run': 'true' }) })
    expect(posts()).toHaveLength(0)
    for (const result of results) {
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
    }
    expect(dry.outputs['offer-status']).toBe('succeeded')
    expect(dry.stdout).toContain('::notice::Offer status: succeeded.')
  })
})

describe('a listing past its allowance (1 MiB) is never gone on without (issue 19 item 3)', () => {
  it('a failed go-live listed past 1 MiB: 3 runs, 0 POSTs, each refused naming the list and its limit; the dry run says blocked', async () => {
    // The offer waits for sign-off again, and its last go-live failed: small, this listing is refused (row 5).
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'goLiveFailed' })
    const [failed] = await listed()
    emulator.reset()
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    // made-up: the emulator's listing of that failed go-live, padded with a `note` field past the 1 MiB allowance.
    const body = JSON.stringify([{ ...failed, note: 'x'.repeat(1_200_000) }])
    emulator.injectFault({
      method: 'GET',
      path: '/submissions',
      kind: 'status',
      status: 200,
      body,
      contentType: 'application/json',
      times: 1_000
    })
    const results = await runs(3, { wait: 'true' })
    const dry = await runAction({ inputs: inputs({ 'dry-run': 'true' }) })
    expect(posts()).toHaveLength(0)
    for (const result of results) {
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(
        /::error::contoso\/contoso-vm cannot go live now, so no Go Live request was sent: listing the offer's submissions failed: the list is larger than 1 MiB \(all its pages together\)/
      )
      expect(result.stdout).not.toContain('going on without the list')
      expect(result.outputs.status).toBe('not started')
    }
    expect(dry.exitCode).toBe(0)
    expect(dry.outputs['offer-status']).toBe('unknown')
    expect(dry.stdout).toMatch(/::warning::Offer status: unknown\. Listing the offer's submissions failed: the list is larger than 1 MiB/)
    expect(dry.stdout).not.toContain('a go-live would start now')
  })
})
