// The part of a run every offer of the step shares: one sign-in (and its renewals), the transports,
// the backoff, the brake on every request (a Retry-After slows the whole fleet), the bound on what
// the offers' lists hold at once, the cancellation and the step's deadline. Each offer gets its service from it.
import type { ApiDescriptor, ServiceOptions } from '../apis/api-descriptor.js'
import type { GoLiveService } from '../apis/go-live-service.js'
import type { Subject } from '../apis/subject.js'
import type { TokenProvider } from '../auth/token-provider.js'
import { backoffFor, type BackoffSettings } from '../http/retry.js'
import { ListBudget } from '../http/list-budget.js'
import { Throttle } from '../http/throttle.js'
import { createTransport, type Transport } from '../http/transport.js'
import type { Config } from '../inputs.js'
import type { Cancellation } from '../wait/cancellation.js'
import { sharedTokens } from './shared-tokens.js'
import { signIn } from './sign-in.js'

export class Session {
  readonly api: ApiDescriptor
  private readonly config: Config
  private readonly cancellation: Cancellation
  private readonly deadline: number
  private readonly backoff: BackoffSettings
  private readonly transports: Transport[] = []
  /** The brake every request of the step waits on (a Retry-After from the service); the pacer too. */
  readonly throttle = new Throttle()
  /** What every offer's lists hold at once (http/list-budget.ts): the step's memory stays bounded. */
  private readonly lists = new ListBudget()
  private tokens: TokenProvider | undefined
  private apiTransport: Transport | undefined
  private services = 0

  /** `deadline`: when the step's timeout passes (epoch ms). */
  constructor(config: Config, api: ApiDescriptor, cancellation: Cancellation, deadline: number) {
    this.config = config
    this.api = api
    this.cancellation = cancellation
    this.deadline = deadline
    this.backoff = backoffFor(config.pollIntervalMs)
  }

  async signIn(): Promise<void> {
    const tokens = await signIn(this.config, this.api, () => this.transport(), this.backoff, this.cancellation.signal)
    this.tokens = sharedTokens(tokens)
    // With several offers the first token is asked for now: a sign-in that fails is the step's one
    // failure, not one per offer. One offer asks with its first request, as it always has.
    if (this.config.offers.length > 1) await this.tokens.getToken()
  }

  /** The API's service for one offer, on the session's sign-in and transport. */
  serviceFor(subject: Subject): GoLiveService {
    const { config } = this
    if (!this.tokens) throw new Error('serviceFor() before signIn()')
    this.apiTransport ??= this.transport()
    // Only a run that waits polls: the API may warn of an interval it finds too short, once a step.
    const waits = config.wait && !config.dryRun && this.services++ === 0
    const options: ServiceOptions = {
      subject,
      baseUrl: config.baseUrl,
      apiVersion: config.apiVersion,
      transport: this.apiTransport,
      tokens: this.tokens,
      backoff: this.backoff,
      signal: this.cancellation.signal,
      deadline: this.deadline,
      throttle: this.throttle,
      lists: this.lists,
      pollIntervalMs: waits ? config.pollIntervalMs : undefined
    }
    return this.api.createService(options)
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
