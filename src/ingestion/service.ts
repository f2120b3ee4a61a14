// The Partner Center Product Ingestion API behind the go-live service interface.
import type { GoLiveService } from '../go-live-service.js'
import { log } from '../log.js'
import type { BackoffSettings } from '../retry.js'
import type { TokenProvider } from '../token-provider.js'
import type { Transport } from '../transport.js'
import { isLoopbackHost } from '../urls.js'
import { formatDuration } from '../duration.js'
import { IngestionClient } from './client.js'
import { ingestionDryRun } from './dry-run.js'
import { startIngestionGoLive } from './start-go-live.js'

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
    dryRun: () => ingestionDryRun(client, subject)
  }
}
