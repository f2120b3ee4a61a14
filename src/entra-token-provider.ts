// Access tokens from Microsoft Entra ID for an app registration, through MSAL: acquired when
// needed, served from MSAL's cache until shortly before they expire, renewed on demand after a 401.
import * as core from '@actions/core'
import type { AuthConfig } from './auth-config.js'
import { explainSignInError, type SignInContext } from './aadsts.js'
import { CPP_SCOPE } from './constants.js'
import { ActionError } from './errors.js'
import { gitHubIdToken } from './github-oidc.js'
import { decodeJwtClaims } from './jwt.js'
import { msalNetworkModule } from './msal-network.js'
import type { BackoffSettings } from './retry.js'
import type { TokenProvider } from './token-provider.js'
import type { Transport } from './transport.js'

type EntraAuth = Exclude<AuthConfig, { kind: 'token' }>

/** Renew five minutes before expiry (MSAL's own margin), or halfway for short-lived tokens. */
export function renewalTime(expiresOn: Date | null | undefined, now = Date.now()): number {
  if (!expiresOn) return now
  const lifetime = expiresOn.getTime() - now
  return now + Math.max(0, lifetime > 600_000 ? lifetime - 300_000 : lifetime / 2)
}

export async function entraTokenProvider(
  auth: EntraAuth,
  transport: Transport,
  backoff: BackoffSettings,
  signal?: AbortSignal
): Promise<TokenProvider> {
  // Loaded only here: a run with a plain token never pays MSAL's start-up cost.
  const { ConfidentialClientApplication, LogLevel } = await import('@azure/msal-node')
  const context: SignInContext = { clientId: auth.clientId, tenantId: auth.tenantId, method: auth.kind }
  const credential =
    auth.kind === 'client-secret'
      ? { clientSecret: auth.clientSecret }
      : {
          // A callback, not a string: every exchange gets a fresh GitHub token (they live minutes).
          clientAssertion: async (): Promise<string> => {
            const assertion = await gitHubIdToken(auth.audience)
            const claims = decodeJwtClaims(assertion)
            if (claims) context.assertionClaims = claims
            return assertion
          }
        }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: auth.clientId,
      authority: new URL(auth.tenantId, auth.authorityHost).href,
      knownAuthorities: [auth.authorityHost.host],
      ...credential
    },
    system: {
      networkClient: msalNetworkModule(transport, backoff, signal),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (_level, message) => core.debug(`MSAL: ${message}`)
      }
    }
  })

  const via = auth.kind === 'github-oidc' ? 'GitHub OIDC' : 'a client secret'
  let issued = 0
  let current: { token: string; renewAt: number } | undefined
  async function acquire(skipCache: boolean): Promise<string> {
    // Held here rather than asked of MSAL each time: MSAL evaluates the client assertion (a GitHub
    // OIDC request) even when its cache answers, and a wait makes a request every poll.
    if (!skipCache && current && Date.now() < current.renewAt) return current.token
    let token: string | undefined
    let expiresOn: Date | null | undefined
    try {
      const result = await app.acquireTokenByClientCredential({ scopes: [CPP_SCOPE], skipCache })
      token = result?.accessToken
      expiresOn = result?.expiresOn
    } catch (error) {
      if (signal?.aborted) throw signal.reason // cancelled, whatever MSAL wrapped it in
      if (error instanceof ActionError) throw error
      throw new ActionError(explainSignInError(error, context))
    }
    if (!token) throw new ActionError(`Signing in to Microsoft Entra ID with ${via} gave no access token.`)
    const isNew = token !== current?.token
    current = { token, renewAt: renewalTime(expiresOn) }
    if (isNew) {
      core.setSecret(token)
      issued++
      const until = expiresOn ? `, valid until ${expiresOn.toISOString()}` : ''
      if (issued === 1) core.info(`Signed in to Microsoft Entra ID as app ${auth.clientId} with ${via}${until}.`)
      else core.info(`Renewed the access token${until}.`)
    }
    return token
  }

  return {
    renewable: true,
    getToken: () => acquire(false),
    renew: () => acquire(true),
    rejectionHint: () =>
      `The CPP API rejected the access token Microsoft Entra ID issued to app ${auth.clientId}: check that tenant-id ${auth.tenantId} is the tenant of the Partner Center account, and that the app's service principal was added to that account.`
  }
}
