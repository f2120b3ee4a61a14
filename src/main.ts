import * as core from '@actions/core'
import { watchForCancellation } from './cancellation.js'
import { Outputs } from './constants.js'
import { CppClient } from './cpp-client.js'
import { formatDuration } from './duration.js'
import { ActionError, CancelledError } from './errors.js'
import { getConfig, type Config } from './inputs.js'
import { failureReasons, type Operation } from './operation.js'
import { ProgressLog } from './progress-log.js'
import { backoffFor } from './retry.js'
import type { Subject } from './service-error.js'
import { startGoLive, type Started } from './start-go-live.js'
import { writeSummary, type SummaryFacts } from './summary.js'
import { entraTokenProvider } from './entra-token-provider.js'
import { expiryWarning, staticTokenProvider } from './static-token.js'
import type { TokenProvider } from './token-provider.js'
import { createTransport, type Transport } from './transport.js'
import { operationIdOf, sameOrigin } from './urls.js'
import { waitForOperation } from './wait-for-operation.js'

/** Records the operation the moment it is known, so no later failure can lose it. */
function recordOperation(location: URL, how: Started['how'] | 'given', subject: Subject): string {
  const id = operationIdOf(location)
  const verb = how === 'started' ? 'Go-live started' : how === 'attached' ? 'Following the running go-live' : 'Checking the go-live'
  // The log line first: it survives even if writing the outputs fails.
  core.info(`${verb} for ${subject.publisher}/${subject.offer}. Operation location: ${location.href}`)
  core.setOutput(Outputs.OperationLocation, location.href)
  core.setOutput(Outputs.OperationId, id)
  return id
}

function resumeHint(location: URL): string {
  return `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.href} (add wait: true to wait for it).`
}

function failureMessage(operation: Operation): string {
  const reasons = failureReasons(operation)
  const verb = operation.state === 'canceled' ? 'was canceled' : 'failed'
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : ' (the service gave no reason; see the offer in Partner Center)'
  return `The go-live ${verb}${why}`
}

export async function run(): Promise<void> {
  const startedAt = Date.now()
  const cancellation = watchForCancellation()
  let transport: Transport | undefined
  let signInTransport: Transport | undefined
  let config: Config | undefined
  const facts: Partial<SummaryFacts> & { result: string } = { result: 'not started' }
  const progress = new ProgressLog()
  const observe = (operation: Operation): void => {
    facts.operation = operation
    facts.result = operation.state
    progress.observe(operation)
  }

  try {
    config = getConfig()
    const subject: Subject = { publisher: config.publisher, offer: config.offer }
    const backoff = backoffFor(config.pollIntervalMs)
    transport = createTransport(config.requestTimeoutMs)
    let tokens: TokenProvider
    if (config.auth.kind === 'token') {
      tokens = staticTokenProvider(config.auth.token)
      const warning = config.wait ? expiryWarning(config.auth.token, config.timeoutMs) : undefined
      if (warning) core.warning(warning)
    } else {
      // Its own client: an @actions/http-client instance keeps the agent of its first protocol.
      signInTransport = createTransport(config.requestTimeoutMs)
      tokens = await entraTokenProvider(config.auth, signInTransport, backoff, cancellation.signal)
    }
    const client = new CppClient({
      baseUrl: config.baseUrl,
      apiVersion: config.apiVersion,
      transport,
      tokens,
      backoff,
      signal: cancellation.signal
    })

    let location: URL
    let how: Started['how'] | 'given'
    if (config.operationLocation) {
      location = config.operationLocation
      how = 'given'
    } else {
      ;({ location, how } = await startGoLive(client, subject, backoff, cancellation.signal))
    }
    facts.location = location
    facts.operationId = recordOperation(location, how, subject)
    if (how !== 'given') facts.how = how
    facts.result = how === 'started' ? 'accepted' : 'running'
    // The token goes to the base-url origin only.
    if (!sameOrigin(location, config.baseUrl)) {
      throw new ActionError(
        `The service sent an operation location on another origin (${location.origin}); it is not followed, so the token is only ever sent to ${config.baseUrl.origin}.`
      )
    }

    if (!config.wait) {
      if (how === 'started') {
        core.info(
          'Not waiting (wait: false). ' + resumeHint(location).replace('The go-live goes on at the service; nothing was cancelled. ', '')
        )
        return
      }
      // Check-later mode: one read, and its state is the step's result.
      observe((await client.getOperation(location, subject)).operation)
    } else {
      core.info(
        `Waiting up to ${formatDuration(config.timeoutMs)} for the go-live, polling every ${formatDuration(config.pollIntervalMs)}.`
      )
      const outcome = await waitForOperation(client, location, subject, {
        intervalMs: config.pollIntervalMs,
        deadline: startedAt + config.timeoutMs,
        signal: cancellation.signal,
        onOperation: observe
      })
      if (outcome.kind === 'timeout') {
        facts.result = 'running'
        throw new ActionError(
          `Timed out after ${formatDuration(config.timeoutMs)} waiting for the go-live of ${subject.publisher}/${subject.offer}. ${resumeHint(location)}`
        )
      }
    }

    const operation = facts.operation as Operation
    if (operation.state === 'failed' || operation.state === 'canceled') throw new ActionError(failureMessage(operation))
    core.info(
      operation.state === 'succeeded'
        ? `The go-live of ${subject.publisher}/${subject.offer} succeeded.`
        : `The go-live is still ${operation.rawStatus ?? 'running'}.`
    )
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error)
    if (error instanceof CancelledError && facts.location) message = `${message}. ${resumeHint(facts.location)}`
    else if (!(error instanceof ActionError) && error instanceof Error) message = `Unexpected error: ${error.stack ?? message}`
    else if (facts.location && !message.includes(facts.location.href) && facts.result !== 'failed' && facts.result !== 'canceled') {
      message = `${message} ${resumeHint(facts.location)}`
    }
    facts.note = message
    core.setFailed(message)
  } finally {
    cancellation.dispose()
    transport?.dispose()
    signInTransport?.dispose()
    if (facts.location) core.setOutput(Outputs.Status, facts.result)
    if (facts.operation) core.setOutput(Outputs.Operation, JSON.stringify(facts.operation.body))
    if (config) {
      await writeSummary({ ...facts, publisher: config.publisher, offer: config.offer, elapsedMs: Date.now() - startedAt })
    }
  }
}
