import { describe, expect, it } from '@jest/globals'
import { explainSignInError } from '../../src/auth/aadsts.js'
import { renewalTime } from '../../src/auth/entra-token-provider.js'
import { decodeJwtClaims, jwtExpiry } from '../../src/auth/jwt.js'
import { expiryWarning, staticTokenProvider } from '../../src/auth/static-token.js'

const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`
const context = { clientId: 'app', tenantId: 'tenant', method: 'github-oidc' as const }

describe('explainSignInError', () => {
  it('names the AADSTS code, its meaning and the fix', () => {
    const error = {
      errorCode: 'invalid_client',
      errorMessage: 'AADSTS7000222: The provided client secret keys are expired.\r\nTrace ID: x'
    }
    expect(explainSignInError(error, { ...context, method: 'client-secret' })).toBe(
      "Signing in to Microsoft Entra ID with the client secret (client-id app, tenant-id tenant) failed: AADSTS7000222, the client secret has expired: create a new secret for the app app and update 'client-secret'."
    )
  })

  it('prints the OIDC claims for a federated credential mismatch', () => {
    const message = explainSignInError(
      { errorMessage: 'AADSTS70021: No matching federated identity record found' },
      {
        ...context,
        assertionClaims: {
          sub: 'repo:o/r:pull_request',
          iss: 'https://token.actions.githubusercontent.com',
          aud: 'api://AzureADTokenExchange'
        }
      }
    )
    expect(message).toContain(
      "subject (sub) 'repo:o/r:pull_request', issuer (iss) 'https://token.actions.githubusercontent.com', audience (aud) 'api://AzureADTokenExchange'"
    )
  })

  it('falls back to the first line of an unknown error', () => {
    expect(explainSignInError({ errorCode: 'network_error', errorMessage: 'socket closed\nmore' }, context)).toBe(
      'Signing in to Microsoft Entra ID with the GitHub OIDC token (client-id app, tenant-id tenant) failed: network_error: socket closed'
    )
  })
})

describe('jwt', () => {
  it('reads claims and expiry without verifying, and ignores non-JWTs', () => {
    expect(decodeJwtClaims(jwt({ sub: 'x' }))).toEqual({ sub: 'x' })
    expect(jwtExpiry(jwt({ exp: 1_800_000_000 }))?.toISOString()).toBe('2027-01-15T08:00:00.000Z')
    expect(decodeJwtClaims('opaque-token')).toBeUndefined()
    expect(decodeJwtClaims('a.!!!.c')).toBeUndefined()
    expect(jwtExpiry(jwt({ exp: 'soon' }))).toBeUndefined()
  })
})

describe('static tokens', () => {
  const now = Date.parse('2026-11-21T10:00:00Z')
  it('warns only when the token expires before the wait can end', () => {
    const token = jwt({ exp: now / 1_000 + 3_600 })
    expect(expiryWarning(token, 2 * 3_600_000, now)).toMatch(
      /^The 'token' input expires in 1h \(at 2026-11-21T11:00:00.000Z\), before the wait can end \(timeout 2h\)/
    )
    expect(expiryWarning(token, 30 * 60_000, now)).toBeUndefined()
    expect(expiryWarning('opaque', 3_600_000, now)).toBeUndefined()
    expect(expiryWarning(jwt({ exp: now / 1_000 - 60 }), 60_000, now)).toMatch(/has already expired/)
  })

  it('says the token expired when a 401 comes after its expiry, or names the API resource it must be for', () => {
    expect(staticTokenProvider(jwt({ exp: 1 }), 'https://cloudpartner.azure.com').rejectionHint()).toMatch(
      /^The 'token' input expired at 1970-01-01T00:00:01.000Z\. Sign in with 'client-id'/
    )
    // The resource it names is the one handed in (the chosen API's), never a default.
    expect(staticTokenProvider('opaque', 'https://graph.microsoft.com').rejectionHint()).toMatch(
      /rejected: it is malformed, for another resource, or expired \(Entra ID access tokens for https:\/\/graph\.microsoft\.com live/
    )
  })
})

describe('renewalTime', () => {
  const now = 1_000_000
  it('renews five minutes early, or halfway through a short life', () => {
    expect(renewalTime(new Date(now + 3_600_000), now)).toBe(now + 3_300_000)
    expect(renewalTime(new Date(now + 120_000), now)).toBe(now + 60_000)
    expect(renewalTime(null, now)).toBe(now)
  })
})
