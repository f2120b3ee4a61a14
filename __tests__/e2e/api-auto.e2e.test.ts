// `api: auto` with a sign-in, end to end: the bundle reaches both APIs at their default origins
// (https://graph.microsoft.com, https://cloudpartner.azure.com) through the project's CONNECT proxy
// emulator, which tunnels those names to the emulators on loopback. Each offer is looked up on
// Product Ingestion first, then on the CPP API; each API gets a token of its own audience. Also as
// attacked (branch attack1718): a lookup that ignored its filter, a gateway's 404 to the lookup.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startConnectProxy, type ConnectProxy } from '../../emulator/connect-proxy.js'
import { startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { startIdentityEmulator, TEST_CA_FILE, type IdentityEmulator } from '../../emulator/identity-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { succeedingJob } from '../../emulator/pia-scenarios.js'
import { succeedingGoLive } from '../../emulator/scenarios.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'
import { errorLines, resultsOf } from '../helpers/fleet-results.js'

const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'
const SECRET = 'auto-client-secret-value'
const CPP_AUD = 'https://cloudpartner.azure.com'
const GRAPH_AUD = 'https://graph.microsoft.com'

let cpp: CppEmulator
let pia: PiaEmulator
let identity: IdentityEmulator
let proxy: ConnectProxy

const audienceOf = (token: string): unknown =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: unknown }).aud

async function start(): Promise<void> {
  cpp = await startCppEmulator({ tls: true })
  pia = await startPiaEmulator({ tls: true })
  // Each emulator accepts only tokens of its own audience, as each service does.
  identity = await startIdentityEmulator({
    apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET] }],
    onToken: (token) => {
      const aud = audienceOf(token)
      if (aud === CPP_AUD) cpp.acceptToken(token)
      if (aud === GRAPH_AUD) pia.acceptToken(token)
    }
  })
  proxy = await startConnectProxy({
    'cloudpartner.azure.com:443': Number(new URL(cpp.url).port),
    'graph.microsoft.com:443': Number(new URL(pia.url).port),
    'login.emulator.test:443': Number(new URL(identity.authorityHost).port)
  })
}
afterEach(async () => {
  await proxy?.close()
  await cpp?.close()
  await pia?.close()
  await identity?.close()
})

/** No `api`, no `base-url`: the defaults a new user has. */
function run(offers: string[], extra: Record<string, string> = {}): Promise<RunResult> {
  return runAction({
    inputs: {
      publisher: 'contoso',
      offer: offers.join('\n'),
      'client-id': CLIENT_ID,
      'tenant-id': TENANT_ID,
      'client-secret': SECRET,
      'authority-host': 'https://login.emulator.test',
      'poll-interval': '20ms',
      ...extra
    },
    env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
  })
}

const bearerAudiences = (requests: { headers: Record<string, string | string[] | undefined> }[]): unknown[] => [
  ...new Set(requests.map((r) => audienceOf(String(r.headers.authorization ?? '').replace(/^Bearer /, ''))))
]

describe('api: auto with a sign-in', () => {
  it('takes a Product Ingestion product and a CPP-only offer live in one step, each through its own API and origin', async () => {
    await start()
    pia.addProduct({ externalId: 'contoso-saas', progression: succeedingJob() })
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'waitingForPublisherReview', progression: succeedingGoLive() })

    const result = await run(['contoso-vm', 'contoso-saas'], { wait: 'true' })

    expect(errorLines(result)).toEqual([])
    expect(result.exitCode).toBe(0)
    const results = resultsOf(result, ['contoso-vm', 'contoso-saas'])
    expect(results.map((r) => [r.offer, r.api, r.status])).toEqual([
      ['contoso-vm', 'cloud-partner-portal', 'succeeded'],
      ['contoso-saas', 'product-ingestion', 'succeeded']
    ])
    expect(results[0]?.['operation-location']).toMatch(
      /^https:\/\/cloudpartner\.azure\.com\/api\/publishers\/contoso\/offers\/contoso-vm\/operations\//
    )
    expect(results[1]?.['operation-location']).toMatch(/^https:\/\/graph\.microsoft\.com\/rp\/product-ingestion\/configure\//)
    // Both default origins and the sign-in, through the proxy only (these names resolve nowhere here).
    expect([...new Set(proxy.tunnels)].sort()).toEqual(['cloudpartner.azure.com:443', 'graph.microsoft.com:443', 'login.emulator.test:443'])
    // Product Ingestion was asked about both offers first; the CPP API only about the one it did not know.
    const lookups = pia.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/product'))
    expect(lookups.map((r) => new URLSearchParams(r.query).get('externalId')).sort()).toEqual(['contoso-saas', 'contoso-vm'])
    expect(cpp.requests.some((r) => r.path.includes('contoso-saas'))).toBe(false)
    // One go-live each, at the API that knows it, with a token of that API's audience.
    expect(cpp.requestsTo('POST', '/golive').map((r) => r.path)).toEqual([expect.stringContaining('/offers/contoso-vm/golive')])
    expect(pia.requestsTo('POST', '/configure')).toHaveLength(1)
    expect(bearerAudiences(cpp.requests)).toEqual([CPP_AUD])
    expect(bearerAudiences(pia.requests)).toEqual([GRAPH_AUD])
    // The choice is in the log, per offer.
    expect(result.stdout).toMatch(
      /contoso-vm goes live through the CPP API \(api: cloud-partner-portal\): the Product Ingestion API does not know it\./
    )
    expect(result.stdout).toMatch(/contoso-saas goes live through the Product Ingestion API \(api: product-ingestion\)\./)
  })

  it('fails an offer that neither API knows before any go-live request, and takes the other live', async () => {
    await start()
    pia.addProduct({ externalId: 'contoso-saas', progression: succeedingJob() })

    const result = await run(['contoso-ghost', 'contoso-saas'])

    expect(result.exitCode).toBe(1)
    const results = resultsOf(result, ['contoso-ghost', 'contoso-saas'])
    expect(results[0]).toMatchObject({ api: '', status: 'not started', 'operation-location': '' })
    expect(results[0]?.error).toMatch(/^Neither API knows .*contoso-ghost/)
    expect(results[1]).toMatchObject({ api: 'product-ingestion', status: 'accepted' })
    expect(result.outputs.status).toBe('failed')
    expect(errorLines(result).join('\n')).toContain('Neither API knows')
    // The ghost was looked up on both (CPP: its offer status), and nothing was sent to take it live.
    expect(cpp.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /api/publishers/contoso/offers/contoso-ghost/status'
    ])
    expect(cpp.requestsTo('POST', '/golive')).toEqual([])
    expect(pia.requestsTo('POST', '/configure')).toHaveLength(1)
  })

  it('a gateway’s HTML 404 to the product lookup is no "Product Ingestion does not know it": nothing goes live through CPP', async () => {
    await start()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'waitingForPublisherReview', progression: succeedingGoLive() })
    // made-up: a gateway in front of Microsoft Graph answers the lookup with its own HTML 404 page
    // (pia-api.md: an unknown external id is a 200 with an empty `value`, never a 404). Found by the
    // attack on issue 18: it sent the offer to the CPP API.
    pia.injectFault({
      method: 'GET',
      path: 'product-ingestion/product',
      kind: 'status',
      status: 404,
      contentType: 'text/html',
      body: '<html><body><h1>404 Not Found</h1>nginx</body></html>',
      times: 1_000
    })

    const result = await run(['contoso-vm'])

    expect(cpp.requestsTo('POST', '/golive')).toHaveLength(0)
    expect(cpp.requests).toEqual([])
    const [only] = resultsOf(result, ['contoso-vm'])
    expect(only).toMatchObject({ api: '', status: 'not started' })
    expect(result.exitCode).toBe(1)
    expect(errorLines(result).join('\n')).toContain("Looking up the product 'contoso-vm'")
  })

  it("refuses 'base-url' before any request: with a sign-in, auto asks both APIs and it belongs to one", async () => {
    await start()
    const result = await run(['contoso-vm'], { 'base-url': 'https://cloudpartner.azure.com' })

    expect(result.exitCode).toBe(1)
    expect(errorLines(result).join('\n')).toMatch(/^::error::Input 'base-url'.*api/)
    expect(proxy.tunnels).toEqual([])
    expect(identity.requests).toEqual([])
  })
})

/** made-up: a lookup that ignored its filter (issue 17, item 2) and lists the account's one product without `identity`. */
function lookupIgnoringTheFilter(pia: PiaEmulator, guid: string): void {
  pia.injectFault({
    method: 'GET',
    path: 'product-ingestion/product',
    kind: 'status',
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ value: [{ id: `product/${guid}`, type: 'azureVirtualMachine' }] }),
    times: 1_000
  })
}

describe('api: auto never takes a product the user did not name live', () => {
  it('a CPP-only offer whose Product Ingestion lookup lists a lone product without identity is not taken live as that product', async () => {
    await start()
    // The account's only Product Ingestion product is another offer, fabrikam-saas.
    const otherGuid = pia.addProduct({ externalId: 'fabrikam-saas', progression: succeedingJob() })
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'waitingForPublisherReview', progression: succeedingGoLive() })
    lookupIgnoringTheFilter(pia, otherGuid)

    const result = await run(['contoso-vm'])

    // fabrikam-saas was never named: nothing goes live for it, and its submissions are never read.
    expect(pia.requestsTo('POST', '/configure')).toEqual([])
    expect(pia.requests.filter((r) => r.path.includes(otherGuid))).toEqual([])
    // contoso-vm goes live where it lives: the CPP API, once.
    const [only] = resultsOf(result, ['contoso-vm'])
    expect(only).toMatchObject({ api: 'cloud-partner-portal', status: 'accepted' })
    expect(cpp.requestsTo('POST', '/golive').map((r) => r.path)).toEqual([expect.stringContaining('/offers/contoso-vm/golive')])
    expect(result.stdout).toMatch(
      /contoso-vm goes live through the CPP API \(api: cloud-partner-portal\): the Product Ingestion API does not know it\./
    )
    expect(result.exitCode).toBe(0)
  })

  it('an offer neither API knows, whose Product Ingestion lookup lists a lone product without identity, fails before any go-live request', async () => {
    await start()
    const otherGuid = pia.addProduct({ externalId: 'fabrikam-saas', progression: succeedingJob() })
    lookupIgnoringTheFilter(pia, otherGuid)

    const result = await run(['contoso-ghost'])

    expect(result.exitCode).toBe(1)
    const [only] = resultsOf(result, ['contoso-ghost'])
    expect(only).toMatchObject({ api: '', status: 'not started', 'operation-location': '' })
    expect(errorLines(result).join('\n')).toContain('Neither API knows')
    expect(pia.requestsTo('POST', '/configure')).toEqual([])
    expect(cpp.requestsTo('POST', '/golive')).toEqual([])
  })
})
