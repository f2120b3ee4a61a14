// The Partner Center Product Ingestion API behind the go-live service interface.
import { Inputs } from '../../constants.js'
import { InputError } from '../../errors.js'
import type { ServiceOptions } from '../api-descriptor.js'
import { knows, type GoLiveService, type OperationRef } from '../go-live-service.js'
import type { Subject } from '../subject.js'
import { log } from '../../report/log.js'
import { isLoopbackHost } from '../../http/urls.js'
import { formatDuration } from '../../wait/duration.js'
import { ProductIngestionClient } from './client.js'
import { dryRun } from './dry-run.js'
import { isProductIngestionRef, type ProductIngestionRef } from './locations.js'
import { productOf, startGoLive, type GoLiveRules } from './start-go-live.js'

/** Microsoft asks clients to read a job's status at most once a minute. */
const SLOWEST_POLL_ASKED_MS = 60_000

/** The reference as this API's own; another API's is a fault of the action, never read. */
function own(ref: OperationRef): ProductIngestionRef {
  if (isProductIngestionRef(ref)) return ref
  throw new Error(`The Product Ingestion API cannot read a ${ref.kind} reference`)
}

/**
 * A submission location names its product: one of another product is refused before any read. A
 * job id names no product, so a job location cannot be tied to the offer (README says so).
 */
async function checkGiven(client: ProductIngestionClient, subject: Subject, location: ProductIngestionRef): Promise<void> {
  if (location.kind === 'job') return
  // `submission/<product guid>/<n>`, rebuilt from validated parts (locations.ts).
  const named = location.id.split('/')[1] ?? ''
  const guid = await productOf(client, subject)
  if (named.toLowerCase() === guid.toLowerCase()) return
  throw new InputError(
    Inputs.OperationLocation,
    `names a submission of product ${named}, but offer '${subject.offer}' is product ${guid}: pass the operation-location of this offer's go-live, or set 'offer' to the offer it belongs to`
  )
}

export function productIngestionService(options: ServiceOptions): GoLiveService {
  const { subject, baseUrl, backoff, signal, deadline, progress } = options
  const client = new ProductIngestionClient(options)
  const interval = options.pollIntervalMs
  if (interval !== undefined && interval < SLOWEST_POLL_ASKED_MS && !isLoopbackHost(baseUrl.hostname)) {
    log.warning(
      `poll-interval is ${formatDuration(interval)}: Microsoft asks Product Ingestion API clients to read a job's status at most once a minute. Use poll-interval: 60s or more.`
    )
  }
  const rules: GoLiveRules = { retryFailed: options.retryFailed, claims: options.claims }
  return {
    start: () => startGoLive(client, subject, { backoff, signal, deadline, progress }, rules),
    readOperation: async (location) => client.readOperation(own(location)),
    checkGiven: async (location) => checkGiven(client, subject, own(location)),
    dryRun: () => dryRun(client, subject, rules),
    // Known only by a product whose identity names the offer: a lone product listed without one is
    // what a lookup that ignored its filter returns, and it is no product the user named.
    findOffer: () => knows(async () => (await client.findNamedProduct(subject.offer)) !== undefined)
  }
}
