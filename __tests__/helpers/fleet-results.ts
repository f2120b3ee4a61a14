// Reading a fleet step's outcome: the `results` output as the issue defines it, the step's error
// lines, and waiting on a running step for something the emulators see.
import { expect } from '@jest/globals'
import type { RunningAction, RunResult } from '../../scripts/run-action.js'

export interface OfferResult {
  offer: string
  api: string
  status: string
  'operation-location': string
  'operation-id': string
  'offer-status': string
  error: string
}

const KEYS = ['api', 'error', 'offer', 'offer-status', 'operation-id', 'operation-location', 'status']
const APIS = ['', 'cloud-partner-portal', 'product-ingestion']
const STATUSES = ['accepted', 'running', 'succeeded', 'failed', 'canceled', 'not started', 'unknown']

/** The step's `::error::` lines. */
export const errorLines = (run: RunResult): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::error::'))

/**
 * The `results` output, checked for the shape the issue fixes: one object per offer in input order,
 * exactly its seven keys, string values, a known status, and a one-line error of at most 300 characters.
 */
export function resultsOf(run: RunResult, offers: string[]): OfferResult[] {
  // A step that refused its inputs says so first: that is the reason to show, not a missing output.
  expect(errorLines(run).filter((line) => line.startsWith("::error::Input '"))).toEqual([])
  expect(run.outputs.results).toBeDefined()
  const results = JSON.parse(run.outputs.results as string) as OfferResult[]
  expect(results.map((r) => r.offer)).toEqual(offers)
  for (const result of results) {
    expect(Object.keys(result).sort()).toEqual(KEYS)
    for (const key of KEYS) expect(typeof result[key as keyof OfferResult]).toBe('string')
    expect(STATUSES).toContain(result.status)
    expect(APIS).toContain(result.api)
    expect(result.error).not.toMatch(/[\r\n]/)
    expect(result.error.length).toBeLessThanOrEqual(300)
  }
  return results
}

/** Resolves once `condition` holds (checked every few ms); rejects if the step exits first. */
export async function waitUntil(running: RunningAction, condition: () => boolean, what: string): Promise<void> {
  let exited: RunResult | undefined
  void running.result.then((run) => (exited = run))
  while (!condition()) {
    if (exited) throw new Error(`The step exited (${exited.exitCode}) before ${what}:\n${errorLines(exited).join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
