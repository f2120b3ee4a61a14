// The job summary: what a release engineer looks at after the run. Service text in it is escaped to
// render as text (no HTML, no links, no table breaks), and long lists are cut, so the summary stays
// far below GitHub's 1 MiB limit whatever the service sends.
import * as core from '@actions/core'
import { formatDuration } from '../wait/duration.js'
import type { DryRunReport } from '../apis/go-live-service.js'
import { messageOf } from '../errors.js'
import { log } from './log.js'
import { failureReasons, type Operation } from '../wait/operation.js'
import { serviceText } from './safe-text.js'

export interface SummaryFacts {
  publisher: string
  offer: string
  location?: URL
  operationId?: string
  how?: 'started' | 'attached' | 'live'
  /** The `status` output, or 'not started' when the run failed before an operation existed. */
  result: string
  elapsedMs: number
  operation?: Operation
  /** A sentence on what happened when it is not plain success, such as the failure message. */
  note?: string
  /** Set by a dry run: what the offer's status says about going live now. */
  dryRun?: DryRunReport
}

const MAX_STEPS = 50
const MAX_REASONS = 20
/** A backstop far below GitHub's 1 MiB: the lists above are cut long before it. */
const MAX_SUMMARY_CHARS = 64 * 1024

export const RESULT_ICONS: Record<string, string> = {
  succeeded: '✅',
  failed: '❌',
  canceled: '🚫',
  unknown: '❓',
  running: '⏳',
  accepted: '🚀'
}

/**
 * Text as markdown that renders as that text, inside a table cell too: one line, HTML characters as
 * entities (so a decoded `&lt;script&gt;` stays text), and the characters that make emphasis, code,
 * links, images, math (`$`) or cell breaks escaped, and URLs kept from becoming links.
 */
export function markdownText(text: string, max = 300): string {
  return (
    serviceText(text, max)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|$]/g, (c) => `\\${c}`)
      // GitHub links bare URLs and www. names by itself: an entity in their trigger stops that.
      .replace(/:\/\//g, '&#58;//')
      .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}&#46;`)
  )
}

export const VERDICTS: Record<DryRunReport['verdict'], string> = {
  ready: '✅ a go-live would start now',
  blocked: '⛔ a go-live would not start now',
  live: '🟢 already live',
  unknown: '⚠️ unknown'
}

function heading(facts: SummaryFacts, what: string): string {
  const publisher = facts.publisher ? `${markdownText(facts.publisher, 128)}/` : ''
  return `## ${what}: ${publisher}${markdownText(facts.offer, 128)}`
}

function dryRunMarkdown(facts: SummaryFacts, report: DryRunReport): string {
  const lines = [heading(facts, 'Go live (dry run)'), '', 'No Go Live request was sent.', '']
  lines.push('| | |', '| --- | --- |')
  // One of a fixed set of words (canonicalOfferStatus), never service text.
  lines.push(`| Offer status | \`${report.offerStatus}\` |`)
  lines.push(`| Verdict | ${VERDICTS[report.verdict]} |`)
  lines.push(`| Why | ${markdownText(report.message)} |`)
  lines.push(`| Elapsed | ${formatDuration(facts.elapsedMs)} |`, '')
  return lines.join('\n')
}

/** A list cut to `max` entries, with a line that says how many were left out. */
function cut<T>(items: T[], max: number, render: (item: T) => string, what: string): string[] {
  const lines = items.slice(0, max).map(render)
  if (items.length > max) lines.push(`\n…and ${items.length - max} more ${what} (the \`operation\` output has them).`)
  return lines
}

export function summaryMarkdown(facts: SummaryFacts): string {
  if (facts.dryRun) return dryRunMarkdown(facts, facts.dryRun)
  const lines = [heading(facts, 'Go live'), '']
  lines.push('| | |', '| --- | --- |')
  lines.push(`| Result | ${RESULT_ICONS[facts.result] ?? '⚠️'} ${markdownText(facts.result, 40)} |`)
  if (facts.location && /^https?:$/.test(facts.location.protocol)) {
    const how = facts.how
      ? { attached: ' (followed an existing go-live)', started: ' (started by this run)', live: ' (live already: nothing sent)' }[facts.how]
      : ''
    // The location is rebuilt from validated parts (operation-location.ts): a plain http(s) URL.
    lines.push(`| Operation | [${markdownText(facts.operationId ?? facts.location.href)}](${facts.location.href})${how} |`)
  }
  if (facts.operation?.rawStatus) lines.push(`| Service status | ${markdownText(facts.operation.rawStatus, 60)} |`)
  if (facts.operation?.started) lines.push(`| Started | ${markdownText(facts.operation.started, 40)} |`)
  if (facts.operation?.ended) lines.push(`| Ended | ${markdownText(facts.operation.ended, 40)} |`)
  lines.push(`| Elapsed | ${formatDuration(facts.elapsedMs)} |`)
  lines.push('')
  if (facts.note) lines.push(markdownText(facts.note, 2_000), '')

  const steps = facts.operation?.steps ?? []
  if (steps.length > 0) {
    lines.push('### Steps', '', '| Step | Status | Progress | Estimated time |', '| --- | --- | --- | --- |')
    const row = (step: (typeof steps)[number]): string => {
      const progress = step.progress !== undefined ? `${step.progress}%` : ''
      return `| ${markdownText(step.name)} | ${markdownText(step.rawStatus, 60)} | ${progress} | ${markdownText(step.estimate ?? '', 60)} |`
    }
    lines.push(...cut(steps, MAX_STEPS, row, 'steps'), '')
  }
  const reasons = facts.operation && facts.result !== 'succeeded' ? failureReasons(facts.operation) : []
  if (reasons.length > 0) {
    lines.push('### Errors reported by the service', '', ...cut(reasons, MAX_REASONS, (r) => `- ${markdownText(r, 500)}`, 'errors'), '')
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
