import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../emulator/cpp-emulator.js'
import { endlessGoLive } from '../emulator/scenarios.js'
import { createCoreMock } from './helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { CppClient } = await import('../src/cpp-client.js')
const { createTransport } = await import('../src/transport.js')
const { staticTokenProvider } = await import('../src/static-token.js')
const { startGoLive, runningGoLive } = await import('../src/start-go-live.js')

const subject = { publisher: 'contoso', offer: 'vm' }
const backoff = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }
let emulator: CppEmulator
let transport: ReturnType<typeof createTransport>

function newClient() {
  transport = createTransport(1_000)
  return new CppClient({
    baseUrl: new URL(emulator.url),
    apiVersion: '2017-10-31',
    transport,
    tokens: staticTokenProvider(DEFAULT_TOKEN),
    backoff
  })
}

const posts = () => emulator.requestsTo('POST', '/golive')
const submissionsOf = async (client: InstanceType<typeof CppClient>) => client.listSubmissions(subject)

describe('startGoLive', () => {
  beforeAll(async () => {
    emulator = await startCppEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => {
    core.reset()
    emulator.reset()
  })
  afterEach(() => transport.dispose())

  it('looks for a running go-live first, then starts one with a single POST', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    const started = await startGoLive(newClient(), subject, backoff)
    expect(started.how).toBe('started')
    expect(emulator.requests.map((r) => r.method)).toEqual(['GET', 'POST'])
  })

  it('follows a go-live that already runs (a re-run) and sends no POST', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: endlessGoLive() })
    const client = newClient()
    const [running] = await submissionsOf(client)
    const started = await startGoLive(client, subject, backoff)
    expect(started).toEqual({ how: 'attached', location: client.submissionLocation(subject, running!) })
    expect(posts()).toHaveLength(0)
    expect(core.logged('info').join('\n')).toMatch(/already running \(submission .*\): following it instead of starting another/)
  })

  it('on a 409 from a go-live that the pre-check missed, follows it instead of failing', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: endlessGoLive() })
    // The pre-check's listing fails; the 409 path lists again and finds the go-live.
    emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 500, times: 3 })
    const started = await startGoLive(newClient(), subject, backoff)
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(/Could not check for a running go-live/)
  })

  it('on a 409 from another operation (a publish), fails saying what blocks', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', publishRunning: true })
    await expect(startGoLive(newClient(), subject, backoff)).rejects.toThrow(
      /The Go Live request failed: HTTP 409 Conflict \(Conflict: An operation is already in progress .*\)\. Another operation that is not a go-live/
    )
  })

  it('when the POST was acted on but the answer was lost, finds the go-live and never posts twice', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    emulator.injectFault({ method: 'POST', kind: 'reset-after-accept' })
    const client = newClient()
    const started = await startGoLive(client, subject, backoff)
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(await submissionsOf(client)).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(
      /got no clear answer: the connection to .* broke \(ECONNRESET\)\. The service may have started the go-live; looking for it/
    )
  })

  it('when an ambiguous POST started nothing, posts again after looking', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    emulator.injectFault({ method: 'POST', kind: 'status', status: 502, body: 'Bad gateway' })
    const client = newClient()
    const started = await startGoLive(client, subject, backoff)
    expect(started.how).toBe('started')
    expect(emulator.requests.map((r) => `${r.method} ${r.path.split('/').pop() || 'submissions'}`)).toEqual([
      'GET submissions',
      'POST golive',
      'GET submissions',
      'POST golive'
    ])
    expect(await submissionsOf(client)).toHaveLength(1)
  })

  it('stops after its attempts when every POST is ambiguous, saying what to check', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    emulator.injectFault({ method: 'POST', kind: 'status', status: 504, times: 5 })
    await expect(startGoLive(newClient(), subject, backoff)).rejects.toThrow(
      /HTTP 504 \(3 attempts\), and no running go-live was found for contoso\/vm\. Check the offer in Partner Center/
    )
    expect(posts()).toHaveLength(3)
  })

  it('fails an ambiguous POST whose follow-up check fails too, without posting again', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    emulator.injectFault({ method: 'POST', kind: 'status', status: 500 })
    // Faults apply in order: the first listing (the pre-check) is fine, the second one is broken.
    emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'headers', headers: {} })
    emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 200, body: 'not json' })
    await expect(startGoLive(newClient(), subject, backoff)).rejects.toThrow(
      /the check for a running go-live failed too .* a go-live may have started/
    )
    expect(posts()).toHaveLength(1)
  })

  it('reports an auth failure of the pre-check without posting', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'vm', allowedTokens: ['other'] })
    await expect(startGoLive(newClient(), subject, backoff)).rejects.toThrow(/HTTP 403/)
    expect(posts()).toHaveLength(0)
  })
})

describe('runningGoLive', () => {
  it('picks the newest unfinished go-live by type or production slot', () => {
    expect(
      runningGoLive([
        { id: 'publish', submissionType: 'publish', submissionState: 'running', slot: 'staging' },
        { id: 'old', submissionType: 'goLive', submissionState: 'running', changedTime: '2026-01-01T00:00:00Z' },
        { id: 'new', slot: 'production', submissionState: 'notStarted', changedTime: '2026-02-01T00:00:00Z' },
        { id: 'done', submissionType: 'golive', submissionState: 'succeeded', changedTime: '2026-03-01T00:00:00Z' }
      ])?.id
    ).toBe('new')
    expect(runningGoLive([{ id: 'x', submissionType: 'golive', submissionState: 'canceled' }])).toBeUndefined()
  })
})
