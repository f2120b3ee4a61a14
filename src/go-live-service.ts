// What a go-live service must do, whichever API it speaks. The wait loop, reporting and main.ts use
// only this; src/cpp/ implements it for the Cloud Partner Portal API.
import type { Operation } from './operation.js'

/** An operation to follow, rebuilt from validated parts: safe to poll, print and pass on. */
export interface OperationRef {
  url: URL
  /** The operation's id, as validated. */
  id: string
}

export interface Started {
  location: OperationRef
  /**
   * `started`: this run's request was accepted. `attached`: a go-live already running is followed.
   * `live`: the offer is live with what would be taken live; nothing was sent.
   */
  how: 'started' | 'attached' | 'live'
  /** The operation's state when it is already known (for `live`: its final state). */
  operation?: Operation
}

export interface OperationRead {
  operation: Operation
  /** A `Retry-After` the service sent with the status, to be honoured before the next poll. */
  retryAfterMs?: number
}

/** `ready`: a go-live would start now. `blocked`: it would not. `live`: it has already happened. */
export type Verdict = 'ready' | 'blocked' | 'live' | 'unknown'

export interface DryRunReport {
  /** The offer's state, one of a fixed set of lowerCamelCase words (never service text). */
  offerStatus: string
  verdict: Verdict
  message: string
}

export interface GoLiveService {
  /**
   * Starts the go-live, or finds the one already running; never starts two. `onSending` is told
   * just before the request that starts it goes out.
   */
  start(onSending?: () => void): Promise<Started>
  /** Reads an operation this service named (or one given as input and checked by it). */
  readOperation(location: URL): Promise<OperationRead>
  /** Whether a go-live would start now; sends nothing that changes the offer. */
  dryRun(): Promise<DryRunReport>
}
