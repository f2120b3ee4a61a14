import { describe, expect, it, jest } from '@jest/globals'
import { endlessGoLive, failingGoLive, serviceTimestamp } from '../../../emulator/scenarios.js'
import { createCoreMock } from '../../helpers/core-mock.js'
import { cppFixture } from '../../helpers/cpp-fixture.js'
import type { CppClient } from '../../../src/apis/cloud-partner-portal/client.js'
import type { CppOperationRef } from '../../../src/apis/cloud-partner-portal/locations.js'
import type { OperationRef } from '../../../src/apis/go-live-service.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { startGoLive } = await import('../../../src/apis/cloud-partner-portal/start-go-live.js')

const subject = { publisher: 'contoso', offer: 'vm' }
const backoff = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }
const fixture = cppFixture(core)
const newClient = () => fixture.client({ requestTimeoutMs: 1_000, backoff })
const posts = () => fixture.emulator.requestsTo('POST', '/golive')

describe('startGoLive', () => {
  it('reads the submissions and the offer status first; an offer waiting for sign-off is started with a single POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started.how).toBe('started')
    expect(fixture.emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/publishers/contoso/offers/vm/submissions/',
      'GET /api/publishers/contoso/offers/vm/status',
      'POST /api/publishers/contoso/offers/vm/golive'
    ])
  })

  it('follows a go-live that already runs (a re-run) and sends no POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: endlessGoLive() })
    const client = await newClient()
    const [running] = await client.listSubmissions(subject)
    const started = await startGoLive(client, subject, { backoff })
    expect(started).toEqual({ how: 'attached', location: client.submissionLocation(subject, running!) })
    expect(posts()).toHaveLength(0)
    expect(core.logged('info').join('\n')).toMatch(/already running \(submission .*\): following it instead of starting another/)
  })

  it('on a 409 from a go-live that the pre-check missed, follows it instead of failing', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: endlessGoLive() })
    // The pre-check's listing fails; the 409 path lists again and finds the go-live.
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 500, times: 3 })
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(/Could not check for a running go-live/)
  })

  it('a publish running (the offer status says so): fails saying what blocks, with no POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', publishRunning: true })
    await expect(startGoLive(await newClient(), subject, { backoff })).rejects.toThrow(
      'contoso/vm cannot go live now, so no Go Live request was sent: another operation (a publish) is running on the offer: a go-live would be refused until it reaches publisher sign-off.'
    )
    expect(posts()).toHaveLength(0)
  })

  it('on a 409 from another operation (a publish) when the status could not be read, fails saying what blocks', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', publishRunning: true })
    fixture.emulator.injectFault({ method: 'GET', path: '/status', kind: 'status', status: 503, times: 3 })
    await expect(startGoLive(await newClient(), subject, { backoff })).rejects.toThrow(
      /The Go Live request failed: HTTP 409 Conflict \(Conflict: An operation is already in progress .*\)\. Another operation that is not a go-live/
    )
  })

  it('when the POST was acted on but the answer was lost, finds the go-live and never posts twice', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'reset-after-accept' })
    const client = await newClient()
    const started = await startGoLive(client, subject, { backoff })
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(await client.listSubmissions(subject)).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(
      /got no clear answer: the connection to .* broke \(ECONNRESET\)\. The service may have started the go-live; looking for it/
    )
  })

  it('a 502 that started nothing is posted once more after a whole look found no go-live, and that answer is followed', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 502, body: 'Bad gateway' })
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started.how).toBe('started')
    expect(posts()).toHaveLength(2)
    const { lookSchedule } = await import('../../../src/http/lost-answers.js')
    // The pre-check's listing, then the whole look; the second POST came after it.
    expect(fixture.emulator.requestsTo('GET', '/submissions')).toHaveLength(1 + lookSchedule(backoff).length + 1)
    expect(core.logged('warning').join('\n')).toMatch(/No go-live started: sending the Go Live request once more\./)
  })

  it('a 502 twice, with nothing listed after either: unknown, and never a third POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 502, body: 'Bad gateway', times: 3 })
    await expect(startGoLive(await newClient(), subject, { backoff })).rejects.toThrow(
      /^The go-live may have started: run the step again to follow it \(a re-run finds a running go-live and starts none twice\)\. The Go Live request got no clear answer: HTTP 502 \(sent a second time, after a whole look found no go-live started\), and no running go-live of contoso\/vm was listed in \d+ looks over .*\.$/
    )
    expect(posts()).toHaveLength(2)
  })

  it('a 2xx answer is an acceptance: without a usable location it is looked for, never posted again', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    // made-up: a 202 with no Operation-Location (the emulator does not act on it, so nothing is listed).
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 202, body: '' })
    await expect(startGoLive(await newClient(), subject, { backoff })).rejects.toThrow(
      /^The go-live may have started: .* The Go Live request was accepted \(HTTP 202\), but the service sent neither an Operation-Location nor a Location header, and no running go-live of contoso\/vm was listed/
    )
    expect(posts()).toHaveLength(1)
  })

  it('a 502 that started nothing: sent once more only after a whole look found no go-live; a second 502 is not followed by a third', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 502, body: 'Bad gateway', times: 2 })
    await expect(startGoLive(await newClient(), subject, { backoff })).rejects.toThrow(
      /^The go-live may have started: run the step again to follow it \(a re-run finds a running go-live and starts none twice\)\. The Go Live request got no clear answer: HTTP 502 .*\(sent a second time, after a whole look found no go-live started\), and no running go-live of contoso\/vm was listed in \d+ looks over .*\.$/
    )
    expect(posts()).toHaveLength(2)
    const { lookSchedule } = await import('../../../src/http/lost-answers.js')
    // The pre-check's listing, then two whole looks (one after each POST), each reading at every step of the schedule.
    expect(fixture.emulator.requestsTo('GET', '/submissions')).toHaveLength(1 + 2 * (lookSchedule(backoff).length + 1))
    expect(core.logged('warning').join('\n')).toContain('No go-live started: sending the Go Live request once more.')
  })

  it('a POST the service refused (503) is sent again; a lost answer to the next one is not', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 503, headers: { 'retry-after': '0' } })
    fixture.emulator.injectFault({ method: 'POST', kind: 'reset-after-accept' })
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(2)
  })

  it('a listing that cannot be read during the look is one missed look: the go-live is found at the next', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status-after-accept', status: 500 })
    // Faults apply in order: the first listing (the pre-check) is fine, the second one is broken.
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'headers', headers: {} })
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 200, body: 'not json' })
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(
      /Look 1 for the go-live of contoso\/vm missed: Listing the offer's submissions failed: the answer is not JSON/
    )
  })

  it('a service that cannot be reached: the listing is retried, then the offer ends there (no status read, no POST, no going on without)', async () => {
    const { createServer } = await import('node:net')
    const { CppClient } = await import('../../../src/apis/cloud-partner-portal/client.js')
    const { createTransport } = await import('../../../src/http/transport.js')
    const { staticTokenProvider } = await import('../../../src/auth/static-token.js')
    const { UnreachableError } = await import('../../../src/http/unreachable.js')
    // A port that was free a moment ago: every connection to it is refused.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const transport = createTransport(1_000)
    const client = new CppClient({
      baseUrl: new URL(`http://127.0.0.1:${port}`),
      apiVersion: '2017-10-31',
      transport,
      tokens: staticTokenProvider('emulator-access-token', 'https://cloudpartner.azure.com'),
      backoff
    })
    const error = await startGoLive(client, subject, { backoff }).catch((e: unknown) => e)
    transport.dispose()
    expect(error).toBeInstanceOf(UnreachableError)
    expect((error as Error).message).toMatch(
      /^Listing the offer's submissions failed: could not connect .* \(3 attempts over .*check base-url/
    )
    const debug = core.logged('debug').filter((line) => /^(GET|POST) /.test(line))
    expect(debug).toHaveLength(3)
    expect(debug.every((line) => line.startsWith('GET /api/publishers/contoso/offers/vm/submissions/'))).toBe(true)
    expect(core.logged('warning')).toEqual([])
    expect(core.logged('info').join('\n')).not.toContain('Sending the Go Live request')
  })

  it('reports an auth failure of the pre-check without posting', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', allowedTokens: ['other'] })
    await expect(startGoLive(await newClient(), subject, { backoff })).rejects.toThrow(/HTTP 403/)
    expect(posts()).toHaveLength(0)
  })
})

/** Reads the go-live until it ends (the emulator moves one step per read): its final state. */
async function runToItsEnd(client: CppClient, location: OperationRef | undefined): Promise<string> {
  for (;;) {
    const { state } = (await client.readOperation(location as CppOperationRef, subject)).operation
    if (state !== 'running') return state
  }
}

describe('startGoLive on each offer status: a re-run converges', () => {
  const client = () => newClient()
  const start = async () => startGoLive(await client(), subject, { backoff })

  it('live already (an earlier go-live succeeded): no POST; the status as sent, and the last go-live named', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', state: 'live' })
    const c = await client()
    const [last] = await c.listSubmissions(subject)
    const started = await startGoLive(c, subject, { backoff })
    expect(started).toMatchObject({ how: 'live', location: c.submissionLocation(subject, last!) })
    expect(started.operation).toMatchObject({ rawStatus: 'succeeded', state: 'succeeded' })
    expect(started.operation!.body).toEqual((await c.getOfferStatus(subject)).body)
    expect(started.operation!.links.live).toEqual([
      { text: 'Azure Marketplace listing', url: 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm' }
    ])
    // Started: the Live step's time; Ended: the later of it and the listed go-live's changedTime
    // (both written with 7 fractional digits in UTC, so their text sorts as their time).
    const liveStep = '2026-11-20T10:42:39.5506018Z'
    expect(started.operation).toMatchObject({ started: liveStep, ended: [liveStep, last!.changedTime as string].sort().at(-1) })
    expect(posts()).toHaveLength(0)
    expect(core.logged('info').join('\n')).toContain(
      `contoso/vm is live already (offer status succeeded, no go-live running): nothing to take live, no Go Live request sent. The last go-live: submission ${last!.id}.`
    )
  })

  it('a go-live of this step run to its end, then the same step again: live, naming that go-live', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', locationStyle: 'location-preview' })
    const c = await client()
    const first = await startGoLive(c, subject, { backoff })
    expect(await runToItsEnd(c, first.location)).toBe('succeeded')
    const again = await startGoLive(c, subject, { backoff })
    expect(again).toMatchObject({ how: 'live', location: { id: first.location!.id, url: first.location!.url } })
    expect(posts()).toHaveLength(1)
  })

  it('live, but no go-live listed (the status says succeeded, the list is empty): live with no location', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', offerStatus: 'succeeded' })
    const started = await start()
    expect(started.how).toBe('live')
    expect(started.location).toBeUndefined()
    expect(started.operation?.state).toBe('succeeded')
    expect(posts()).toHaveLength(0)
    expect(core.logged('info').join('\n')).toContain('The service lists no go-live that took it live.')
  })

  it('live, the last go-live listed under an id the action does not accept: live with no location, saying so', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', offerStatus: 'succeeded' })
    const odd = JSON.stringify([{ id: '../x', submissionType: 'golive', submissionState: 'succeeded', slot: 'production' }])
    fixture.emulator.injectFault({
      method: 'GET',
      path: '/submissions',
      kind: 'status',
      status: 200,
      body: odd,
      contentType: 'application/json'
    })
    const started = await start()
    expect(started.how).toBe('live')
    expect(started.location).toBeUndefined()
    expect(posts()).toHaveLength(0)
    expect(core.logged('info').join('\n')).toContain("The last go-live is listed under an id the action does not accept ('../x').")
  })

  it('never published: fails before any POST, saying to publish first and naming the offer', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', state: 'neverPublished' })
    await expect(start()).rejects.toThrow(
      'contoso/vm cannot go live now, so no Go Live request was sent: the offer was never published: publish it first, and go live once it reaches preview (publisher sign-off).'
    )
    expect(posts()).toHaveLength(0)
  })

  it.each([
    [
      'failed',
      /the last operation failed: Certification: rejected\. The service lists no go-live that failed, so it may have been a publish/
    ],
    ['Cancelled', /the last operation was canceled: publish again/],
    ['notStarted', /a publish was requested but has not started/]
  ])('%s: fails before any POST, saying why', async (offerStatus, why) => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', offerStatus })
    await expect(start()).rejects.toThrow(why)
    expect(posts()).toHaveLength(0)
  })

  it('a go-live of this step that failed, then the same step again: fails before any POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', progression: failingGoLive() })
    const c = await client()
    const first = await startGoLive(c, subject, { backoff })
    expect(await runToItsEnd(c, first.location)).toBe('failed')
    await expect(startGoLive(c, subject, { backoff })).rejects.toThrow(
      new RegExp(
        `^contoso/vm cannot go live now, so no Go Live request was sent: the last go-live failed \\(submission ${first.location!.id}, at \\d{4}-\\d\\d-\\d\\dT[\\d:]{8}\\.\\d{7}Z\\): Live: Offer validation failed: plan "gen2" has no VM image & cannot go live\\. A go-live that failed is not sent again`
      )
    )
    expect(posts()).toHaveLength(1)
  })

  it('a status the action does not know: warns, and goes on as without it (one POST)', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', offerStatus: 'paused\n::error::planted' })
    expect((await start()).how).toBe('started')
    expect(posts()).toHaveLength(1)
    expect(core.logged('warning')).toEqual([
      "The offer status 'paused ::error::planted' is not one the action knows; check the offer in Partner Center. Going on without it: a go-live is started unless one runs, and the service refuses one that cannot start."
    ])
  })

  it.each([
    ['down (503 after every retry)', { kind: 'status', status: 503, times: 3 } as const],
    ['not served (404)', { kind: 'status', status: 404, body: '<html>Not found</html>', contentType: 'text/html' } as const],
    ['not JSON', { kind: 'status', status: 200, body: 'not json', times: 3 } as const]
  ])('a status that is %s: warns, and goes on as today (one POST)', async (_what, fault) => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'GET', path: '/status', ...fault })
    expect((await start()).how).toBe('started')
    expect(posts()).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(
      /^Could not read the offer's status \(Reading the offer's status failed: .*\); going on without it/
    )
  })

  it('a status read refused (403): fails before any POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'GET', path: '/status', kind: 'status', status: 403 })
    await expect(start()).rejects.toThrow(/^Reading the offer's status failed: HTTP 403 Forbidden/)
    expect(posts()).toHaveLength(0)
  })

  it('a go-live listed as running is followed whatever the status would say (it can lag): no POST, no status read', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', offerStatus: 'neverPublished', runningGoLive: endlessGoLive() })
    fixture.emulator.injectFault({
      method: 'GET',
      path: '/status',
      kind: 'status',
      status: 200,
      body: '{"status":"waitingForPublisherReview"}'
    })
    expect((await start()).how).toBe('attached')
    expect(posts()).toHaveLength(0)
    expect(fixture.emulator.requestsTo('GET', '/status')).toHaveLength(0)
  })

  it('a running go-live the status shows (the sign-off step still waiting): followed, no POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: endlessGoLive() })
    const started = await start()
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(0)
  })
})

describe('startGoLive after a go-live that failed (issue 17): never sent again unless retry-failed', () => {
  const start = async (retryFailed?: boolean) => startGoLive(await newClient(), subject, { backoff, retryFailed })

  it('without retry-failed: refused before any POST, also on the third run', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', state: 'goLiveFailed' })
    for (let run = 0; run < 3; run++) await expect(start()).rejects.toThrow(/set retry-failed: true to send it once more\.$/)
    expect(posts()).toHaveLength(0)
  })

  it('with retry-failed: one POST, logged as sent once more, naming the failure', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', state: 'goLiveFailed' })
    const [failed] = await (await newClient()).listSubmissions(subject)
    const started = await start(true)
    expect(started.how).toBe('started')
    expect(started.location!.id).not.toBe(failed!.id)
    expect(posts()).toHaveLength(1)
    expect(core.logged('info')).toContain(
      `contoso/vm: the last go-live failed (submission ${failed!.id}, at ${failed!.changedTime}), and retry-failed is set: it is sent once more.`
    )
  })

  it('with retry-failed, an offer whose publish failed last is still refused: it is a publish, not a go-live', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', offerStatus: 'failed' })
    const publishFailed = JSON.stringify([
      {
        id: '5a63deb5-925b-4ee0-938b-7c86fbf287c5',
        publisherId: 'contoso',
        offerId: 'vm',
        submissionType: 'publish',
        submissionState: 'failed',
        slot: 'staging',
        changedTime: '2026-11-20T10:05:39.5506018Z'
      }
    ])
    fixture.emulator.injectFault({
      method: 'GET',
      path: '/submissions',
      kind: 'status',
      status: 200,
      body: publishFailed,
      contentType: 'application/json'
    })
    await expect(start(true)).rejects.toThrow(
      /the last publish failed \(submission 5a63deb5-925b-4ee0-938b-7c86fbf287c5, at 2026-11-20T10:05:39\.5506018Z\)/
    )
    expect(posts()).toHaveLength(0)
  })
})

describe("startGoLive with another offer's go-live in the listing (issue 17): set aside", () => {
  it.each([
    ['another offerId', { publisherId: 'contoso', offerId: 'vm-other' }],
    ['another publisherId', { publisherId: 'fabrikam', offerId: 'vm' }],
    ['a pub$offer$n$slot id of another offer', { publisherId: 'fabrikam', offerId: 'vm', id: 'fabrikam$vm$2$preview' }]
  ])("a running go-live naming %s is not followed: one POST, this offer's go-live", async (_what, named) => {
    const { foreignGoLive } = await import('../../../emulator/cpp-offers.js')
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', foreignSubmissions: [foreignGoLive(named)] })
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started).toMatchObject({ how: 'started', location: { publisher: 'contoso', offer: 'vm' } })
    expect(posts()).toHaveLength(1)
  })
})

describe('startGoLive after a lost answer with no listing from before the request: never twice', () => {
  const ENDED_ID = '9f1c2a3b-4d5e-4f60-8a7b-1c2d3e4f5a6b'
  const OLD_ID = '5a63deb5-925b-4ee0-938b-7c86fbf287c5'
  /** A go-live entry of contoso/vm as the listing shows one (made-up ids and times, the shape of cpp-api.md). */
  const goLive = (id: string, state: string, changedTime?: string) => ({
    id,
    publisherId: 'contoso',
    offerId: 'vm',
    submissionType: 'GoLive',
    submissionState: state,
    slot: 'Production',
    ...(changedTime === undefined ? {} : { changedTime })
  })
  const minutesAgo = (minutes: number) => serviceTimestamp(new Date(Date.now() - minutes * 60_000))

  /**
   * The pre-check cannot list the submissions (500 on every try), the Go Live request's answer is lost
   * (a reset; `acted`: after the emulator started the go-live, else before), and every later listing
   * answers `entries`.
   */
  function lostWithNoListingBefore(entries: unknown[], acted = true): void {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 500, times: backoff.maxAttempts })
    fixture.emulator.injectFault({ method: 'POST', kind: acted ? 'reset-after-accept' : 'reset' })
    const body = JSON.stringify(entries)
    fixture.emulator.injectFault({
      method: 'GET',
      path: '/submissions',
      kind: 'status',
      status: 200,
      body,
      contentType: 'application/json',
      times: 1_000
    })
  }

  it.each(['Failed', 'Succeeded', 'Canceled'])(
    'the go-live it started already ended (%s) within the look: followed, not posted again (an older one is not it)',
    async (state) => {
      // The older go-live succeeded two days ago; the one the request started changed a moment ago.
      lostWithNoListingBefore([goLive(OLD_ID, 'Succeeded', minutesAgo(2 * 24 * 60)), goLive(ENDED_ID, state, minutesAgo(0))])
      const started = await startGoLive(await newClient(), subject, { backoff })
      expect(started).toMatchObject({ how: 'attached', location: { id: ENDED_ID } })
      expect(posts()).toHaveLength(1)
      expect(core.logged('warning').join('\n')).toContain('Could not check for a running go-live')
      expect(core.logged('info').join('\n')).toContain(
        `found the go-live of contoso/vm in the offer's submissions (${ENDED_ID}): following it`
      )
    }
  )

  it("the service's clock a few minutes behind: a go-live changed 3 minutes before the request is still followed", async () => {
    lostWithNoListingBefore([goLive(ENDED_ID, 'Failed', minutesAgo(3))])
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started).toMatchObject({ how: 'attached', location: { id: ENDED_ID } })
    expect(posts()).toHaveLength(1)
  })

  it('only a go-live that ended long before the request (an hour): not it, so sent once more after the whole look', async () => {
    // The request never took (reset before the emulator acted on it): the second one starts the go-live.
    lostWithNoListingBefore([goLive(OLD_ID, 'Failed', minutesAgo(60))], false)
    const started = await startGoLive(await newClient(), subject, { backoff })
    expect(started.how).toBe('started')
    expect(posts()).toHaveLength(2)
  })

  it('an ended go-live listed with no time may be it: not followed, and not posted again (outcome unknown)', async () => {
    lostWithNoListingBefore([goLive(ENDED_ID, 'Failed')])
    await expect(startGoLive(await newClient(), subject, { backoff })).rejects.toThrow(
      new RegExp(
        `^The go-live may have started: .* no running go-live of contoso/vm was listed in \\d+ looks .*\\. A go-live of contoso/vm is listed with no time \\(submission '${ENDED_ID}', state 'Failed'\\), and the offer's submissions could not be listed before the request, so it may be the one the request started: the request is not sent again\\.$`
      )
    )
    expect(posts()).toHaveLength(1)
  })
})
