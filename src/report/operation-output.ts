// The `operation` output: the last body the service sent, as JSON. Whatever the service sent, this
// never throws (a body nested thousands of levels deep overflows JSON.stringify's stack) and stays
// far below GitHub's 1 MiB output limit.
import type { Operation } from '../wait/operation.js'

const MAX_DEPTH = 32
const MAX_ENTRIES = 1_000
const MAX_STRING = 10_000
const MAX_OUTPUT_CHARS = 256 * 1024

function prune(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_DEPTH) return '[nested too deep]'
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ENTRIES).map((item) => prune(item, depth + 1))
    if (value.length > MAX_ENTRIES) items.push(`[${value.length - MAX_ENTRIES} more items]`)
    return items
  }
  const keys = Object.keys(value)
  // No prototype: a key `__proto__` (JSON.parse makes it an own key) stays a key, not a prototype.
  const out = Object.create(null) as Record<string, unknown>
  for (const key of keys.slice(0, MAX_ENTRIES)) out[key] = prune((value as Record<string, unknown>)[key], depth + 1)
  if (keys.length > MAX_ENTRIES) out['…'] = `${keys.length - MAX_ENTRIES} more keys`
  return out
}

export function operationOutput(operation: Operation): string {
  const text = JSON.stringify(prune(operation.body, 0))
  if (text.length <= MAX_OUTPUT_CHARS) return text
  // Too large to pass on whole: what the action read of it, which is bounded.
  return JSON.stringify({
    status: operation.rawStatus ?? null,
    truncated: `The body the service sent was ${text.length} characters as JSON; this is what the action read of it.`,
    steps: operation.steps
      .slice(0, 100)
      .map(({ id, name, rawStatus, progress, estimate }) => ({ id, stepName: name, status: rawStatus, progress, estimate })),
    messages: operation.messages.slice(0, 100)
  })
}
