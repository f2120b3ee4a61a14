import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../../helpers/core-mock.js'
import type { CppClient, Submission } from '../../../src/apis/cloud-partner-portal/client.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { dryRun } = await import('../../../src/apis/cloud-partner-portal/dry-run.js')
const { parseOperation } = await import('../../../src/wait/operation.js')

const subject = { publisher: 'contoso', offer: 'contoso-vm' }
const context = { subject }
const AT = '2018-03-16T17:50:45.7215661Z'

/** Microsoft's "Retrieve offer status" sample, at the moment the publish waits for sign-off. */
function offerStatus(status: string, signoff: Record<string, unknown>): Record<string, unknown> {
  const step = (id: string, stepName: string, state: string) => ({ id, stepName, status: state, messages: [], progressPercentage: 0 })
  return {
    status,
    messages: [],
    steps: [
      {
        ...step('displaydummycertify', 'Validate Pre-Requisites', 'complete'),
        estimatedTimeFrame: '< 15 min',
        messages: [{ messageHtml: 'Step completed.', level: 'information', timestamp: AT }],
        progressPercentage: 100
      },
      { ...step('displaycertify', 'Certification', 'complete'), estimatedTimeFrame: '~2-3 days' },
      { ...step('displayprovision', 'Provisioning', 'complete'), estimatedTimeFrame: '< 1 day' },
      { ...step('displaypackage', 'Packaging and Lead Generation Registration', 'complete'), estimatedTimeFrame: '< 1 hour' },
      { estimatedTimeFrame: '< 1 hour', description: 'Offer is available to preview.', messages: [], progressPercentage: 0, ...signoff },
      { ...step('live', 'Live', 'notStarted'), estimatedTimeFrame: '~2-5 days' }
    ],
    previewLinks: [],
    liveLinks: []
  }
}

/** A client that answers the offer status and the submissions list as given. */
function client(status: Record<string, unknown>, submissions: Submission[] = []): CppClient {
  return {
    getOfferStatus: async () => parseOperation(status),
    listSubmissions: async () => submissions
  } as unknown as CppClient
}

const WAITING = 'waitingForPublisherReview'

describe('CPP dry run: a running offer waiting for publisher sign-off', () => {
  it.each([
    ['the id (the documented shape)', { id: 'publisher-signoff', stepName: 'Publisher signoff', status: WAITING }],
    ["the step name (SUSE's fixture shape, no id)", { stepName: 'publisher-signoff', status: WAITING }],
    ['the id in another case, the status too', { id: 'Publisher-SignOff', stepName: 'Sign-off', status: 'WAITINGFORPUBLISHERREVIEW' }]
  ])('by %s: offer-status waitingForPublisherReview, ready', async (_what, signoff) => {
    const report = await dryRun(client(offerStatus('running', signoff)), context)
    expect(report).toEqual({
      offerStatus: WAITING,
      verdict: 'ready',
      message: 'The offer waits for publisher sign-off: a go-live would start now.'
    })
  })

  it('stays running and blocked while the sign-off step has not been reached', async () => {
    const report = await dryRun(client(offerStatus('running', { id: 'publisher-signoff', status: 'notStarted' })), context)
    expect(report).toMatchObject({ offerStatus: 'running', verdict: 'blocked' })
    expect(report.message).toContain('Another operation (a publish) is running')
  })

  it('another step waiting for review is not the sign-off', async () => {
    const report = await dryRun(client(offerStatus('running', { id: 'displaycertify-review', status: WAITING })), context)
    expect(report).toMatchObject({ offerStatus: 'running', verdict: 'blocked' })
  })

  it('a go-live listed as running wins over a sign-off step that has not moved on yet', async () => {
    const running: Submission = {
      id: 'contoso$contoso-vm$7$preview',
      submissionType: 'golive',
      submissionState: 'running',
      slot: 'production'
    }
    const report = await dryRun(client(offerStatus('running', { id: 'publisher-signoff', status: WAITING }), [running]), context)
    expect(report).toMatchObject({ offerStatus: 'running', verdict: 'blocked' })
    expect(report.message).toContain('A go-live is already running')
  })

  it('a sign-off step only matters while the offer runs: a failed offer stays failed', async () => {
    const report = await dryRun(client(offerStatus('failed', { id: 'publisher-signoff', status: WAITING })), context)
    expect(report).toMatchObject({ offerStatus: 'failed', verdict: 'blocked' })
  })
})

describe('CPP dry run: the submissions are read whatever the status says', () => {
  // made-up: no published sample lists a go-live (cpp-api.md gives its fields); a GUID id and a
  // 7-digit changedTime, as the service writes them.
  const failed: Submission = {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    publisherId: 'contoso',
    offerId: 'contoso-vm',
    submissionType: 'golive',
    submissionState: 'failed',
    slot: 'production',
    changedTime: '2026-11-20T09:00:39.5506018Z'
  }
  const waiting = offerStatus(WAITING, { id: 'publisher-signoff', stepName: 'Publisher signoff', status: WAITING })
  let listed = 0
  const counting = (status: Record<string, unknown>, submissions: Submission[]): CppClient =>
    ({
      getOfferStatus: async () => parseOperation(status),
      listSubmissions: async () => {
        listed++
        return submissions
      }
    }) as unknown as CppClient

  it('an offer waiting for sign-off whose last go-live failed: blocked (failed), saying retry-failed would send it', async () => {
    listed = 0
    const report = await dryRun(counting(waiting, [failed]), context)
    expect(listed).toBe(1)
    expect(report).toEqual({
      offerStatus: 'failed',
      verdict: 'blocked',
      message: `The last go-live failed (submission ${failed.id}, at ${failed.changedTime}): The service gave no reason in the offer status. A go-live that failed is not sent again: fix what it reported in Partner Center, or set retry-failed: true to send it once more.`
    })
  })

  it('with retry-failed: ready, saying it is sent once more', async () => {
    const report = await dryRun(counting(waiting, [failed]), { subject, retryFailed: true })
    expect(report).toEqual({
      offerStatus: WAITING,
      verdict: 'ready',
      message: `The last go-live failed (submission ${failed.id}, at ${failed.changedTime}), and retry-failed is set: it is sent once more: a go-live would start now.`
    })
  })

  it('a failed offer with retry-failed: ready, its offer-status failed', async () => {
    const report = await dryRun(counting(offerStatus('failed', { id: 'publisher-signoff', status: 'notStarted' }), [failed]), {
      subject,
      retryFailed: true
    })
    expect(report).toMatchObject({ offerStatus: 'failed', verdict: 'ready' })
  })

  it('a listing that cannot be read (503): a warning, and the verdict of the status alone', async () => {
    const { ServiceUnavailableError } = await import('../../../src/errors.js')
    const broken = {
      getOfferStatus: async () => parseOperation(waiting),
      listSubmissions: async () => {
        throw new ServiceUnavailableError("Listing the offer's submissions failed: HTTP 503")
      }
    } as unknown as CppClient
    expect(await dryRun(broken, context)).toMatchObject({ offerStatus: WAITING, verdict: 'ready' })
    expect(core.logged('warning').join('\n')).toContain(
      "Could not read the offer's submissions (Listing the offer's submissions failed: HTTP 503)"
    )
  })

  it('a listing that cannot connect after its retries: the offer ends there, no verdict from the status alone', async () => {
    const { UnreachableError } = await import('../../../src/http/unreachable.js')
    const unreachable = new UnreachableError("Listing the offer's submissions failed: could not connect to 127.0.0.1:9 (ECONNREFUSED)")
    const broken = {
      getOfferStatus: async () => parseOperation(waiting),
      listSubmissions: async () => {
        throw unreachable
      }
    } as unknown as CppClient
    core.reset()
    await expect(dryRun(broken, context)).rejects.toBe(unreachable)
    expect(core.logged('warning')).toEqual([])
  })
})
