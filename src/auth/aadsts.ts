// Microsoft Entra ID sign-in errors in words: the AADSTS code, what it means, and what to fix.
import type { JwtClaims } from './jwt.js'

export interface SignInContext {
  clientId: string
  tenantId: string
  method: 'client-secret' | 'github-oidc'
  /** Claims of the last GitHub OIDC token sent, for federated credential mismatches. */
  assertionClaims?: JwtClaims
}

const MEANINGS: Record<string, (c: SignInContext) => string> = {
  '7000215': (c) =>
    `invalid client secret: 'client-secret' is not a valid secret of the app ${c.clientId} (copy the secret's Value, not its ID).`,
  '7000222': (c) => `the client secret has expired: create a new secret for the app ${c.clientId} and update 'client-secret'.`,
  '700016': (c) =>
    `application not found in the tenant: no app with client-id ${c.clientId} exists in tenant ${c.tenantId}. Check 'client-id' and 'tenant-id' (both on the app registration's Overview page).`,
  '90002': (c) =>
    `tenant not found: '${c.tenantId}' is not a Microsoft Entra tenant (check 'tenant-id', and 'authority-host' for sovereign clouds).`,
  '70021': (c) => {
    const claims = c.assertionClaims
    const seen = claims
      ? ` The GitHub token presented: subject (sub) '${String(claims.sub)}', issuer (iss) '${String(claims.iss)}', audience (aud) '${String(claims.aud)}'.`
      : ''
    return `no federated credential of the app ${c.clientId} matches the GitHub OIDC token.${seen} Add a federated credential with exactly this issuer, subject and audience (Certificates & secrets > Federated credentials).`
  },
  '700024': () => 'the GitHub OIDC token is outside its valid time range (check the runner clock).',
  '700213': () => 'no matching federated identity record found: the federated credential subject does not match this workflow.',
  '500011': () =>
    "the API's resource (https://cloudpartner.azure.com for the CPP API, https://graph.microsoft.com for the Product Ingestion API) has no service principal in this tenant: sign in to Partner Center with the tenant once, or check 'tenant-id' and 'api'.",
  '50059': () => "no tenant-identifying information: check 'tenant-id'."
}

function describe(error: unknown): { code?: string; text: string } {
  const e = error as { errorCode?: string; errorMessage?: string; subError?: string; message?: string }
  const text = (e?.errorMessage || e?.message || String(error)).split(/\r?\n/)[0]?.trim() ?? ''
  const code = /AADSTS(\d+)/.exec(`${e?.errorMessage ?? ''} ${e?.message ?? ''}`)?.[1]
  return code ? { code, text } : { text: e?.errorCode ? `${e.errorCode}: ${text}` : text }
}

/** One message for a failed sign-in: what failed, the AADSTS code and meaning, and the fix. */
export function explainSignInError(error: unknown, context: SignInContext): string {
  const { code, text } = describe(error)
  const how = context.method === 'github-oidc' ? 'with the GitHub OIDC token' : 'with the client secret'
  const head = `Signing in to Microsoft Entra ID ${how} (client-id ${context.clientId}, tenant-id ${context.tenantId}) failed`
  const meaning = code ? MEANINGS[code]?.(context) : undefined
  if (code && meaning) return `${head}: AADSTS${code}, ${meaning}`
  return `${head}: ${text}`
}
