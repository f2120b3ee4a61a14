// The action's only way to the log. Every line passes through oneLine(): whatever service text a
// message quotes, it cannot start a workflow command or break into a second line.
import * as core from '@actions/core'
import { oneLine } from './safe-text.js'

// Multi-line messages of the action's own (the id-token permission hint) stay readable: each line
// is made safe on its own, and the lines are joined again for the annotation.
function safe(message: string): string {
  return message.split(/\r?\n/).map(oneLine).join('\n')
}

function eachLine(message: string, write: (line: string) => void): void {
  for (const line of message.split(/\r?\n/)) write(oneLine(line))
}

export const log = {
  info: (message: string): void => eachLine(message, (line) => core.info(line)),
  debug: (message: string): void => eachLine(message, (line) => core.debug(line)),
  // Commands escape line breaks in their data themselves; the lines are still cleaned one by one.
  notice: (message: string): void => core.notice(safe(message)),
  warning: (message: string): void => core.warning(safe(message)),
  /** The step's error: marks the step failed. */
  fail: (message: string): void => core.setFailed(safe(message))
}
