import * as core from '@actions/core'
import { watchForCancellation, type Cancellation } from './cancellation.js'
import { Outputs } from './constants.js'
import { CppClient } from './cpp-client.js'
import { dryRun } from './dry-run.js'
import { formatDuration } from './duration.js'
import { entraTokenProvider } from './entra-token-provider.js'
import { ActionError, CancelledError } from './errors.js'
import { getConfig, type Config } from './inputs.js'
import { failureReasons, type Operation } from './operation.js'
import { ProgressLog } from './progress-log.js'
import { backoffFor, type BackoffSettings } from './retry.js'
import type { Subject } from './service-error.js'
import { startGoLive, type Started } from './start-go-live.js'
import { expiryWarning, staticTokenProvider } from './static-token.js'
import { writeSummary, type SummaryFacts } from './summary.js'
import type { TokenProvider } from './token-provider.js'
import { createTransport, type Transport } from './transport.js'
import { operationIdOf, sameOrigin } from './urls.js'
import { waitForOperation } from './wait-for-operation.js'

type Facts = Omit<SummaryFacts, 'publisher' | 'offer' | 'elapsedMs'>

function resumeHint(location: URL): string {
  return `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.href} (add wait: true to wait for it).`
}

function failureMessage(operation: Operation): string {
  const reasons = failureReasons(operation)
  const verb = operation.state === 'canceled' ? 'was canceled' : 'failed'
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : ' (the service gave no reason; see the offer in Partner Center)'
  return `The go-live ${verb}${why}`
}

/** One run of the action; `run()` below owns the process-wide parts (signals, sockets, summary). */
class GoLiveRun {
  readonly facts: Facts = { result: 'not started' }
  private readonly progress = new ProgressLog()
  private readonly transports: Transport[] = []
  private readonly config: Config
  private readonly cancellation: Cancellation
  private readonly subject: Subject
  private readonly startedAt: number
  private readonly backoff: BackoffSettings

  constructor(config: Config, cancellation: Cancellation, startedAt: number) {
    this.config = config
    this.cancellation = cancellation
    this.subject = { publisher: config.publisher, offer: config.offer }
    this.startedAt = startedAt
    this.backoff = backoffFor(config.pollIntervalMs)
  }

  async execute(): Promise<void> {
    const client = await this.client()
    if (this.config.dryRun) return this.dryRun(client)

    const location = await this.operationLocation(client)
    if (this.config.wait) await this.wait(client, location)
    else if (this.facts.how === 'started') {
      core.info(`Not waiting (wait: false). To check on it later, run this action with operation-location: ${location.href}`)
      return
    } else {
      // Check-later mode: one read, and its state is the step's result.
      this.observe((await client.getOperation(location, this.subject)).operation)
    }
    this.conclude()
  }

  dispose(): void {
    for (const transport of this.transports) transport.dispose()
  }

  private transport(): Transport {
    // One client per remote: an @actions/http-client instance keeps the agent of its first protocol.
    const transport = createTransport(this.config.requestTimeoutMs)
    this.transports.push(transport)
    return transport
  }

  private async client(): Promise<CppClient> {
    const { backoff } = this
    const { auth } = this.config
    let tokens: TokenProvider
    if (auth.kind === 'token') {
      tokens = staticTokenProvider(auth.token)
      const warning = this.config.wait && !this.config.dryRun ? expiryWarning(auth.token, this.config.timeoutMs) : undefined
      if (warning) core.warning(warning)
    } else {
      tokens = await entraTokenProvider(auth, this.transport(), backoff, this.cancellation.signal)
    }
    return new CppClient({
      baseUrl: this.config.baseUrl,
      apiVersion: this.config.apiVersion,
      transport: this.transport(),
      tokens,
      backoff,
      signal: this.cancellation.signal
    })
  }

  private async dryRun(client: CppClient): Promise<void> {
    const { publisher, offer } = this.subject
    core.info(`Dry run: reading the status of ${publisher}/${offer}; no Go Live request is sent.`)
    if (this.config.wait || this.config.operationLocation) core.info('Dry run: the wait and operation-location inputs are not used.')
    const report = await dryRun(client, this.subject)
    core.setOutput(Outputs.OfferStatus, report.offerStatus)
    this.facts.result = 'dry run'
    this.facts.dryRun = report
    const line = `Offer status: ${report.offerStatus}. ${report.message}`
    if (report.verdict === 'ready' || report.verdict === 'live') core.notice(line)
    else core.warning(line)
  }

  /** Starts the go-live, or takes the one given, and records it at once so nothing can lose it. */
  private async operationLocation(client: CppClient): Promise<URL> {
    let location: URL
    let how: Started['how'] | 'given'
    if (this.config.operationLocation) {
      location = this.config.operationLocation
      how = 'given'
    } else {
      ;({ location, how } = await startGoLive(client, this.subject, this.backoff, this.cancellation.signal))
      this.facts.how = how
    }
    const id = operationIdOf(location)
    const verb = how === 'started' ? 'Go-live started' : how === 'attached' ? 'Following the running go-live' : 'Checking the go-live'
    // The log line first: it survives even if writing the outputs fails.
    core.info(`${verb} for ${this.subject.publisher}/${this.subject.offer}. Operation location: ${location.href}`)
    core.setOutput(Outputs.OperationLocation, location.href)
    core.setOutput(Outputs.OperationId, id)
    this.facts.location = location
    this.facts.operationId = id
    this.facts.result = how === 'started' ? 'accepted' : 'running'
    // The token goes to the base-url origin only.
    if (!sameOrigin(location, this.config.baseUrl)) {
      throw new ActionError(
        `The service sent an operation location on another origin (${location.origin}); it is not followed, so the token is only ever sent to ${this.config.baseUrl.origin}.`
      )
    }
    return location
  }

  private async wait(client: CppClient, location: URL): Promise<void> {
    const { timeoutMs, pollIntervalMs } = this.config
    core.info(`Waiting up to ${formatDuration(timeoutMs)} for the go-live, polling every ${formatDuration(pollIntervalMs)}.`)
    const outcome = await waitForOperation(client, location, this.subject, {
      intervalMs: pollIntervalMs,
      deadline: this.startedAt + timeoutMs,
      signal: this.cancellation.signal,
      onOperation: (operation) => this.observe(operation)
    })
    if (outcome.kind === 'timeout') {
      this.facts.result = 'running'
      const { publisher, offer } = this.subject
      throw new ActionError(
        `Timed out after ${formatDuration(timeoutMs)} waiting for the go-live of ${publisher}/${offer}. ${resumeHint(location)}`
      )
    }
  }

  private observe(operation: Operation): void {
    this.facts.operation = operation
    this.facts.result = operation.state
    this.progress.observe(operation)
  }

  private conclude(): void {
    const operation = this.facts.operation as Operation
    if (operation.state === 'failed' || operation.state === 'canceled') throw new ActionError(failureMessage(operation))
    const { publisher, offer } = this.subject
    core.info(
      operation.state === 'succeeded'
        ? `The go-live of ${publisher}/${offer} succeeded.`
        : `The go-live is still ${operation.rawStatus ?? 'running'}.`
    )
  }

  /** The step's error: the failure in words, plus how to resume when the go-live goes on. */
  failureText(error: unknown): string {
    const { location, result } = this.facts
    if (!(error instanceof ActionError))
      return `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    if (!location && error instanceof CancelledError && !this.config.dryRun && !this.config.operationLocation) {
      // Cancelled before the service's answer arrived: the POST may have reached it.
      return `${error.message}. If the Go Live request had been sent, the go-live may have started: a re-run finds and follows it instead of starting another.`
    }
    if (!location || error.message.includes(location.href) || result === 'failed' || result === 'canceled') return error.message
    return `${error.message}${error instanceof CancelledError ? '.' : ''} ${resumeHint(location)}`
  }
}

export async function run(): Promise<void> {
  const startedAt = Date.now()
  const cancellation = watchForCancellation()
  let config: Config | undefined
  let goLive: GoLiveRun | undefined
  try {
    config = getConfig()
    goLive = new GoLiveRun(config, cancellation, startedAt)
    await goLive.execute()
  } catch (error) {
    const message = goLive ? goLive.failureText(error) : error instanceof Error ? error.message : String(error)
    if (goLive) goLive.facts.note = message
    core.setFailed(message)
  } finally {
    cancellation.dispose()
    goLive?.dispose()
    const facts = goLive?.facts
    if (facts?.location) core.setOutput(Outputs.Status, facts.result)
    if (facts?.operation) core.setOutput(Outputs.Operation, JSON.stringify(facts.operation.body))
    if (config && facts)
      await writeSummary({ ...facts, publisher: config.publisher, offer: config.offer, elapsedMs: Date.now() - startedAt })
  }
}
