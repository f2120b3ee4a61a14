// Reading JSON and text from the network: an object is a plain JSON object, and a table read with a
// service's word takes only its own entries (a plain `table[key]` would take `constructor`,
// `__proto__` or `toString` from Object.prototype as a state).

/** A JSON object (not an array, not null): the one test every parser of an answer uses. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `table[key]` when the table itself has that entry; undefined otherwise. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
