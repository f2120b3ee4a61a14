// Never twice, also when the answer is lost: the committed bundle against both emulators, with the
// request that starts the go-live (CPP POST golive, PIA POST configure) answered in every way a real
// service or a broken gateway can. A request that may have reached the service is sent once, and
// the go-live it may have started is looked for patiently; only a request that certainly never
// reached the service (a refused connection) or that the service refused (429, 503) is sent again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startConnectProxy } from '../../emulator/connect-proxy.js'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator, type RecordedRequest } from '../../emulator/cpp-emulator.js'
import type { Fault } from '../../emulator/faults.js'
import { TEST_CA_FILE } from '../../emulator/identity-emulator.js'
import type { ListingLag } from '../../emulator/listing-lag.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'
import { backoffFor } from '../../src/http/retry.js'
import { onlyResults } from '../helpers/results-only.js'

/** One API as these tests drive it: an offer ready to go live, its trigger, its listing. */
interface Api {
  name: string
  /** How the action names the trigger in its log. */
  request: RegExp
  /** Where the action looks for the go-live, as its messages say. */
  where: string
  trigger: Pick<Fault, 'method' | 'path'>
  /** A path substring that only the submissions listing has (faults match on it). */
  listingPath: string
  /** What a run without wait reports of the go-live it followed: one read of it. */
  followed: { status: string; id: RegExp }
  start(tls?: boolean): Promise<Emulator>
}

interface Emulator {
  url: string
  /** An offer (product) ready to go live; a go-live started by the trigger is listed after `lag`. */
  ready(lag?: ListingLag): void
  injectFault(fault: Fault): void
  posts(): RecordedRequest[]
  listings(): RecordedRequest[]
  inputs(extra?: Record<string, string>): Record<string, string>
  reset(): void
  close(): Promise<void>
}

const cpp: Api = {
  name: 'CPP (POST golive)',
  request: /The Go Live request/,
  where: "the offer's submissions",
  trigger: { method: 'POST', path: '/golive' },
  listingPath: '/submissions',
  followed: { status: 'running', id: /^[0-9a-f-]{36}$/ },
  async start(tls) {
    const emulator: CppEmulator = await startCppEmulator(tls ? { tls } : {})
    return {
      url: emulator.url,
      ready: (lag) => emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', ...(lag ? { listedAfter: lag } : {}) }),
      injectFault: (fault) => emulator.injectFault(fault),
      posts: () => emulator.requestsTo('POST', '/golive'),
      listings: () => emulator.requestsTo('GET', '/submissions'),
      inputs: (extra = {}) => ({ publisher: 'contoso', offer: 'contoso-vm', token: DEFAULT_TOKEN, 'base-url': emulator.url, ...extra }),
      reset: () => emulator.reset(),
      close: () => emulator.close()
    }
  }
}

const pia: Api = {
  name: 'Product Ingestion (POST configure)',
  request: /The go-live \(configure\) request/,
  where: "the product's submissions",
  trigger: { method: 'POST', path: '/configure' },
  listingPath: '/submission/',
  // The emulator's live submission completes at its first read unless told otherwise.
  followed: { status: 'succeeded', id: /^submission\/[0-9a-f-]{36}\/\d+$/ },
  async start(tls) {
    const emulator: PiaEmulator = await startPiaEmulator(tls ? { tls } : {})
    // The list of a product's submissions, not the read of one (a followed live submission).
    const listing = /^\/rp\/product-ingestion\/submission\/[0-9a-f-]{36}$/
    return {
      url: emulator.url,
      ready: (lag) => void emulator.addProduct({ externalId: 'contoso-vm', ...(lag ? { listedAfter: lag } : {}) }),
      injectFault: (fault) => emulator.injectFault(fault),
      posts: () => emulator.requestsTo('POST', '/configure'),
      listings: () => emulator.requests.filter((r) => r.method === 'GET' && listing.test(r.path)),
      inputs: (extra = {}) => ({ api: 'product-ingestion', offer: 'contoso-vm', token: DEFAULT_TOKEN, 'base-url': emulator.url, ...extra }),
      reset: () => emulator.reset(),
      close: () => emulator.close()
    }
  }
}

const POLL = '20ms'
/** A minute of looking at the default scale (60 base delays of 1 s) is 60 base delays at this one. */
const LOOK_SPAN_MS = 60 * backoffFor(20).baseDelayMs

describe.each([cpp, pia])('$name', (api) => {
  let service: Emulator
  beforeAll(async () => {
    service = await api.start()
  })
  afterAll(() => service.close())
  beforeEach(() => service.reset())

  const run = (extra: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ inputs: service.inputs({ 'poll-interval': POLL, ...extra }) })

  describe('a request that may have reached the service is sent once; the go-live it started is followed', () => {
    it.each<[string, Fault['kind'], Record<string, string>]>([
      ['the connection reset after the request was read', 'reset-after-accept', {}],
      ['a 500 after the service acted', 'status-after-accept', {}],
      ['no answer in time', 'hang-after-accept', { 'request-timeout': '300ms' }]
    ])('%s, the go-live listed only at the third look', async (_what, kind, extra) => {
      service.ready({ listings: 2 })
      service.injectFault({ ...api.trigger, kind, status: 500, body: 'Internal Server Error' } as Fault)
      const result = await run(extra)
      expect(service.posts()).toHaveLength(1)
      expect(result.exitCode).toBe(0)
      // The check before the request, then three looks: two that miss the lagging go-live, one that finds it.
      expect(service.listings()).toHaveLength(4)
      expect(result.outputs.status).toBe(api.followed.status)
      expect(result.outputs['operation-id']).toMatch(api.followed.id)
      expect(result.stdout).toMatch(new RegExp(`::warning::${api.request.source} got no clear answer: .*; looking for it in ${api.where}`))
      expect(result.stdout).not.toMatch(new RegExp(`${api.request.source}: .*retrying`))
    })

    it('a 502 after the service acted, the go-live listed only after 150 ms', async () => {
      service.ready({ ms: 150 })
      service.injectFault({ ...api.trigger, kind: 'status-after-accept', status: 502, body: 'Bad Gateway' })
      const result = await run()
      expect(service.posts()).toHaveLength(1)
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe(api.followed.status)
      expect(service.listings().length).toBeGreaterThan(2)
    })

    it('a listing that fails during the look is one missed look, not the end', async () => {
      service.ready({ listings: 1 })
      service.injectFault({ ...api.trigger, kind: 'status-after-accept', status: 500 })
      // The check before the request reads the listing as it is; the first look gets a 404.
      service.injectFault({ method: 'GET', path: api.listingPath, kind: 'headers', headers: {} })
      service.injectFault({ method: 'GET', path: api.listingPath, kind: 'status', status: 404, body: 'Not Found' })
      const result = await run()
      expect(service.posts()).toHaveLength(1)
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe(api.followed.status)
      expect(result.stdout).toMatch(/::warning::Look 1 for the go-live of .*contoso-vm missed: .*HTTP 404/)
    })
  })

  describe('a request whose go-live never shows up after a whole look is sent once more, never a third time', () => {
    it.each<[string, Fault, Record<string, string>]>([
      ['a 500', { ...api.trigger, kind: 'status', status: 500, body: 'Internal Server Error' }, {}],
      ['a 504 from a gateway', { ...api.trigger, kind: 'status', status: 504, body: '<html>Gateway Timeout</html>' }, {}],
      ['a 507 (any 5xx but 503)', { ...api.trigger, kind: 'status', status: 507 }, {}],
      // A gateway's page: its backend may have acted all the same (Front Door's OriginTimeout).
      [
        'a bare 503 page',
        { ...api.trigger, kind: 'status', status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' },
        {}
      ],
      ['the connection reset after the request was read', { ...api.trigger, kind: 'reset' }, {}],
      ['no answer in time', { ...api.trigger, kind: 'hang' }, { 'request-timeout': '300ms' }]
    ])('%s, twice: two requests, then unknown (it may have started)', async (_what, fault, extra) => {
      service.ready()
      service.injectFault(fault)
      service.injectFault(fault)
      const result = await run({ ...extra, wait: 'true' })
      expect(service.posts()).toHaveLength(2)
      expect(result.exitCode).toBe(1)
      expect(onlyResults(result.outputs)).toMatchObject({ status: 'unknown' })
      expect(result.stdout).toMatch(
        new RegExp(
          `::warning::${api.request.source} got no clear answer: .*, and no running go-live of .*contoso-vm was listed in \\d+ looks over .*\\. No go-live started: sending the .* once more\\.`
        )
      )
      expect(result.stdout).toMatch(
        new RegExp(
          `::error::The go-live may have started: run the step again to follow it .*${api.request.source} got no clear answer: .* \\(sent a second time, after a whole look found no go-live started\\), and no running go-live of .*contoso-vm was listed in \\d+ looks over .*\\.$`,
          'm'
        )
      )
      // Looked patiently before sending it again: several looks, spread over what is a minute at
      // the default poll-interval, all between the two requests.
      const [first, second] = service.posts() as [RecordedRequest, RecordedRequest]
      const looks = service.listings().filter((r) => r.at > first.at && r.at < second.at)
      expect(looks.length).toBeGreaterThanOrEqual(5)
      expect((looks.at(-1) as RecordedRequest).at - (looks[0] as RecordedRequest).at).toBeGreaterThanOrEqual(LOOK_SPAN_MS)
    })

    it('stops looking at the timeout', async () => {
      service.ready()
      service.injectFault({ ...api.trigger, kind: 'status', status: 500 })
      const result = await run({ wait: 'true', 'poll-interval': '2s', timeout: '3s' })
      expect(service.posts()).toHaveLength(1)
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(
        /::error::The go-live may have started: run the step again to follow it.*was listed in \d+ looks before the timeout\./
      )
      expect(service.listings().length).toBeGreaterThanOrEqual(3) // the check before the request, then the looks
    })
  })

  describe('a request the service certainly never acted on is sent again', () => {
    it.each<[string, Fault]>([
      [
        "503 in the service's own words: it refused it",
        {
          ...api.trigger,
          kind: 'status',
          status: 503,
          contentType: 'application/json',
          body: '{"error":{"code":"serviceUnavailable","message":"The service is temporarily unavailable."}}'
        }
      ],
      ['503 with a Retry-After', { ...api.trigger, kind: 'status', status: 503, headers: { 'retry-after': '0' } }],
      ['429: throttled', { ...api.trigger, kind: 'status', status: 429, headers: { 'retry-after': '0' } }]
    ])('%s', async (_what, fault) => {
      service.ready()
      service.injectFault(fault)
      const result = await run()
      expect(service.posts()).toHaveLength(2)
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe('accepted')
      expect(result.stdout).toMatch(new RegExp(`${api.request.source}: HTTP (503|429); retrying in .* \\(attempt 2 of 5\\)`))
    })

    it('a refused connection (the proxy could not reach the service)', async () => {
      const secure = await api.start(true)
      // `cpp.emulator.test` is a name the test certificate carries; it resolves nowhere, so every
      // request goes through the proxy, one tunnel each.
      const proxy = await startConnectProxy({ 'cpp.emulator.test:443': Number(new URL(secure.url).port) })
      try {
        secure.ready()
        const baseUrl = secure.url.replace(/^https:\/\/127\.0\.0\.1:\d+/, 'https://cpp.emulator.test')
        // Tunnels before the trigger: CPP lists the submissions and reads the offer status; PIA looks
        // up the product, then lists.
        const trigger = 3
        proxy.refuse(trigger)
        const result = await runAction({
          inputs: secure.inputs({ 'base-url': baseUrl, 'poll-interval': POLL }),
          env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
        })
        expect(proxy.tunnels.length).toBeGreaterThan(trigger)
        expect(secure.posts()).toHaveLength(1) // the refused one never reached it
        expect(result.exitCode).toBe(0)
        expect(result.outputs.status).toBe('accepted')
        expect(result.stdout).toMatch(new RegExp(`${api.request.source}: could not connect to cpp\\.emulator\\.test.*; retrying in`))
      } finally {
        await proxy.close()
        await secure.close()
      }
    })
  })
})
