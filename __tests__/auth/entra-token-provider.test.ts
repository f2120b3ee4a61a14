// A fault of the action's own inside sign-in (a TypeError in the network module or the assertion
// callback) fails loudly: MSAL reports any such error as a bare network_error, and the action must
// not word it as a failed sign-in, nor keep an old token with a warning that skips it.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { entraTokenProvider } = await import('../../src/auth/entra-token-provider.js')
const { ActionError } = await import('../../src/errors.js')

const auth = {
  kind: 'client-secret' as const,
  clientId: '11111111-2222-3333-4444-555555555555',
  tenantId: '66666666-7777-8888-9999-000000000000',
  clientSecret: 'secret',
  authorityHost: new URL('https://login.microsoftonline.com/')
}
const target = { scope: 'https://cloudpartner.azure.com/.default', apiName: 'CPP API' }
const backoff = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }

/** Throws the TypeError a bug of the action's own would: reading a field of undefined. */
function bug(): never {
  const nothing = undefined as unknown as { headers: Record<string, string> }
  return nothing.headers as never
}

/** Entra ID as MSAL reads it (instance discovery, tenant metadata, the token endpoint), until `broken`. */
function entra() {
  const origin = auth.authorityHost.origin
  const json = (body: unknown): HttpResponse => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  const state = { broken: false, tokens: 0 }
  const transport: Transport = {
    request: async (method, url) => {
      if (state.broken) bug()
      if (url.pathname.endsWith('/discovery/instance')) {
        const host = url.host
        const tenant_discovery_endpoint = `${origin}/${auth.tenantId}/v2.0/.well-known/openid-configuration`
        return json({
          tenant_discovery_endpoint,
          'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
        })
      }
      if (url.pathname.endsWith('/openid-configuration')) {
        return json({
          token_endpoint: `${origin}/${auth.tenantId}/oauth2/v2.0/token`,
          authorization_endpoint: `${origin}/${auth.tenantId}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${origin}/${auth.tenantId}/oauth2/v2.0/logout`,
          jwks_uri: `${origin}/${auth.tenantId}/discovery/v2.0/keys`,
          issuer: `${origin}/${auth.tenantId}/v2.0`
        })
      }
      if (method === 'POST' && url.pathname.endsWith('/oauth2/v2.0/token')) {
        // Short-lived, so MSAL's cache never answers and a renewal is due within a second.
        return json({ token_type: 'Bearer', expires_in: 60, access_token: `token-${++state.tokens}` })
      }
      return { status: 404, headers: {}, body: '' }
    },
    dispose: () => undefined
  }
  return { transport, state }
}

describe('entraTokenProvider', () => {
  beforeEach(() => {
    core.reset()
    jest.useFakeTimers({ now: Date.parse('2026-11-20T10:00:00Z') })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('signs in through the network module (the stand-in for Entra ID works)', async () => {
    const tokens = await entraTokenProvider(auth, target, entra().transport, backoff)
    expect(await tokens.getToken()).toBe('token-1')
  })

  it('a TypeError in the network module is thrown as it is, not worded as a failed sign-in', async () => {
    const { transport, state } = entra()
    state.broken = true
    const tokens = await entraTokenProvider(auth, target, transport, backoff)
    const error = await tokens.getToken().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(error).not.toBeInstanceOf(ActionError)
  })

  it('a TypeError while renewing ahead of expiry fails loudly: no warning, no old token handed out', async () => {
    const { transport, state } = entra()
    const tokens = await entraTokenProvider(auth, target, transport, backoff)
    expect(await tokens.getToken()).toBe('token-1')
    jest.setSystemTime(Date.now() + 45_000) // past the renewal (halfway), before the expiry
    state.broken = true
    const error = await tokens.getToken().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(core.logged('warning')).toEqual([])
  })
})
