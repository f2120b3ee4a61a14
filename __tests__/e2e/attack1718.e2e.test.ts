// Hostile tests of issues 17, 18 (item 1, 2, 7) and 19 through the committed bundle. Each test here
// failed against the bundle at e446982 when it was written (see the report of branch attack1718).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startConnectProxy, type ConnectProxy } from '../../emulator/connect-proxy.js'
import { startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { startIdentityEmulator, TEST_CA_FILE, type IdentityEmulator } from '../../emulator/identity-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { succeedingJob } from '../../emulator/pia-scenarios.js'
import { succeedingGoLive } from '../../emulator/scenarios.js'
import { startReplayServer } from '../../emulator/replay-server.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'
import * as learn from '../fixtures/learn-product-ingestion-api.js'
import { errorLines, resultsOf } from '../helpers/fleet-results.js'

const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'
const SECRET = 'attack1718-client-secret-value'
const CPP_AUD = 'https://cloudpartner.azure.com'
const GRAPH_AUD = 'https://graph.microsoft.com'

let cpp: CppEmulator | undefined
let pia: PiaEmulator | undefined
let identity: IdentityEmulator | undefined
let proxy: ConnectProxy | undefined
const issued: string[] = []

const audienceOf = (token: string): unknown =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: unknown }).aud

async function startBoth(): Promise<{ cpp: CppEmulator; pia: PiaEmulator; proxy: ConnectProxy }> {
  cpp = await startCppEmulator({ tls: true })
  pia = await startPiaEmulator({ tls: true })
  const [c, p] = [cpp, pia]
  identity = await startIdentityEmulator({
    apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET] }],
    onToken: (token) => {
      issued.push(token)
      const aud = audienceOf(token)
      if (aud === CPP_AUD) c.acceptToken(token)
      if (aud === GRAPH_AUD) p.acceptToken(token)
    }
  })
  proxy = await startConnectProxy({
    'cloudpartner.azure.com:443': Number(new URL(cpp.url).port),
    'graph.microsoft.com:443': Number(new URL(pia.url).port),
    'login.emulator.test:443': Number(new URL(identity.authorityHost).port)
  })
  return { cpp, pia, proxy }
}
afterEach(async () => {
  await proxy?.close()
  await cpp?.close()
  await pia?.close()
  await identity?.close()
  proxy = cpp = pia = identity = undefined
  issued.length = 0
})

/** api: auto (the default) with a client-secret sign-in, through the CONNECT proxy to both default origins. */
function runAuto(offers: string[], extra: Record<string, string> = {}, debug = false): Promise<RunResult> {
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
    debug,
    env: { HTTPS_PROXY: (proxy as ConnectProxy).url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
  })
}

describe('issue 18 item 1: api auto with a sign-in never takes another product live', () => {
  it('a CPP-only offer whose Product Ingestion lookup lists a lone product without identity is not taken live as that product', async () => {
    const { cpp, pia } = await startBoth()
    // The account's only Product Ingestion product is another offer, fabrikam-saas.
    const otherGuid = pia.addProduct({ externalId: 'fabrikam-saas', progression: succeedingJob() })
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'waitingForPublisherReview', progression: succeedingGoLive() })
    // made-up: a lookup that ignored the filter (issue 17, item 2) and lists the account's one
    // product without `identity`; with api: auto it is the answer to "does Product Ingestion know contoso-vm?".
    pia.injectFault({
      method: 'GET',
      path: 'product-ingestion/product',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ value: [{ id: `product/${otherGuid}`, type: 'azureVirtualMachine' }] }),
      times: 1_000
    })

    const result = await runAuto(['contoso-vm'])

    // fabrikam-saas was never named: nothing may go live for it.
    const configures = pia.requestsTo('POST', '/configure')
    expect(configures.map((r) => JSON.parse(r.body as string).resources[0].product)).toEqual([])
    const [only] = resultsOf(result, ['contoso-vm'])
    expect(only?.api).not.toBe('product-ingestion')
  })
})

describe('issue 18 item 1: an outage of Product Ingestion does not fall through to the CPP API', () => {
  it('a gateway\'s HTML 404 to the product lookup is no "Product Ingestion does not know it": nothing goes live through CPP', async () => {
    const { cpp, pia } = await startBoth()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'waitingForPublisherReview', progression: succeedingGoLive() })
    // made-up: a gateway in front of Microsoft Graph answers the lookup with its own HTML 404 page
    // (pia-api.md: an unknown external id is a 200 with an empty `value`, never a 404).
    pia.injectFault({
      method: 'GET',
      path: 'product-ingestion/product',
      kind: 'status',
      status: 404,
      contentType: 'text/html',
      body: '<html><body><h1>404 Not Found</h1>nginx</body></html>',
      times: 1_000
    })

    const result = await runAuto(['contoso-vm'])

    // Whether Product Ingestion knows the offer is unknown: the offer must not be taken live elsewhere.
    expect(cpp.requestsTo('POST', '/golive')).toHaveLength(0)
    const [only] = resultsOf(result, ['contoso-vm'])
    expect(only?.status).toBe('not started')
    expect(result.exitCode).toBe(1)
    // As a 503 to the lookup does: the offer fails naming the lookup that could not be read.
    expect(errorLines(result).join('\n')).toContain("Looking up the product 'contoso-vm'")
  })
})

describe('issue 17 item 1: an older preview never goes live', () => {
  it('the newest preview whose id names another product but whose product names this one: no configure request for the older preview', async () => {
    const replay = await startReplayServer()
    try {
      const GUID = '9f8af57f-ab07-461b-8404-50e10e5e80fb'
      const OTHER = '0d3b6c9e-1111-4222-8333-944455556666'
      const entry = (id: string, targetType: string, created: string) => ({
        $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
        id,
        product: `product/${GUID}`,
        target: { targetType },
        status: 'completed',
        result: 'succeeded',
        created
      })
      // made-up: the listing of this product names its newest preview with another product's GUID
      // in its id (its `product` says this one): the entry contradicts itself, so which submission
      // is the newest preview is unknown; the older preview must not go live in its place.
      const listing = {
        value: [
          entry(`submission/${GUID}/1152921515689847470`, 'live', '2022-01-25T07:13:06.4408032Z'),
          entry(`submission/${GUID}/1152921515689848683`, 'preview', '2022-02-04T20:07:22.4220588Z'),
          entry(`submission/${OTHER}/1152921515689849999`, 'preview', '2022-02-05T09:30:00.1234567Z')
        ]
      }
      replay.setRoutes([
        {
          method: 'GET',
          path: '/product',
          answers: [{ body: { value: [{ id: `product/${GUID}`, identity: { externalId: 'contoso-vm' } }] } }]
        },
        { method: 'GET', path: `/submission/${GUID}`, answers: [{ body: listing }] },
        { method: 'POST', path: '/configure', answers: [{ status: 202, body: learn.configureNotStartedJobID }] }
      ])
      const result = await runAction({
        inputs: {
          api: 'product-ingestion',
          offer: 'contoso-vm',
          token: 'replay-access-token',
          'base-url': replay.url,
          'poll-interval': '20ms'
        }
      })
      expect(replay.requestsTo('POST', '/configure').map((r) => JSON.parse(r.body).resources[0].id)).toEqual([])
      expect(result.exitCode).toBe(1)
    } finally {
      await replay.close()
    }
  })
})
