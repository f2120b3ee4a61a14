// The part of a run every offer of the step shares: one sign-in per API (and its renewals), the transports,
// the backoff, the brake on every request (a Retry-After slows the whole fleet), the bound on what
// the offers' lists hold at once, the claims, the cancellation and the step's deadline. Each offer
// gets its service from it.
import type { ApiDescriptor, GoLiveClaims, ServiceOptions } from '../apis/api-descriptor.js'
import type { Api } from '../constants.js'
import type { GoLiveService } from '../apis/go-live-service.js'
import type { Subject } from '../apis/subject.js'
import type { TriggerProgress } from '../http/api-client.js'
import type { TokenProvider } from '../auth/token-provider.js'
import { ActionError, CancelledError, DeadlineError } from '../errors.js'
import { backoffFor, type BackoffSettings } from '../http/retry.js'
import { ListBudget } from '../http/list-budget.js'
import { Throttle } from '../http/throttle.js'
import { createTransport, type Transport } from '../http/transport.js'
import type { ApiTarget, Config } from '../inputs.js'
import type { Cancellation } from '../wait/cancellation.js'
import { formatDuration } from '../wait/duration.js'
import { sharedTokens } from './shared-tokens.js'
import { signIn } from './sign-in.js'

/** The sign-in failed: the step's one failure; no offer sent anything. */
export class SignInFailedError extends ActionError {
  override name = 'SignInFailedError'
}

export class Session {
  private readonly config: Config
  private readonly cancellation: Cancellation
  private readonly backoff: BackoffSettings
  private readonly transports: Transport[] = []
  /** The brake every request of the step waits on (a Retry-After from the service); the pacer too. */
  readonly throttle = new Throttle()
  /** What each offer of the step takes live: no product or offer twice (see GoLiveClaims). */
  private readonly claimed = new Map<string, string>()
  private readonly claims: GoLiveClaims = {
    claim: (key, label) => {
      const holder = this.claimed.get(key.toLowerCase())
      if (holder !== undefined && holder !== label) return holder
      this.claimed.set(key.toLowerCase(), label)
      return undefined
    }
  }
  /** What every offer's lists hold at once (http/list-budget.ts): the step's memory stays bounded. */
  private readonly lists = new ListBudget()
  /** Each API's token source (its own sign-in audience), made when an offer first needs that API. */
  private readonly tokens = new Map<Api, Promise<TokenProvider>>()
  private apiTransport: Transport | undefined
  private services = 0

  constructor(config: Config, cancellation: Cancellation) {
    this.config = config
    this.cancellation = cancellation
    this.backoff = backoffFor(config.pollIntervalMs)
  }

  /**
   * Signs in once, before any request to the API: a sign-in that fails is the step's one failure,
   * and every later ask for a token gets it at once (shared-tokens.ts). Throws it in words, saying
   * that nothing was sent.
   */
  async signIn(): Promise<void> {
    const [first] = this.config.targets
    if (!first) throw new Error('signIn() with no API to sign in to')
    try {
      await (await this.tokensFor(first.descriptor)).getToken()
    } catch (error) {
      if (error instanceof CancelledError) throw new SignInFailedError(`${error.message} while signing in: nothing was sent.`)
      if (error instanceof DeadlineError) {
        throw new SignInFailedError(`The timeout (${formatDuration(this.config.timeoutMs)}) passed while signing in: nothing was sent.`)
      }
      // A fault of the action's own stays one (its stack goes to the debug log).
      if (!(error instanceof ActionError)) throw error
      throw new SignInFailedError(`${error.message.replace(/\.$/, '')}: nothing was sent.`)
    }
  }

  /** The token source for an API's audience: one per API for the step, shared by its offers. */
  private tokensFor(api: ApiDescriptor): Promise<TokenProvider> {
    let tokens = this.tokens.get(api.api)
    if (!tokens) {
      const { signal } = this.cancellation
      tokens = signIn(this.config, api, () => this.transport(), this.backoff, signal).then(sharedTokens)
      this.tokens.set(api.api, tokens)
    }
    return tokens
  }

  /**
   * An API's service for one offer, on the session's sign-in for that API and its transport;
   * `progress` follows its go-live request.
   */
  async serviceFor(subject: Subject, target: ApiTarget, progress?: TriggerProgress): Promise<GoLiveService> {
    const { config, cancellation } = this
    const tokens = await this.tokensFor(target.descriptor)
    this.apiTransport ??= this.transport()
    // Only a run that waits polls: the API may warn of an interval it finds too short, once a step.
    const waits = config.wait && !config.dryRun && this.services++ === 0
    const options: ServiceOptions = {
      subject,
      baseUrl: target.baseUrl,
      apiVersion: target.apiVersion,
      transport: this.apiTransport,
      tokens,
      backoff: this.backoff,
      signal: cancellation.signal,
      cancelled: cancellation.cancelled,
      deadline: cancellation.deadline,
      throttle: this.throttle,
      lists: this.lists,
      pollIntervalMs: waits ? config.pollIntervalMs : undefined,
      retryFailed: config.retryFailed,
      claims: this.claims,
      progress
    }
    return target.descriptor.createService(options)
  }

  dispose(): void {
    for (const transport of this.transports) transport.dispose()
  }

  private transport(): Transport {
    const transport = createTransport(this.config.requestTimeoutMs)
    this.transports.push(transport)
    return transport
  }
}
