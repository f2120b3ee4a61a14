// The action's only way to the log. Every line passes through oneLine(): whatever service text a
// message quotes, it cannot start a workflow command or break into a second line. And every line is
// cut to MAX_LINE: a service that sends a 3 MB string costs the log one bounded line, not 3 MB.
// And with several offers, every line written while an offer's part runs (within()) is also kept
// for that offer (kept-lines.ts), to be told again in its group at the step's end (group()).
import { AsyncLocalStorage } from 'node:async_hooks'
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { KeptLine, KeptLines } from './kept-lines.js'
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

// Whose part of the step is running: the offer whose lines these are. The scope follows the offer's
// own calls and awaits (whatever module writes the line), not the text, so a line needs no label
// to be found; work shared by the step (sign-in, the heartbeat) starts outside every offer's scope.
const scope = new AsyncLocalStorage<KeptLines>()

/** Keeps a line for the offer whose part is running, if any. */
function keep(text: string, debug = false): void {
  scope.getStore()?.add({ text, debug })
}

/** An annotation kept as the runner shows it (`Warning: …`): told again, it must not annotate twice. */
function keepAnnotation(word: string, data: string): void {
  const kept = scope.getStore()
  if (kept) eachLine(`${word}: ${data}`, MAX_LINE, false, (line) => kept.add({ text: line, debug: false }))
}

/** A group's title: one safe line that no `::` can end early or turn into another command. */
function groupTitle(title: string): string {
  return fit(title, 200, true, (text) => oneLine(text).replace(/:(?=:)/g, ': '))
}

export const log = {
  info: (message: string): void =>
    eachLine(message, MAX_LINE, false, (line) => {
      core.info(line)
      keep(line)
    }),
  debug: (message: string): void =>
    eachLine(message, MAX_LINE - '::debug::'.length, true, (line) => {
      core.debug(line)
      // Shown only with step debug on: kept only then, so they never crowd out the story.
      if (core.isDebug()) keep(line, true)
    }),
  // Commands escape line breaks in their data themselves; the lines are still cleaned one by one.
  notice: (message: string): void => {
    const data = annotation('notice', message)
    core.notice(data)
    keepAnnotation('Notice', data)
  },
  warning: (message: string): void => {
    const data = annotation('warning', message)
    core.warning(data)
    keepAnnotation('Warning', data)
  },
  /** The step's error: marks the step failed. */
  fail: (message: string): void => core.setFailed(annotation('error', message)),
  /** A fault of the action's own (not an ActionError, which is words for the user): its stack, for debugging. */
  fault: (error: unknown): void => {
    if (error instanceof Error && !(error instanceof ActionError)) log.debug(error.stack ?? error.message)
  },
  /** Runs `part` as one offer's: every line it writes (info, debug, warning, notice) is also kept in `kept`. */
  within: <T>(kept: KeptLines, part: () => T): T => scope.run(kept, part),
  /**
   * One collapsible group: `title`, then `lines` as they were kept (made safe and bounded when first
   * written). Written at once, outside any offer's scope, so nothing else lands inside it.
   */
  group: (title: string, lines: readonly KeptLine[]): void =>
    scope.exit(() => {
      core.startGroup(groupTitle(title))
      try {
        for (const line of lines) {
          if (line.debug) core.debug(line.text)
          else core.info(line.text)
        }
      } finally {
        core.endGroup()
      }
    })
}
