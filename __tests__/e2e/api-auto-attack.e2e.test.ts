// `api: auto` with a sign-in, attacked (issue 18 item 1): a Product Ingestion lookup that ignored
// its filter and lists the account's one product without `identity` does not mean Product Ingestion
// knows the offer, so no product the user never named goes live. The bundle reaches both default
// origins through the project's CONNECT proxy emulator, as in api-auto.e2e.test.ts. First found by
// branch attack1718 (failing at e446982).
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
const SECRET = 'auto-attack-client-secret-value'
const CPP_AUD = 'https://cloudpartner.azure.com'
const GRAPH_AUD = 'https://graph.microsoft.com'

let cpp: CppEmulator | undefined
let pia: PiaEmulator | undefined
let identity: IdentityEmulator | undefined
let proxy: ConnectProxy | undefined

const audienceOf = (token: string): unknown =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: unknown }).aud

async function startBoth(): Promise<{ cpp: CppEmulator; pia: PiaEmulator }> {
  const [c, p] = [await startCppEmulator({ tls: true }), await startPiaEmulator({ tls: true })]
  cpp = c
  pia = p
  // Each emulator accepts only tokens of its own audience, as each service does.
  identity = await startIdentityEmulator({
    apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET] }],
    onToken: (token) => {
      const aud = audienceOf(token)
      if (aud === CPP_AUD) c.acceptToken(token)
      if (aud === GRAPH_AUD) p.acceptToken(token)
    }
  })
  proxy = await startConnectProxy({
    'cloudpartner.azure.com:443': Number(new URL(c.url).port),
    'graph.microsoft.com:443': Number(new URL(p.url).port),
    'login.emulator.test:443': Number(new URL(identity.authorityHost).port)
  })
  return { cpp: c, pia: p }
}
afterEach(async () => {
  await proxy?.close()
  await cpp?.close()
  await pia?.close()
  await identity?.close()
  proxy = cpp = pia = identity = undefined
})

/** api: auto (the default) with a client-secret sign-in, no base-url: the defaults a new user has. */
function runAuto(offers: string[]): Promise<RunResult> {
  return runAction({
    inputs: {
      publisher: 'contoso',
      offer: offers.join('\n'),
      'client-id': CLIENT_ID,
      'tenant-id': TENANT_ID,
      'client-secret': SECRET,
      'authority-host': 'https://login.emulator.test',
      'poll-interval': '20ms'
    },
    env: { HTTPS_PROXY: (proxy as ConnectProxy).url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
  })
}

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
    const { cpp, pia } = await startBoth()
    // The account's only Product Ingestion product is another offer, fabrikam-saas.
    const otherGuid = pia.addProduct({ externalId: 'fabrikam-saas', progression: succeedingJob() })
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', offerStatus: 'waitingForPublisherReview', progression: succeedingGoLive() })
    lookupIgnoringTheFilter(pia, otherGuid)

    const result = await runAuto(['contoso-vm'])

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
    const { cpp, pia } = await startBoth()
    const otherGuid = pia.addProduct({ externalId: 'fabrikam-saas', progression: succeedingJob() })
    lookupIgnoringTheFilter(pia, otherGuid)

    const result = await runAuto(['contoso-ghost'])

    expect(result.exitCode).toBe(1)
    const [only] = resultsOf(result, ['contoso-ghost'])
    expect(only).toMatchObject({ api: '', status: 'not started', 'operation-location': '' })
    expect(errorLines(result).join('\n')).toContain('Neither API knows')
    expect(pia.requestsTo('POST', '/configure')).toEqual([])
    expect(cpp.requestsTo('POST', '/golive')).toEqual([])
  })
})
