// Running the same step again until the offer is live: the bundle reads the offer status before any
// Go Live request (CPP API), so a re-run reports a live offer, follows a running go-live, refuses an
// offer never published, and takes live only an offer that waits for sign-off.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { failingGoLive } from '../../emulator/scenarios.js'
import { runAction } from '../../scripts/run-action.js'
import { onlyRow } from '../helpers/summary-rows.js'

let emulator: CppEmulator
const inputs = (extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer: 'contoso-vm',
  token: DEFAULT_TOKEN,
  'base-url': emulator.url,
  'poll-interval': '20ms',
  ...extra
})
const posts = () => emulator.requestsTo('POST', '/golive')
const LISTING = 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.contoso-vm'

beforeAll(async () => {
  emulator = await startCppEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe('the same step, run again until the offer is live', () => {
  it('a ready offer goes live: the status is read first, then one POST', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(posts()).toHaveLength(1)
    const status = emulator.requestsTo('GET', '/status')[0]
    expect(status?.at).toBeLessThanOrEqual(posts()[0]!.at)
  })

  it('a re-run on the offer it took live sends no POST and exits 0: succeeded, naming that go-live', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const first = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(first.outputs.status).toBe('succeeded')
    const again = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(again.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(again.outputs.status).toBe('succeeded')
    expect(again.outputs['operation-location']).toBe(first.outputs['operation-location'])
    expect(again.outputs['operation-id']).toBe(first.outputs['operation-id'])
    // The operation output is the offer status as the service sent it.
    const operation = JSON.parse(again.outputs.operation as string)
    expect(operation).toMatchObject({ status: 'succeeded', liveLinks: [{ displayText: 'Azure Marketplace listing', uri: LISTING }] })
    expect(again.stdout).toContain(
      `contoso/contoso-vm is live already (offer status succeeded, no go-live running): nothing to take live, no Go Live request sent. The last go-live: submission ${first.outputs['operation-id']}.`
    )
    expect(again.stdout).toContain('contoso/contoso-vm is live.')
    expect(onlyRow(again.summary)[1]).toBe('✅ succeeded (live already: nothing sent)')
  })

  it('an offer live before the first run (set up so): no POST, the listed go-live named', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'live', locationStyle: 'location-preview' })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs['operation-id']).toMatch(/^contoso\$contoso-vm\$\d+\$preview$/)
    expect(result.outputs['operation-location']).toBe(
      `${emulator.url}/api/operations/${result.outputs['operation-id']}?api-version=2017-10-31`
    )
  })

  it('an offer live whose go-live the service does not list: no POST, succeeded, no location invented', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'succeeded' })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs['operation-location']).toBeUndefined()
    expect(result.outputs['operation-id']).toBeUndefined()
    expect(JSON.parse(result.outputs.results as string)).toEqual([
      {
        offer: 'contoso-vm',
        api: 'cloud-partner-portal',
        status: 'succeeded',
        'operation-location': '',
        'operation-id': '',
        'offer-status': '',
        error: ''
      }
    ])
    expect(result.stdout).toContain('Nothing to take live for contoso/contoso-vm: the service names no go-live that took it live.')
  })

  it('a re-run while the go-live it started runs follows it (no second POST) until it succeeds', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const first = await runAction({ inputs: inputs() })
    expect(first.outputs.status).toBe('accepted')
    const again = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(again.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(again.outputs.status).toBe('succeeded')
    expect(again.outputs['operation-location']).toBe(first.outputs['operation-location'])
    expect(again.stdout).toMatch(/A go-live of contoso\/contoso-vm is already running \(submission [0-9a-f-]{36}\): following it/)
  })

  it('an offer never published fails before any POST, saying to publish first', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', state: 'neverPublished' })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(posts()).toHaveLength(0)
    expect(result.stdout).toContain(
      '::error::contoso/contoso-vm cannot go live now, so no Go Live request was sent: the offer was never published: publish it first, and go live once it reaches preview (publisher sign-off).'
    )
    expect(result.outputs['operation-location']).toBeUndefined()
    expect(onlyRow(result.summary)[1]).toBe('⛔ not started')
  })

  it('a go-live that failed, then the same step again: fails before any POST, saying why', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: failingGoLive() })
    const first = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(first.outputs.status).toBe('failed')
    const again = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(again.exitCode).toBe(1)
    expect(posts()).toHaveLength(1)
    // Issue 17: quoting the failure, its operation and when, and how to send it once more.
    expect(again.stdout).toContain(
      `::error::contoso/contoso-vm cannot go live now, so no Go Live request was sent: the last go-live failed (submission ${first.outputs['operation-id']}, at `
    )
    expect(again.stdout).toContain('or set retry-failed: true to send it once more.')
  })

  it('an offer status that cannot be read (503) costs a warning: the step goes on as before, one POST', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    emulator.injectFault({ method: 'GET', path: '/status', kind: 'status', status: 503, times: 5 })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(result.outputs.status).toBe('accepted')
    expect(result.stdout).toMatch(/::warning::Could not read the offer's status \(.*HTTP 503.*\); going on without it/)
  })
})
