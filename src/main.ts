// The story of one run: read the inputs, sign in to the API they name, take the offer live (or
// report a dry run), and leave the outputs and a summary whatever happened. Each step is a module
// of src/run/. The step's part (inputs, sign-in, transport, cancellation, summary) is run(); the
// offer's part (start or attach, wait, conclude) is goLive().
import * as core from '@actions/core'
import type { GoLiveService } from './apis/go-live-service.js'
import { apiDescriptor } from './apis/registry.js'
import { Inputs } from './constants.js'
import { getConfig, type Config } from './inputs.js'
import { log } from './report/log.js'
import { conclude } from './run/conclude.js'
import { reportDryRun } from './run/dry-run.js'
import { failureText } from './run/failure-text.js'
import { OfferRun, type Facts } from './run/offer-run.js'
import { guarded, writeOperationLocation, writeResults } from './run/outputs.js'
import { Session } from './run/session.js'
import { startOrAttach } from './run/start-or-attach.js'
import { waitForGoLive, type WaitSettings } from './run/wait.js'
import { watchForCancellation } from './wait/cancellation.js'
import type { Operation } from './wait/operation.js'

/** One offer: start its go-live or attach to one, name it at once, follow it as asked, and conclude. */
async function goLive(offer: OfferRun, service: GoLiveService, config: Config, waiting: WaitSettings): Promise<void> {
  const { location, how, known } = await startOrAttach(service, config.operationLocation, offer.sending)
  offer.record(location, how)
  let operation: Operation
  if (known) {
    // Live already, or the answer to the request already says how it ended.
    operation = known
    offer.observe(operation)
  } else if (config.wait) {
    operation = await waitForGoLive(offer, service, location, waiting)
  } else if (how === 'started') {
    log.info(`Not waiting (wait: false). To check on it later, run this action with operation-location: ${location.url.href}`)
    return
  } else {
    // Check-later mode: one read, and its state is the step's result.
    operation = (await service.readOperation(location)).operation
    offer.observe(operation)
  }
  conclude(operation, how, offer.label)
}

export async function run(): Promise<void> {
  const startedAt = Date.now()
  const cancellation = watchForCancellation()
  let config: Config | undefined
  let session: Session | undefined
  let offer: OfferRun | undefined
  let note: string | undefined
  try {
    config = getConfig()
    const deadline = startedAt + config.timeoutMs
    offer = new OfferRun({ publisher: config.publisher, offer: config.offer }, writeOperationLocation)
    session = new Session(config, apiDescriptor(config.api), cancellation, deadline)
    await session.signIn()
    const service = session.serviceFor(offer.subject)
    if (config.dryRun) {
      await reportDryRun(offer, service, config.wait || config.operationLocation !== undefined)
    } else {
      const { timeoutMs, pollIntervalMs } = config
      await goLive(offer, service, config, { timeoutMs, pollIntervalMs, deadline, cancellation })
    }
  } catch (error) {
    // Also before the inputs are read: an input refused is its message; a fault of ours, a fault.
    note = failureText(error, offer)
    log.fail(note)
  } finally {
    // Each on its own: a failure in one must not undo the others (see run/outputs.ts).
    cancellation.dispose()
    await guarded('close the connections', () => session?.dispose())
    const facts: Facts = offer?.facts ?? { result: 'not started' }
    if (note) facts.note = note
    // Also when the inputs were refused: the summary names what was asked for, as given.
    const subject = offer?.subject ?? { publisher: core.getInput(Inputs.Publisher), offer: core.getInput(Inputs.Offer) || '?' }
    await writeResults(facts, subject, Date.now() - startedAt)
  }
}
