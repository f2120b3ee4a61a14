// Access tokens from the Azure CLI session an earlier azure/login step left, when the step gives no
// sign-in of its own. One sign-in, asked for the resource of each API it talks to: each resource has
// its own token, renewed shortly before it expires and after a 401 (each by running `az` again).
import { ActionError } from '../errors.js'
import type { BackoffSettings } from '../http/retry.js'
import { log } from '../report/log.js'
import { serviceText } from '../report/safe-text.js'
import { azureCliToken, type AzureCliRun } from './azure-cli.js'
import { renewalTime } from './entra-token-provider.js'
import { decodeJwtClaims } from './jwt.js'
import type { TokenProvider } from './token-provider.js'

/** An API's resource (its descriptor's signIn.resource), and its name for messages. */
interface AzureCliTarget {
  resource: string
  apiName: string
}

export interface AzureCliSignIn {
  /** The tokens for one resource: asked twice for a resource, the same provider (and token). */
  tokensFor(target: AzureCliTarget): TokenProvider
}

/** Who the token was issued to, from its claims (a user's name, or an app's id): never the token. */
function issuedTo(token: string): string {
  const claims = decodeJwtClaims(token)
  const user = [claims?.upn, claims?.preferred_username, claims?.unique_name].find((v) => typeof v === 'string' && v)
  if (typeof user === 'string') return `user ${serviceText(user, 120)}`
  const app = [claims?.appid, claims?.azp].find((v) => typeof v === 'string' && v)
  if (typeof app === 'string') return `app ${serviceText(app, 64)}`
  return 'an identity its token does not name'
}

/**
 * `run`: how `az` runs (its timeout, the step's signal). `backoff.maxDelayMs`: how soon a renewal
 * ahead of expiry that failed is tried again.
 */
export function azureCliSignIn(run: AzureCliRun, backoff: Pick<BackoffSettings, 'maxDelayMs'>): AzureCliSignIn {
  const providers = new Map<string, TokenProvider>()
  return {
    tokensFor(target) {
      let provider = providers.get(target.resource)
      if (!provider) {
        provider = resourceTokens(target, run, backoff.maxDelayMs)
        providers.set(target.resource, provider)
      }
      return provider
    }
  }
}

function resourceTokens({ resource, apiName }: AzureCliTarget, run: AzureCliRun, retryMs: number): TokenProvider {
  let current: { token: string; renewAt: number; expiresAt: number } | undefined
  let who = ''
  let issued = 0
  let renewalFailures = 0

  async function fromCli(): Promise<{ token: string; expiresOn: Date }> {
    log.debug(`Running az account get-access-token --output json --resource ${resource} (the Azure CLI session).`)
    const { accessToken, expiresOn } = await azureCliToken(resource, run)
    return { token: accessToken, expiresOn }
  }

  function keep(token: string, expiresOn: Date): string {
    const isNew = token !== current?.token
    current = { token, renewAt: renewalTime(expiresOn), expiresAt: expiresOn.getTime() }
    renewalFailures = 0
    if (isNew) {
      issued++
      const until = `valid until ${expiresOn.toISOString()}`
      if (issued === 1) {
        who = issuedTo(token)
        log.info(`Signed in with the Azure CLI session (azure/login) as ${who}, for ${resource}, ${until}.`)
      } else log.info(`Renewed the access token for ${resource} from the Azure CLI session, ${until}.`)
    }
    return token
  }

  async function getToken(): Promise<string> {
    if (current && Date.now() < current.renewAt) return current.token
    let answer: { token: string; expiresOn: Date }
    try {
      answer = await fromCli()
    } catch (error) {
      if (run.signal?.aborted) throw run.signal.reason
      // A renewal ahead of expiry that fails keeps the token it would have replaced: it is still good,
      // and a later request tries again. A fault of the action's own fails as it is.
      if (error instanceof ActionError && current && Date.now() < current.expiresAt) {
        current.renewAt = Math.min(current.expiresAt, Date.now() + retryMs)
        const line = `Renewing the access token from the Azure CLI failed (${error.message}); the current one is valid until ${new Date(current.expiresAt).toISOString()}, so it is used and renewal is tried again later.`
        if (renewalFailures++ === 0) log.warning(line)
        else log.debug(line)
        return current.token
      }
      throw error
    }
    return keep(answer.token, answer.expiresOn)
  }

  async function renew(rejected?: string): Promise<string | undefined> {
    const { token, expiresOn } = await fromCli()
    // The CLI serves its cached token until shortly before it expires, and cannot be told to skip
    // its cache: the same token again is no fresh one.
    if (rejected !== undefined && token === rejected) {
      log.info(`The Azure CLI gave the rejected token for ${resource} again (it renews a token only shortly before it expires).`)
      return undefined
    }
    return keep(token, expiresOn)
  }

  return {
    renewable: true,
    getToken,
    renew,
    rejectionHint: () =>
      `The ${apiName} rejected the access token of the Azure CLI session (azure/login) for ${who || 'its identity'}: check that this identity (the app registration, or managed identity, azure/login signed in with) was added to the Partner Center account (Account settings > User management > Microsoft Entra applications), and that azure/login signed in to the tenant of that account.`
  }
}
