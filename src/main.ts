import * as core from '@actions/core'
import { watchForCancellation, type Cancellation } from './wait/cancellation.js'
import { API_DEFAULTS, Apis, Inputs, Outputs } from './constants.js'
import { cppService } from './apis/cloud-partner-portal/service.js'
import { ingestionService } from './apis/product-ingestion/service.js'
import { formatDuration } from './wait/duration.js'
import { entraTokenProvider } from './auth/entra-token-provider.js'
import { ActionError, CancelledError, messageOf } from './errors.js'
import { getConfig, type Config } from './inputs.js'
import { log } from './report/log.js'
import { failureReasons, type Operation } from './wait/operation.js'
import type { GoLiveService, OperationRef, Started } from './apis/go-live-service.js'
import { operationOutput } from './report/operation-output.js'
import { ProgressLog } from './report/progress-log.js'
import { backoffFor, type BackoffSettings } from './http/retry.js'
import type { Subject } from './http/service-error.js'
import { audienceWarning, expiryWarning, staticTokenProvider } from './auth/static-token.js'
import { isTerminal } from './wait/status.js'
import { writeSummary, type SummaryFacts } from './report/summary.js'
import type { TokenProvider } from './auth/token-provider.js'
import { createTransport, type Transport } from './http/transport.js'
import { missedPollBudget, waitForOperation } from './wait/wait-for-operation.js'

type Facts = Omit<SummaryFacts, 'publisher' | 'offer' | 'elapsedMs'>

/** How far the run got: what a cancellation or failure can have left behind at the service. */
type Phase = 'signing in' | 'checking' | 'sending' | 'recorded'

function resumeHint(location: URL): string {
  return `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.href} (add wait: true to wait for it).`
}

/** States that end the go-live without success: the step fails, and there is nothing to resume. */
const FINAL_FAILURES: ReadonlySet<string> = new Set(['failed', 'canceled', 'unknown'])

/** Reasons named in the step's error; a hostile service may list thousands. */
const MAX_REASONS = 10

function failureMessage(operation: Operation): string {
  const reasons = failureReasons(operation)
  if (operation.state === 'unknown') {
    // Ended, but not in words the action knows: never success, and a re-run reads the same.
    const also = reasons.length > 0 ? ` The service also reported: ${reasons.slice(0, MAX_REASONS).join('; ')}.` : ''
    return `The go-live's outcome is unknown: ${operation.unknownReason ?? 'the service did not say how it ended'}. The action cannot tell whether it succeeded, so the step fails: check the offer in Partner Center.${also}`
  }
  const verb = operation.state === 'canceled' ? 'was canceled' : 'failed'
  const more = reasons.length > MAX_REASONS ? `; and ${reasons.length - MAX_REASONS} more (the job summary lists the first)` : ''
  const why =
    reasons.length > 0
      ? `: ${reasons.slice(0, MAX_REASONS).join('; ')}${more}`
      : ' (the service gave no reason; see the offer in Partner Center)'
  return `The go-live ${verb}${why}`
}

/** One run of the action; `run()` below owns the process-wide parts (signals, sockets, summary). */
class GoLiveRun {
  readonly facts: Facts = { result: 'not started' }
  private phase: Phase = 'signing in'
  private readonly progress = new ProgressLog()
  private readonly transports: Transport[] = []
  private readonly config: Config
  private readonly cancellation: Cancellation
  private readonly subject: Subject
  private readonly label: string
  private readonly startedAt: number
  private readonly backoff: BackoffSettings

  constructor(config: Config, cancellation: Cancellation, startedAt: number) {
    this.config = config
    this.cancellation = cancellation
    this.subject = { publisher: config.publisher, offer: config.offer }
    // The publisher is only shown for the Product Ingestion API, where it is optional.
    this.label = config.publisher ? `${config.publisher}/${config.offer}` : config.offer
    this.startedAt = startedAt
    this.backoff = backoffFor(config.pollIntervalMs)
  }

  async execute(): Promise<void> {
    const service = await this.service()
    this.phase = 'checking'
    if (this.config.dryRun) return this.dryRun(service)

    const { location, known } = await this.operationLocation(service)
    if (known)
      this.observe(known) // already live, or the answer to the request already says how it ended
    else if (this.config.wait) await this.wait(service, location)
    else if (this.facts.how === 'started') {
      log.info(`Not waiting (wait: false). To check on it later, run this action with operation-location: ${location.url.href}`)
      return
    } else {
      // Check-later mode: one read, and its state is the step's result.
      this.observe((await service.readOperation(location)).operation)
    }
    this.conclude()
  }

  dispose(): void {
    for (const transport of this.transports) transport.dispose()
  }

  private transport(): Transport {
    const transport = createTransport(this.config.requestTimeoutMs)
    this.transports.push(transport)
    return transport
  }

  private async service(): Promise<GoLiveService> {
    const { backoff, config } = this
    const { auth, api } = config
    const { resource, scope } = API_DEFAULTS[api]
    const ingestion = api === Apis.ProductIngestion
    let tokens: TokenProvider
    if (auth.kind === 'token') {
      tokens = staticTokenProvider(auth.token, resource)
      const warnings = [
        audienceWarning(auth.token, resource),
        config.wait && !config.dryRun ? expiryWarning(auth.token, config.timeoutMs) : undefined
      ]
      for (const warning of warnings) if (warning) log.warning(warning)
    } else {
      const apiName = ingestion ? 'Product Ingestion API' : 'CPP API'
      tokens = await entraTokenProvider(auth, { scope, apiName }, this.transport(), backoff, this.cancellation.signal)
    }
    const common = {
      baseUrl: config.baseUrl,
      transport: this.transport(),
      tokens,
      backoff,
      signal: this.cancellation.signal,
      deadline: this.startedAt + config.timeoutMs
    }
    if (!ingestion) return cppService({ ...common, subject: this.subject, apiVersion: config.apiVersion })
    const waiting = config.wait && !config.dryRun
    return ingestionService({
      ...common,
      offer: config.offer,
      version: config.apiVersion,
      ...(waiting ? { pollIntervalMs: config.pollIntervalMs } : {})
    })
  }

  private async dryRun(service: GoLiveService): Promise<void> {
    log.info(`Dry run: reading the status of ${this.label}; no Go Live request is sent.`)
    if (this.config.wait || this.config.operationLocation) log.info('Dry run: the wait and operation-location inputs are not used.')
    const report = await service.dryRun()
    core.setOutput(Outputs.OfferStatus, report.offerStatus)
    this.facts.result = 'dry run'
    this.facts.dryRun = report
    const line = `Offer status: ${report.offerStatus}. ${report.message}`
    if (report.verdict === 'ready' || report.verdict === 'live') log.notice(line)
    else log.warning(line)
  }

  /** Starts the go-live, or takes the one given, and records it at once so nothing can lose it. */
  private async operationLocation(service: GoLiveService): Promise<{ location: OperationRef; known?: Operation }> {
    let location: OperationRef
    let how: Started['how'] | 'given'
    let known: Operation | undefined
    if (this.config.operationLocation) {
      location = this.config.operationLocation
      how = 'given'
      // Before any read: a location of another offer is refused, never followed.
      await service.checkGiven(location)
    } else {
      const onSending = (): void => void (this.phase = 'sending')
      const started = await service.start(onSending)
      ;({ location, how } = started)
      if (how === 'live' || (started.operation && isTerminal(started.operation.state))) known = started.operation
      this.facts.how = how
    }
    this.phase = 'recorded'
    const verb = {
      started: 'Go-live started',
      attached: 'Following the running go-live',
      live: 'Nothing to take live',
      given: 'Checking the go-live'
    }[how]
    // The log line first: it survives even if writing the outputs fails. Both values were rebuilt
    // from validated parts (operation-location.ts), so they are safe to print and to pass on.
    log.info(`${verb} for ${this.label}. Operation location: ${location.url.href}`)
    core.setOutput(Outputs.OperationLocation, location.url.href)
    core.setOutput(Outputs.OperationId, location.id)
    this.facts.location = location.url
    this.facts.operationId = location.id
    this.facts.result = how === 'started' ? 'accepted' : 'running'
    return known ? { location, known } : { location }
  }

  private async wait(service: GoLiveService, location: OperationRef): Promise<void> {
    const { timeoutMs, pollIntervalMs } = this.config
    log.info(`Waiting up to ${formatDuration(timeoutMs)} for the go-live, polling every ${formatDuration(pollIntervalMs)}.`)
    // A hard limit: requests, retries and Retry-After sleeps in flight stop at it too.
    this.cancellation.setDeadline(this.startedAt + timeoutMs)
    const outcome = await waitForOperation(() => service.readOperation(location), {
      intervalMs: pollIntervalMs,
      deadline: this.startedAt + timeoutMs,
      signal: this.cancellation.signal,
      onOperation: (operation) => this.observe(operation),
      missedBudgetMs: missedPollBudget(timeoutMs, pollIntervalMs)
    })
    if (outcome.kind === 'timeout') {
      this.facts.result = 'running'
      throw new ActionError(
        `Timed out after ${formatDuration(timeoutMs)} waiting for the go-live of ${this.label}. ${resumeHint(location.url)}`
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
    if (FINAL_FAILURES.has(operation.state)) throw new ActionError(failureMessage(operation))
    log.info(
      operation.state === 'succeeded'
        ? this.facts.how === 'live'
          ? `${this.label} is live.`
          : `The go-live of ${this.label} succeeded.`
        : `The go-live is still ${operation.rawStatus ?? 'running'}.`
    )
  }

  /** The step's error: the failure in words, plus how to resume when the go-live goes on. */
  failureText(error: unknown): string {
    const { location, result } = this.facts
    if (!(error instanceof ActionError)) {
      // A fault of the action itself: the stack is for the debug log, the step error says what.
      log.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
      return `Unexpected error: ${messageOf(error)}`
    }
    if (error instanceof CancelledError && this.phase !== 'recorded') {
      if (this.phase === 'sending') {
        // Cancelled before the service's answer arrived: the POST may have reached it.
        return `${error.message}. If the Go Live request had been sent, the go-live may have started: a re-run finds and follows it instead of starting another.`
      }
      return `${error.message}, before any Go Live request was sent: nothing was started.`
    }
    if (!location || error.message.includes(location.href) || FINAL_FAILURES.has(result)) return error.message
    return `${error.message}${error instanceof CancelledError ? '.' : ''} ${resumeHint(location)}`
  }
}

/** Runs `step`; a failure is logged as a warning and the next step runs all the same. */
async function guarded(what: string, step: () => unknown): Promise<void> {
  try {
    await step()
  } catch (error) {
    log.warning(`Could not ${what}: ${messageOf(error)}`)
  }
}

export async function run(): Promise<void> {
  const startedAt = Date.now()
  const cancellation = watchForCancellation()
  let config: Config | undefined
  let goLive: GoLiveRun | undefined
  let note: string | undefined
  try {
    config = getConfig()
    goLive = new GoLiveRun(config, cancellation, startedAt)
    await goLive.execute()
  } catch (error) {
    note = goLive ? goLive.failureText(error) : messageOf(error)
    log.fail(note)
  } finally {
    // Each on its own: a failure in one (an output, the summary) must not undo the others, nor
    // turn a finished go-live into a crash.
    cancellation.dispose()
    await guarded('close the connections', () => goLive?.dispose())
    const facts: Facts = goLive?.facts ?? { result: 'not started' }
    if (note) facts.note = note
    if (facts.location) await guarded('set the status output', () => core.setOutput(Outputs.Status, facts.result))
    const { operation } = facts
    if (operation) await guarded('set the operation output', () => core.setOutput(Outputs.Operation, operationOutput(operation)))
    // Also when the inputs were refused: the summary names what was asked for, as given.
    const subject = config ?? { publisher: core.getInput(Inputs.Publisher), offer: core.getInput(Inputs.Offer) || '?' }
    await writeSummary({ ...facts, publisher: subject.publisher, offer: subject.offer, elapsedMs: Date.now() - startedAt })
  }
}
