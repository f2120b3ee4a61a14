// Random bytes and random JSON shapes, as a broken or hostile service might send, through everything
// that reads a body and writes a log line, an output or the summary. Seeded, so a failure repeats.
import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from './helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { parseOperation, failureReasons } = await import('../src/wait/operation.js')
const { ProgressLog } = await import('../src/report/progress-log.js')
const { summaryMarkdown } = await import('../src/report/summary.js')
const { operationOutput } = await import('../src/report/operation-output.js')
const { serviceDetail, ServiceError } = await import('../src/http/service-error.js')

/** mulberry32: a small seeded generator. */
function generator(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOSTILE = [
  '\n::stop-commands::x\n',
  '::add-mask::y',
  '\r\n##[set-output name=a;]b',
  '\u2028::error::z',
  '\u0085::warning::w',
  '<script>alert(1)</script>',
  '&lt;img src=x onerror=1&gt;',
  '[a](javascript:alert(1))',
  '| --- |',
  '`code`',
  '$x$',
  '\u202e',
  '%0A::debug::',
  'succeeded',
  'inProgress',
  'failed'
]
const KEYS = ['status', 'steps', 'messages', 'id', 'stepName', 'estimatedTimeFrame', 'progressPercentage', 'messageHtml', 'level', 'error']

function randomText(random: () => number): string {
  const parts: string[] = []
  for (let i = Math.floor(random() * 4); i >= 0; i--) {
    if (random() < 0.5) parts.push(HOSTILE[Math.floor(random() * HOSTILE.length)] as string)
    else parts.push(String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 0x2100))))
  }
  return parts.join('')
}

function randomJson(random: () => number, depth: number): unknown {
  const pick = random()
  if (depth > 5 || pick < 0.3) return randomText(random)
  if (pick < 0.4) return random() < 0.5 ? Math.floor(random() * 300) - 100 : random() * 1e6
  if (pick < 0.45) return random() < 0.5 ? null : random() < 0.5
  if (pick < 0.65) return Array.from({ length: Math.floor(random() * 5) }, () => randomJson(random, depth + 1))
  const object: Record<string, unknown> = {}
  for (let i = Math.floor(random() * 6); i >= 0; i--) {
    object[random() < 0.8 ? (KEYS[Math.floor(random() * KEYS.length)] as string) : randomText(random)] = randomJson(random, depth + 1)
  }
  return object
}

/** Every line the action would print, as the runner splits stdout. */
function printedLines(): string[] {
  return core.lines.flatMap((entry) => entry.slice(entry.indexOf(': ') + 2).split(/\r\n|\r|\n|\u2028|\u2029|\u0085/))
}

describe('fuzz: operation parser, progress log, summary and outputs', () => {
  it('never throw and never print a line that starts a workflow command, for 2,000 random bodies', () => {
    const random = generator(20261123)
    for (let round = 0; round < 2_000; round++) {
      core.reset()
      const json = random() < 0.1 ? randomJson(random, 0) : { ...(randomJson(random, 1) as object), status: randomJson(random, 4) }
      let operation
      try {
        operation = parseOperation(json)
      } catch (error) {
        // The one refusal the parser makes: a body that is not an object.
        expect((error as Error).message).toBe('is not a JSON object')
        continue
      }
      const progress = new ProgressLog()
      progress.observe(operation)
      progress.observe(parseOperation({ status: randomText(random), steps: randomJson(random, 1), messages: randomJson(random, 1) }))
      for (const reason of failureReasons(operation)) expect(reason).not.toMatch(/[\n\r\u2028\u2029]/)
      const summary = summaryMarkdown({
        publisher: 'p',
        offer: 'o',
        result: operation.state,
        elapsedMs: 1,
        operation,
        note: randomText(random)
      })
      expect(summary).not.toMatch(/<|^\s*::/m)
      expect(JSON.parse(operationOutput(operation))).toBeDefined()
      for (const line of printedLines()) expect(line).not.toMatch(/^\s*(::|##\[)/)
    }
  })

  it('reads 2,000 random error bodies as text that is one clean line', () => {
    const random = generator(7)
    const types = ['application/json', 'text/html', 'text/plain', '']
    for (let round = 0; round < 2_000; round++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 400) }, () => Math.floor(random() * 256)))
      const body = random() < 0.5 ? bytes.toString('utf8') : JSON.stringify(randomJson(random, 0))
      const headers = { 'content-type': types[Math.floor(random() * types.length)] as string }
      const detail = serviceDetail({ body, headers })
      // eslint-disable-next-line no-control-regex -- the point: no control character may remain
      const unsafe = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|^\\s*::')
      for (const text of [detail.code ?? '', detail.message ?? '']) expect(text).not.toMatch(unsafe)
      const error = new ServiceError('Reading', { status: 500, headers, body })
      expect(error.message).not.toMatch(/[\n\r]/)
    }
  })
})
