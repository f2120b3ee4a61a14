// Sign-in chooses its own token source: the `token` input as it is (with what can be told of it in
// advance), Microsoft Entra ID for the API's scope (renewed as needed), or, with neither given, the
// Azure CLI session of an earlier azure/login step for the API's resource (renewed as needed).
import type { ApiDescriptor } from '../apis/api-descriptor.js'
import { allApis } from '../apis/registry.js'
import { azureCliSignIn } from '../auth/azure-cli-token-provider.js'
import { entraTokenProvider } from '../auth/entra-token-provider.js'
import { audienceWarning, expiryWarning, staticTokenProvider } from '../auth/static-token.js'
import type { TokenProvider } from '../auth/token-provider.js'
import type { BackoffSettings } from '../http/retry.js'
import type { Transport } from '../http/transport.js'
import type { Config } from '../inputs.js'
import { log } from '../report/log.js'

export async function signIn(
  config: Config,
  api: ApiDescriptor,
  transport: () => Transport,
  backoff: BackoffSettings,
  signal: AbortSignal
): Promise<TokenProvider> {
  const { auth } = config
  const { resource, scope } = api.signIn
  if (auth.kind === 'azure-cli') {
    // `az` runs at the first token request, bounded like one request and stopped with the step.
    const cli = azureCliSignIn({ timeoutMs: config.requestTimeoutMs, signal }, backoff)
    return cli.tokensFor({ resource, apiName: api.displayName })
  }
  if (auth.kind !== 'token') {
    return entraTokenProvider(auth, { scope, apiName: api.displayName }, transport(), backoff, signal)
  }
  const waits = config.wait && !config.dryRun
  const warnings = [
    audienceWarning(
      auth.token,
      api.signIn,
      allApis().map((other) => other.signIn)
    ),
    waits ? expiryWarning(auth.token, config.timeoutMs) : undefined
  ]
  for (const warning of warnings) if (warning) log.warning(warning)
  return staticTokenProvider(auth.token, resource)
}
