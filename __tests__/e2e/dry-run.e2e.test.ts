// Dry runs of the bundle: the offer's status read and judged, and never a Go Live request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { endlessGoLive } from '../../emulator/scenarios.js'
import { runAction } from '../../scripts/run-action.js'

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
    expect(result.outputs.status).toBeUndefined()
    expect(result.stdout).toContain(`${level}Offer status: ${expected}.`)
    expect(result.stdout).toContain(words)
    expect(emulator.requestsTo('POST', '/')).toHaveLength(0)
    expect(emulator.requestsTo('GET', '/status')).toHaveLength(1)
    expect(result.summary).toContain('## Go live (dry run): contoso/contoso-vm')
    expect(result.summary).toContain(`| Offer status | \`${expected}\` |`)
    expect(result.summary).toContain('No Go Live request was sent.')
  })

  it('sends no POST even with wait and an operation location given', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({
      inputs: inputs({ wait: 'true', 'operation-location': '/api/operations/contoso$contoso-vm$1$preview' })
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('Dry run: the wait and operation-location inputs are not used.')
    expect(emulator.requests.map((r) => r.method)).toEqual(['GET'])
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
