// The story of one run: read the inputs, sign in to the API they name, take each offer live (or
// report a dry run), and leave the outputs and a summary whatever happened. Each step is a module
// of src/run/. The step's part (inputs, sign-in, transport, cancellation, outputs) is run(); the
// offers go side by side in a fleet (one offer is a fleet of one), and an offer's part (start or
// attach, wait, conclude) is goLive().
import { apiDescriptor } from './apis/registry.js'
import { getConfig, type Config } from './inputs.js'
import { log } from './report/log.js'
import { conclude } from './run/conclude.js'
import { reportDryRun } from './run/dry-run.js'
import { failureText } from './run/failure-text.js'
import { Fleet, type Lane } from './run/fleet.js'
import type { OfferRun } from './run/offer-run.js'
import { guarded, writeStepEnd } from './run/outputs.js'
import { Session } from './run/session.js'
import { startOrAttach } from './run/start-or-attach.js'
import { waitForGoLive } from './run/wait.js'
import { watchForCancellation } from './wait/cancellation.js'
import type { Operation } from './wait/operation.js'

/**
 * One offer: start its go-live or attach to one (when one of the fleet's places is free), name it
 * at once, follow it as asked, and conclude.
 */
async function goLive(offer: OfferRun, lane: Lane): Promise<void> {
  const { service, config, limit } = lane
  const attached = await limit(() => startOrAttach(service, config.operationLocation, offer.sending))
  offer.record(attached.location, attached.how)
  if (attached.known) {
    // Live already, or the answer to the request already says how it ended.
    offer.observe(attached.known)
    return conclude(attached.known, attached.how, offer.label, offer.prefix)
  }
  const { location, how } = attached
  let operation: Operation
  if (config.wait) {
    operation = await waitForGoLive(offer, service, location, lane.waiting)
  } else if (how === 'started') {
    // With several offers the fleet says once how to check on them later.
    if (!offer.several) {
      log.info(`Not waiting (wait: false). To check on it later, run this action with operation-location: ${location.url.href}`)
    }
    return
  } else {
    // Check-later mode: one read, and its state is the offer's result.
    operation = (await limit(() => service.readOperation(location))).operation
    offer.observe(operation)
  }
  conclude(operation, how, offer.label, offer.prefix)
}

/** One offer's dry run: what its API says about going live now. Sends nothing that changes it. */
async function dryRun(offer: OfferRun, lane: Lane): Promise<void> {
  await lane.limit(() => reportDryRun(offer, lane.service))
}

export async function run(): Promise<void> {
  const startedAt = Date.now()
  const cancellation = watchForCancellation()
  let config: Config | undefined
  let session: Session | undefined
  let fleet: Fleet | undefined
  let stepError: string | undefined
  try {
    config = getConfig()
    const deadline = startedAt + config.timeoutMs
    fleet = new Fleet(config)
    session = new Session(config, apiDescriptor(config.api), cancellation, deadline)
    await session.signIn()
    // Each offer's failure stays its own (on its run); only a failure of the step lands below.
    await fleet.run(session, config.dryRun ? dryRun : goLive, { config, cancellation, deadline })
  } catch (error) {
    // Also before the inputs are read: an input refused is its message; a fault of ours, a fault.
    stepError = failureText(error, undefined, (config?.offers.length ?? 0) > 1)
  } finally {
    // Each on its own: a failure in one must not undo the others (see run/outputs.ts).
    cancellation.dispose()
    await guarded('close the connections', () => session?.dispose())
    const offers = fleet?.offers ?? []
    await writeStepEnd({ offers, results: fleet?.results, stepError, dryRun: config?.dryRun, elapsedMs: Date.now() - startedAt })
  }
}
