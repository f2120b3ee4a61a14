// The job summary: one renderer for one offer or many. A result line, one table with a row per offer
// in input order (the same words and icons either way, the CPP preview and live links for one offer
// too), then the steps and the service's errors, failed offers first. Service text is escaped to
// render as text; only the service's https links are kept; bounded however many offers.
import { describe, expect, it } from '@jest/globals'
import { markdownText, summaryMarkdown, type SummaryFacts, type SummaryRow } from '../../src/report/summary.js'
import { parseOperation, type Operation } from '../../src/wait/operation.js'
import { jobLocation, submissionLocation } from '../../src/apis/product-ingestion/locations.js'
import { withGoLiveTimes } from '../../src/apis/cloud-partner-portal/times.js'
import { succeedingGoLive } from '../../emulator/scenarios.js'
import { textOutsideCode } from '../helpers/summary-rows.js'

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const location = (offer: string) =>
  new URL(`https://cloudpartner.azure.com/api/publishers/contoso/offers/${offer}/operations/${GUID}?api-version=2017-10-31`)

/** An operation whose CPP body names these previewLinks/liveLinks, parsed as the action parses them. */
function withLinks(body: Record<string, unknown>, links: { preview: unknown[]; live: unknown[] }): Operation {
  return parseOperation({ ...body, previewLinks: links.preview, liveLinks: links.live })
}

const rows: SummaryRow[] = [
  {
    label: 'contoso/vm-a',
    status: 'succeeded',
    how: 'started',
    location: location('vm-a'),
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
    how: 'started',
    location: location('vm-b'),
    operation: { ...parseOperation({ status: 'failed' }), started: '2022-02-04T20:07:22.4220588Z', ended: '2022-02-05T08:00:01.1000001Z' },
    note: 'The go-live failed: Live: plan "gen2" | has <script>alert(1)</script> [click](javascript:alert(1)) **now**'
  },
  { label: 'contoso/vm-c', status: 'not started', note: "The CPP API refused the Go Live request (409): 'busy'" }
]
const facts = (over: Partial<SummaryFacts> = {}): SummaryFacts => ({
  title: '3 offers',
  rows,
  status: 'failed',
  elapsedMs: 3_000,
  dryRun: false,
  ...over
})
/** The table rows (header first), without the separator. */
const tableOf = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
const rowOf = (markdown: string, label: string) => markdown.split('\n').find((line) => line.startsWith(`| ${label} |`))

describe('markdownText', () => {
  it('renders service text as that text: no HTML, emphasis, code, math, links or cell breaks', () => {
    expect(markdownText('<b>x</b> & *y* _z_ `c` $m$ [a](b) | \\')).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\* \\_z\\_ \\`c\\` \\$m\\$ \\[a\\](b) \\| \\\\'
    )
    // An entity decoded earlier stays text: its `&` is escaped again.
    expect(markdownText('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;')
  })

  it('keeps GitHub from linking bare URLs and www. names, and makes one line of at most `max` characters', () => {
    expect(markdownText('see https://evil.example and www.evil.example')).toBe('see `https://evil.example` and `www.evil.example`')
    expect(markdownText('a\nb\r\n::error::c')).toBe('a b ::error::c')
    expect(markdownText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`)
  })

  it('shows each word GitHub would link as code, as sent: a URL, a www. name, an e-mail address', () => {
    expect(markdownText('(see https://x.example/a?b=1&c=2).')).toBe('(see `https://x.example/a?b=1&c=2`).')
    expect(markdownText('<https://x.example/<a>>')).toBe('&lt;`https://x.example/<a`&gt;&gt;')
    expect(markdownText('mail jdoe@contoso.com, www.Contoso.com; HTTPS://UP.EXAMPLE ftp://f.example')).toBe(
      'mail `jdoe@contoso.com`, `www.Contoso.com`; `HTTPS://UP.EXAMPLE` `ftp://f.example`'
    )
    // What a code span cannot hold as it is ends the word: `|` stays a cell's text, a backtick stays text.
    expect(markdownText('a https://a|b c')).toBe('a `https://a`\\|b c')
    expect(markdownText('x`https://q.example`')).toBe('x\\``https://q.example`\\`')
    // Words GitHub does not link stay text.
    expect(markdownText('not.www.example, a@b, https:x, wwwx.example')).toBe('not.www.example, a@b, https:x, wwwx.example')
  })
})

describe('service text with URLs in it', () => {
  // Before: `https&#58;//evil.example`. GitHub decodes an entity in text (not in code), but a summary
  // read as a file (a local run's GITHUB_STEP_SUMMARY, `cat`) shows `https&#58;//` as it is.
  const url = 'https://evil.example/x?a=1&b=2'
  const row: SummaryRow = {
    label: 'contoso/vm',
    status: 'failed',
    location: location('vm'),
    note: `The go-live failed: see ${url}, or www.evil.example (mail support@evil.example).`,
    operation: parseOperation({
      status: 'failed',
      steps: [{ id: 'live', stepName: `Live ${url}`, status: 'rejected', estimatedTimeFrame: 'www.evil.example' }],
      messages: [{ messageHtml: `<p>Read <a href="${url}">${url}</a></p>`, level: 'error' }],
      previewLinks: [{ uri: 'https://example.com/preview' }]
    })
  }

  it('shows no entity for them and lets GitHub link none: each is code, copyable as sent', () => {
    const markdown = summaryMarkdown(facts({ title: row.label, rows: [row] }))
    expect(markdown).not.toMatch(/&#\d+;/)
    expect(markdown).toContain(`see \`${url}\`, or \`www.evil.example\` (mail \`support@evil.example\`).`)
    expect(markdown).toContain(`| Live \`${url}\` | rejected |  | \`www.evil.example\` |`)
    expect(markdown).toContain(`- Live \`${url}\`: rejected`)
    expect(markdown).toContain(`- Read \`${url}\``)
    // A link without a text shows its URL as its text: as code too.
    expect(markdown).toContain('[`https://example.com/preview`](https://example.com/preview)')
    // Outside code and link destinations, nothing GitHub would link.
    expect(textOutsideCode(markdown)).not.toMatch(/:\/\/|www\.|@evil/)
  })

  it('in a dry run’s reason too', () => {
    const markdown = summaryMarkdown(
      facts({
        title: 'contoso/vm',
        dryRun: true,
        rows: [
          { label: 'contoso/vm', status: 'not started', dryRun: { offerStatus: 'failed', verdict: 'blocked', message: `Failed: ${url}` } }
        ]
      })
    )
    expect(markdown).toContain(`| Failed: \`${url}\` |`)
    expect(textOutsideCode(markdown)).not.toMatch(/:\/\/|&#/)
  })
})

describe('summaryMarkdown of one offer', () => {
  const one = (row: SummaryRow, over: Partial<SummaryFacts> = {}) =>
    summaryMarkdown(facts({ title: row.label, rows: [row], status: row.status, elapsedMs: 125_000, ...over }))

  it('is the same table: result, operation location to copy, elapsed time, then the steps', () => {
    const url = new URL('https://cloudpartner.azure.com/api/operations/contoso$vm$2$preview?api-version=2017-10-31')
    const markdown = one({
      label: 'contoso/vm',
      status: 'running',
      how: 'started',
      location: url,
      operation: parseOperation({
        status: 'running',
        steps: [{ id: 'live', stepName: 'Live | prod', status: 'inProgress', estimatedTimeFrame: '~2-5 days', progressPercentage: 10 }]
      })
    })
    expect(markdown).toMatch(/^## Go live: contoso\/vm\n\n\*\*Result:\*\* ⏳ running\. Elapsed 2m 5s\.\n/)
    expect(tableOf(markdown)[0]).toBe('| Offer | Result | Operation | Started | Ended | Details |')
    // The location as copyable text (an API URL needs a token), in a code span: `$` is not math there.
    expect(rowOf(markdown, 'contoso/vm')).toBe(`| contoso/vm | ⏳ running | \`${url.href}\` |  |  |  |`)
    // One offer: the steps under their own heading, no offer heading.
    expect(markdown).toContain('### Steps\n\n| Step | Status | Progress | Estimated time |')
    expect(markdown).toContain('| Live \\| prod | inProgress | 10% | ~2-5 days |')
    expect(markdown).not.toContain('### contoso/vm')
  })

  it("links Partner Center's page of a Product Ingestion product beside the location to copy", () => {
    const base = new URL('https://graph.microsoft.com/rp/product-ingestion')
    const job = jobLocation(base, 'b7f9a34c-0c5e-4c4f-8f2a-2f1f0e7d9a10', '2022-07-01', GUID)
    const page = `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${GUID}/overview`
    const markdown = one({ label: 'contoso/app', status: 'running', how: 'started', location: job.url, page: job.page })
    expect(rowOf(markdown, 'contoso/app')).toBe(`| contoso/app | ⏳ running | \`${job.url.href}\` · [Partner Center](${page}) |  |  |  |`)
    // A submission names its product: the same page, when the product id is a GUID.
    const submission = submissionLocation(base, `submission/${GUID}/1152921515689848683`, '2022-07-01')
    expect(one({ label: 'contoso/app', status: 'succeeded', how: 'live', location: submission?.url, page: submission?.page })).toContain(
      ` · [Partner Center](${page}) |`
    )
  })

  it('links no page for a product id that is no GUID (Learn’s sample product), nor a page that is not a safe https link', () => {
    const base = new URL('https://graph.microsoft.com/rp/product-ingestion')
    const learn = submissionLocation(base, 'submission/12345678-abcd-efgh-1234-12345678901/1152921515689848683', '2022-07-01')
    expect(learn?.page).toBeUndefined()
    const markdown = one({ label: 'contoso/app', status: 'running', location: learn?.url, page: learn?.page })
    expect(rowOf(markdown, 'contoso/app')).toBe(`| contoso/app | ⏳ running | \`${learn?.url.href}\` |  |  |  |`)
    for (const url of ['javascript:alert(1)', 'http://partner.microsoft.com/x', 'https://user:pw@partner.microsoft.com/x']) {
      const row = rowOf(
        one({ label: 'contoso/app', status: 'running', location: learn?.url, page: { text: 'Partner Center', url } }),
        'contoso/app'
      )
      expect(row).not.toContain('Partner Center')
    }
  })

  it('shows when a CPP go-live started and ended, as its steps’ messages say', () => {
    const ended = withGoLiveTimes(parseOperation(succeedingGoLive().at(-1)))
    const markdown = one({ label: 'contoso/vm', status: 'succeeded', how: 'started', location: location('vm'), operation: ended })
    expect(rowOf(markdown, 'contoso/vm')).toContain(' | 2026-11-20T10:06:39.5506018Z | 2026-11-20T10:42:39.5506018Z | ')
  })

  it('shows the CPP preview and live links for one offer too', () => {
    const markdown = one(rows[0] as SummaryRow)
    expect(rowOf(markdown, 'contoso/vm-a')).toContain(
      'Preview: [Preview (Azure portal)](https://portal.azure.com/#create/contoso.vm-a-preview) · Live: [Marketplace](https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm-a?tab=Overview)'
    )
    expect(markdown).toContain('**Result:** ✅ succeeded. Elapsed 2m 5s.')
  })

  it('lists the service errors of a failed go-live and its error in the row', () => {
    const markdown = one({
      label: 'contoso/vm',
      status: 'failed',
      location: location('vm'),
      note: 'The go-live failed: No plan',
      operation: parseOperation({ status: 'failed', messages: [{ messageHtml: 'No <i>plan</i>', level: 'error' }] })
    })
    expect(markdown).toContain('### Errors reported by the service\n\n- No plan')
    expect(rowOf(markdown, 'contoso/vm')).toMatch(/\| The go-live failed: No plan \|$/)
  })

  it('shows a failure before any operation as a row with no operation', () => {
    const markdown = one({ label: 'contoso/vm', status: 'not started', note: 'The Go Live request failed: HTTP 403 Forbidden.' })
    expect(markdown).toContain('**Result:** ⛔ not started.')
    expect(rowOf(markdown, 'contoso/vm')).toBe('| contoso/vm | ⛔ not started |  |  |  | The Go Live request failed: HTTP 403 Forbidden. |')
  })

  it('says `unknown` with its own icon, and how a go-live came to be followed', () => {
    expect(rowOf(one({ label: 'contoso/vm', status: 'unknown', note: 'The go-live may have started.' }), 'contoso/vm')).toContain(
      '| ❓ unknown |'
    )
    expect(rowOf(one({ label: 'contoso/vm', status: 'running', how: 'attached', location: location('vm') }), 'contoso/vm')).toContain(
      '| ⏳ running (followed) |'
    )
    const live = one({ label: 'contoso/vm', status: 'succeeded', how: 'live', operation: parseOperation({ status: 'succeeded' }) })
    expect(rowOf(live, 'contoso/vm')).toContain('| ✅ succeeded (live already: nothing sent) |')
  })

  it('says a failure of the whole step once above the table, and with refused inputs shows no table', () => {
    const signIn = 'Signing in to Microsoft Entra ID failed: AADSTS7000215: nothing was sent.'
    const markdown = one({ label: 'contoso/vm', status: 'not started', note: signIn }, { note: signIn })
    expect(markdown.indexOf(signIn)).toBeLessThan(markdown.indexOf('| Offer |'))
    const refused = summaryMarkdown(facts({ title: 'contoso/?', rows: [], status: 'not started', note: "Input 'offer' is required" }))
    expect(refused).toBe("## Go live: contoso/?\n\n**Result:** ⛔ not started. Elapsed 3s.\n\nInput 'offer' is required\n")
  })
})

describe('summaryMarkdown of several offers', () => {
  it('is one table with a row per offer, in input order, with the aggregate and a tally above it', () => {
    const markdown = summaryMarkdown(facts())
    expect(markdown).toContain('## Go live: 3 offers')
    expect(markdown).toContain('**Result:** ❌ failed: 1 succeeded, 1 failed, 1 not started. Elapsed 3s.')
    const table = tableOf(markdown)
    expect(table[0]).toBe('| Offer | Result | Operation | Started | Ended | Details |')
    expect(table.slice(1, 4).map((line) => line.split(' | ')[0])).toEqual(['| contoso/vm-a', '| contoso/vm-b', '| contoso/vm-c'])
    expect(table[1]).toContain(`| ✅ succeeded | \`${location('vm-a').href}\` |`)
    expect(table[2]).toContain('| ❌ failed |')
    expect(table[2]).toContain('| 2022-02-04T20:07:22.4220588Z | 2022-02-05T08:00:01.1000001Z |')
    expect(table[3]).toBe("| contoso/vm-c | ⛔ not started |  |  |  | The CPP API refused the Go Live request (409): 'busy' |")
  })

  it('uses the same words and icons as for one offer', () => {
    const several = summaryMarkdown(facts())
    for (const row of rows) {
      const alone = summaryMarkdown(facts({ title: row.label, rows: [row], status: row.status }))
      expect(rowOf(several, row.label)).toBe(rowOf(alone, row.label))
    }
  })

  it('escapes the service’s reason so that it renders as text in its cell', () => {
    const row = rowOf(summaryMarkdown(facts()), 'contoso/vm-b')
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
    const markdown = summaryMarkdown(facts({ rows: [{ ...(rows[0] as SummaryRow), operation: hostile }, rows[2] as SummaryRow] }))
    const row = rowOf(markdown, 'contoso/vm-a')
    // The text cannot close the link early; the URL cannot end it or the cell.
    // (The word with a URL in the text is code: its `]` cannot end the link text either.)
    expect(row).toMatch(/\| Preview: \[`x\]\(https:\/\/evil\.example`\) \\\[y\]\(https:\/\/example\.com\/a%28b%29%7Cc\) \|$/)
    for (const dropped of ['http://example.com', 'javascript:', 'user:pass', 'aaaa', 'no uri', 'spaces'])
      expect(markdown).not.toContain(dropped)
  })

  it('shows the steps and errors of each offer under its name, failed and unknown ones first', () => {
    const steps = (name: string) => [{ id: name, stepName: name, status: 'complete' }]
    const detailed: SummaryRow[] = [
      { label: 'contoso/ok', status: 'succeeded', operation: parseOperation({ status: 'succeeded', steps: steps('OkStep') }) },
      { label: 'contoso/odd', status: 'unknown', operation: parseOperation({ status: 'running', steps: steps('OddStep') }) },
      {
        label: 'contoso/bad',
        status: 'failed',
        operation: parseOperation({ status: 'failed', steps: steps('BadStep'), messages: [{ messageHtml: 'no image', level: 'error' }] })
      }
    ]
    const markdown = summaryMarkdown(facts({ rows: detailed }))
    const headings = markdown.split('\n').filter((line) => line.startsWith('### '))
    expect(headings).toEqual(['### contoso/bad', '### contoso/odd', '### contoso/ok'])
    expect(markdown).toContain('### contoso/bad\n\n#### Steps')
    expect(markdown).toContain('#### Errors reported by the service\n\n- no image')
  })

  it('shows the steps of at most 10 offers and says how many more', () => {
    const row = (i: number): SummaryRow => ({
      label: `contoso/vm-${i}`,
      status: 'succeeded',
      operation: parseOperation({ status: 'succeeded', steps: [{ id: 's', stepName: 'Live', status: 'complete' }] })
    })
    const markdown = summaryMarkdown(facts({ rows: Array.from({ length: 13 }, (_, i) => row(i)), status: 'succeeded' }))
    expect(markdown.split('\n').filter((line) => line.startsWith('### '))).toHaveLength(10)
    expect(markdown).toContain('…and the steps of 3 more offers.')
  })

  it('stays far below GitHub’s 1 MiB for 256 offers with the longest text and links, and says when it cut rows', () => {
    const link = { displayText: 'l'.repeat(500), uri: `https://example.com/${'p'.repeat(470)}` }
    const heavy: SummaryRow = {
      ...(rows[1] as SummaryRow),
      label: `${'p'.repeat(128)}/${'o'.repeat(128)}`,
      note: '|'.repeat(10_000),
      operation: withLinks({ status: 'failed' }, { preview: Array(50).fill(link), live: Array(50).fill(link) })
    }
    const markdown = summaryMarkdown(facts({ rows: Array(256).fill(heavy) }))
    expect(markdown.length).toBeLessThan(620 * 1024)
    const shown = markdown.split('\n').filter((line) => line.startsWith(`| ${'p'.repeat(128)}`)).length
    expect(shown).toBeGreaterThan(100)
    expect(markdown).toContain(`…and ${256 - shown} more offers: the \`results\` output lists every one.`)
    // Ordinary rows all fit.
    const light = summaryMarkdown(facts({ rows: Array(256).fill(rows[0]) }))
    expect(light.split('\n').filter((line) => line.startsWith('| contoso/vm-a'))).toHaveLength(256)
    expect(light).not.toContain('more offers')
  })
})

describe('summaryMarkdown of a dry run', () => {
  const dry: SummaryRow[] = [
    {
      label: 'contoso/vm-a',
      status: 'not started',
      dryRun: { offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'The offer waits for publisher sign-off.' }
    },
    { label: 'contoso/vm-b', status: 'not started', note: 'The CPP API answered 404: no offer vm-b.' }
  ]

  it('of several offers: a table of offer statuses and verdicts, counted above it', () => {
    const markdown = summaryMarkdown(facts({ title: '2 offers', rows: dry, status: 'failed', dryRun: true }))
    expect(markdown).toContain('## Go live (dry run): 2 offers\n\nNo Go Live request was sent.')
    expect(markdown).toContain('**Result:** 1 × ✅ a go-live would start now, 1 × ⛔ not read. Elapsed 3s.')
    expect(tableOf(markdown)[0]).toBe('| Offer | Offer status | Verdict | Why |')
    expect(markdown).toContain(
      '| contoso/vm-a | `waitingForPublisherReview` | ✅ a go-live would start now | The offer waits for publisher sign-off. |'
    )
    expect(markdown).toContain('| contoso/vm-b |  | ⛔ not read | The CPP API answered 404: no offer vm-b. |')
    expect(markdown).not.toContain('### Steps')
  })

  it('of one offer: the same table, with its verdict as the result', () => {
    const markdown = summaryMarkdown(facts({ title: 'contoso/vm-a', rows: [dry[0] as SummaryRow], status: 'not started', dryRun: true }))
    expect(markdown).toContain('## Go live (dry run): contoso/vm-a\n\nNo Go Live request was sent.')
    expect(markdown).toContain('**Result:** ✅ a go-live would start now. Elapsed 3s.')
    expect(rowOf(markdown, 'contoso/vm-a')).toBe(
      '| contoso/vm-a | `waitingForPublisherReview` | ✅ a go-live would start now | The offer waits for publisher sign-off. |'
    )
  })
})
