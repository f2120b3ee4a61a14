// Attacks on issue 16's promises (one verdict per offer, one deadline, never twice, sign-in once,
// real shapes), through the committed bundle against loopback servers. Each test here FAILED on the
// i16 bundle it was written against: it names the promise, the exact schedule, and what the step
// did instead. Intervals are milliseconds; no wall-clock limit is asserted.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, request, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator, type RecordedRequest } from '../../emulator/cpp-emulator.js'
import { answer, jsonAnswer, startHostileServer, type HostileServer } from '../../emulator/hostile-server.js'
import { startIdentityEmulator, TEST_CA_FILE, type IdentityEmulator } from '../../emulator/identity-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { failedCertificationJob } from '../../emulator/pia-scenarios.js'
import { endlessGoLive } from '../../emulator/scenarios.js'
import { runAction, startAction } from '../../scripts/run-action.js'
import { cppFleet, type FleetApi } from '../helpers/fleet-apis.js'
import { errorLines, resultsOf, waitUntil } from '../helpers/fleet-results.js'

const POLL = '20ms'

/** One API with a single offer (product) ready to go live, as these attacks need it. */
interface OneOffer {
  name: string
  /** An offer ready to go live whose new go-live is listed only `lagMs` after it started. */
  ready(lagMs: number): void
  /** The first go-live request is acted on, and answered by a gateway's bare 503 (empty body, no Retry-After). */
  firstAnsweredBare503(): void
  posts(): RecordedRequest[]
  inputs(extra: Record<string, string>): Record<string, string>
  reset(): void
  close(): Promise<void>
}

async function cppOne(): Promise<OneOffer> {
  const emulator: CppEmulator = await startCppEmulator()
  return {
    name: 'Cloud Partner Portal',
    ready: (lagMs) => emulator.addOffer({ publisher: 'contoso', offer: 'vm-a', listedAfter: { ms: lagMs } }),
    firstAnsweredBare503: () =>
      emulator.injectFault({ method: 'POST', path: '/golive', kind: 'status-after-accept', status: 503, body: '' }),
    posts: () => emulator.requestsTo('POST', '/golive'),
    inputs: (extra) => ({ publisher: 'contoso', offer: 'vm-a', token: DEFAULT_TOKEN, 'base-url': emulator.url, ...extra }),
    reset: () => emulator.reset(),
    close: () => emulator.close()
  }
}

async function piaOne(): Promise<OneOffer> {
  const emulator: PiaEmulator = await startPiaEmulator()
  let lag = 0
  let bare503 = false
  return {
    name: 'Product Ingestion',
    ready: (lagMs) => void (lag = lagMs),
    firstAnsweredBare503: () => void (bare503 = true),
    posts: () => emulator.requestsTo('POST', '/configure'),
    inputs: (extra) => {
      emulator.addProduct({
        externalId: 'vm-a',
        listedAfter: { ms: lag },
        faults: bare503 ? [{ method: 'POST', path: '/configure', kind: 'status-after-accept', status: 503, body: '' }] : []
      })
      return { api: 'product-ingestion', offer: 'vm-a', token: DEFAULT_TOKEN, 'base-url': emulator.url, ...extra }
    },
    reset: () => {
      emulator.reset()
      lag = 0
      bare503 = false
    },
    close: () => emulator.close()
  }
}

describe.each([
  ['Cloud Partner Portal', cppOne],
  ['Product Ingestion', piaOne]
])('%s: never twice, and never "not started" for a go-live the step started', (_name, start) => {
  let api: OneOffer
  beforeAll(async () => {
    api = await start()
  })
  afterAll(() => api.close())
  beforeEach(() => api.reset())

  // Schedule: the service acts on the first go-live request and a gateway answers a bare 503; the
  // listing shows the new go-live only 3 s later (listing lag; the look spans 60 base delays of
  // 5 ms at poll-interval 20ms, a minute at the default 60s). The whole look finds nothing, so the
  // request is sent again (allowed), and the service refuses it with 409: a go-live runs (this
  // step's first one). Found: the step reports `not started` (CPP: "Another operation that is not a
  // go-live ... is running"; PIA: "a submission ... is already in progress"), status `not started`,
  // though the service runs the go-live this step started. Expected: never `not started` after a
  // request that may have started a go-live (the spec: not started = "no go-live was started by this
  // step and the action knows it"); the 409 is evidence the first request took: `unknown` (may have
  // started: run the step again to follow it), or the go-live followed.
  it('first request acted on + bare 503, listing lags the look, the resend gets 409: not "not started"', async () => {
    api.ready(3_000)
    api.firstAnsweredBare503()
    const result = await runAction({ inputs: api.inputs({ 'poll-interval': POLL, wait: 'true' }) })
    expect(api.posts()).toHaveLength(2)
    const [entry] = resultsOf(result, ['vm-a'])
    expect(result.outputs.status).toBe(entry?.status)
    expect(entry?.status).not.toBe('not started')
  }, 30_000)
})

describe('Cloud Partner Portal: a 2xx answer is never sent again', () => {
  const GUID = '0b7d1f7e-6a3c-4f55-9b1e-2f8c7d6e5a41'
  let server: HostileServer
  beforeAll(async () => {
    server = await startHostileServer()
  })
  afterAll(() => server.close())

  const location = (): string => `${server.url}/api/publishers/contoso/offers/vm-a/operations/${GUID}?api-version=2017-10-31`
  /** A ready offer whose listing never shows a go-live (a service whose listing lags); the go-live request answered by `post`. */
  function serve(post: (socket: Socket) => void): void {
    server.requests.length = 0
    server.handle((r) => {
      if (r.method === 'GET' && r.path.endsWith('/submissions/')) return jsonAnswer(200, [])
      if (r.method === 'GET' && r.path.endsWith('/status'))
        return jsonAnswer(200, { status: 'waitingForPublisherReview', steps: [], messages: [] })
      if (r.method === 'POST' && r.path.endsWith('/golive')) return post
      if (r.method === 'GET' && r.path.includes('/operations/')) return jsonAnswer(200, { status: 'running', steps: [], messages: [] })
      return answer(404)
    })
  }

  // Schedule: POST golive is answered `202 Accepted` with a valid Operation-Location, and a body
  // (Content-Length 100, or chunked) that stalls: a slow, trickling answer. request-timeout 300ms.
  // Found: the transport's request-timeout ends it as "no response from ... within 300ms" (a
  // NetworkError without the answer's status), so the 2xx is taken as ambiguous, not accepted: after
  // the look, the go-live request is sent a SECOND time, and the Operation-Location the 202 named is
  // never recorded. (A 2xx cut off by a closed connection is held: BODY_CUT keeps its status.)
  // Expected: one request; a 2xx is an acceptance, however its body ends.
  it.each<[string, (socket: Socket) => void]>([
    [
      'Content-Length body that stalls',
      (socket) => socket.write(`HTTP/1.1 202 Accepted\r\noperation-location: ${location()}\r\ncontent-length: 100\r\n\r\n`)
    ],
    [
      'chunked body that stalls after one chunk',
      (socket) =>
        socket.write(`HTTP/1.1 202 Accepted\r\noperation-location: ${location()}\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n`)
    ]
  ])(
    '202 with an Operation-Location, %s: sent once',
    async (_what, post) => {
      serve(post)
      const result = await runAction({
        inputs: {
          publisher: 'contoso',
          offer: 'vm-a',
          token: 'test-token',
          'base-url': server.url,
          'poll-interval': POLL,
          'request-timeout': '300ms'
        }
      })
      expect(server.requestsTo('POST', '/golive')).toHaveLength(1)
      expect(result.outputs.status).toBe(JSON.parse(result.outputs.results as string)[0].status)
    },
    20_000
  )
})

describe('Cloud Partner Portal fleet: one verdict, all outputs agree', () => {
  let api: FleetApi
  beforeAll(async () => {
    api = await cppFleet()
  })
  afterAll(() => api.close())
  beforeEach(() => api.reset())

  // Schedule: two offers, each go-live started and never ending; wait: true, timeout 1s.
  // Found: `results[i].error` says the ONE-offer advice ("To check on it later, run this action
  // with operation-location: <url> (add wait: true ...)") while the offer's `::error::` line and its
  // summary row say the several-offer advice ("run the step again to follow it"). Cause:
  // ResultsOutput computes `several` in its constructor, from the offers array Fleet fills only
  // afterwards (always empty then), so `results` always renders errors as for one offer.
  // Expected: results, error line and summary row render the same error (error-line.ts: with
  // several offers, operation-location is not the way: it takes one offer).
  it('two offers timed out while running: results[i].error is the error line’s text', async () => {
    const offers = ['vm-a', 'vm-b']
    for (const offer of offers) await api.add(offer, 'endless')
    const result = await runAction({
      inputs: api.inputs(offers.join('\n'), { 'poll-interval': POLL, wait: 'true', timeout: '1s' }),
      env: api.env
    })
    const results = resultsOf(result, offers)
    expect(results.map((r) => r.status)).toEqual(['running', 'running'])
    for (const entry of results) {
      const prefix = `::error::contoso/${entry.offer}: `
      const line = errorLines(result).find((l) => l.startsWith(prefix))
      expect([entry.offer, entry.error]).toEqual([entry.offer, line?.slice(prefix.length)])
      expect(entry.error).not.toMatch(/operation-location/)
    }
  }, 20_000)
})

describe('Cloud Partner Portal: SIGKILL keeps every location, and never says not started for a request sent', () => {
  let emulator: CppEmulator
  beforeAll(async () => {
    emulator = await startCppEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => emulator.reset())

  // Schedule: 256 offers (the most a step takes), each ready; wait: false, max-parallel 32; the last
  // offer's go-live request is acted on and never answered. SIGKILL as soon as that request reaches
  // the service. Found: `results` as last written says `not started` (no location) for well over a
  // hundred offers whose go-live requests the service received, most of them answered 202 with a
  // location the step had logged. Cause: ResultsOutput writes urgent moves at once only until its
  // writes add up to 8 MiB (each write appends the whole list, about 60 KB here); after that every
  // move, urgent or not, is written at most once a second, so a kill loses up to a second of
  // "sending" and "started" moves. Expected: the spec's "while a go-live request is in flight, the
  // last written results says unknown for that offer (written BEFORE the request goes out)", and
  // "must keep every recorded location", for any fleet size. (Timing: the kill comes within a few ms
  // of the last request; the coalesced write fires at most once a second, so this fails reliably.)
  it('256 offers, killed when the last go-live request is in flight', async () => {
    const offers = Array.from({ length: 256 }, (_, i) => `offer-${String(i).padStart(3, '0')}`)
    const last = offers.at(-1) as string
    for (const offer of offers) emulator.addOffer({ publisher: 'contoso', offer })
    emulator.injectFault({ method: 'POST', path: `/offers/${last}/golive`, kind: 'hang-after-accept' })
    const running = startAction({
      inputs: {
        publisher: 'contoso',
        offer: offers.join('\n'),
        token: DEFAULT_TOKEN,
        'base-url': emulator.url,
        'poll-interval': POLL,
        'request-timeout': '5m',
        'max-parallel': '32'
      }
    })
    await waitUntil(running, () => emulator.requestsTo('POST', `/offers/${last}/golive`).length === 1, 'the last go-live request')
    running.child.kill('SIGKILL')
    const result = await running.result
    expect(result.signal).toBe('SIGKILL')
    const sent = new Set(emulator.requestsTo('POST', '/golive').map((r) => r.path.split('/')[5]))
    expect(sent.has(last)).toBe(true)
    const results = JSON.parse(result.outputs.results as string) as Array<{ offer: string; status: string }>
    const notStartedThoughSent = results.filter((r) => sent.has(r.offer) && r.status === 'not started').map((r) => r.offer)
    expect(notStartedThoughSent).toEqual([])
  }, 60_000)
})

describe('Cloud Partner Portal: a cancellation before anything more was sent', () => {
  let emulator: CppEmulator
  beforeAll(async () => {
    emulator = await startCppEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => emulator.reset())

  // Schedule: one offer; its go-live request is answered 429 with Retry-After: 5 (a refusal: the
  // service did nothing), so the action waits 5 s before the next attempt; SIGTERM 300 ms after the
  // 429. Found: `unknown`, "The go-live may have started ... Received SIGTERM ... while the go-live
  // request of contoso/vm-a was on its way", though its only request was refused and nothing else
  // was sent (the same schedule cut by the timeout instead ends `not started`). Cause: the offer is
  // marked `sending` before the retry loop, and a CancelledError leaves that phase as it is.
  // Expected (spec): `not started`: the service refused the request, and the cancellation came
  // before anything more was sent. The same holds for a SIGTERM while a trigger waits on the
  // fleet's throttle (another offer's 429) before its first attempt.
  it('SIGTERM while waiting out a 429 Retry-After before the retry: not started', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm-a' })
    emulator.injectFault({ method: 'POST', path: '/golive', kind: 'status', status: 429, headers: { 'retry-after': '5' }, times: 10 })
    const running = startAction({
      inputs: { publisher: 'contoso', offer: 'vm-a', token: DEFAULT_TOKEN, 'base-url': emulator.url, 'poll-interval': POLL, wait: 'true' }
    })
    await waitUntil(running, () => emulator.requestsTo('POST', '/golive').length === 1, 'the refused go-live request')
    await new Promise((resolve) => setTimeout(resolve, 300))
    running.child.kill('SIGTERM')
    const result = await running.result
    expect(emulator.requestsTo('POST', '/golive')).toHaveLength(1)
    const [entry] = resultsOf(result, ['vm-a'])
    expect(result.outputs.status).toBe(entry?.status)
    expect(entry?.status).toBe('not started')
    expect(result.exitCode).toBe(1)
  }, 20_000)
})

describe('real shapes: JSON answers that start with a UTF-8 byte order mark', () => {
  /** A proxy in front of `origin` that prefixes every JSON answer's body with a BOM (EF BB BF). */
  async function bomProxy(origin: string): Promise<{ url: string; close: () => Promise<void> }> {
    const target = new URL(origin)
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
          const body: Buffer[] = []
          up.on('data', (chunk: Buffer) => body.push(chunk))
          up.on('end', () => {
            const json = /json/.test(String(up.headers['content-type']))
            const bytes = Buffer.concat(json ? [Buffer.from([0xef, 0xbb, 0xbf]), ...body] : body)
            const headers = { ...up.headers, 'content-length': String(bytes.length) }
            delete headers['transfer-encoding']
            res.writeHead(up.statusCode ?? 502, headers).end(bytes)
          })
        })
        out.end(Buffer.concat(chunks))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise((resolve) => server.close(() => resolve()))
    }
  }

  // Schedule: every JSON answer (listings, offer status, product lookup, operation and job reads)
  // starts with a UTF-8 BOM, as some .NET services write it; otherwise the emulators' happy path.
  // Found (not from the redesign; the brief lists BOMs among the real shapes): JSON.parse refuses
  // the BOM, so CPP: the pre-checks "go on without" the list and the status, and every status read
  // is a missed poll until the wait gives up: `accepted` with an error, exit 1, for a go-live that
  // succeeded; PIA: the product lookup fails: `not started`. Expected: a BOM is not content: the
  // go-live is followed to `succeeded`.
  it('Cloud Partner Portal: the go-live is followed to its end', async () => {
    const emulator = await startCppEmulator()
    const proxy = await bomProxy(emulator.url)
    try {
      emulator.addOffer({ publisher: 'contoso', offer: 'vm-a' })
      const result = await runAction({
        inputs: {
          publisher: 'contoso',
          offer: 'vm-a',
          token: DEFAULT_TOKEN,
          'base-url': proxy.url,
          'poll-interval': POLL,
          wait: 'true',
          timeout: '5s'
        }
      })
      const [entry] = resultsOf(result, ['vm-a'])
      expect(entry?.status).toBe('succeeded')
      expect(result.exitCode).toBe(0)
    } finally {
      await proxy.close()
      await emulator.close()
    }
  }, 20_000)

  it('Product Ingestion: the go-live is followed to its end', async () => {
    const emulator = await startPiaEmulator()
    const proxy = await bomProxy(new URL(emulator.url).origin)
    try {
      emulator.addProduct({ externalId: 'vm-a' })
      const result = await runAction({
        inputs: {
          api: 'product-ingestion',
          offer: 'vm-a',
          token: DEFAULT_TOKEN,
          'base-url': `${proxy.url}${new URL(emulator.url).pathname}`,
          'poll-interval': POLL,
          wait: 'true',
          timeout: '5s'
        }
      })
      const [entry] = resultsOf(result, ['vm-a'])
      expect(entry?.status).toBe('succeeded')
      expect(result.exitCode).toBe(0)
    } finally {
      await proxy.close()
      await emulator.close()
    }
  }, 20_000)
})

describe('sign-in once: no sign-in after the service rejected a fresh token, or Entra refused the app', () => {
  const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
  const TENANT_ID = '99999999-8888-7777-6666-555555555555'
  const SECRET = 'attack-client-secret'
  let emulator: CppEmulator
  let identity: IdentityEmulator | undefined
  beforeAll(async () => {
    emulator = await startCppEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => emulator.reset())
  afterEach(async () => {
    await identity?.close()
    identity = undefined
  })

  const tokenRequests = (): Array<{ at: number }> =>
    (identity?.requests ?? []).filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token'))
  const signIn = (authorityHost: string): Record<string, string> => ({
    // Named: base-url belongs to one API (with 'api: auto' and a sign-in it is refused).
    api: 'cloud-partner-portal',
    'client-id': CLIENT_ID,
    'tenant-id': TENANT_ID,
    'client-secret': SECRET,
    'authority-host': authorityHost
  })

  // Schedule: 20 offers, max-parallel 1, client-secret sign-in that Entra always grants; the CPP API
  // answers HTTP 401 to every request (a token the API rejects: the app's service principal removed
  // from the publisher account mid-run). Found: 21 token requests: each offer's first read gets a
  // 401, renews (a new sign-in), and the fresh token is rejected too; the next offer renews again,
  // because "renewed once" is per rejected token, and every renewal makes a new one. With 256 offers
  // that is 257 sign-ins. Expected: a fresh token that is rejected as well is a definitive answer
  // (the step's error even says so: "check that tenant-id ... the app's service principal was
  // added"): no further sign-in for the rest of the step (at most the sign-in and one renewal).
  it('every API request answered 401, 20 offers one at a time: at most one renewal', async () => {
    identity = await startIdentityEmulator({ apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET] }] })
    const offers = Array.from({ length: 20 }, (_, i) => `vm-${i}`)
    for (const offer of offers) emulator.addOffer({ publisher: 'contoso', offer })
    emulator.injectFault({ kind: 'status', status: 401, times: 10_000 })
    const result = await runAction({
      inputs: {
        publisher: 'contoso',
        offer: offers.join('\n'),
        'base-url': emulator.url,
        ...signIn(identity.authorityHost),
        'poll-interval': POLL,
        'max-parallel': '1',
        wait: 'true'
      },
      env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    })
    expect(emulator.requestsTo('POST', '/golive')).toHaveLength(0)
    expect(resultsOf(result, offers).every((r) => r.status === 'not started')).toBe(true)
    expect(tokenRequests().length).toBeLessThanOrEqual(2)
  }, 30_000)

  // Schedule: one offer whose go-live never ends; wait: true, timeout 4s; tokens live 2 s (renewed
  // halfway); the app's client secret is removed right after the first token is issued, so every
  // renewal is answered AADSTS7000215 (invalid_client: definitive, not an outage). Found: ~25 token
  // requests after that definitive failure, one every max backoff delay (20 ms here; 30 s at the
  // default poll-interval, so about ten in a token's last five minutes), until the held token
  // expires. Expected: a definitive sign-in failure is the answer to every later ask, with no
  // further request to the identity service (shared-tokens.ts; the spec's "no further sign-in"); the
  // token still valid may be used until it expires.
  it('a renewal refused with invalid_client is not asked again', async () => {
    const app = { tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET] }
    let revokedAt = 0
    identity = await startIdentityEmulator({
      apps: [app],
      expiresIn: 2,
      onToken: (token) => {
        emulator.acceptToken(token)
        if (revokedAt === 0) {
          revokedAt = Date.now()
          app.secrets = []
        }
      }
    })
    emulator.addOffer({ publisher: 'contoso', offer: 'vm-a', progression: endlessGoLive() })
    const result = await runAction({
      inputs: {
        publisher: 'contoso',
        offer: 'vm-a',
        'base-url': emulator.url,
        ...signIn(identity.authorityHost),
        'poll-interval': POLL,
        wait: 'true',
        timeout: '4s'
      },
      env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    })
    const [entry] = resultsOf(result, ['vm-a'])
    expect(entry?.status).toBe('running')
    expect(errorLines(result).join('\n')).toMatch(/AADSTS7000215/)
    expect(tokenRequests().filter((r) => r.at > revokedAt).length).toBeLessThanOrEqual(1)
  }, 30_000)
})

describe('Product Ingestion: a go-live that already ended is a go-live that started', () => {
  // Schedule: the first configure request is acted on (the job starts), the job fails fast
  // (certification: [running, completed/failed], read to its end behind the client's back), and a
  // gateway answers the request with a bare 503. The whole look then lists the new live submission
  // as completed/failed. Found: the look counts only RUNNING go-lives (findRunning:
  // decide().kind === 'follow'), so it says "no running go-live ... was listed. No go-live started:
  // sending the go-live request once more", and a second go-live is started; the verdict is the
  // second job's. (The CPP look is the same: decide(undefined, list).kind === 'follow'.) Expected:
  // a go-live listed after the request, running or ended, means the request took: one request, the
  // verdict the first go-live's (or unknown), never a second go-live.
  it('first configure acted on and its job failed fast, answered by a bare 503: sent once', async () => {
    const emulator = await startPiaEmulator()
    const target = new URL(emulator.url)
    const forward = (method: string, path: string, headers: Record<string, unknown>, body: Buffer) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const out = request({ host: target.hostname, port: target.port, method, path, headers } as never, (up) => {
          const chunks: Buffer[] = []
          up.on('data', (chunk: Buffer) => chunks.push(chunk))
          up.on('end', () => resolve({ status: up.statusCode ?? 502, headers: { ...up.headers }, body: Buffer.concat(chunks) }))
        })
        out.on('error', reject)
        out.end(body)
      })
    let configures = 0
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        void (async () => {
          const up = await forward(req.method ?? 'GET', req.url ?? '/', { ...req.headers }, Buffer.concat(chunks))
          if (req.method === 'POST' && (req.url ?? '').includes('/configure') && ++configures === 1) {
            // The job runs to its (failed) end before the gateway's answer goes out.
            const { jobId } = JSON.parse(up.body.toString('utf8')) as { jobId: string }
            const status = `${target.pathname}/configure/${jobId}/status?$version=2022-07-01`
            for (let read = 0; read < 3; read++) await forward('GET', status, { authorization: `Bearer ${DEFAULT_TOKEN}` }, Buffer.alloc(0))
            return void res.writeHead(503, { 'content-length': 0 }).end()
          }
          const headers: Record<string, unknown> = { ...up.headers, 'content-length': String(up.body.length) }
          delete headers['transfer-encoding']
          res.writeHead(up.status, headers as never).end(up.body)
        })()
      })
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    try {
      emulator.addProduct({ externalId: 'vm-a', progression: failedCertificationJob() })
      const port = (proxy.address() as { port: number }).port
      const result = await runAction({
        inputs: {
          api: 'product-ingestion',
          offer: 'vm-a',
          token: DEFAULT_TOKEN,
          'base-url': `http://127.0.0.1:${port}${target.pathname}`,
          'poll-interval': POLL,
          wait: 'true'
        }
      })
      const [entry] = resultsOf(result, ['vm-a'])
      expect(result.outputs.status).toBe(entry?.status)
      expect(emulator.requestsTo('POST', '/configure')).toHaveLength(1)
    } finally {
      await new Promise((resolve) => proxy.close(resolve))
      await emulator.close()
    }
  }, 20_000)
})
