// The summary of several offers: one table, a row per offer in input order; service text escaped
// to render as text; only the service's https links, escaped; bounded however many offers.
import { describe, expect, it } from '@jest/globals'
import { fleetSummaryMarkdown, type FleetFacts } from '../../src/report/fleet-summary.js'
import { parseOperation, type Operation } from '../../src/wait/operation.js'

type Row = FleetFacts['rows'][number]
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const location = (offer: string) =>
  new URL(`https://cloudpartner.azure.com/api/publishers/contoso/offers/${offer}/operations/${GUID}?api-version=2017-10-31`)

/** An operation whose CPP body names these previewLinks/liveLinks, parsed as the action parses them. */
function withLinks(body: Record<string, unknown>, links: { preview: unknown[]; live: unknown[] }): Operation {
  return parseOperation({ ...body, previewLinks: links.preview, liveLinks: links.live })
}

const rows: Row[] = [
  {
    label: 'contoso/vm-a',
    status: 'succeeded',
    result: 'succeeded',
    how: 'started',
    location: location('vm-a'),
    operationId: GUID,
    operation: withLinks(
      { status: 'succeeded' },
      {
        preview: [{ displayText: 'Preview (Azure portal)', uri: 'https://portal.azure.com/#create/contoso.vm-a-preview' }],
        live: [{ displayText: 'Marketplace', uri: 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm-a?tab=Overview' }]
      }
    )
  },
  {
    label: 'contoso/vm-b',
    status: 'failed',
    result: 'failed',
    location: location('vm-b'),
    operationId: GUID,
    operation: { ...parseOperation({ status: 'failed' }), started: '2022-02-04T20:07:22.4220588Z', ended: '2022-02-05T08:00:01.1000001Z' },
    note: 'The go-live failed: Live: plan "gen2" | has <script>alert(1)</script> [click](javascript:alert(1)) **now**'
  },
  { label: 'contoso/vm-c', status: 'not started', result: 'not started', note: "The CPP API refused the Go Live request (409): 'busy'" }
]
const facts = (over: Partial<FleetFacts> = {}): FleetFacts => ({ rows, status: 'failed', elapsedMs: 3_000, dryRun: false, ...over })

describe('fleetSummaryMarkdown', () => {
  it('is one table with a row per offer, in input order, with the aggregate above it', () => {
    const markdown = fleetSummaryMarkdown(facts())
    expect(markdown).toContain('## Go live: 3 offers')
    expect(markdown).toContain('**Result:** ❌ failed: 1 succeeded, 1 failed, 1 not started. Elapsed 3s.')
    const table = markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    expect(table[0]).toBe('| Offer | Result | Operation | Started | Ended | Details |')
    expect(table.slice(1).map((line) => line.split(' | ')[0])).toEqual(['| contoso/vm-a', '| contoso/vm-b', '| contoso/vm-c'])
    expect(table[1]).toContain(`| ✅ succeeded | [${GUID}](${location('vm-a').href}) |`)
    expect(table[2]).toContain('| ❌ failed |')
    expect(table[2]).toContain('| 2022-02-04T20:07:22.4220588Z | 2022-02-05T08:00:01.1000001Z |')
    expect(table[3]).toContain("| ⛔ not started |  |  |  | The CPP API refused the Go Live request (409): 'busy' |")
  })

  it('escapes the service’s reason so that it renders as text in its cell', () => {
    const row = fleetSummaryMarkdown(facts())
      .split('\n')
      .find((line) => line.startsWith('| contoso/vm-b'))
    expect(row).toContain(
      'The go-live failed: Live: plan "gen2" \\| has &lt;script&gt;alert(1)&lt;/script&gt; \\[click\\](javascript:alert(1)) \\*\\*now\\*\\*'
    )
    // Six cells: the `|` of the reason did not make a seventh.
    expect(row?.split(/(?<!\\)\|/).length).toBe(8)
  })

  it('shows the service’s https links, escaped, and drops any other', () => {
    const hostile = withLinks(
      { status: 'succeeded' },
      {
        preview: [
          { displayText: 'plain http', uri: 'http://example.com/x' },
          { displayText: 'script', uri: 'javascript:alert(1)' },
          { displayText: 'credentials', uri: 'https://user:pass@example.com/x' },
          { displayText: 'long', uri: `https://example.com/${'a'.repeat(600)}` },
          { displayText: 'no uri' },
          'not an object',
          { displayText: 'spaces', uri: 'https://example.com/c d' },
          { displayText: 'x](https://evil.example) [y', uri: 'https://example.com/a(b)|c' }
        ],
        live: []
      }
    )
    const markdown = fleetSummaryMarkdown(facts({ rows: [{ ...rows[0], operation: hostile } as Row] }))
    const row = markdown.split('\n').find((line) => line.startsWith('| contoso/vm-a'))
    // The text cannot close the link early; the URL cannot end it or the cell.
    expect(row).toMatch(/\| Preview: \[x\\\]\(https&#58;\/\/evil\.example\) \\\[y\]\(https:\/\/example\.com\/a%28b%29%7Cc\) \|$/)
    for (const dropped of ['http://example.com', 'javascript:', 'user:pass', 'aaaa', 'no uri', 'spaces'])
      expect(markdown).not.toContain(dropped)
    expect(fleetSummaryMarkdown(facts())).toContain(
      'Preview: [Preview (Azure portal)](https://portal.azure.com/#create/contoso.vm-a-preview) · Live: [Marketplace](https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm-a?tab=Overview)'
    )
  })

  it('stays far below GitHub’s 1 MiB for 256 offers with the longest text and links, and says when it cut rows', () => {
    const link = { displayText: 'l'.repeat(500), uri: `https://example.com/${'p'.repeat(470)}` }
    const heavy: Row = {
      ...(rows[1] as Row),
      label: `${'p'.repeat(128)}/${'o'.repeat(128)}`,
      note: '|'.repeat(10_000),
      operation: withLinks({ status: 'failed' }, { preview: Array(50).fill(link), live: Array(50).fill(link) })
    }
    const markdown = fleetSummaryMarkdown(facts({ rows: Array(256).fill(heavy) }))
    expect(markdown.length).toBeLessThan(620 * 1024)
    const shown = markdown.split('\n').filter((line) => line.startsWith(`| ${'p'.repeat(128)}`)).length
    expect(shown).toBeGreaterThan(100)
    expect(markdown).toContain(`…and ${256 - shown} more offers: the \`results\` output lists every one.`)
    // Ordinary rows all fit.
    const light = fleetSummaryMarkdown(facts({ rows: Array(256).fill(rows[0]) }))
    expect(light.split('\n').filter((line) => line.startsWith('| contoso/vm-a'))).toHaveLength(256)
    expect(light).not.toContain('more offers')
  })

  it('makes a dry run a table of offer statuses and verdicts', () => {
    const dry: Row[] = [
      {
        label: 'contoso/vm-a',
        status: 'not started',
        result: 'dry run',
        dryRun: { offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'The offer waits for publisher sign-off.' }
      },
      { label: 'contoso/vm-b', status: 'not started', result: 'not started', note: 'The CPP API answered 404: no offer vm-b.' }
    ]
    const markdown = fleetSummaryMarkdown(facts({ rows: dry, status: 'failed', dryRun: true }))
    expect(markdown).toContain('## Go live (dry run): 2 offers\n\nNo Go Live request was sent.')
    expect(markdown).toContain(
      '| contoso/vm-a | `waitingForPublisherReview` | ✅ a go-live would start now | The offer waits for publisher sign-off. |'
    )
    expect(markdown).toContain('| contoso/vm-b |  | ⛔ not read | The CPP API answered 404: no offer vm-b. |')
  })
})
