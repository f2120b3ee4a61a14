/** A failure the user can act on: its message is shown as the step's error as is. */
export class ActionError extends Error {
  override name = 'ActionError'
  /**
   * Whether a go-live this failure interrupts goes on at the service, so the step's error adds how
   * to check on it later. Off for a failure that ends it (the go-live failed) or that names the
   * operation and what to do about it itself; an error made from another (`cause`) takes its flag.
   */
  resumable: boolean
  constructor(message: string, options: { cause?: unknown; resumable?: boolean } = {}) {
    const { cause, resumable } = options
    super(message, cause === undefined ? undefined : { cause })
    this.resumable = resumable ?? (cause instanceof ActionError ? cause.resumable : true)
  }
}

/** An input that is missing or malformed; raised before any request is sent. */
export class InputError extends ActionError {
  override name = 'InputError'
  constructor(input: string, problem: string) {
    super(`Input '${input}' ${problem}`)
  }
}

/** The workflow was cancelled (SIGINT/SIGTERM) while the action was working. */
export class CancelledError extends ActionError {
  override name = 'CancelledError'
  constructor(signal: string) {
    super(`Received ${signal}: the workflow is being cancelled`)
  }
}

/**
 * Signing in failed after the step had signed in (a renewal). Never a passing outage of the API that
 * a pre-check could go on without: nothing can be sent without a token. `outage`: the identity
 * service was down or unreadable, so a later try may succeed (a wait loses a poll, not the wait);
 * otherwise the failure is the answer to every later ask for a token, with no further sign-in.
 */
export class SignInError extends ActionError {
  override name = 'SignInError'
  readonly outage: boolean
  constructor(message: string, options: { cause?: unknown; outage: boolean }) {
    super(message, { cause: options.cause })
    this.outage = options.outage
  }
}

/** The step's `timeout` passed while a request, a retry or a sleep was under way. */
export class DeadlineError extends ActionError {
  override name = 'DeadlineError'
  constructor() {
    super('The timeout passed')
  }
}

/**
 * The service could not be reached or read (down, throttled, a gateway's error page, an answer cut
 * off or too large), as opposed to a problem of the caller (sign-in, permissions, a wrong id) that
 * every later request would share. While waiting, one of these costs one poll, not the wait.
 */
export class ServiceUnavailableError extends ActionError {
  override name = 'ServiceUnavailableError'
}

/**
 * An answer that does not have the shape a parser needs (not an object, not a list, about another
 * job). The JSON client makes it an UnexpectedAnswerError, a fault of the service that costs one
 * poll; `message` says what the answer is not ("is not a JSON object"). Any other error a parser
 * throws (a TypeError) is a fault of the action and fails the step.
 */
export class ShapeError extends Error {
  override name = 'ShapeError'
}

/** The message of anything thrown, for a sentence. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
