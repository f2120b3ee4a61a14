// GitHub's OIDC token for the job: the assertion Entra ID exchanges for an access token. It lives
// only minutes, so a fresh one is fetched for every exchange, through the action's own transport:
// the same deadline (request-timeout), retries, proxy handling and cancellation as every request.
import * as core from '@actions/core'
import { ActionError, ServiceUnavailableError } from '../errors.js'
import { readWithRetries } from '../http/request.js'
import type { BackoffSettings } from '../http/retry.js'
import { answerInWords } from '../http/service-error.js'
import type { Transport } from '../http/transport.js'

const ID_TOKEN_PERMISSION_HINT = [
  "GitHub gave this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set), so the action cannot sign in with 'client-id' and 'tenant-id' without a secret.",
  'Allow the job to request one by adding this to the job (or the workflow):',
  '  permissions:',
  '    id-token: write',
  '    contents: read',
  "Or pass 'client-secret' to sign in with a client secret instead."
].join('\n')

/** A JWT: three base64url parts. Anything else is not sent on as an assertion. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

/** Sign-in could not be completed because a service was down or unreadable: worth a later try. */
export class SignInUnavailableError extends ServiceUnavailableError {
  override name = 'SignInUnavailableError'
}

export interface OidcRequestContext {
  transport: Transport
  backoff: BackoffSettings
  signal?: AbortSignal | undefined
}

export async function gitHubIdToken(audience: string, context: OidcRequestContext): Promise<string> {
  const requestUrl = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!requestUrl || !requestToken) throw new ActionError(ID_TOKEN_PERMISSION_HINT)
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    throw new ActionError('ACTIONS_ID_TOKEN_REQUEST_URL, set by the runner, is not a URL.')
  }
  url.searchParams.set('audience', audience)
  const what = `Getting a GitHub OIDC token for the audience '${audience}'`
  const headers = { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' }
  const answer = await readWithRetries(
    context.transport,
    'GET',
    url,
    { headers, signal: context.signal, backoff: context.backoff },
    (said) => new SignInUnavailableError(`${what} failed: ${said}.`)
  )
  if (answer.status !== 200) throw new ActionError(`${what} failed: ${answerInWords(answer)}.`)
  let value: unknown
  try {
    value = (JSON.parse(answer.body) as { value?: unknown } | null)?.value
  } catch {
    value = undefined
  }
  if (typeof value !== 'string' || !JWT.test(value)) throw new SignInUnavailableError(`${what} failed: the answer held no token.`)
  core.setSecret(value)
  return value
}
