// Dry runs of the bundle: the offer's status read and judged, and never a Go Live request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { endlessGoLive } from '../../emulator/scenarios.js'
import { runAction } from '../../scripts/run-action.js'
import { onlyRow } from '../helpers/summary-rows.js'

let emulator: CppEmulator
const inputs = (extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer: 'contoso-vm',
  token: DEFAULT_TOKEN,
  'base-url': emulator.url,
  'dry-run': 'true',
  ...extra
})

beforeAll(async () => {
  emulator = await startCppEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe('dry run', () => {
  it.each([
    ['waitingForPublisherReview', {}, 'waitingForPublisherReview', '::notice::', 'a go-live would start now'],
    ['neverPublished', {}, 'neverPublished', '::warning::', 'The offer was never published'],
    ['NOTSTARTED', {}, 'notStarted', '::warning::', 'A publish was requested but has not started'],
    ['succeeded', {}, 'succeeded', '::notice::', 'the offer is live already'],
    ['failed', {}, 'failed', '::warning::', 'The last operation failed'],
    ['cancelled', {}, 'canceled', '::warning::', 'The last operation was canceled'],
    [
      'waitingForPublisherReview',
      { runningGoLive: endlessGoLive() },
      'running',
      '::warning::',
      'A go-live is already running: the action would follow it'
    ],
    [
      'waitingForPublisherReview',
      { publishRunning: true },
      'running',
      '::warning::',
      'Another operation (a publish) is running on the offer'
    ]
  ])('offer %s %j: offer-status %s, exit 0, no POST', async (offerStatus, setup, expected, level, words) => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus, ...setup })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['offer-status']).toBe(expected)
    expect(result.outputs['operation-location']).toBeUndefined()
    expect(result.outputs.status).toBe('not started')
    expect(result.stdout).toContain(`${level}Offer status: ${expected}.`)
    expect(result.stdout).toContain(words)
    expect(emulator.requestsTo('POST', '/')).toHaveLength(0)
    expect(emulator.requestsTo('GET', '/status')).toHaveLength(1)
    expect(result.summary).toContain('## Go live (dry run): contoso/contoso-vm')
    expect(onlyRow(result.summary)[1]).toBe(`\`${expected}\``)
    expect(result.summary).toContain('No Go Live request was sent.')
  })

  it('sends no POST even with wait and an operation location given', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({
      inputs: inputs({ wait: 'true', 'operation-location': '/api/operations/contoso$contoso-vm$1$preview' })
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('Dry run: the wait and operation-location inputs are not used.')
    // Reads only: the offer status, and the submissions (whether a go-live runs or failed last).
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/publishers/contoso/offers/contoso-vm/status',
      'GET /api/publishers/contoso/offers/contoso-vm/submissions/'
    ])
  })

  it('fails the step on a wrong offer, as a real run would', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'other' })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Reading the offer's status failed: HTTP 404 Not Found")
    expect(result.outputs['offer-status']).toBeUndefined()
  })

  it('fails the step when the token is rejected', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({ inputs: inputs({ token: 'wrong' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Reading the offer's status failed: HTTP 401 Unauthorized.")
  })
})

/**
 * Microsoft's "Retrieve offer status" sample (learn.microsoft.com, cloud-partner-portal-api-retrieve-
 * offer-status) as the service answers while a publish waits for sign-off: `running` on top, the
 * `publisher-signoff` step `waitingForPublisherReview` (the state SUSE's azure-img-utils maps to
 * waitingForPublisherReview). Served as the answer of GET .../status.
 */
function signOffStatus(): string {
  const at = '2018-03-16T17:50:45.7215661Z'
  const step = (id: string, stepName: string, status: string, estimatedTimeFrame: string, description: string) => ({
    estimatedTimeFrame,
    id,
    stepName,
    description,
    status,
    messages: status === 'complete' ? [{ messageHtml: 'Step completed.', level: 'information', timestamp: at }] : [],
    progressPercentage: status === 'complete' ? 100 : 0
  })
  return JSON.stringify({
    status: 'running',
    messages: [],
    steps: [
      step('displaydummycertify', 'Validate Pre-Requisites', 'complete', '< 15 min', 'Offer settings provided are validated.'),
      step('displaycertify', 'Certification', 'complete', '~2-3 days', 'Your offer is analyzed by our certification systems for issues.'),
      step(
        'displayprovision',
        'Provisioning',
        'complete',
        '< 1 day',
        'Your virtual machine is being replicated in our production systems.'
      ),
      step(
        'displaypackage',
        'Packaging and Lead Generation Registration',
        'complete',
        '< 1 hour',
        'Your virtual machine is being packaged for customers.'
      ),
      step(
        'publisher-signoff',
        'Publisher signoff',
        'waitingForPublisherReview',
        '< 1 hour',
        'Offer is available to preview. Ensure that everything looks good before making your offer live.'
      ),
      step('live', 'Live', 'notStarted', '~2-5 days', 'Offer is publicly visible and is available for purchase.')
    ],
    previewLinks: [],
    liveLinks: []
  })
}

describe('dry run on the status the service sends at publisher sign-off', () => {
  const serveSignOff = () =>
    emulator.injectFault({
      method: 'GET',
      path: '/status',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: signOffStatus()
    })

  it('running with the publisher-signoff step waiting: offer-status waitingForPublisherReview, a go-live would start', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    serveSignOff()
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['offer-status']).toBe('waitingForPublisherReview')
    expect(result.stdout).toContain(
      '::notice::Offer status: waitingForPublisherReview. The offer waits for publisher sign-off: a go-live would start now.'
    )
    expect(onlyRow(result.summary)[2]).toBe('✅ a go-live would start now')
    expect(emulator.requestsTo('POST', '/')).toHaveLength(0)
  })

  it('the same status with a go-live listed as running: running, the action would follow it', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', runningGoLive: endlessGoLive() })
    serveSignOff()
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['offer-status']).toBe('running')
    expect(result.stdout).toContain('::warning::Offer status: running. A go-live is already running: the action would follow it')
    expect(emulator.requestsTo('POST', '/')).toHaveLength(0)
  })
})
