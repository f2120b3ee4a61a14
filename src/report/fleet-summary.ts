// The job summary of a step that takes several offers live: one table, a row per offer. Service
// text is escaped as in the one-offer summary; links are the service's own preview and live links
// as wait/links.ts keeps them (https only, no credentials, escaped); the whole stays far below
// GitHub's 1 MiB limit however many offers and whatever the service sends.
import { formatDuration } from '../wait/duration.js'
import { markdownText, RESULT_ICONS, VERDICTS, type SummaryFacts } from './summary.js'

interface FleetRow extends Omit<SummaryFacts, 'publisher' | 'offer' | 'elapsedMs'> {
  /** The offer as messages name it. */
  label: string
  /** Its status in the `results` output. */
  status: string
}

export interface FleetFacts {
  rows: FleetRow[]
  /** The step's aggregate status (undefined for a dry run that failed nowhere). */
  status: string | undefined
  elapsedMs: number
  /** A failure of the whole step (the sign-in), said once above the table. */
  note?: string | undefined
  dryRun: boolean
}

/** Links of each kind shown per offer, and the longest URL shown. */
const MAX_LINKS = 3
const MAX_URL = 500
/** Rows stop before this; the `results` output lists every offer. 256 full rows fit well within. */
const MAX_SUMMARY_CHARS = 600 * 1024

const HOW = { attached: ' (followed)', started: '', live: ' (live already)' } as const

/**
 * The operation's preview and live links as markdown. They are safe already (wait/links.ts: https,
 * no credentials, characters that end a link percent-encoded); here only their number and length
 * are kept small and their text escaped.
 */
function linksMarkdown(operation: SummaryFacts['operation']): string {
  if (!operation) return ''
  const kinds = [
    ['Preview', operation.links.preview],
    ['Live', operation.links.live]
  ] as const
  return kinds
    .map(([name, list]) => {
      const shown = list.filter((link) => link.url.length <= MAX_URL).slice(0, MAX_LINKS)
      const cells = shown.map((link) => `[${markdownText(link.text, 60)}](${link.url})`)
      return cells.length > 0 ? `${name}: ${cells.join(', ')}` : ''
    })
    .filter((part) => part !== '')
    .join(' · ')
}

function resultCell(row: FleetRow): string {
  // `unknown` is `failed` in `results`: the cell says which it was.
  const word = row.result === 'unknown' ? 'failed (outcome unknown)' : row.status
  const icon = RESULT_ICONS[row.result === 'unknown' ? 'unknown' : row.status] ?? '⛔'
  return `${icon} ${word}${row.how ? HOW[row.how] : ''}`
}

function goLiveRow(row: FleetRow): string {
  const operation =
    row.location && /^https?:$/.test(row.location.protocol)
      ? `[${markdownText(row.operationId ?? row.location.href)}](${row.location.href})`
      : ''
  const started = markdownText(row.operation?.started ?? '', 40)
  const ended = markdownText(row.operation?.ended ?? '', 40)
  const details = [row.note ? markdownText(row.note, 300) : '', linksMarkdown(row.operation)].filter((d) => d !== '').join(' · ')
  return `| ${markdownText(row.label, 260)} | ${resultCell(row)} | ${operation} | ${started} | ${ended} | ${details} |`
}

function dryRunRow(row: FleetRow): string {
  const report = row.dryRun
  // The offer status is one of a fixed set of words (canonicalOfferStatus), never service text.
  const cells = report
    ? [`\`${report.offerStatus}\``, VERDICTS[report.verdict], markdownText(report.message)]
    : ['', '⛔ not read', markdownText(row.note ?? '', 300)]
  return `| ${markdownText(row.label, 260)} | ${cells.join(' | ')} |`
}

/** How many offers ended each way, in the order of the rows: "2 succeeded, 1 failed". */
function tally(rows: FleetRow[]): string {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1)
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ')
}

export function fleetSummaryMarkdown(facts: FleetFacts): string {
  const { rows } = facts
  const lines = [`## Go live${facts.dryRun ? ' (dry run)' : ''}: ${rows.length} offers`, '']
  if (facts.dryRun) lines.push('No Go Live request was sent.', '')
  const result = facts.status ? `${RESULT_ICONS[facts.status] ?? '⛔'} ${facts.status}: ` : ''
  lines.push(`**Result:** ${result}${tally(rows)}. Elapsed ${formatDuration(facts.elapsedMs)}.`, '')
  if (facts.note) lines.push(markdownText(facts.note, 2_000), '')
  lines.push(
    ...(facts.dryRun
      ? ['| Offer | Offer status | Verdict | Why |', '| --- | --- | --- | --- |']
      : ['| Offer | Result | Operation | Started | Ended | Details |', '| --- | --- | --- | --- | --- | --- |'])
  )
  let size = lines.join('\n').length
  let shown = 0
  for (const row of rows) {
    const line = facts.dryRun ? dryRunRow(row) : goLiveRow(row)
    if (size + line.length + 1 > MAX_SUMMARY_CHARS) break
    lines.push(line)
    size += line.length + 1
    shown++
  }
  if (shown < rows.length) lines.push('', `…and ${rows.length - shown} more offers: the \`results\` output lists every one.`)
  lines.push('')
  return lines.join('\n')
}
