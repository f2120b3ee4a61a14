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

/** A service string to quote inside one of the action's own sentences: one line, at most `max` characters. */
export function serviceText(value: unknown, max = 200): string {
  const text = oneLine(typeof value === 'string' ? value : String(value))
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
