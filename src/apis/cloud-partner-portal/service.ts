// The Cloud Partner Portal API behind the go-live service interface.
import type { ServiceOptions } from '../api-descriptor.js'
import { knows, type GoLiveService, type OperationRef } from '../go-live-service.js'
import { CppClient } from './client.js'
import { dryRun } from './dry-run.js'
import { isCppOperationRef, type CppOperationRef } from './locations.js'
import { startGoLive } from './start-go-live.js'

/** The reference as this API's own; another API's is a fault of the action, never read. */
function own(ref: OperationRef): CppOperationRef {
  if (isCppOperationRef(ref)) return ref
  throw new Error(`The CPP API cannot read a ${ref.kind} reference`)
}

export function cppService(options: ServiceOptions): GoLiveService {
  const { subject, backoff, signal, deadline, progress, retryFailed, claims } = options
  const client = new CppClient(options)
  return {
    start: () => startGoLive(client, subject, { backoff, signal, deadline, progress, retryFailed, claims }),
    readOperation: async (location) => client.readOperation(own(location), subject),
    // The descriptor refuses a location of another offer: a CPP location names its publisher and offer.
    checkGiven: () => Promise.resolve(),
    dryRun: () => dryRun(client, { subject, retryFailed }),
    // The offer status answers 404 for an offer (or publisher) it does not have.
    findOffer: () => knows(() => client.getOfferStatus(subject), [401, 403, 404])
  }
}
