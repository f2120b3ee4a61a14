// The bench's HTML to text (issue 18): the parser's time on hostile shapes of the most HTML it reads
// (MAX_HTML characters; callers cut first). Its work grows with the depth of nesting, so the shapes
// are deep ones next to plain words and references. In process, from the source: html.ts imports no
// relative module, so Node runs it as it is.
import { htmlToText, MAX_HTML } from '../src/report/html.ts'

type Report = (what: string, figure: string, target: string, ok?: boolean) => void

const RUNS = 15

const fill = (unit: string): string => unit.repeat(Math.ceil(MAX_HTML / unit.length)).slice(0, MAX_HTML)
const SHAPES: Record<string, string> = {
  words: fill('word '),
  references: fill('&eacute;&#x110000;'),
  'nested divs': fill('<div>'),
  'opened, then stray ends': fill('<q>').slice(0, MAX_HTML / 2) + fill('</b>').slice(0, MAX_HTML / 2),
  'nested svg': `<svg>${fill('<g>')}`,
  'implied paragraph ends': fill('<p>'),
  attributes: `<a ${fill('b="c>" ')}`
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

export function benchHtml(report: Report): void {
  const times = Object.entries(SHAPES).map(([shape, html]) => {
    const runs: number[] = []
    for (let i = 0; i < RUNS + 2; i++) {
      const started = performance.now()
      htmlToText(`${html}x`.repeat(4)) // four times the limit: the rest is never read
      if (i >= 2) runs.push(performance.now() - started) // the first two warm the JIT
    }
    return { shape, ms: median(runs) }
  })
  const worst = times.reduce((a, b) => (b.ms > a.ms ? b : a))
  report(
    `HTML to text of ${MAX_HTML} characters (median of ${RUNS}, per shape)`,
    `worst ${worst.ms.toFixed(1)} ms (${worst.shape}); ${times.map((t) => `${t.shape} ${t.ms.toFixed(1)}`).join(', ')}`,
    'none (bounded by the cut)'
  )
}
