// The job summary: what a release engineer looks at after the run.
import * as core from '@actions/core'
import { formatDuration } from './duration.js'
import type { DryRunReport } from './dry-run.js'
import { failureReasons, type Operation } from './operation.js'

export interface SummaryFacts {
  publisher: string
  offer: string
  location?: URL
  operationId?: string
  how?: 'started' | 'attached'
  /** The `status` output, or 'not started' when the run failed before an operation existed. */
  result: string
  elapsedMs: number
  operation?: Operation
  /** A sentence on what happened when it is not plain success, such as the failure message. */
  note?: string
  /** Set by a dry run: what the offer's status says about going live now. */
  dryRun?: DryRunReport
}

const RESULT_ICONS: Record<string, string> = {
  succeeded: '✅',
  failed: '❌',
  canceled: '🚫',
  running: '⏳',
  accepted: '🚀'
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

const VERDICTS: Record<DryRunReport['verdict'], string> = {
  ready: '✅ a go-live would start now',
  blocked: '⛔ a go-live would not start now',
  live: '🟢 already live',
  unknown: '⚠️ unknown'
}

function dryRunMarkdown(facts: SummaryFacts, report: DryRunReport): string {
  const lines = [`## Go live (dry run): ${facts.publisher}/${facts.offer}`, '', 'No Go Live request was sent.', '']
  lines.push('| | |', '| --- | --- |')
  lines.push(`| Offer status | \`${escapeCell(report.offerStatus)}\` |`)
  lines.push(`| Verdict | ${VERDICTS[report.verdict]} |`)
  lines.push(`| Why | ${escapeCell(report.message)} |`)
  lines.push(`| Elapsed | ${formatDuration(facts.elapsedMs)} |`, '')
  return lines.join('\n')
}

export function summaryMarkdown(facts: SummaryFacts): string {
  if (facts.dryRun) return dryRunMarkdown(facts, facts.dryRun)
  const lines = [`## Go live: ${facts.publisher}/${facts.offer}`, '']
  lines.push('| | |', '| --- | --- |')
  lines.push(`| Result | ${RESULT_ICONS[facts.result] ?? '⚠️'} ${facts.result} |`)
  if (facts.location) {
    const how = facts.how === 'attached' ? ' (followed an existing go-live)' : facts.how === 'started' ? ' (started by this run)' : ''
    lines.push(`| Operation | [${escapeCell(facts.operationId ?? facts.location.href)}](${facts.location.href})${how} |`)
  }
  if (facts.operation?.rawStatus) lines.push(`| Service status | \`${escapeCell(facts.operation.rawStatus)}\` |`)
  lines.push(`| Elapsed | ${formatDuration(facts.elapsedMs)} |`)
  lines.push('')
  if (facts.note) lines.push(escapeCell(facts.note), '')

  const steps = facts.operation?.steps ?? []
  if (steps.length > 0) {
    lines.push('### Steps', '', '| Step | Status | Progress | Estimated time |', '| --- | --- | --- | --- |')
    for (const step of steps) {
      const progress = step.progress !== undefined ? `${step.progress}%` : ''
      lines.push(`| ${escapeCell(step.name)} | ${escapeCell(step.rawStatus)} | ${progress} | ${escapeCell(step.estimate ?? '')} |`)
    }
    lines.push('')
  }
  const reasons = facts.operation && facts.result !== 'succeeded' ? failureReasons(facts.operation) : []
  if (reasons.length > 0) {
    lines.push('### Errors reported by the service', '', ...reasons.map((r) => `- ${escapeCell(r)}`), '')
  }
  return lines.join('\n')
}

/** Writes the summary when the runner provides a summary file; a local run has none. */
export async function writeSummary(facts: SummaryFacts): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(summaryMarkdown(facts), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}
