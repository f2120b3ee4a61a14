// Durations as workflows write them: `500ms`, `30s`, `15m`, `6h`, `2d`, `1h30m`; a bare number is seconds.
import { ownEntry } from '../lookup.js'
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000
}
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y
const BARE_NUMBER = /^\d+(?:\.\d+)?$/

/** Milliseconds for a duration text, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (BARE_NUMBER.test(value)) return Math.round(Number(value) * 1_000)
  if (value === '') return undefined
  let total = 0
  let index = 0
  const seen = new Set<string>()
  while (index < value.length) {
    PART.lastIndex = index
    const match = PART.exec(value)
    if (!match) return undefined
    const [whole, amount, unit] = match as unknown as [string, string, string]
    if (seen.has(unit)) return undefined
    seen.add(unit)
    total += Number(amount) * (ownEntry(UNIT_MS, unit) as number)
    index += whole.length
  }
  return Math.round(total)
}

/** A short human form: `1h 30m`, `2m 5s`, `450ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))}ms`
  let rest = Math.round(ms / 1_000)
  const parts: string[] = []
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  return parts.slice(0, 2).join(' ')
}
