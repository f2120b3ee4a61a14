// The Cloud Partner Portal API behind the go-live service interface.
import type { ServiceOptions } from '../api-descriptor.js'
import { ActionError } from '../../errors.js'
import type { GoLiveService, OperationRef, Started } from '../go-live-service.js'
import { subjectLabel, type Subject } from '../subject.js'
import { CppClient } from './client.js'
import { dryRun } from './dry-run.js'
import { isCppOperationRef, type CppOperationRef } from './locations.js'
import { startGoLive, type CppStarted } from './start-go-live.js'

/** The reference as this API's own; another API's is a fault of the action, never read. */
function own(ref: OperationRef): CppOperationRef {
  if (isCppOperationRef(ref)) return ref
  throw new Error(`The CPP API cannot read a ${ref.kind} reference`)
}

/**
 * A live offer whose go-live the submissions do not name has no operation to record, and the run
 * records one for every offer (src/run/offer-run.ts): until it takes a live offer without one, the
 * step says so instead of inventing a location.
 */
function recordable(started: CppStarted, subject: Subject): Started {
  if (started.location) return started
  throw new ActionError(
    `${subjectLabel(subject)} is live already (offer status succeeded, no go-live running), and no Go Live request was sent; but the service lists no go-live that took it live, so there is no operation location to report.`,
    { resumable: false }
  )
}

export function cppService(options: ServiceOptions): GoLiveService {
  const { subject, backoff, signal, deadline } = options
  const client = new CppClient(options)
  return {
    start: async (onSending) => recordable(await startGoLive(client, subject, backoff, signal, onSending, deadline), subject),
    readOperation: async (location) => client.readOperation(own(location), subject),
    // The descriptor refuses a location of another offer: a CPP location names its publisher and offer.
    checkGiven: () => Promise.resolve(),
    dryRun: () => dryRun(client, subject)
  }
}
