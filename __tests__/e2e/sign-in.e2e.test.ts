// Sign-in with Microsoft Entra ID, end to end: the bundle, the CPP emulator and the identity
// emulator (Entra token endpoint + GitHub OIDC), over https on loopback.
import { afterEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { startConnectProxy } from '../../emulator/connect-proxy.js'
import { GITHUB_ISSUER, fakeJwt, startIdentityEmulator, type IdentityEmulator } from '../../emulator/identity-emulator.js'
import { endlessGoLive, succeedingGoLive } from '../../emulator/scenarios.js'
import { runAction, startAction, type RunResult } from '../../scripts/run-action.js'

const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'
const SECRET = 'entra-client-secret-value'
const AUDIENCE = 'api://AzureADTokenExchange'
const SUBJECT = 'repo:contoso/offers:environment:production'

let cpp: CppEmulator
let identity: IdentityEmulator

async function start(options: { tokenUses?: number; githubSubject?: string; tls?: boolean; expiresIn?: number } = {}) {
  cpp = await startCppEmulator({ ...(options.tokenUses !== undefined ? { tokenUses: options.tokenUses } : {}), tls: options.tls ?? false })
  identity = await startIdentityEmulator({
    apps: [
      {
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        secrets: [SECRET],
        federated: [{ issuer: GITHUB_ISSUER, subject: SUBJECT, audience: AUDIENCE }]
      }
    ],
    onToken: (token) => cpp.acceptToken(token),
    githubSubject: options.githubSubject ?? SUBJECT,
    ...(options.expiresIn !== undefined ? { expiresIn: options.expiresIn } : {})
  })
}
afterEach(async () => {
  await cpp?.close()
  await identity?.close()
})

const inputs = (extra: Record<string, string> = {}) => ({
  // Named: base-url belongs to one API (with 'api: auto' and a sign-in it is refused).
  api: 'cloud-partner-portal',
  publisher: 'contoso',
  offer: 'contoso-vm',
  'client-id': CLIENT_ID,
  'tenant-id': TENANT_ID,
  'authority-host': identity.authorityHost,
  'base-url': cpp.url,
  'poll-interval': '20ms',
  ...extra
})
const bearers = () => [...new Set(cpp.requests.map((r) => r.headers.authorization))]
const tokenRequests = () => identity.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).map((r) => new URLSearchParams(r.body))

/** No secret may appear in the log but in the ::add-mask:: command that hides it. */
function expectMasked(result: RunResult, secrets: string[]): void {
  const lines = (result.stdout + result.stderr).split('\n')
  for (const secret of secrets) {
    expect(lines.some((l) => l === `::add-mask::${secret}`)).toBe(true)
    expect(lines.filter((l) => l.includes(secret) && l !== `::add-mask::${secret}`)).toEqual([])
  }
}

describe('client secret', () => {
  it('signs in, sends the Entra token to the CPP API, and masks the secret and every token', async () => {
    await start()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({
      inputs: inputs({ 'client-secret': SECRET, wait: 'true' }),
      env: { NODE_EXTRA_CA_CERTS: identity.githubOidcEnv.NODE_EXTRA_CA_CERTS as string },
      debug: true
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    const [request] = tokenRequests()
    expect(request?.get('client_secret')).toBe(SECRET)
    expect(request?.get('scope')).toBe('https://cloudpartner.azure.com/.default')
    expect(identity.issued).toHaveLength(1)
    expect(bearers()).toEqual([`Bearer ${identity.issued[0]?.token}`])
    expect(result.stdout).toContain(`Signed in to Microsoft Entra ID as app ${CLIENT_ID} with a client secret`)
    expectMasked(result, [SECRET, identity.issued[0]?.token as string])
  })

  it('explains a wrong secret with its AADSTS code and sends nothing to the CPP API', async () => {
    await start()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({
      inputs: inputs({ 'client-secret': 'not-the-secret' }),
      env: { NODE_EXTRA_CA_CERTS: identity.githubOidcEnv.NODE_EXTRA_CA_CERTS as string }
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      `::error::Signing in to Microsoft Entra ID with the client secret (client-id ${CLIENT_ID}, tenant-id ${TENANT_ID}) failed: AADSTS7000215, invalid client secret`
    )
    expect(cpp.requests).toHaveLength(0)
    expectMasked(result, ['not-the-secret'])
  })

  it('explains an app that is not in the tenant', async () => {
    await start()
    const result = await runAction({
      inputs: inputs({ 'client-secret': SECRET, 'client-id': '00000000-0000-0000-0000-000000000001' }),
      env: { NODE_EXTRA_CA_CERTS: identity.githubOidcEnv.NODE_EXTRA_CA_CERTS as string }
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      'AADSTS700016, application not found in the tenant: no app with client-id 00000000-0000-0000-0000-000000000001'
    )
  })
})

describe('GitHub OIDC', () => {
  it('exchanges a GitHub token for an Entra token and uses it on the CPP API', async () => {
    await start()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({ inputs: inputs(), env: identity.githubOidcEnv, debug: true })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('accepted')
    const [request] = tokenRequests()
    expect(request?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(request?.get('client_assertion')).toBe(identity.githubTokens[0])
    expect(request?.has('client_secret')).toBe(false)
    expect(JSON.parse(Buffer.from((identity.githubTokens[0] as string).split('.')[1] as string, 'base64url').toString()).aud).toBe(AUDIENCE)
    expect(bearers()).toEqual([`Bearer ${identity.issued[0]?.token}`])
    expect(cpp.requestsTo('POST', '/golive')).toHaveLength(1)
    // MSAL's requests go through the action's own HTTP client (its proxy handling included).
    const entraRequests = identity.requests.filter((r) => r.path !== '/github/idtoken')
    expect(entraRequests.length).toBeGreaterThanOrEqual(2)
    expect(entraRequests.map((r) => r.userAgent)).toEqual(entraRequests.map(() => 'azure-marketplace-go-live/1'))
    expectMasked(result, [identity.githubTokens[0] as string, identity.issued[0]?.token as string])
  })

  it('renews the token when the CPP API rejects it mid-wait, with a fresh GitHub token for the new exchange', async () => {
    await start({ tokenUses: 4 })
    cpp.addOffer({
      publisher: 'contoso',
      offer: 'contoso-vm',
      progression: [...endlessGoLive(), ...endlessGoLive(), ...endlessGoLive(), ...endlessGoLive(), ...succeedingGoLive()]
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }), env: identity.githubOidcEnv })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(identity.issued.length).toBeGreaterThanOrEqual(2)
    expect(identity.githubTokens).toHaveLength(identity.issued.length)
    expect(new Set(identity.issued.map((i) => i.assertion)).size).toBe(identity.issued.length)
    expect(bearers()).toEqual(identity.issued.map((i) => `Bearer ${i.token}`))
    expect(result.stdout).toContain('the service rejected the access token (HTTP 401); retrying once with a fresh token.')
    expect(result.stdout).toContain('Renewed the access token')
  })

  it('without `id-token: write` says exactly what to add, before any request', async () => {
    await start()
    const { NODE_EXTRA_CA_CERTS } = identity.githubOidcEnv
    const result = await runAction({ inputs: inputs(), env: { NODE_EXTRA_CA_CERTS: NODE_EXTRA_CA_CERTS as string } })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::GitHub gave this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)')
    expect(result.stdout).toContain('%0A  permissions:%0A    id-token: write%0A')
    expect(cpp.requests).toHaveLength(0)
    expect(tokenRequests()).toHaveLength(0)
  })

  it('prints the subject, issuer and audience when no federated credential matches', async () => {
    await start({ githubSubject: 'repo:contoso/offers:ref:refs/heads/feature' })
    const result = await runAction({ inputs: inputs(), env: identity.githubOidcEnv })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      `AADSTS70021, no federated credential of the app ${CLIENT_ID} matches the GitHub OIDC token. The GitHub token presented: subject (sub) 'repo:contoso/offers:ref:refs/heads/feature', issuer (iss) '${GITHUB_ISSUER}', audience (aud) '${AUDIENCE}'.`
    )
    expect(cpp.requests).toHaveLength(0)
  })

  it('a 403 from the CPP API points at the publisher account', async () => {
    await start()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', allowedTokens: ['someone-else'] })
    const result = await runAction({ inputs: inputs(), env: identity.githubOidcEnv })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/HTTP 403 Forbidden .*add its service principal \(the app registration\) to the Partner Center account/)
  })
})

describe('credential rules', () => {
  it('refuses token together with client-id before any request', async () => {
    await start()
    const result = await runAction({ inputs: inputs({ token: DEFAULT_TOKEN }), env: identity.githubOidcEnv })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Input 'token' cannot be combined with 'client-id'")
    expect(cpp.requests).toHaveLength(0)
    expect(identity.requests).toHaveLength(0)
  })

  it('warns at the start when a static token expires before the wait can end, and a 401 mid-wait says so', async () => {
    // The token is good for the submissions, the offer status, the POST and one operation read.
    await start({ tokenUses: 4 })
    const token = fakeJwt({ aud: 'https://cloudpartner.azure.com', exp: Math.floor(Date.now() / 1_000) + 1_800 })
    cpp.acceptToken(token)
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: endlessGoLive() })
    const result = await runAction({
      inputs: { publisher: 'contoso', offer: 'contoso-vm', token, 'base-url': cpp.url, wait: 'true', 'poll-interval': '20ms' }
    })
    expect(result.stdout).toMatch(
      /::warning::The 'token' input expires in (29m \d+s|30m) \(at .*\), before the wait can end \(timeout 5h\)/
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('Reading the operation status failed: HTTP 401 Unauthorized.')
    expect(result.stdout).toContain(`run this action with operation-location: ${result.outputs['operation-location']}`)
    expect(result.outputs.status).toBe('running')
  })
})

describe('behind a proxy', () => {
  it('sends sign-in, the GitHub OIDC request and every CPP request through HTTPS_PROXY', async () => {
    await start({ tls: true })
    const proxy = await startConnectProxy({
      'cpp.emulator.test:443': Number(new URL(cpp.url).port),
      'login.emulator.test:443': Number(new URL(identity.authorityHost).port)
    })
    try {
      cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
      // These names resolve nowhere: a request that bypassed the proxy would fail the run.
      const result = await runAction({
        inputs: inputs({ 'base-url': 'https://cpp.emulator.test', 'authority-host': 'https://login.emulator.test', wait: 'true' }),
        env: {
          ...identity.githubOidcEnv,
          ACTIONS_ID_TOKEN_REQUEST_URL: 'https://login.emulator.test/github/idtoken?api-version=2.0',
          HTTPS_PROXY: proxy.url
        }
      })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.outputs['operation-location']).toMatch(
        /^https:\/\/cpp\.emulator\.test\/api\/publishers\/contoso\/offers\/contoso-vm\/operations\//
      )
      expect([...new Set(proxy.tunnels)].sort()).toEqual(['cpp.emulator.test:443', 'login.emulator.test:443'])
      expect(identity.githubTokens).toHaveLength(1)
      expect(bearers()).toEqual([`Bearer ${identity.issued[0]?.token}`])
    } finally {
      await proxy.close()
    }
  })
})

describe('sign-in faults are transient', () => {
  it('an Entra outage mid-wait keeps the still-valid token, then costs polls, not the wait', async () => {
    await start({ expiresIn: 1 })
    // From the first token on, the token endpoint answers 503 for 1.8 s: renewal (due at 0.5 s)
    // fails while the token is valid (until 1 s), then sign-in fails outright until the outage ends.
    let outageUntil = 0
    identity.injectFault({
      path: '/oauth2/v2.0/token',
      kind: 'status',
      status: 503,
      active: () => identity.issued.length > 0 && Date.now() < (outageUntil ||= Date.now() + 1_800)
    })
    const running = Array.from({ length: 100 }, () => endlessGoLive()).flat()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: [...running, ...succeedingGoLive()] })
    const { NODE_EXTRA_CA_CERTS } = identity.githubOidcEnv
    const result = await runAction({ inputs: inputs({ wait: 'true', 'client-secret': SECRET }), env: { NODE_EXTRA_CA_CERTS } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toMatch(
      /::warning::Renewing the access token failed \(.*\); the current one is valid until .*, so it is used and renewal is tried again later\./
    )
    expect(result.stdout).toMatch(
      /::warning::Poll \d+ missed: Signing in to Microsoft Entra ID with a client secret failed: 127\.0\.0\.1:\d+ answered HTTP 503 \(temporarily_unavailable: The service is down\.\)\. Trying again/
    )
    // Said once, not at every poll of the outage.
    expect(result.stdout.match(/::warning::Renewing the access token failed/g)).toHaveLength(1)
    expect(result.stdout).toContain('Renewed the access token')
    expect(identity.issued.length).toBeGreaterThanOrEqual(2)
  })

  it('a hanging GitHub OIDC endpoint is given up at request-timeout, with its retries', async () => {
    await start()
    identity.injectFault({ path: '/github/idtoken', kind: 'hang' })
    const result = await runAction({ inputs: inputs({ 'request-timeout': '200ms' }), env: identity.githubOidcEnv })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error::Getting a GitHub OIDC token for the audience 'api:\/\/AzureADTokenExchange' failed: no response from 127\.0\.0\.1:\d+ within 200ms: nothing was sent\./
    )
    // Five attempts each time MSAL asks for an assertion; never the three minutes of a request without deadline.
    expect(identity.requests.filter((r) => r.path === '/github/idtoken').length % 5).toBe(0)
    expect(result.durationMs).toBeLessThan(60_000)
    expect(cpp.requests).toHaveLength(0)
  })

  it('SIGTERM while the GitHub OIDC request hangs stops at once: nothing was started', async () => {
    await start()
    identity.injectFault({ path: '/github/idtoken', kind: 'hang' })
    const action = startAction({ inputs: inputs({ 'request-timeout': '10m' }), env: identity.githubOidcEnv })
    while (!identity.requests.some((r) => r.path === '/github/idtoken')) await new Promise((resolve) => setTimeout(resolve, 5))
    action.child.kill('SIGTERM')
    const result = await action.result
    expect(result.signal).toBeNull()
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::Received SIGTERM: the workflow is being cancelled while signing in: nothing was sent.')
    expect(cpp.requests).toHaveLength(0)
  })
})
