// One offer's part of the step, the same for one offer or many: start its go-live or attach to one
// (when one of the step's places is free), name it at once, follow it as asked, and conclude. Or,
// in a dry run, read what a go-live would do now.
import type { Operation } from '../wait/operation.js'
import { conclude } from './conclude.js'
import { reportDryRun } from './dry-run.js'
import type { Lane } from './fleet.js'
import type { Offer } from './offer.js'
import { startOrAttach } from './start-or-attach.js'
import { waitForGoLive } from './wait.js'

export async function goLive(offer: Offer, lane: Lane): Promise<void> {
  const { service, config, limit } = lane
  const attached = await limit(() => startOrAttach(service, config.operationLocation))
  offer.record(attached)
  // Live already, or the answer to the request already says how it ended.
  if (attached.known) return conclude(attached.known, attached.how, offer)
  const { location, how } = attached
  let operation: Operation
  if (config.wait) operation = await waitForGoLive(offer, service, location, lane.waiting)
  // Started and not waited for: it is `accepted` (outputs.ts says how to check on it later).
  else if (how === 'started') return
  else {
    // Check-later mode: one read, and its state is the offer's result.
    operation = (await limit(() => service.readOperation(location))).operation
    offer.observe(operation)
  }
  conclude(operation, how, offer)
}

/** One offer's dry run: what its API says about going live now. Sends nothing that changes it. */
export async function dryRun(offer: Offer, lane: Lane): Promise<void> {
  await lane.limit(() => reportDryRun(offer, lane.service))
}
