// One offer whose go-live was never named: the step sets no output but `results` (always set once
// the inputs name the offers) and `status` (the one offer's status), and neither names a location.
import { expect } from '@jest/globals'

export interface NamedNothing {
  offer: string
  status: string
  error: string
}

/** Asserts that `results` and `status` are the only outputs and name no go-live; returns the entry. */
export function onlyResults(outputs: Record<string, string>): NamedNothing {
  expect(Object.keys(outputs).sort()).toEqual(['results', 'status'])
  const entries = JSON.parse(outputs.results as string) as Array<Record<string, string>>
  expect(entries).toHaveLength(1)
  const [entry] = entries as [Record<string, string>]
  expect(entry).toMatchObject({ 'operation-location': '', 'operation-id': '' })
  // Nothing named: nothing was sent (or it was refused), or it may have started (unknown).
  expect(['not started', 'unknown']).toContain(entry.status)
  // One offer: `status` is its status, always.
  expect(outputs.status).toBe(entry.status)
  return entry as unknown as NamedNothing
}
