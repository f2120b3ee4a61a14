// Access tokens from Microsoft Entra ID for an app registration, through MSAL: acquired when
// needed, served from MSAL's cache until shortly before they expire, renewed on demand after a 401.
import * as core from '@actions/core'
import type { AuthConfig } from './auth-config.js'
import { explainSignInError, type SignInContext } from './aadsts.js'
import { ActionError } from '../errors.js'
import { gitHubIdToken, SignInUnavailableError } from './github-oidc.js'
import { decodeJwtClaims } from './jwt.js'
import { msalNetworkModule } from './msal-network.js'
import type { BackoffSettings } from '../http/retry.js'
import type { TokenProvider } from './token-provider.js'
import type { Transport } from '../http/transport.js'
import { log } from '../report/log.js'

type EntraAuth = Extract<AuthConfig, { kind: 'client-secret' | 'github-oidc' }>

/** Renew five minutes before expiry (MSAL's own margin), or halfway for short-lived tokens. */
export function renewalTime(expiresOn: Date | null | undefined, now = Date.now()): number {
  if (!expiresOn) return now
  const lifetime = expiresOn.getTime() - now
  return now + Math.max(0, lifetime > 600_000 ? lifetime - 300_000 : lifetime / 2)
}

/** The API the tokens are for: its Entra ID scope, and its name for messages. */
export interface TokenTarget {
  scope: string
  apiName: string
}

export async function entraTokenProvider(
  auth: EntraAuth,
  target: TokenTarget,
  transport: Transport,
  backoff: BackoffSettings,
  signal?: AbortSignal
): Promise<TokenProvider> {
  const network = msalNetworkModule(transport, backoff, signal)
  // Loaded only here: a run with a plain token never pays MSAL's start-up cost.
  const { ConfidentialClientApplication, LogLevel } = await import('@azure/msal-node')
  const context: SignInContext = { clientId: auth.clientId, tenantId: auth.tenantId, method: auth.kind }
  const credential =
    auth.kind === 'client-secret'
      ? { clientSecret: auth.clientSecret }
      : {
          // A callback, not a string: every exchange gets a fresh GitHub token (they live minutes).
          clientAssertion: async (): Promise<string> => {
            const assertion = await gitHubIdToken(auth.audience, { transport, backoff, signal })
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
      networkClient: network,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (_level, message) => log.debug(`MSAL: ${message}`)
      }
    }
  })

  const via = auth.kind === 'github-oidc' ? 'GitHub OIDC' : 'a client secret'
  let issued = 0
  let current: { token: string; renewAt: number; expiresAt: number } | undefined
  let renewalFailures = 0

  /** A sign-in failure in words; an outage of Entra ID or GitHub's token service is marked as one. */
  function signInFailure(error: unknown): ActionError {
    if (error instanceof ActionError) return error
    // A fault of the action's own is not a failed sign-in: it fails the step as it is, with its
    // stack. MSAL reports one in the network module as a bare network_error; the module kept it.
    if (network.lastFault !== undefined) throw network.lastFault
    if (error instanceof TypeError || error instanceof ReferenceError) throw error
    // MSAL reports a network module failure as a bare network_error: the module knows what it was.
    const outage = network.lastOutage
    if (outage) return new SignInUnavailableError(`Signing in to Microsoft Entra ID with ${via} failed: ${outage}.`)
    return new ActionError(explainSignInError(error, context))
  }
  /** A definitive refusal (not an outage): Entra ID is not asked again this step. */
  let refused: ActionError | undefined
  async function acquire(skipCache: boolean): Promise<string> {
    // Held here rather than asked of MSAL each time: MSAL evaluates the client assertion (a GitHub
    // OIDC request) even when its cache answers, and a wait makes a request every poll.
    if (!skipCache && current && Date.now() < current.renewAt) return current.token
    // Refused already (a secret revoked, say): the current token serves while it lasts, then the refusal.
    if (refused) {
      if (!skipCache && current && Date.now() < current.expiresAt) return current.token
      throw refused
    }
    let token: string | undefined
    let expiresOn: Date | null | undefined
    try {
      const result = await app.acquireTokenByClientCredential({ scopes: [target.scope], skipCache })
      token = result?.accessToken
      expiresOn = result?.expiresOn
    } catch (error) {
      if (signal?.aborted) throw signal.reason // cancelled or past the deadline, whatever MSAL wrapped it in
      const failure = signInFailure(error)
      if (!(failure instanceof SignInUnavailableError)) refused = failure
      // A renewal ahead of expiry that fails keeps the token it would have replaced: it is still
      // good, and a later request tries again (after an outage). After a 401 (skipCache) that token is spent.
      if (!skipCache && current && Date.now() < current.expiresAt) {
        current.renewAt = Math.min(current.expiresAt, Date.now() + backoff.maxDelayMs)
        const later = refused ? 'until then (a refused renewal is not asked again)' : 'and renewal is tried again later'
        const line = `Renewing the access token failed (${failure.message}); the current one is valid until ${new Date(current.expiresAt).toISOString()}, so it is used ${later}.`
        if (renewalFailures++ === 0) log.warning(line)
        else log.debug(line)
        return current.token
      }
      throw failure
    }
    renewalFailures = 0
    if (!token) throw new ActionError(`Signing in to Microsoft Entra ID with ${via} gave no access token.`)
    const isNew = token !== current?.token
    const renewAt = renewalTime(expiresOn)
    current = { token, renewAt, expiresAt: expiresOn ? expiresOn.getTime() : renewAt }
    if (isNew) {
      core.setSecret(token)
      issued++
      const until = expiresOn ? `, valid until ${expiresOn.toISOString()}` : ''
      if (issued === 1) log.info(`Signed in to Microsoft Entra ID as app ${auth.clientId} with ${via}${until}.`)
      else log.info(`Renewed the access token${until}.`)
    }
    return token
  }

  return {
    renewable: true,
    getToken: () => acquire(false),
    renew: () => acquire(true),
    rejectionHint: () =>
      `The ${target.apiName} rejected the access token Microsoft Entra ID issued to app ${auth.clientId}: check that tenant-id ${auth.tenantId} is the tenant of the Partner Center account, and that the app's service principal was added to that account.`
  }
}
