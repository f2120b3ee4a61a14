// HTML to text (issue 18, item 6): what a browser shows, read by a parser, decoded by the standard's
// rules, bounded, and still only text when it reaches the log or the summary.
import { describe, expect, it } from '@jest/globals'
import { serviceDetail } from '../../src/http/service-error.js'
import { htmlText, htmlToText, MAX_HTML } from '../../src/report/html.js'
import { summaryMarkdown } from '../../src/report/summary.js'
import { parseOperation } from '../../src/wait/operation.js'

// made-up: the HTML below is crafted to test the parser; no service documents these shapes.
describe('htmlToText', () => {
  it('reads the sample of issue 18: named entities decoded, an attribute holding `>` stays in its tag', () => {
    expect(htmlToText('Caf&eacute; &euro;5 <a title="a>b">link</a>')).toBe('Café €5 link')
  })

  it('drops tags, decodes entities and folds space', () => {
    expect(htmlToText('<p>Plan <b>&quot;gen2&quot;</b> has no image &amp; &#39;x&#x27;</p>\n<p>Next&nbsp;line</p>')).toBe(
      `Plan "gen2" has no image & 'x' Next line`
    )
  })

  it.each([
    ['&amp;', '&'],
    ['&lt;&gt;&quot;&apos;', `<>"'`],
    ['a&nbsp;b', 'a b'],
    ['&eacute;&Eacute;', 'éÉ'],
    ['&euro;', '€'],
    ['&hellip;', '…'],
    ['&rarr;&NotGreaterFullEqual;', '→≧̸'],
    ['&#233;', 'é'],
    ['&#xE9;&#Xe9;', 'éé'],
    ['&#x1F600;', '😀']
  ])('decodes %s', (html, text) => {
    expect(htmlToText(`[${html}]`)).toBe(`[${text}]`)
  })

  it.each([
    ['&#0;', '\uFFFD', 'NUL'],
    ['&#x110000;', '\uFFFD', 'past the last code point'],
    ['&#99999999999999999999;', '\uFFFD', 'a number too long for any code point'],
    ['&#xD800;', '\uFFFD', 'a surrogate'],
    ['&#128;&#x9F;', '€Ÿ', 'a C1 control, read as windows-1252'],
    ['&#233', 'é', 'a number without its semicolon'],
    ['&eacute', 'é', 'a legacy name without its semicolon'],
    ['&notit;', '¬it;', 'the longest legacy name that matches'],
    ['&ampamp;', '&amp;', 'a legacy name followed by letters'],
    ['&unknown; &#; &#x; & ;', '&unknown; &#; &#x; & ;', 'no reference at all'],
    ['&constructor; &__proto__;', '&constructor; &__proto__;', 'names of Object.prototype']
  ])('decodes %s as a browser does (%s: %s)', (html, text) => {
    expect(htmlToText(`[${html}]`)).toBe(`[${text}]`)
  })

  it('drops comments, and CDATA outside SVG and MathML as the bogus comment browsers read', () => {
    expect(htmlToText('a<!-- <p>not shown</p> -- > -->b<!---->c<!--unclosed <b>x</b>')).toBe('abc')
    expect(htmlToText('a<![CDATA[x<y]]>b <svg><![CDATA[in svg]]></svg>')).toBe('ab in svg')
  })

  it('drops what a browser does not show: scripts, styles, templates, a title, even unclosed', () => {
    expect(htmlToText('<script>alert(1)</script>ok<br/>done')).toBe('ok done')
    expect(htmlToText('<SCRIPT type="x">if (a<b) "</p>"</SCRIPT>a<style>p{}</style>b<template><p>t</p></template>c')).toBe('abc')
    expect(htmlToText('<title>T</title>seen<noscript>enable JS</noscript><script>never closed <p>x</p>')).toBe('seen')
  })

  it('keeps an end tag of a script that was never opened from hiding anything', () => {
    expect(htmlToText('</script>a</style>b</p>c</br>d</div>e')).toBe('ab c de')
  })

  it('ends unclosed tags and attributes at the end of the input', () => {
    expect(htmlToText('<b>bold <i>italic <p>para')).toBe('bold italic para')
    expect(htmlToText('shown<a title="never closed>link</a>')).toBe('shown')
    expect(htmlToText("x <a <b>c</b> <p title='y\">z'>q</p>")).toBe('x c q')
  })

  it('separates blocks, nested lists, paragraphs, cells and breaks; inline tags join words', () => {
    expect(htmlToText('<ul><li>one<ul><li>two</li></ul></li><li>three</li></ul><ol><li>four</ol>')).toBe('one two three four')
    expect(htmlToText('a<p>b<p>c</p>d<div>e</div>f<h2>g</h2>h<br>i<hr>j')).toBe('a b c d e f g h i j')
    expect(htmlToText('<table><tr><th>k</th><td>v</td></tr><tr><td>w')).toBe('k v w')
    expect(htmlToText('in<b>line</b> <i>words</i>')).toBe('inline words')
  })

  it('reads only the first MAX_HTML characters of a huge input', () => {
    const words = htmlToText(`<p>${'word '.repeat(2_000_000)}</p>END`)
    expect(words.length).toBeLessThanOrEqual(MAX_HTML)
    expect(words.length).toBeGreaterThan(MAX_HTML - 10)
    expect(words).toMatch(/^word word .* wor?d?$/)
    // 10 MB nested a million deep: the end is never reached, so never shown.
    expect(htmlToText(`${'<div><b>'.repeat(1_250_000)}END`)).toBe('')
    // The cut never leaves half of a surrogate pair.
    expect(htmlToText(`${'a'.repeat(MAX_HTML - 1)}😀b`)).toBe('a'.repeat(MAX_HTML - 1))
  })
})

describe('htmlText', () => {
  it('gives the first title apart from the text of the page', () => {
    expect(htmlText('<html><head><title>Bad &amp; <b>gone</b></title><title>2nd</title></head><body><h1>Down</h1></body>')).toEqual({
      title: 'Bad & <b>gone</b>',
      text: 'Down'
    })
  })

  it('an error page: the title, then the body, a title in a comment not taken', () => {
    const page =
      '<!DOCTYPE html><html><head><!-- <title>fake</title> --><title>Bad Gateway</title></head><body>Try &#x61;gain</body></html>'
    expect(serviceDetail({ body: page, headers: { 'content-type': 'text/html' } })).toEqual({ message: 'Bad Gateway: Try again' })
  })
})

describe('decoded service HTML stays text', () => {
  const operation = parseOperation({
    status: 'failed',
    messages: [
      { messageHtml: 'Caf&eacute; &euro;5 <a title="a>b">link</a>', level: 'error' },
      { messageHtml: '&#58;&#58;error&#58;&#58;planted&#10;::warning::too &lt;script&gt;alert(1)&lt;/script&gt;', level: 'error' }
    ]
  })

  it('a decoded line break or workflow command cannot start a line of the log', () => {
    expect(operation.messages.map((m) => m.text)).toEqual(['Café €5 link', ': :error::planted ::warning::too <script>alert(1)</script>'])
  })

  it('a decoded tag is escaped in the summary', () => {
    const markdown = summaryMarkdown({
      title: 'contoso/vm',
      rows: [{ label: 'contoso/vm', status: 'failed', operation }],
      status: 'failed',
      elapsedMs: 1_000,
      dryRun: false
    })
    expect(markdown).toContain('- Café €5 link')
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(markdown).not.toContain('<script>')
  })
})
