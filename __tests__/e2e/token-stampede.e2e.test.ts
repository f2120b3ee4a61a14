// Issue 19, item 1 (sign-in stampede), through the bundle: a token revoked while a fleet's requests
// are in flight, the service's 401s coming back spread over 300 ms (the emulators hold each refusal
// back by its share of the spread, emulator/revocation.ts). Before the fix, renewals merged only
// while one was in flight, so every 401 that came after a renewal had finished started another: 31
// refusals of one token caused 10 token requests (8 refusals in a wait, 6), and with GitHub OIDC
// each renewal fetched a GitHub ID token too. Rule: one renewal per rejected token; a 401 for a
// token already replaced is sent again with the new one. So: the sign-in and one renewal, two token
// requests, however many requests the token failed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { GITHUB_ISSUER, startIdentityEmulator, type IdentityEmulator } from '../../emulator/identity-emulator.js'
import { cppFleet, piaFleet, type FleetApi } from '../helpers/fleet-apis.js'
import { resultsOf, waitUntil } from '../helpers/fleet-results.js'
import { logAsWritten, runAction, startAction } from '../../scripts/run-action.js'

/** The spread of the refusals, as in the issue. */
const SPREAD_MS = 300
const OFFERS = Array.from({ length: 32 }, (_, i) => `vm-${String(i + 1).padStart(2, '0')}`)

describe.each([
  ['Cloud Partner Portal', cppFleet],
  ['Product Ingestion', piaFleet]
])('%s, signed in with a client secret', (_name, start) => {
  let api: FleetApi
  beforeAll(async () => {
    api = await start()
  })
  afterAll(() => api.close())
  beforeEach(() => api.reset())

  it('32 offers, the token revoked with their requests in flight, 401s spread over 300 ms: one renewal (2 token requests)', async () => {
    for (const offer of OFFERS) await api.add(offer, 'succeeds')
    // Each offer's first request (a listing or lookup) is served; from the 33rd on, every request
    // bearing the token is refused: all 32 offers have one on its way within a few ms.
    api.revokeNextToken({ afterRequests: OFFERS.length, holdRefusalsMs: SPREAD_MS })
    const result = await runAction({ inputs: api.inputs(OFFERS.join('\n'), { 'max-parallel': '32' }), env: api.env })

    const [first, ...others] = api.identity.issued.map((i) => i.token)
    // The scenario happened: the first token failed many requests, whose 401s came over the spread.
    expect(api.refusalsOf(first as string)).toBeGreaterThanOrEqual(16)
    expect(api.tokenRequests()).toBe(2)
    expect(others).toHaveLength(1)
    expect(result.exitCode).toBe(0)
    expect(resultsOf(result, OFFERS).map((r) => r.status)).toEqual(OFFERS.map(() => 'accepted'))
    // Every request refused was sent again with the renewed token, and no go-live twice.
    for (const offer of OFFERS) expect(api.posts(offer)).toHaveLength(1)
    expect(logAsWritten(result).match(/Renewed the access token/g)?.length ?? 0).toBeLessThanOrEqual(1)
  }, 30_000)

  it('in a wait: 8 offers reading, the token revoked, 401s spread over 300 ms: one renewal (2 token requests)', async () => {
    const offers = OFFERS.slice(0, 8)
    for (const offer of offers) await api.add(offer, 'slow')
    // `slow`: seven reads find it running, the eighth succeeded. At 40 ms, the 8 offers read every 5 ms.
    const running = startAction({ inputs: api.inputs(offers.join('\n'), { wait: 'true', 'poll-interval': '40ms' }), env: api.env })
    await waitUntil(running, () => api.reads().length >= 12, 'the offers reading')
    const token = api.identity.issued[0]?.token as string
    api.revokeToken(token, { holdRefusalsMs: SPREAD_MS })
    const result = await running.result

    expect(api.refusalsOf(token)).toBeGreaterThanOrEqual(4)
    expect(api.tokenRequests()).toBe(2)
    expect(result.exitCode).toBe(0)
    expect(resultsOf(result, offers).map((r) => r.status)).toEqual(offers.map(() => 'succeeded'))
  }, 30_000)
})

describe('Cloud Partner Portal, signed in with GitHub OIDC', () => {
  const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
  const TENANT_ID = '99999999-8888-7777-6666-555555555555'
  const AUDIENCE = 'api://AzureADTokenExchange'
  const SUBJECT = 'repo:contoso/offers:environment:production'
  let cpp: CppEmulator
  let identity: IdentityEmulator
  afterEach(async () => {
    await cpp?.close()
    await identity?.close()
  })

  it('32 offers, the token revoked with their requests in flight: one renewal, one GitHub ID token for it', async () => {
    cpp = await startCppEmulator()
    let first = true
    identity = await startIdentityEmulator({
      apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, federated: [{ issuer: GITHUB_ISSUER, subject: SUBJECT, audience: AUDIENCE }] }],
      githubSubject: SUBJECT,
      onToken: (token) => {
        cpp.acceptToken(token)
        if (first) cpp.revokeToken(token, { afterRequests: OFFERS.length, holdRefusalsMs: SPREAD_MS })
        first = false
      }
    })
    for (const offer of OFFERS) cpp.addOffer({ publisher: 'contoso', offer, offerStatus: 'waitingForPublisherReview' })
    const result = await runAction({
      inputs: {
        // Named: base-url belongs to one API (with 'api: auto' and a sign-in it is refused).
        api: 'cloud-partner-portal',
        publisher: 'contoso',
        offer: OFFERS.join('\n'),
        'client-id': CLIENT_ID,
        'tenant-id': TENANT_ID,
        'authority-host': identity.authorityHost,
        'base-url': cpp.url,
        'max-parallel': '32'
      },
      env: identity.githubOidcEnv
    })

    expect(cpp.refusalsOf(identity.issued[0]?.token as string)).toBeGreaterThanOrEqual(16)
    const tokenRequests = identity.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token'))
    expect(tokenRequests.length).toBe(2)
    // Each exchange presented a GitHub ID token of its own: two in all, each used once.
    expect(identity.githubTokens.length).toBe(2)
    expect(tokenRequests.map((r) => new URLSearchParams(r.body).get('client_assertion'))).toEqual(identity.githubTokens)
    expect(result.exitCode).toBe(0)
    expect(resultsOf(result, OFFERS).map((r) => r.status)).toEqual(OFFERS.map(() => 'accepted'))
    for (const offer of OFFERS) expect(cpp.requestsTo('POST', `/offers/${offer}/golive`)).toHaveLength(1)
  }, 30_000)
})
