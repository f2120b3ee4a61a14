// Several offers in one step, through the bundle against the emulators: one sign-in, one POST per
// offer, one offer's failure stops no other, `results` per offer, the aggregate status, one error
// line per failed offer, and a summary table with a row per offer. (fleet.e2e.test.ts has the rest.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { startIdentityEmulator, type IdentityEmulator } from '../../emulator/identity-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { failingGoLive, succeedingGoLive } from '../../emulator/scenarios.js'
import { runAction } from '../../scripts/run-action.js'

const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'
const SECRET = 'entra-client-secret-value'
const GUID = '[0-9a-f-]{36}'

type Result = Record<'offer' | 'status' | 'operation-location' | 'operation-id' | 'offer-status' | 'error', string>
const resultsOf = (outputs: Record<string, string>) => JSON.parse(outputs.results as string) as Result[]

describe('several offers through the CPP API', () => {
  let cpp: CppEmulator
  let identity: IdentityEmulator
  beforeAll(async () => {
    cpp = await startCppEmulator()
    identity = await startIdentityEmulator({
      apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET], federated: [] }],
      onToken: (token) => cpp.acceptToken(token)
    })
  })
  afterAll(async () => {
    await cpp.close()
    await identity.close()
  })
  beforeEach(() => cpp.reset())

  const inputs = (offer: string, extra: Record<string, string> = {}) => ({
    api: 'cloud-partner-portal',
    publisher: 'contoso',
    offer,
    'client-id': CLIENT_ID,
    'tenant-id': TENANT_ID,
    'client-secret': SECRET,
    'authority-host': identity.authorityHost,
    'base-url': cpp.url,
    'poll-interval': '20ms',
    wait: 'true',
    ...extra
  })

  it('a refused POST and a failed go-live stop no other: one token, one POST each, results, one error line per failed offer', async () => {
    cpp.addOffer({ publisher: 'contoso', offer: 'vm-a', progression: succeedingGoLive() })
    cpp.addOffer({ publisher: 'contoso', offer: 'vm-b', progression: succeedingGoLive() })
    cpp.addOffer({ publisher: 'contoso', offer: 'vm-c', progression: failingGoLive() })
    const refusal = '{"error":{"code":"BadRequest","message":"Offer vm-b has no plan | <b>fix it</b>"}}'
    cpp.injectFault({
      method: 'POST',
      path: '/offers/vm-b/golive',
      kind: 'status',
      status: 400,
      body: refusal,
      contentType: 'application/json'
    })
    const tokensBefore = identity.issued.length
    const result = await runAction({
      inputs: inputs('vm-a\nvm-b, vm-c'),
      env: { NODE_EXTRA_CA_CERTS: identity.githubOidcEnv.NODE_EXTRA_CA_CERTS as string }
    })

    expect(result.exitCode).toBe(1)
    expect(identity.issued.length - tokensBefore).toBe(1)
    for (const offer of ['vm-a', 'vm-b', 'vm-c']) expect(cpp.requestsTo('POST', `/offers/${offer}/golive`)).toHaveLength(1)
    const results = resultsOf(result.outputs)
    expect(results.map((r) => [r.offer, r.status])).toEqual([
      ['vm-a', 'succeeded'],
      ['vm-b', 'not started'],
      ['vm-c', 'failed']
    ])
    expect(results[0]?.['operation-location']).toMatch(
      new RegExp(`^${cpp.url}/api/publishers/contoso/offers/vm-a/operations/${GUID}\\?api-version=2017-10-31$`)
    )
    expect(results[0]?.['operation-id']).toMatch(new RegExp(`^${GUID}$`))
    expect(results[1]).toMatchObject({ 'operation-location': '', 'operation-id': '', error: expect.stringContaining('400') })
    expect(results[2]?.error).toBe('The go-live failed: Live: Offer validation failed: plan "gen2" has no VM image & cannot go live.')
    for (const r of results) expect(r.error.length).toBeLessThanOrEqual(300)
    expect(result.outputs.status).toBe('failed')
    expect(result.outputs['operation-location']).toBeUndefined()
    expect(result.outputs['operation-id']).toBeUndefined()

    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^::error::contoso\/vm-b: /)
    expect(errors[1]).toBe(
      '::error::contoso/vm-c: The go-live failed: Live: Offer validation failed: plan "gen2" has no VM image & cannot go live.'
    )
    // Progress lines name the offer.
    expect(result.stdout).toContain('contoso/vm-a: Operation status: running -> succeeded')
    expect(result.stdout).toContain('The go-live of contoso/vm-a succeeded.')

    expect(result.summary).toContain('## Go live: 3 offers')
    expect(result.summary).toContain('| Offer | Result | Operation | Started | Ended | Details |')
    expect(result.summary).toMatch(
      /\| contoso\/vm-a \| ✅ succeeded \| `http:\/\/127\.0\.0\.1:\d+\/api\/publishers\/contoso\/offers\/vm-a\/operations\/[0-9a-f-]{36}\?api-version=[\d-]+` \|/
    )
    // The service's words, as text in their cell: its HTML dropped, its `|` escaped.
    const refused = result.summary.split('\n').find((line) => line.startsWith('| contoso/vm-b |'))
    expect(refused).toMatch(
      /^\| contoso\/vm-b \| ⛔ not started \| {2}\| {2}\| {2}\| The Go Live request failed: HTTP 400 .*no plan \\\| fix it\)/
    )
    expect(result.summary).toContain('| contoso/vm-c | ❌ failed |')
  })

  it('without waiting: every go-live started, `accepted`, exit 0, and results for each', async () => {
    const offers = Array.from({ length: 12 }, (_, i) => `vm-${i}`)
    for (const offer of offers) cpp.addOffer({ publisher: 'contoso', offer })
    const result = await runAction({
      inputs: { publisher: 'contoso', offer: offers.join(','), token: DEFAULT_TOKEN, 'base-url': cpp.url, 'max-parallel': '3' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('accepted')
    expect(cpp.requestsTo('POST', '/golive')).toHaveLength(12)
    expect(resultsOf(result.outputs).map((r) => [r.offer, r.status])).toEqual(offers.map((offer) => [offer, 'accepted']))
    expect(result.stdout).toContain('Not waiting (wait: false). To check on the go-lives later, run this step again with the same offers')
  })

  it('refuses operation-location with several offers before any request', async () => {
    const result = await runAction({
      inputs: {
        publisher: 'contoso',
        offer: 'vm-a,vm-b',
        token: DEFAULT_TOKEN,
        'base-url': cpp.url,
        'operation-location': '/api/operations/x'
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "::error::Input 'operation-location' names the go-live of one offer, so it cannot be given with several offers (2): to check on their go-lives, run the step again with the same offers instead"
    )
    expect(cpp.requests).toHaveLength(0)
    expect(result.outputs).toEqual({})
  })
})

describe('several offers through the Product Ingestion API', () => {
  let pia: PiaEmulator
  beforeAll(async () => {
    pia = await startPiaEmulator()
  })
  afterAll(() => pia.close())
  beforeEach(() => pia.reset())

  it('takes a ready product live and finds a live one live without a request: both succeed', async () => {
    pia.addProduct({ externalId: 'app-ready' })
    pia.addProduct({ externalId: 'app-live', state: 'live' })
    const result = await runAction({
      inputs: {
        api: 'product-ingestion',
        offer: 'app-ready\napp-live',
        token: DEFAULT_TOKEN,
        'base-url': pia.url,
        wait: 'true',
        'poll-interval': '20ms'
      }
    })
    expect(result.exitCode).toBe(0)
    expect(pia.requestsTo('POST', '/configure')).toHaveLength(1)
    const results = resultsOf(result.outputs)
    expect(results.map((r) => [r.offer, r.status, r.error])).toEqual([
      ['app-ready', 'succeeded', ''],
      ['app-live', 'succeeded', '']
    ])
    expect(results[1]?.['operation-id']).toMatch(new RegExp(`^submission/${GUID}/\\d{19}$`))
    expect(result.outputs.status).toBe('succeeded')
    expect(result.summary).toContain('| app-live | ✅ succeeded (live already: nothing sent) |')
  })

  it('a dry run of several: an offer status per offer, no step offer-status', async () => {
    pia.addProduct({ externalId: 'app-ready' })
    pia.addProduct({ externalId: 'app-draft', state: 'no-preview' })
    const result = await runAction({
      inputs: { api: 'product-ingestion', offer: 'app-ready,app-draft', token: DEFAULT_TOKEN, 'base-url': pia.url, 'dry-run': 'true' }
    })
    expect(result.exitCode).toBe(0)
    expect(resultsOf(result.outputs).map((r) => [r.status, r['offer-status']])).toEqual([
      ['not started', 'waitingForPublisherReview'],
      ['not started', 'neverPublished']
    ])
    expect(result.outputs['offer-status']).toBeUndefined()
    expect(result.outputs.status).toBe('not started')
    expect(result.summary).toContain('## Go live (dry run): 2 offers')
    expect(pia.requestsTo('POST', '/configure')).toHaveLength(0)
  })
})
