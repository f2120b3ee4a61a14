// What a go-live service must do, whichever API it speaks. The run (src/run/, main.ts), the wait loop
// and reporting use only this; each folder under src/apis/ implements it for its API.
import { ServiceError } from '../http/service-error.js'
import type { Operation } from '../wait/operation.js'
import type { Link } from '../wait/links.js'
import type { TriggerProgress } from '../http/api-client.js'
import type { BackoffSettings } from '../http/retry.js'

/**
 * An operation to follow, rebuilt from validated parts: safe to poll, print and pass on. `kind` says
 * what it names, in its API's terms ('cpp-operation'; 'job' or 'submission'): the service reads it
 * by its kind, never by the look of its URL.
 */
export interface OperationRef {
  readonly kind: string
  url: URL
  /** The operation's id, as validated. */
  id: string
  /**
   * A page a person can open about it (signed in), built by its API from validated ids only: Partner
   * Center's page of a Product Ingestion product. The location itself is an API URL a browser cannot open.
   */
  page?: Link | undefined
}

/**
 * `started`: this run's request was accepted. `attached`: a go-live already running is followed.
 * `live`: the offer is live with what would be taken live; nothing was sent. Its operation is the
 * final state, and its location the go-live that took it live when the service names one.
 */
export type Started =
  | {
      how: 'started' | 'attached'
      location: OperationRef
      /** What the answer to the request said, when it said it: a final state is the outcome. */
      operation?: Operation
    }
  | { how: 'live'; location?: OperationRef | undefined; operation: Operation }

/**
 * How a start runs: the backoff of its requests, the step's signal and deadline (epoch ms, which
 * bounds the look for a go-live after a lost answer), and `progress`, told as the request that starts
 * the go-live goes out and as its answer comes (see triggerGoLive).
 */
export interface StartOptions {
  backoff: BackoffSettings
  signal?: AbortSignal | undefined
  deadline?: number | undefined
  progress?: TriggerProgress | undefined
}

export interface OperationRead {
  operation: Operation
  /** A `Retry-After` the service sent with the status, to be honoured before the next poll. */
  retryAfterMs?: number
}

/** `ready`: a go-live would start now. `blocked`: it would not. `live`: it has already happened. */
type Verdict = 'ready' | 'blocked' | 'live' | 'unknown'

export interface DryRunReport {
  /** The offer's state, one of a fixed set of lowerCamelCase words (never service text). */
  offerStatus: string
  verdict: Verdict
  message: string
}

export interface GoLiveService {
  /**
   * Starts the go-live, or finds the one already running; never starts two. The offer's progress
   * (ServiceOptions.progress) is told as the request that starts it goes out and as its answer comes.
   */
  start(): Promise<Started>
  /**
   * Reads an operation this service named (or one given as input and checked by it), by its kind. A
   * read about another operation is an unexpected answer (a missed poll), never this one's state.
   */
  readOperation(location: OperationRef): Promise<OperationRead>
  /**
   * Checks an operation location given as input against the offer, where the API can tell whose it
   * is; throws an InputError naming both when it belongs to another. Sends nothing that changes it.
   */
  checkGiven(location: OperationRef): Promise<void>
  /** Whether a go-live would start now; sends nothing that changes the offer. */
  dryRun(): Promise<DryRunReport>
  /**
   * Whether this API knows the offer (`api: auto` looks an offer up in each API in turn). A refusal
   * of the sign-in (401, 403) is not knowing it; an outage or an answer it cannot read is thrown.
   * Sends nothing that changes the offer.
   */
  findOffer(): Promise<boolean>
}

/**
 * Whether an API knows the offer, from a read of it (`read` answers true or false, or throws). A
 * refusal of the sign-in (401, 403) is not knowing it: the identity is not on that API's account.
 * `notHere`: those and the API's own "no such offer" answers (CPP: 404; Product Ingestion answers an
 * unknown external id with an empty list, so a 404 there is a gateway's, thrown). Anything else (an
 * outage, an answer it cannot read) is thrown as it is: it must not send the offer to another API.
 */
export async function knows(read: () => Promise<unknown>, notHere: readonly number[] = [401, 403]): Promise<boolean> {
  try {
    return (await read()) !== false
  } catch (error) {
    if (error instanceof ServiceError && notHere.includes(error.status)) return false
    throw error
  }
}
