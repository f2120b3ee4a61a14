// Tables read with text from the network or an input: only their own entries count. A plain
// `table[key]` would take `constructor`, `__proto__` or `toString` from Object.prototype as a state.

/** `table[key]` when the table itself has that entry; undefined otherwise. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
