// Which credentials the caller gave, checked before any request: a bearer token, an Entra ID app
// registration signing in with a client secret or with GitHub's OIDC token, or none of them: then the
// Azure CLI session an earlier azure/login step left (asked only when the first token is needed).
import * as core from '@actions/core'
import { DEFAULT_AUDIENCE, DEFAULT_AUTHORITY_HOST, Inputs } from '../constants.js'
import { InputError } from '../errors.js'
import { GUID } from '../http/ids.js'

export type AuthConfig =
  | { kind: 'token'; token: string }
  | { kind: 'client-secret'; clientId: string; tenantId: string; clientSecret: string; authorityHost: URL }
  | { kind: 'github-oidc'; clientId: string; tenantId: string; audience: string; authorityHost: URL }
  | { kind: 'azure-cli' }

/** One line of token characters (RFC 6750), as an Authorization header takes it. */
export const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/
const DOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i

/** What a step with no sign-in of its own can do instead, for the error when the Azure CLI has none either. */
export const THREE_WAYS =
  "Sign in one of three ways: pass 'token', a Microsoft Entra ID access token for the API's resource; pass 'client-id' and 'tenant-id' of an app registration (signing in through GitHub OIDC, which needs `permissions: id-token: write`, or with 'client-secret'); or run azure/login before this step and pass neither (the action then takes its tokens from that Azure CLI session)."

const TWO_WAYS =
  "pass either 'client-id' and 'tenant-id' to sign in with Microsoft Entra ID (through GitHub OIDC, which needs `permissions: id-token: write`, or with 'client-secret'), or 'token', a Microsoft Entra ID access token for https://cloudpartner.azure.com or https://graph.microsoft.com (its audience chooses the API)"

/** Masks a secret, and each of its lines on its own: the runner matches masks within one line. */
export function maskSecret(secret: string): void {
  core.setSecret(secret)
  for (const line of secret.split(/\r?\n/)) if (line.trim() && line !== secret) core.setSecret(line.trim())
}

export function readAuthConfig(): AuthConfig {
  // Masked before anything can fail and print.
  const token = core.getInput(Inputs.Token)
  const clientSecret = core.getInput(Inputs.ClientSecret)
  for (const secret of [token, clientSecret]) if (secret) maskSecret(secret)
  const clientId = core.getInput(Inputs.ClientId)
  const tenantId = core.getInput(Inputs.TenantId)

  if (token) {
    // It goes into an Authorization header: one line of token characters (RFC 6750), or a header
    // error would follow. The value is never quoted: it is a secret.
    if (!BEARER_TOKEN.test(token)) {
      throw new InputError(
        Inputs.Token,
        "must be a bearer token on one line (letters, digits and '-', '.', '_', '~', '+', '/', '=' only, as an Entra ID access token is); it has a line break, a space or another character a token cannot have (the value is not shown: it is a secret)"
      )
    }
    if (clientId || clientSecret) {
      throw new InputError(Inputs.Token, `cannot be combined with '${clientId ? Inputs.ClientId : Inputs.ClientSecret}': ${TWO_WAYS}.`)
    }
    return { kind: 'token', token }
  }
  if (!clientId) {
    if (tenantId || clientSecret) {
      throw new InputError(
        Inputs.ClientId,
        `is required with '${tenantId ? Inputs.TenantId : Inputs.ClientSecret}': the application (client) ID of the app registration.`
      )
    }
    // Neither: the Azure CLI session of an earlier azure/login step. Whether there is one is known
    // only when `az` runs, at the first token request (sign-in); reading the inputs sends nothing.
    return { kind: 'azure-cli' }
  }
  if (!GUID.test(clientId)) {
    throw new InputError(
      Inputs.ClientId,
      `must be the application (client) ID of the app registration, a GUID such as 00000000-0000-0000-0000-000000000000; got '${clientId}'`
    )
  }
  if (!tenantId)
    throw new InputError(Inputs.TenantId, `is required with '${Inputs.ClientId}': the directory (tenant) ID of the app registration.`)
  if (!GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
    throw new InputError(
      Inputs.TenantId,
      `must be the directory (tenant) ID, a GUID, or a domain such as contoso.onmicrosoft.com; got '${tenantId}'`
    )
  }
  const authorityHost = parseAuthorityHost(core.getInput(Inputs.AuthorityHost) || DEFAULT_AUTHORITY_HOST)
  if (clientSecret) return { kind: 'client-secret', clientId, tenantId, clientSecret, authorityHost }
  const audience = core.getInput(Inputs.Audience) || DEFAULT_AUDIENCE
  return { kind: 'github-oidc', clientId, tenantId, audience, authorityHost }
}

function parseAuthorityHost(value: string): URL {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || url.protocol !== 'https:' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
    throw new InputError(
      Inputs.AuthorityHost,
      `must be an https origin such as ${DEFAULT_AUTHORITY_HOST} (or https://login.microsoftonline.us, https://login.chinacloudapi.cn for sovereign clouds); got '${value}'`
    )
  }
  return new URL(url.origin)
}
