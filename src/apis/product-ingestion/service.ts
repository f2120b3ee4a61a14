// The Partner Center Product Ingestion API behind the go-live service interface.
import { Inputs } from '../../constants.js'
import { InputError } from '../../errors.js'
import type { GoLiveService, OperationRef } from '../go-live-service.js'
import { log } from '../../report/log.js'
import type { BackoffSettings } from '../../http/retry.js'
import type { TokenProvider } from '../../auth/token-provider.js'
import type { Transport } from '../../http/transport.js'
import { isLoopbackHost } from '../../http/urls.js'
import { formatDuration } from '../../wait/duration.js'
import { IngestionClient } from './client.js'
import { ingestionDryRun } from './dry-run.js'
import { isJobLocation } from './locations.js'
import { productOf, startIngestionGoLive, type IngestionSubject } from './start-go-live.js'

export interface IngestionServiceOptions {
  offer: string
  baseUrl: URL
  version: string
  /** Given when the run waits: an interval under a minute against the real service is warned about. */
  pollIntervalMs?: number
  transport: Transport
  tokens: TokenProvider
  backoff: BackoffSettings
  signal?: AbortSignal
  /** When the step's timeout passes (epoch ms). */
  deadline?: number
}

/** Microsoft asks clients to read a job's status at most once a minute. */
const SLOWEST_POLL_ASKED_MS = 60_000

/**
 * A submission location names its product: one of another product is refused before any read. A
 * job id names no product, so a job location cannot be tied to the offer (README says so).
 */
async function checkGiven(client: IngestionClient, subject: IngestionSubject, location: OperationRef): Promise<void> {
  if (isJobLocation(location.url)) return
  // `submission/<product guid>/<n>`, rebuilt from validated parts (locations.ts).
  const named = location.id.split('/')[1] ?? ''
  const guid = await productOf(client, subject)
  if (named.toLowerCase() === guid.toLowerCase()) return
  throw new InputError(
    Inputs.OperationLocation,
    `names a submission of product ${named}, but offer '${subject.offer}' is product ${guid}: pass the operation-location of this offer's go-live, or set 'offer' to the offer it belongs to`
  )
}

export function ingestionService(options: IngestionServiceOptions): GoLiveService {
  const { offer, baseUrl, version, backoff, signal, deadline } = options
  const client = new IngestionClient(options)
  const subject = { offer, baseUrl, version }
  const interval = options.pollIntervalMs
  if (interval !== undefined && interval < SLOWEST_POLL_ASKED_MS && !isLoopbackHost(baseUrl.hostname)) {
    log.warning(
      `poll-interval is ${formatDuration(interval)}: Microsoft asks Product Ingestion API clients to read a job's status at most once a minute. Use poll-interval: 60s or more.`
    )
  }
  return {
    start: (onSending) => startIngestionGoLive(client, subject, backoff, signal, onSending, deadline),
    readOperation: (location) => client.readOperation(location),
    checkGiven: (location) => checkGiven(client, subject, location),
    dryRun: () => ingestionDryRun(client, subject)
  }
}
