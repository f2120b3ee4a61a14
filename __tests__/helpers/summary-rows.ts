// The job summary's table, as the e2e tests read it: one row per offer, by its label.
import { expect } from '@jest/globals'

/** The cells of the summary row of `label` (the offer as messages name it); fails when there is none. */
export function summaryRow(summary: string, label: string): string[] {
  const line = summary.split('\n').find((l) => l.startsWith(`| ${label} |`))
  expect([label, line === undefined ? 'no row' : 'a row']).toEqual([label, 'a row'])
  return (line as string)
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
}

/** The cells of the one offer's row of a one-offer summary (the table's only row). */
export function onlyRow(summary: string): string[] {
  const rows = summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Offer |') && !l.startsWith('| --- |'))
  // Steps tables come after the offers' table: the first row is the offer's.
  const [line] = rows
  expect(line).toBeDefined()
  return (line as string)
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
}

/**
 * The summary as GitHub reads it as text: without its code spans (what service text GitHub would
 * link is shown as code) and link destinations. A URL left in it is one GitHub turns into a link.
 */
export function textOutsideCode(summary: string): string {
  return summary
    .replace(/\\`/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\]\([^)\s]*\)/g, ']')
}
