import { describe, expect, it } from '@jest/globals'
import { parseOperation } from '../../src/wait/operation.js'
import { summaryMarkdown } from '../../src/report/summary.js'

describe('summaryMarkdown', () => {
  const base = { publisher: 'contoso', offer: 'vm', elapsedMs: 125_000 }

  it('shows result, operation link, elapsed time and a table of steps', () => {
    const location = new URL('https://cloudpartner.azure.com/api/operations/contoso$vm$2$preview?api-version=2017-10-31')
    const markdown = summaryMarkdown({
      ...base,
      result: 'running',
      location,
      operationId: 'contoso$vm$2$preview',
      how: 'started',
      operation: parseOperation({
        status: 'running',
        steps: [{ id: 'live', stepName: 'Live | prod', status: 'inProgress', estimatedTimeFrame: '~2-5 days', progressPercentage: 10 }]
      })
    })
    expect(markdown).toContain('| Result | ⏳ running |')
    // `$` escaped in the text, or GitHub renders `$vm$` as math; the link target is the URL as is.
    expect(markdown).toContain(`| Operation | [contoso\\$vm\\$2\\$preview](${location.href}) (started by this run) |`)
    expect(markdown).toContain('| Elapsed | 2m 5s |')
    expect(markdown).toContain('| Live \\| prod | inProgress | 10% | ~2-5 days |')
  })

  it('lists the service errors of a failed go-live and the note', () => {
    const markdown = summaryMarkdown({
      ...base,
      result: 'failed',
      note: 'The go-live failed',
      operation: parseOperation({ status: 'failed', messages: [{ messageHtml: 'No <i>plan</i>', level: 'error' }] })
    })
    expect(markdown).toContain('### Errors reported by the service\n\n- No plan')
    expect(markdown).toContain('The go-live failed')
  })

  it('shows a failure before any operation without an operation row', () => {
    const markdown = summaryMarkdown({ ...base, result: 'not started', note: 'HTTP 403' })
    expect(markdown).toContain('| Result | ⚠️ not started |')
    expect(markdown).not.toContain('| Operation |')
  })
})
