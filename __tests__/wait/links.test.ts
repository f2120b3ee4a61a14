// The preview and live links of a CPP status (`previewLinks`/`liveLinks`, `{displayText, uri}`):
// only absolute https URLs without credentials, white space or controls, bounded; never a way to
// plant a link, a line or a megabyte in the summary.
import { describe, expect, it } from '@jest/globals'
import { parseJobStatus } from '../../src/apis/product-ingestion/operations.js'
import { MAX_LINKS, MAX_URL, safeLinkUrl, type Link } from '../../src/wait/links.js'
import { parseOperation } from '../../src/wait/operation.js'
import { succeedingGoLive } from '../../emulator/scenarios.js'
import { offerStatusBody, operationBody } from '../fixtures/learn-cloud-partner-portal-api.js'
import { configureSuccessResponse } from '../fixtures/cloudpub.js'

const LISTING = 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.contoso-vm'
const withLinks = (previewLinks: unknown, liveLinks: unknown = []) => parseOperation({ status: 'succeeded', previewLinks, liveLinks })

describe('Operation.links', () => {
  it("Learn's samples (both lists empty) and a body without them: empty lists", () => {
    expect(parseOperation(JSON.parse(offerStatusBody)).links).toEqual({ preview: [], live: [] })
    expect(parseOperation(JSON.parse(operationBody)).links).toEqual({ preview: [], live: [] })
    expect(parseOperation({ status: 'running' }).links).toEqual({ preview: [], live: [] })
    expect(parseOperation({ status: 'running', previewLinks: 'https://x.example', liveLinks: { uri: LISTING } }).links).toEqual({
      preview: [],
      live: []
    })
  })

  it('a Product Ingestion job has none', () => {
    expect(parseJobStatus(configureSuccessResponse).links).toEqual({ preview: [], live: [] })
  })

  it('keeps each list in order, text and URL as the service gave them', () => {
    const ended = parseOperation(succeedingGoLive().at(-1))
    const live: Link[] = [{ text: 'Azure Marketplace listing', url: LISTING }]
    expect(ended.links.live).toEqual(live)
    expect(ended.links.preview).toEqual([{ text: 'Azure Marketplace preview', url: `${LISTING}-preview?tab=Overview` }])
  })

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in any case', 'JavaScript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http:', 'http://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm'],
    ['credentials', 'https://user:pw@azuremarketplace.microsoft.com/'],
    ['a user name only', 'https://user@azuremarketplace.microsoft.com/'],
    ['a password only', 'https://:pw@azuremarketplace.microsoft.com/'],
    ['a relative path', '/marketplace/apps/contoso.vm'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a space', 'https://azuremarketplace.microsoft.com/a b'],
    ['a line break', 'https://azuremarketplace.microsoft.com/a\n::error::planted'],
    ['a tab', 'https://azuremarketplace.microsoft.com/\tx'],
    ['a bidi override', 'https://azuremarketplace.microsoft.com/\u202egpj.exe'],
    ['a zero-width space', 'https://azuremarketplace.microsoft.com/\u200b'],
    ['a leading space', ' https://azuremarketplace.microsoft.com/'],
    ['1 MB', `https://azuremarketplace.microsoft.com/${'a'.repeat(1_000_000)}`],
    ['2,001 characters', `https://x.example/${'a'.repeat(MAX_URL + 1 - 'https://x.example/'.length)}`],
    ['not a URL', 'https://'],
    ['a number', 42],
    ['missing', undefined]
  ])('refuses %s', (_what, uri) => {
    expect(safeLinkUrl(uri)).toBeUndefined()
    expect(withLinks([{ displayText: 'Preview', uri }], [{ displayText: 'Live', uri }]).links).toEqual({ preview: [], live: [] })
  })

  it('takes a URL of exactly 2,000 characters', () => {
    const uri = `https://x.example/${'a'.repeat(MAX_URL - 'https://x.example/'.length)}`
    expect(safeLinkUrl(uri)).toBe(uri)
  })

  it('`)`, `]` and other characters that end a Markdown link or an HTML attribute are percent-encoded in the URL', () => {
    const url = safeLinkUrl('https://x.example/a)](javascript:alert(1))?q=[1]&r="<b>\'#`x`')
    expect(url).toBe('https://x.example/a%29%5D%28javascript:alert%281%29%29?q=%5B1%5D&r=%22%3Cb%3E%27#%60x%60')
    expect(url).not.toMatch(/[()[\]<>"'`\s]/)
  })

  it('text: one clean line, bounded, `]` and `)` kept as text (the summary escapes them); the URL when it has none', () => {
    const [planted, long, none, blank] = withLinks([
      { displayText: 'Preview](javascript:alert(1)) \n::error::planted', uri: LISTING },
      { displayText: 'x'.repeat(1_000_000), uri: LISTING },
      { uri: LISTING },
      { displayText: ' \u202e ', uri: LISTING }
    ]).links.preview
    expect(planted!.text).toBe('Preview](javascript:alert(1)) ::error::planted')
    expect(long!.text).toHaveLength(100)
    expect(long!.text.endsWith('…')).toBe(true)
    expect(none!.text).toBe(LISTING)
    expect(blank!.text).toBe(LISTING)
  })

  it(`keeps at most ${MAX_LINKS} of each, and looks at a bounded number of entries`, () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ displayText: `Link ${i}`, uri: `${LISTING}?i=${i}` }))
    const { links } = withLinks(many, many)
    expect(links.preview).toHaveLength(MAX_LINKS)
    expect(links.live).toHaveLength(MAX_LINKS)
    expect(links.live.at(-1)).toEqual({ text: 'Link 19', url: `${LISTING}?i=19` })
    // Entries refused do not count; the first safe ones are kept.
    const mixed = [...Array.from({ length: 50 }, () => ({ uri: 'javascript:x' })), { displayText: 'ok', uri: LISTING }]
    expect(withLinks(mixed).links.preview).toEqual([{ text: 'ok', url: LISTING }])
    const buried = [...Array.from({ length: 100_000 }, () => ({ uri: 'javascript:x' })), { displayText: 'late', uri: LISTING }]
    expect(withLinks(buried).links.preview).toEqual([])
  })

  it('skips entries that are not objects', () => {
    expect(withLinks([null, 'https://x.example', [LISTING], { displayText: 'ok', uri: LISTING }]).links.preview).toEqual([
      { text: 'ok', url: LISTING }
    ])
  })
})
