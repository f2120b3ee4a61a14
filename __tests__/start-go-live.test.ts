import { describe, expect, it, jest } from '@jest/globals'
import { endlessGoLive } from '../emulator/scenarios.js'
import { createCoreMock } from './helpers/core-mock.js'
import { cppFixture } from './helpers/cpp-fixture.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { startGoLive, runningGoLive } = await import('../src/cpp/start-go-live.js')

const subject = { publisher: 'contoso', offer: 'vm' }
const backoff = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }
const fixture = cppFixture(core)
const newClient = () => fixture.client({ requestTimeoutMs: 1_000, backoff })
const posts = () => fixture.emulator.requestsTo('POST', '/golive')

describe('startGoLive', () => {
  it('looks for a running go-live first, then starts one with a single POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    const started = await startGoLive(await newClient(), subject, backoff)
    expect(started.how).toBe('started')
    expect(fixture.emulator.requests.map((r) => r.method)).toEqual(['GET', 'POST'])
  })

  it('follows a go-live that already runs (a re-run) and sends no POST', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: endlessGoLive() })
    const client = await newClient()
    const [running] = await client.listSubmissions(subject)
    const started = await startGoLive(client, subject, backoff)
    expect(started).toEqual({ how: 'attached', location: client.submissionLocation(subject, running!) })
    expect(posts()).toHaveLength(0)
    expect(core.logged('info').join('\n')).toMatch(/already running \(submission .*\): following it instead of starting another/)
  })

  it('on a 409 from a go-live that the pre-check missed, follows it instead of failing', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', runningGoLive: endlessGoLive() })
    // The pre-check's listing fails; the 409 path lists again and finds the go-live.
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 500, times: 3 })
    const started = await startGoLive(await newClient(), subject, backoff)
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(/Could not check for a running go-live/)
  })

  it('on a 409 from another operation (a publish), fails saying what blocks', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', publishRunning: true })
    await expect(startGoLive(await newClient(), subject, backoff)).rejects.toThrow(
      /The Go Live request failed: HTTP 409 Conflict \(Conflict: An operation is already in progress .*\)\. Another operation that is not a go-live/
    )
  })

  it('when the POST was acted on but the answer was lost, finds the go-live and never posts twice', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'reset-after-accept' })
    const client = await newClient()
    const started = await startGoLive(client, subject, backoff)
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(await client.listSubmissions(subject)).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(
      /got no clear answer: the connection to .* broke \(ECONNRESET\)\. The service may have started the go-live; looking for it/
    )
  })

  it('when an ambiguous POST started nothing, posts again after looking', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 502, body: 'Bad gateway' })
    const client = await newClient()
    const started = await startGoLive(client, subject, backoff)
    expect(started.how).toBe('started')
    expect(fixture.emulator.requests.map((r) => `${r.method} ${r.path.split('/').pop() || 'submissions'}`)).toEqual([
      'GET submissions',
      'POST golive',
      'GET submissions',
      'POST golive'
    ])
    expect(await client.listSubmissions(subject)).toHaveLength(1)
  })

  it('stops after its attempts when every POST is ambiguous, saying what to check', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 504, times: 5 })
    await expect(startGoLive(await newClient(), subject, backoff)).rejects.toThrow(
      /HTTP 504 \(3 attempts\), and no running go-live was found for contoso\/vm\. Check the offer in Partner Center/
    )
    expect(posts()).toHaveLength(3)
  })

  it('fails an ambiguous POST whose follow-up check fails too, without posting again', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 500 })
    // Faults apply in order: the first listing (the pre-check) is fine, the second one is broken.
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'headers', headers: {} })
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 200, body: 'not json' })
    await expect(startGoLive(await newClient(), subject, backoff)).rejects.toThrow(
      /the check for a running go-live failed too .* a go-live may have started/
    )
    expect(posts()).toHaveLength(1)
  })

  it('reports an auth failure of the pre-check without posting', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', allowedTokens: ['other'] })
    await expect(startGoLive(await newClient(), subject, backoff)).rejects.toThrow(/HTTP 403/)
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
