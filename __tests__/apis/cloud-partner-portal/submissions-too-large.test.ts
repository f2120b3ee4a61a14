// An offer's submissions listed past the listing allowance (1 MiB, issue 19 item 3): the list was
// read, and it may say that a go-live runs or failed last (issue 17 item 3), so the offer is refused
// before any Go Live request, naming the list and its limit, and the dry run reports it blocked. The
// same listing small is refused for its failed go-live (row 5); padded past 1 MiB it was once passed
// over as unreadable, and the failed go-live posted again.
import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../../helpers/core-mock.js'
import { cppFixture } from '../../helpers/cpp-fixture.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { startGoLive } = await import('../../../src/apis/cloud-partner-portal/start-go-live.js')
const { dryRun } = await import('../../../src/apis/cloud-partner-portal/dry-run.js')

const subject = { publisher: 'contoso', offer: 'vm' }
const backoff = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }
const fixture = cppFixture(core)
const posts = () => fixture.emulator.requestsTo('POST', '/golive')

/** A go-live of contoso/vm that failed last (made-up: a `note` field of filler makes the listing large). */
const listing = (filler: number): string =>
  JSON.stringify([
    {
      id: '56615b67-2185-49fe-80d2-c4ddf77bb2e8',
      publisherId: 'contoso',
      offerId: 'vm',
      submissionType: 'GoLive',
      submissionState: 'Failed',
      slot: 'Production',
      changedTime: '2026-11-20T10:05:39.5506018Z',
      note: 'x'.repeat(filler)
    }
  ])

/** Every listing of the offer's submissions answers `body`. */
function listingAnswers(body: string): void {
  fixture.emulator.addOffer({ publisher: 'contoso', offer: 'vm' })
  fixture.emulator.injectFault({
    method: 'GET',
    path: '/submissions',
    kind: 'status',
    status: 200,
    body,
    contentType: 'application/json',
    times: 20
  })
}

const TOO_LARGE =
  /^contoso\/vm cannot go live now, so no Go Live request was sent: listing the offer's submissions failed: the list is larger than 1 MiB \(all its pages together\).* Without the list the action cannot tell whether a go-live of the offer runs or failed last\.$/

describe('a CPP listing with a go-live that failed last', () => {
  it('small: refused for the failed go-live, no Go Live request (row 5)', async () => {
    listingAnswers(listing(10))
    const client = await fixture.client({ backoff })
    await expect(startGoLive(client, subject, { backoff })).rejects.toThrow(
      /^contoso\/vm cannot go live now, so no Go Live request was sent: the last go-live failed \(submission 56615b67-/
    )
    expect(posts()).toHaveLength(0)
  })

  it('past the listing allowance (1 MiB): refused with an error naming the list and its limit, never posted', async () => {
    listingAnswers(listing(1_200_000))
    const client = await fixture.client({ backoff, requestTimeoutMs: 5_000 })
    await expect(startGoLive(client, subject, { backoff })).rejects.toThrow(TOO_LARGE)
    expect(posts()).toHaveLength(0)
    // Refused at once: the list is not passed over with a warning, and the status is not read.
    expect(core.logged('warning').join('\n')).not.toContain('going on without the list')
    expect(fixture.emulator.requestsTo('GET', '/status')).toHaveLength(0)
  })

  it('past the listing allowance, with retry-failed: still refused (what the list holds is unknown)', async () => {
    listingAnswers(listing(1_200_000))
    const client = await fixture.client({ backoff, requestTimeoutMs: 5_000 })
    await expect(startGoLive(client, subject, { backoff, retryFailed: true })).rejects.toThrow(TOO_LARGE)
    expect(posts()).toHaveLength(0)
  })

  it('past the listing allowance, dry run: blocked with offer-status unknown, naming the list and its limit (not ready)', async () => {
    listingAnswers(listing(1_200_000))
    const client = await fixture.client({ backoff, requestTimeoutMs: 5_000 })
    const report = await dryRun(client, { subject })
    expect(report).toMatchObject({ offerStatus: 'unknown', verdict: 'blocked' })
    expect(report.message).toMatch(
      /^Listing the offer's submissions failed: the list is larger than 1 MiB .*the real run refuses the offer, sending no Go Live request\.$/
    )
    expect(posts()).toHaveLength(0)
  })
})
