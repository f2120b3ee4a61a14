// Text from the network made safe to print: no control characters or line breaks (a line of the log
// that starts with `::` or `##[` is a workflow command the runner obeys), and a bounded length.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators; bidi overrides and
// isolates too, which can make a log line read differently from what it says.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g
// What the runner reads as a command at the start of a line, after leading white space.
const COMMAND_START = /^(\s*)(::|##\[)/

/** One printable line: unsafe characters become a space, and a leading command marker is broken. */
export function oneLine(text: string): string {
  const flat = text.replace(UNSAFE, ' ')
  return flat.replace(COMMAND_START, (_whole, space: string, marker: string) => `${space}${marker === '::' ? ': :' : '# #['}`)
}

/**
 * A service string to quote inside one of the action's own sentences: one line, at most `max`
 * characters, ending in `…` when cut. Only the start of a huge string is looked at.
 */
export function serviceText(value: unknown, max = 200): string {
  const raw = typeof value === 'string' ? value : String(value)
  const scanned = raw.length > max * 8
  const text = oneLine(scanned ? raw.slice(0, max * 8) : raw)
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= max && !scanned) return text
  let end = Math.min(text.length, max - 1)
  // Never half of a surrogate pair (an emoji, say) before the ellipsis.
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}
