// Every list both APIs read is bounded (issue 19), through the real transport on loopback: a list
// past a listing's allowance (1 MiB, all pages together, as received) is refused naming the list
// and the limit, its socket closed without reading the rest; and offers whose services share the
// session's budget read their lists in turn, never more at once than it holds.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { startListAbuseServer, type ListAbuseServer } from '../../emulator/list-abuse.js'
import { answer, jsonAnswer, startHostileServer, type HostileServer } from '../../emulator/hostile-server.js'
import { createCoreMock } from '../helpers/core-mock.js'
import type { Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { productIngestion } = await import('../../src/apis/product-ingestion/descriptor.js')
const { CppClient } = await import('../../src/apis/cloud-partner-portal/client.js')
const { ListBudget, ListTooLargeError } = await import('../../src/http/list-budget.js')
const { createTransport } = await import('../../src/http/transport.js')
const { staticTokenProvider } = await import('../../src/auth/static-token.js')

const LIMIT = /the list is larger than 1 MiB \(all its pages together\), far more than a real one \(a few KB\)/
const transports: Transport[] = []
afterEach(() => {
  for (const transport of transports.splice(0)) transport.dispose()
  core.reset()
})

function transport(): Transport {
  const made = createTransport(5_000)
  transports.push(made)
  return made
}

const settings = () => ({
  transport: transport(),
  tokens: staticTokenProvider('list-limits-token', 'https://graph.microsoft.com'),
  backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
})

describe('Product Ingestion', () => {
  let pia: ListAbuseServer
  beforeAll(async () => {
    pia = await startListAbuseServer()
  })
  afterAll(() => pia.close())

  const service = (offer: string, lists?: InstanceType<typeof ListBudget>) =>
    productIngestion.createService({
      subject: { publisher: '', offer },
      baseUrl: new URL(pia.url),
      apiVersion: '2022-07-01',
      ...settings(),
      lists
    })

  it('a submissions list of 300 KB pages: refused at the page past 1 MiB, and nothing sent', async () => {
    pia.server.requests.length = 0
    pia.abuse(() => ({ list: 'submissions', pageBytes: 300_000, pages: 100, length: 'declared' }))
    const error = await service('paged-vm')
      .start()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ListTooLargeError)
    expect((error as Error).message).toMatch(new RegExp(`^Listing the product's submissions failed: ${LIMIT.source}`))
    // The first page read with 256 KiB, then again with the whole 1 MiB; pages 2 and 3 with what is
    // left; page 4 does not fit in the 150 KB or so left. Nothing else was asked (no configure).
    const skips = pia.server.requestsTo('GET', '/submission/').map((r) => new URLSearchParams(r.query).get('$skipToken') ?? '0')
    expect(skips).toEqual(['0', '0', '1', '2', '3'])
    expect(pia.server.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it.each(['declared', 'streamed'] as const)('a product lookup of one %s 3.9 MB page: refused, its sockets closed', async (length) => {
    pia.server.requests.length = 0
    pia.abuse(() => ({ list: 'products', pageBytes: 3_900_000, pages: 100, length }))
    const error = await service('huge-lookup')
      .start()
      .catch((e: unknown) => e)
    expect((error as Error).message).toMatch(new RegExp(`^Looking up the product 'huge-lookup' failed: ${LIMIT.source}`))
    // Read with 256 KiB, then with the whole 1 MiB; each connection closed, none left reading.
    const lookups = pia.server.requestsTo('GET', '/product')
    expect(lookups).toHaveLength(2)
    for (let i = 0; i < 200 && lookups.some((r) => r.closedAt === undefined); i++) await new Promise((resolve) => setTimeout(resolve, 10))
    for (const lookup of lookups) expect(lookup.closedAt).toBeDefined()
  })

  it('offers sharing one budget read their lists in turn: never more pages at once than it holds, and every offer gets its lists', async () => {
    pia.abuse(() => undefined)
    pia.holdAnswers(20)
    const offers = Array.from({ length: 12 }, (_, i) => `shared-${i}`)
    // Room for four first reads: twelve offers list at once, four pages at a time.
    const shared = new ListBudget(4 * 64 * 1024, 128 * 1024, 64 * 1024)
    try {
      pia.mostAtOnce()
      // Each lists its product and then its submissions (empty: nothing to take live, nothing sent).
      const sharing = await Promise.all(offers.map((offer) => service(offer, shared).dryRun()))
      expect(sharing.map((r) => r.offerStatus)).toEqual(Array(12).fill('neverPublished'))
      const most = pia.mostAtOnce()
      expect(most).toBeLessThanOrEqual(4)
      expect(most).toBeGreaterThan(1)
      expect(shared.available).toBe(shared.stepBytes)
      // The same offers each with a budget of its own read all at once: the bound above is the sharing.
      await Promise.all(offers.map((offer) => service(offer, new ListBudget(4 * 64 * 1024, 128 * 1024, 64 * 1024)).dryRun()))
      expect(pia.mostAtOnce()).toBeGreaterThan(4)
    } finally {
      pia.holdAnswers(0)
    }
  })
})

describe('Cloud Partner Portal', () => {
  let cpp: HostileServer
  beforeAll(async () => {
    cpp = await startHostileServer()
  })
  afterAll(() => cpp.close())

  it('a submissions list past 1 MiB: refused naming the list and the limit', async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => ({
      id: `contoso$contoso-vm$${i}$preview`,
      submissionType: 'publish',
      slot: 'staging'
    }))
    expect(JSON.stringify(entries).length).toBeGreaterThan(1024 * 1024)
    cpp.handle(() => jsonAnswer(200, entries))
    const client = new CppClient({ baseUrl: new URL(cpp.url), apiVersion: '2017-10-31', ...settings() })
    const error = await client.listSubmissions({ publisher: 'contoso', offer: 'contoso-vm' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ListTooLargeError)
    expect((error as Error).message).toMatch(new RegExp(`^Listing the offer's submissions failed: ${LIMIT.source}`))
  })

  it('a real list is read whole, with one request', async () => {
    cpp.requests.length = 0
    const entry = { id: 'contoso$contoso-vm$7$production', submissionType: 'golive', submissionState: 'running', slot: 'production' }
    cpp.handle(() => answer(200, { 'content-type': 'application/json' }, JSON.stringify([entry])))
    const client = new CppClient({ baseUrl: new URL(cpp.url), apiVersion: '2017-10-31', ...settings() })
    await expect(client.listSubmissions({ publisher: 'contoso', offer: 'contoso-vm' })).resolves.toEqual([
      { id: entry.id, submissionType: 'golive', submissionState: 'running', slot: 'production' }
    ])
    expect(cpp.requests).toHaveLength(1)
  })
})
