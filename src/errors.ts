/** A failure the user can act on: its message is shown as the step's error as is. */
export class ActionError extends Error {
  override name = 'ActionError'
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
