// The job summary: what a release engineer looks at after the run. One renderer for one offer or
// many: a result line, a table with a row per offer (the same words and icons either way; the
// operation location to copy, the page a person can open beside it, when it started and ended, the
// service's preview and live links), then the steps and the service's errors of the offers that
// have them, failed ones first. Service text is escaped to render as text (no HTML, no links, no
// table breaks), and every list is cut, so the summary stays far below GitHub's 1 MiB limit
// whatever the service sends and however many offers there are.
import * as core from '@actions/core'
import { formatDuration } from '../wait/duration.js'
import type { DryRunReport } from '../apis/go-live-service.js'
import { messageOf } from '../errors.js'
import { log } from './log.js'
import { failureReasons, type Operation, type OperationStep } from '../wait/operation.js'
import { serviceText } from './safe-text.js'
import { safeLinkUrl, type Link } from '../wait/links.js'

/** One offer's row, as the run's outcome renders it (src/run/outputs.ts). */
export interface SummaryRow {
  /** The offer as messages name it. */
  label: string
  /** Its status in the `results` output. */
  status: string
  how?: 'started' | 'attached' | 'live' | 'given' | undefined
  location?: URL | undefined
  /** A page a person can open about the go-live (Partner Center's page of a Product Ingestion product). */
  page?: Link | undefined
  operation?: Operation | undefined
  /** Its error, in words (the `results` error, whole). */
  note?: string | undefined
  /** Set by a dry run: what the offer's status says about going live now. */
  dryRun?: DryRunReport | undefined
}

export interface SummaryFacts {
  /** What the heading names: the offer with one, their number with several. */
  title: string
  rows: SummaryRow[]
  /** The `status` output. */
  status: string
  elapsedMs: number
  /** A failure of the whole step (the inputs, the sign-in), said once above the table. */
  note?: string | undefined
  dryRun: boolean
}

/** Links of each kind shown per offer, and the longest URL shown. */
const MAX_LINKS = 3
const MAX_URL = 500
/** Offers whose steps and errors are shown below the table, and how many of each per offer. */
const MAX_DETAILED = 10
const MAX_STEPS = 50
const MAX_REASONS = 20
/** Rows stop before this; the `results` output lists every offer. 256 full rows fit well within. */
const MAX_TABLE_CHARS = 600 * 1024
/** A backstop far below GitHub's 1 MiB: the lists above are cut long before it. */
const MAX_SUMMARY_CHARS = 900 * 1024

const RESULT_ICONS: Record<string, string> = {
  succeeded: '✅',
  failed: '❌',
  canceled: '🚫',
  unknown: '❓',
  running: '⏳',
  accepted: '🚀',
  'not started': '⛔'
}

const HOW = { attached: ' (followed)', started: '', live: ' (live already: nothing sent)', given: '' } as const

// What GitHub makes a link by itself (cmark-gfm's autolink extension): a URL with a scheme, a `www.`
// name, an e-mail address (`mailto:` and `xmpp:` ones too). A word of service text that has one is
// shown as code instead: text to copy, never a link, and no entity in it to show (GitHub decodes
// entities in text, but not in code, and a summary read as a file shows them as they are).
const LINKABLE = /:\/\/|(?:^|[^\p{L}\p{N}.-])www\.|[\p{L}\p{N}._+-]@[\p{L}\p{N}_-]+\./iu
// What ends such a word: white space, and what a code span cannot hold as it is: a backtick, `|`
// (a cell break even in code) and `\` (so a backslash before a `|` cannot escape it).
const WORD_BREAKS = /([\s`|\\]+)/u
// Punctuation around a word that is not part of it (as GitHub reads a link's end): kept out of the code.
const AROUND = /^([(["'<]*)(.*?)([.,;:!?)\]"'>]*)$/su

/** Text as text: HTML characters as entities, and the characters that make markup escaped. */
const escaped = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|$]/g, (c) => `\\${c}`)

/** A word of service text: in a code span when GitHub would link it, else escaped. */
function word(text: string): string {
  const [, before = '', core = '', after = ''] = AROUND.exec(text) ?? []
  return LINKABLE.test(core) ? `${escaped(before)}\`${core}\`${escaped(after)}` : escaped(text)
}

/**
 * Text as markdown that renders as that text, inside a table cell too: one line, HTML characters as
 * entities (so a decoded `&lt;script&gt;` stays text), the characters that make emphasis, code,
 * links, images, math (`$`) or cell breaks escaped, and each word GitHub would link (a URL, a `www.`
 * name, an e-mail address) in a code span: shown as it is, copyable, not a link.
 */
export function markdownText(text: string, max = 300): string {
  return serviceText(text, max)
    .split(WORD_BREAKS)
    .map((part, i) => (i % 2 === 0 ? word(part) : escaped(part)))
    .join('')
}

const VERDICTS: Record<DryRunReport['verdict'], string> = {
  ready: '✅ a go-live would start now',
  blocked: '⛔ a go-live would not start now',
  live: '🟢 already live',
  unknown: '⚠️ unknown'
}

const icon = (status: string): string => RESULT_ICONS[status] ?? '⚠️'

/**
 * The operation's preview and live links as markdown. They are safe already (wait/links.ts: https,
 * no credentials, characters that end a link percent-encoded); here only their number and length
 * are kept small and their text escaped.
 */
function linksMarkdown(operation: Operation | undefined): string {
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

function goLiveRow(row: SummaryRow): string {
  // Copyable text, not a link: it is an API URL, which a browser cannot open without a token. It
  // is rebuilt from validated parts (its API's locations.ts): no backtick, '|' or space in it.
  const location = row.location && /^https?:$/.test(row.location.protocol) ? `\`${row.location.href}\`` : ''
  // Beside it, what a browser can open, when its API built such a page from validated ids.
  const pageUrl = row.page ? safeLinkUrl(row.page.url) : undefined
  const page = row.page && pageUrl ? `[${markdownText(row.page.text, 60)}](${pageUrl})` : ''
  const operation = [location, page].filter((cell) => cell !== '').join(' · ')
  const started = markdownText(row.operation?.started ?? '', 40)
  const ended = markdownText(row.operation?.ended ?? '', 40)
  const details = [row.note ? markdownText(row.note, 300) : '', linksMarkdown(row.operation)].filter((d) => d !== '').join(' · ')
  const result = `${icon(row.status)} ${row.status}${row.how ? HOW[row.how] : ''}`
  return `| ${markdownText(row.label, 260)} | ${result} | ${operation} | ${started} | ${ended} | ${details} |`
}

function dryRunRow(row: SummaryRow): string {
  const report = row.dryRun
  // The offer status is one of a fixed set of words (canonicalOfferStatus), never service text.
  const cells = report
    ? [`\`${report.offerStatus}\``, VERDICTS[report.verdict], markdownText(report.message)]
    : ['', '⛔ not read', markdownText(row.note ?? '', 300)]
  return `| ${markdownText(row.label, 260)} | ${cells.join(' | ')} |`
}

/** How many offers ended each way, in the order of the rows: "2 succeeded, 1 failed". */
function tally(rows: SummaryRow[]): string {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1)
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ')
}

/** A dry run's verdicts: the one offer's, or how many offers had each ("2 ✅ a go-live would start now, …"). */
function verdicts(rows: SummaryRow[]): string {
  const counts = new Map<string, number>()
  for (const row of rows) {
    const verdict = row.dryRun ? VERDICTS[row.dryRun.verdict] : '⛔ not read'
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1)
  }
  if (rows.length === 1) return [...counts.keys()].join('')
  return [...counts].map(([verdict, n]) => `${n} × ${verdict}`).join(', ')
}

/** A list cut to `max` entries, with a line that says how many were left out. */
function cut<T>(items: T[], max: number, render: (item: T) => string, what: string): string[] {
  const lines = items.slice(0, max).map(render)
  if (items.length > max) lines.push(`\n…and ${items.length - max} more ${what} (the \`operation\` output has them with one offer).`)
  return lines
}

function stepRow(step: OperationStep): string {
  const progress = step.progress !== undefined ? `${step.progress}%` : ''
  return `| ${markdownText(step.name)} | ${markdownText(step.rawStatus, 60)} | ${progress} | ${markdownText(step.estimate ?? '', 60)} |`
}

/** The steps and the service's errors of one offer's go-live; [] when it has neither. */
function details(row: SummaryRow, several: boolean): string[] {
  const steps = row.operation?.steps ?? []
  const reasons = row.operation && row.status !== 'succeeded' ? failureReasons(row.operation) : []
  if (steps.length === 0 && reasons.length === 0) return []
  const lines = several ? [`### ${markdownText(row.label, 260)}`, ''] : []
  if (steps.length > 0) {
    lines.push(`${several ? '####' : '###'} Steps`, '', '| Step | Status | Progress | Estimated time |', '| --- | --- | --- | --- |')
    lines.push(...cut(steps, MAX_STEPS, stepRow, 'steps'), '')
  }
  if (reasons.length > 0) {
    lines.push(`${several ? '####' : '###'} Errors reported by the service`, '')
    lines.push(...cut(reasons, MAX_REASONS, (r) => `- ${markdownText(r, 500)}`, 'errors'), '')
  }
  return lines
}

const FAILED_FIRST: Record<string, number> = { failed: 0, canceled: 0, unknown: 1 }

export function summaryMarkdown(facts: SummaryFacts): string {
  const { rows } = facts
  const several = rows.length > 1
  const lines = [`## Go live${facts.dryRun ? ' (dry run)' : ''}: ${markdownText(facts.title, 260)}`, '']
  if (facts.dryRun) lines.push('No Go Live request was sent.', '')
  const elapsed = `Elapsed ${formatDuration(facts.elapsedMs)}.`
  if (facts.dryRun) lines.push(`**Result:** ${verdicts(rows)}. ${elapsed}`, '')
  else lines.push(`**Result:** ${icon(facts.status)} ${facts.status}${several ? `: ${tally(rows)}` : ''}. ${elapsed}`, '')
  if (facts.note) lines.push(markdownText(facts.note, 2_000), '')
  // Inputs refused before any offer was read from them: nothing more to show.
  if (rows.length === 0) return lines.join('\n')
  lines.push(
    ...(facts.dryRun
      ? ['| Offer | Offer status | Verdict | Why |', '| --- | --- | --- | --- |']
      : ['| Offer | Result | Operation | Started | Ended | Details |', '| --- | --- | --- | --- | --- | --- |'])
  )
  let size = lines.join('\n').length
  let shown = 0
  for (const row of rows) {
    const line = facts.dryRun ? dryRunRow(row) : goLiveRow(row)
    if (size + line.length + 1 > MAX_TABLE_CHARS) break
    lines.push(line)
    size += line.length + 1
    shown++
  }
  if (shown < rows.length) lines.push('', `…and ${rows.length - shown} more offers: the \`results\` output lists every one.`)
  lines.push('')
  if (!facts.dryRun) {
    const order = (row: SummaryRow): number => FAILED_FIRST[row.status] ?? 2
    const detailed = rows
      .map((row) => details(row, several))
      .map((block, i) => ({ block, row: rows[i] as SummaryRow }))
      .filter(({ block }) => block.length > 0)
      .sort((a, b) => order(a.row) - order(b.row))
    for (const { block } of detailed.slice(0, MAX_DETAILED)) lines.push(...block)
    if (detailed.length > MAX_DETAILED) lines.push(`…and the steps of ${detailed.length - MAX_DETAILED} more offers.`, '')
  }
  const markdown = lines.join('\n')
  return markdown.length > MAX_SUMMARY_CHARS ? `${markdown.slice(0, MAX_SUMMARY_CHARS)}\n\n…(cut)\n` : markdown
}

/** Writes the summary `render` makes when the runner provides a summary file; a local run has none. Never throws. */
export async function writeSummary(render: () => string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(render(), true).write()
  } catch (error) {
    log.warning(`Could not write the job summary: ${messageOf(error)}`)
    log.fault(error)
  }
}
