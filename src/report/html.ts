// The service's messages are HTML (`messageHtml`), and so are the error pages of a gateway; logs and
// summaries want plain text. A real HTML tokenizer reads them (htmlparser2, whose character
// references are decoded by the HTML standard's table and rules, as a browser does): a pattern
// misreads an attribute holding `>` or a comment holding tags, and knows few of the 2,000 and more
// named references.
// The text is not safe to print yet: callers pass it through serviceText, as any service string.
import { Parser } from 'htmlparser2'

/**
 * How much of an HTML string is read. Callers cut first (only the start of it is ever shown), at most
 * to this; it bounds the work if one does not. The parser's work grows with the input and with the
 * depth of nesting (about 10 ms for the worst shapes at this size; `npm run bench` measures it).
 */
export const MAX_HTML = 16_000

// Elements that start a new line in a browser: their start and end separate the words around them.
const BLOCKS = new Set(
  [
    'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form',
    'h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ].flatMap((names) => names.split(' '))
)

// Elements whose content a browser does not show (with scripts on, as in any browser today).
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'title'])

/** The text of an HTML page or fragment: its first `<title>`, and what a browser shows of the rest. */
export interface HtmlText {
  title: string
  text: string
}

/**
 * What a browser shows of an HTML page or fragment, as one line of words: tags dropped (a block's
 * start and end, and `<br>`, become a space), scripts, styles and comments dropped, every character
 * reference decoded, white space folded. Only the first MAX_HTML characters are read.
 */
export function htmlText(html: string): HtmlText {
  const text: string[] = []
  let title: string[] | undefined
  let inTitle = false
  let hidden = 0
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === 'title' && title === undefined) {
          title = []
          inTitle = true
        }
        if (HIDDEN.has(name)) hidden++
        else if (hidden === 0 && BLOCKS.has(name)) text.push(' ')
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false
        if (HIDDEN.has(name)) hidden--
        else if (hidden === 0 && BLOCKS.has(name)) text.push(' ')
      },
      ontext(data) {
        if (inTitle) title?.push(data)
        else if (hidden === 0) text.push(data)
      }
    },
    { decodeEntities: true }
  )
  parser.end(head(html))
  return { title: fold(title?.join('') ?? ''), text: fold(text.join('')) }
}

/** What a browser shows of an HTML fragment, as one line of words (see htmlText). */
export function htmlToText(html: string): string {
  return htmlText(html).text
}

// The first MAX_HTML characters, never half of a surrogate pair.
function head(html: string): string {
  if (html.length <= MAX_HTML) return html
  const last = html.charCodeAt(MAX_HTML - 1)
  return html.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_HTML - 1 : MAX_HTML)
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
