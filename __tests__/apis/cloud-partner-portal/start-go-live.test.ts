import { describe, expect, it, jest } from '@jest/globals'
import { endlessGoLive } from '../../../emulator/scenarios.js'
import { createCoreMock } from '../../helpers/core-mock.js'
import { cppFixture } from '../../helpers/cpp-fixture.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { startGoLive } = await import('../../../src/apis/cloud-partner-portal/start-go-live.js')

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

  it('a 502 is never posted again, also when it started nothing: looks on the schedule, then says what to check', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 502, body: 'Bad gateway' })
    await expect(startGoLive(await newClient(), subject, backoff)).rejects.toThrow(
      /^The Go Live request got no clear answer: HTTP 502, and no running go-live of contoso\/vm was listed in \d+ looks over .*\. The go-live may have started all the same: check the offer in Partner Center before running the step again; a re-run finds and follows a running go-live instead of starting another\.$/
    )
    expect(posts()).toHaveLength(1)
    const { lookSchedule } = await import('../../../src/http/lost-answers.js')
    expect(fixture.emulator.requestsTo('GET', '/submissions')).toHaveLength(1 + lookSchedule(backoff).length + 1)
  })

  it('a POST the service refused (503) is sent again; a lost answer to the next one is not', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status', status: 503, headers: { 'retry-after': '0' } })
    fixture.emulator.injectFault({ method: 'POST', kind: 'reset-after-accept' })
    const started = await startGoLive(await newClient(), subject, backoff)
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(2)
  })

  it('a listing that cannot be read during the look is one missed look: the go-live is found at the next', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
    fixture.emulator.injectFault({ method: 'POST', kind: 'status-after-accept', status: 500 })
    // Faults apply in order: the first listing (the pre-check) is fine, the second one is broken.
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'headers', headers: {} })
    fixture.emulator.injectFault({ method: 'GET', path: '/submissions', kind: 'status', status: 200, body: 'not json' })
    const started = await startGoLive(await newClient(), subject, backoff)
    expect(started.how).toBe('attached')
    expect(posts()).toHaveLength(1)
    expect(core.logged('warning').join('\n')).toMatch(
      /Look 1 for the go-live missed: Listing the offer's submissions failed: the answer is not JSON/
    )
  })

  it('reports an auth failure of the pre-check without posting', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm', allowedTokens: ['other'] })
    await expect(startGoLive(await newClient(), subject, backoff)).rejects.toThrow(/HTTP 403/)
    expect(posts()).toHaveLength(0)
  })
})
