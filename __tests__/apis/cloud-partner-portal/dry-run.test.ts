import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../../helpers/core-mock.js'
import type { CppClient, Submission } from '../../../src/apis/cloud-partner-portal/client.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { dryRun } = await import('../../../src/apis/cloud-partner-portal/dry-run.js')
const { parseOperation } = await import('../../../src/wait/operation.js')

const subject = { publisher: 'contoso', offer: 'contoso-vm' }
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
    const report = await dryRun(client(offerStatus('running', signoff)), subject)
    expect(report).toEqual({
      offerStatus: WAITING,
      verdict: 'ready',
      message: 'The offer waits for publisher sign-off: a go-live would start now.'
    })
  })

  it('stays running and blocked while the sign-off step has not been reached', async () => {
    const report = await dryRun(client(offerStatus('running', { id: 'publisher-signoff', status: 'notStarted' })), subject)
    expect(report).toMatchObject({ offerStatus: 'running', verdict: 'blocked' })
    expect(report.message).toContain('Another operation (a publish) is running')
  })

  it('another step waiting for review is not the sign-off', async () => {
    const report = await dryRun(client(offerStatus('running', { id: 'displaycertify-review', status: WAITING })), subject)
    expect(report).toMatchObject({ offerStatus: 'running', verdict: 'blocked' })
  })

  it('a go-live listed as running wins over a sign-off step that has not moved on yet', async () => {
    const running: Submission = {
      id: 'contoso$contoso-vm$7$preview',
      submissionType: 'golive',
      submissionState: 'running',
      slot: 'production'
    }
    const report = await dryRun(client(offerStatus('running', { id: 'publisher-signoff', status: WAITING }), [running]), subject)
    expect(report).toMatchObject({ offerStatus: 'running', verdict: 'blocked' })
    expect(report.message).toContain('A go-live is already running')
  })

  it('a sign-off step only matters while the offer runs: a failed offer stays failed', async () => {
    const report = await dryRun(client(offerStatus('failed', { id: 'publisher-signoff', status: WAITING })), subject)
    expect(report).toMatchObject({ offerStatus: 'failed', verdict: 'blocked' })
  })
})
