// The action's only way to the log. Every line passes through oneLine(): whatever service text a
// message quotes, it cannot start a workflow command or break into a second line. And every line is
// cut to MAX_LINE: a service that sends a 3 MB string costs the log one bounded line, not 3 MB.
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import { oneLine } from './safe-text.js'

/** The longest line the action prints, as the runner reads it: command and escaping included. */
export const MAX_LINE = 4096
/** The end of a line that was cut. */
export const CUT = '… (cut)'

// How much of a message is cleaned at most: far more than a line can show, even after white space
// and control characters collapse. The rest of a huge message is never looked at.
const SCANNED = 4 * MAX_LINE

/** Places a character takes in a command's data: @actions/core escapes %, CR and LF as %XX. */
function width(char: string, escaped: boolean): number {
  return escaped && (char === '%' || char === '\r' || char === '\n') ? 3 : 1
}

/** The longest start of `text` that takes at most `room` places, never ending in half a surrogate pair. */
function startWithin(text: string, room: number, escaped: boolean): { start: string; whole: boolean } {
  let used = 0
  let end = 0
  for (; end < text.length; end++) {
    used += width(text[end] as string, escaped)
    if (used > room) break
  }
  if (end === text.length) return { start: text, whole: true }
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return { start: text.slice(0, end), whole: false }
}

/** `message` cleaned by `clean` and cut to `room` places, ending in CUT when anything was left out. */
function fit(message: string, room: number, escaped: boolean, clean: (text: string) => string): string {
  const scanned = message.length > SCANNED
  const text = clean(scanned ? message.slice(0, SCANNED) : message)
  const { start, whole } = startWithin(text, room, escaped)
  if (whole && !scanned) return start
  return startWithin(text, room - CUT.length, escaped).start + CUT
}

// Multi-line messages of the action's own (the id-token permission hint) stay readable: each line
// is made safe on its own, and the lines are joined again for the annotation.
function safe(message: string): string {
  return message.split(/\r?\n/).map(oneLine).join('\n')
}

/** One command's data, cut so that the command's line (`::warning::` and escapes included) fits. */
function annotation(command: string, message: string): string {
  return fit(message, MAX_LINE - `::${command}::`.length, true, safe)
}

function eachLine(message: string, room: number, escaped: boolean, write: (line: string) => void): void {
  // A message of a million short lines is as much a flood as one long line: its start is enough.
  const lines = fit(message, MAX_LINE * 4, false, (text) => text).split(/\r?\n/)
  for (const line of lines) write(fit(line, room, escaped, oneLine))
}

export const log = {
  info: (message: string): void => eachLine(message, MAX_LINE, false, (line) => core.info(line)),
  debug: (message: string): void => eachLine(message, MAX_LINE - '::debug::'.length, true, (line) => core.debug(line)),
  // Commands escape line breaks in their data themselves; the lines are still cleaned one by one.
  notice: (message: string): void => core.notice(annotation('notice', message)),
  warning: (message: string): void => core.warning(annotation('warning', message)),
  /** The step's error: marks the step failed. */
  fail: (message: string): void => core.setFailed(annotation('error', message)),
  /** A fault of the action's own (not an ActionError, which is words for the user): its stack, for debugging. */
  fault: (error: unknown): void => {
    if (error instanceof Error && !(error instanceof ActionError)) log.debug(error.stack ?? error.message)
  }
}
