// GitHub's OIDC token for the job: the assertion Entra ID exchanges for an access token.
// It lives only minutes, so a fresh one is fetched for every exchange.
import * as core from '@actions/core'
import { ActionError } from './errors.js'

const ID_TOKEN_PERMISSION_HINT = [
  "GitHub gave this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set), so the action cannot sign in with 'client-id' and 'tenant-id' without a secret.",
  'Allow the job to request one by adding this to the job (or the workflow):',
  '  permissions:',
  '    id-token: write',
  '    contents: read',
  "Or pass 'client-secret' to sign in with a client secret instead."
].join('\n')

export async function gitHubIdToken(audience: string): Promise<string> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError(ID_TOKEN_PERMISSION_HINT)
  }
  try {
    // Masks the token itself (core.setSecret) before returning it.
    return await core.getIDToken(audience)
  } catch (error) {
    throw new ActionError(`Getting a GitHub OIDC token for the audience '${audience}' failed: ${(error as Error).message}`)
  }
}
