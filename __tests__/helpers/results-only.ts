// One offer whose go-live was never named: the step sets no output but `results` (always set once
// the inputs name the offers), and that names no location either.
import { expect } from '@jest/globals'

export interface NamedNothing {
  offer: string
  status: string
  error: string
}

/** Asserts that `results` is the only output and its one entry names no go-live; returns the entry. */
export function onlyResults(outputs: Record<string, string>): NamedNothing {
  expect(Object.keys(outputs)).toEqual(['results'])
  const entries = JSON.parse(outputs.results as string) as Array<Record<string, string>>
  expect(entries).toHaveLength(1)
  const [entry] = entries as [Record<string, string>]
  expect(entry).toMatchObject({ 'operation-location': '', 'operation-id': '' })
  expect(['not started', 'failed']).toContain(entry.status)
  return entry as unknown as NamedNothing
}
