// Times as the services write them (`2017-03-28T19:50:39.5506018Z`): seconds, up to 9 fractional
// digits (they send 6 or 7, or none), a zone or none (read as UTC). Compared exactly, in nanoseconds
// (Date.parse stops at milliseconds), and quoted as sent: never rewritten.
const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/i

/** The instant `text` names, in nanoseconds since 1970; undefined when it is not a time (`2022-03-01-preview2T…`). */
export function instantOf(text: string | undefined): bigint | undefined {
  const match = text === undefined ? null : TIME.exec(text)
  if (!match) return undefined
  const seconds = Date.parse(`${match[1]}${match[3] ?? 'Z'}`)
  if (Number.isNaN(seconds)) return undefined
  return BigInt(seconds) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'))
}

/** The time of `times` that `later` prefers over every other, as sent; undefined when none reads as a time. */
function pick(times: Iterable<string | undefined>, later: boolean): string | undefined {
  let best: { text: string; at: bigint } | undefined
  for (const text of times) {
    const at = instantOf(text)
    if (at === undefined) continue
    if (!best || (later ? at > best.at : at < best.at)) best = { text: text as string, at }
  }
  return best?.text
}

/** The earliest of `times` that reads as a time, as sent. */
export const earliestTime = (times: Iterable<string | undefined>): string | undefined => pick(times, false)

/** The latest of `times` that reads as a time, as sent. */
export const latestTime = (times: Iterable<string | undefined>): string | undefined => pick(times, true)
