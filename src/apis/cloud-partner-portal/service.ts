// The Cloud Partner Portal API behind the go-live service interface.
import type { GoLiveService } from '../go-live-service.js'
import type { BackoffSettings } from '../../http/retry.js'
import type { Subject } from '../../http/service-error.js'
import type { TokenProvider } from '../../auth/token-provider.js'
import type { Transport } from '../../http/transport.js'
import { CppClient } from './client.js'
import { dryRun } from './dry-run.js'
import { startGoLive } from './start-go-live.js'

export interface CppServiceOptions {
  subject: Subject
  baseUrl: URL
  apiVersion: string
  transport: Transport
  tokens: TokenProvider
  backoff: BackoffSettings
  signal?: AbortSignal
  /** When the step's timeout passes (epoch ms). */
  deadline?: number
}

export function cppService(options: CppServiceOptions): GoLiveService {
  const { subject, backoff, signal, deadline } = options
  const client = new CppClient(options)
  return {
    start: (onSending) => startGoLive(client, subject, backoff, signal, onSending, deadline),
    readOperation: (location) => client.getOperation(location.url, subject),
    // inputs.ts refuses a location of another offer: a CPP location names its publisher and offer.
    checkGiven: () => Promise.resolve(),
    dryRun: () => dryRun(client, subject)
  }
}
