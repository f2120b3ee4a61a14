// Random bytes and random JSON shapes, as a broken or hostile service might send, through everything
// that reads a body and writes a log line, an output or the summary (one renderer for one offer or
// many, a go-live or a dry run: its rows are fuzzed too): the CPP operation parser, and
// the Product Ingestion parsers (job and submission status, the followed parsers, submission lists)
// and both APIs' decide(). Seeded, so a failure repeats. Nothing may throw but the refusals each
// parser documents, and what comes out stays canonical: validated ids, known states, one clean line.
import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from './helpers/core-mock.js'
import { generator } from './helpers/seeded.js'
import type { HttpResponse, Transport } from '../src/http/transport.js'
import type { Operation } from '../src/wait/operation.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { parseOperation, failureReasons } = await import('../src/wait/operation.js')
const { ProgressLog } = await import('../src/report/progress-log.js')
const { summaryMarkdown } = await import('../src/report/summary.js')
const { operationOutput } = await import('../src/report/operation-output.js')
const { serviceDetail, ServiceError } = await import('../src/http/service-error.js')
const { ActionError } = await import('../src/errors.js')
const { parseJobStatus, parseSubmissionStatus, jobIdOf } = await import('../src/apis/product-ingestion/operations.js')
const { followedJobParser, followedSubmissionParser } = await import('../src/apis/product-ingestion/followed.js')
const { ProductIngestionClient } = await import('../src/apis/product-ingestion/client.js')
const { decide: decideIngestion } = await import('../src/apis/product-ingestion/decide.js')
const { isUsable } = await import('../src/apis/product-ingestion/listing.js')
const { decide: decideCpp } = await import('../src/apis/cloud-partner-portal/decide.js')
const { RESOURCE_ID } = await import('../src/apis/product-ingestion/locations.js')
const { staticTokenProvider } = await import('../src/auth/static-token.js')

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
// The Product Ingestion API's fields (pia-api.md), and values that mean something to its parsers.
const PIA_KEYS = ['jobId', 'jobID', 'jobStatus', 'jobResult', 'jobStart', 'jobEnd', 'errors', 'code', 'message', 'details']
const PIA_ENTRY_KEYS = ['id', 'product', 'target', 'targetType', 'status', 'result', 'created', 'value', 'resourceId']
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const OTHER_GUID = '11111111-2222-3333-4444-555555555555'
const MEANINGFUL = [
  'notStarted',
  'running',
  'completed',
  'succeeded',
  'failed',
  'cancelled',
  'pending',
  'Completed',
  'live',
  'preview',
  'draft',
  'LIVE',
  'invalidState',
  'Certification failed',
  '2022-02-04T20:07:22.4220588Z',
  '2022-02-04T20:07:22Z',
  '0001-01-01T00:00:00',
  'b4f4c6d0-59c8-4e2b-8f0a-1c4c61a7d9a1',
  `product/${GUID}`,
  `product/${OTHER_GUID}`,
  `submission/${GUID}/1152921515689848683`,
  `submission/${GUID}/01152921515689848683`,
  `submission/${GUID.toUpperCase()}/1152921515689847470`,
  `submission/${GUID}/9223372036854775808`,
  `submission/${OTHER_GUID}/1`, // made-up: the shortest number, next to the real-shaped ones
  `submission/${GUID}/-1`,
  `submission/${GUID}/1e3`,
  `submission/${GUID}/1152921515689848683/x`,
  'https://product-ingestion.azureedge.net/schema/submission/2022-03-01-preview2',
  'https://schema.mp.microsoft.com/schema/configure/2022-07-01'
]

function randomText(random: () => number): string {
  const parts: string[] = []
  for (let i = Math.floor(random() * 4); i >= 0; i--) {
    if (random() < 0.5) parts.push(HOSTILE[Math.floor(random() * HOSTILE.length)] as string)
    else parts.push(String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 0x2100))))
  }
  return parts.join('')
}

const pickOf = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

function randomJson(random: () => number, depth: number): unknown {
  const pick = random()
  if (depth > 5 || pick < 0.3) return random() < 0.3 ? pickOf(random, MEANINGFUL) : randomText(random)
  if (pick < 0.4) return random() < 0.5 ? Math.floor(random() * 300) - 100 : random() * 1e6
  if (pick < 0.45) return random() < 0.5 ? null : random() < 0.5
  if (pick < 0.65) return Array.from({ length: Math.floor(random() * 5) }, () => randomJson(random, depth + 1))
  const object: Record<string, unknown> = {}
  for (let i = Math.floor(random() * 6); i >= 0; i--) {
    const key = random() < 0.8 ? pickOf(random, [...KEYS, ...PIA_KEYS, ...PIA_ENTRY_KEYS]) : randomText(random)
    object[key] = randomJson(random, depth + 1)
  }
  return object
}

/** A Product Ingestion job, submission or list entry: its fields mostly present, each value random. */
function randomEntry(random: () => number): Record<string, unknown> {
  const entry = (random() < 0.7 ? randomJson(random, 2) : {}) as Record<string, unknown>
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { value: entry }
  const field = (): unknown => (random() < 0.75 ? pickOf(random, MEANINGFUL) : randomJson(random, 3))
  for (const key of ['id', 'product', 'status', 'result', 'created', 'jobId', 'jobStatus', 'jobResult', 'jobEnd'])
    if (random() < 0.6) entry[key] = field()
  if (random() < 0.7) entry.target = random() < 0.8 ? { targetType: field() } : field()
  if (random() < 0.3) entry.errors = [{ code: field(), message: field(), details: random() < 0.5 ? [randomJson(random, 3)] : field() }]
  return entry
}

/** A listed submission, leaning to what lists hold (completed previews and lives) so every verdict is reached. */
function randomListed(random: () => number): Record<string, unknown> {
  const entry = randomEntry(random)
  const lean = (key: string, common: string[], odds: number): unknown => (random() < odds ? pickOf(random, common) : entry[key])
  // Few ids, so that the live and the newest preview are often one submission (spelled two ways, too).
  const ids = MEANINGFUL.filter((v) => v.startsWith('submission/'))
  if (random() < 0.8) entry.id = random() < 0.7 ? pickOf(random, ids.slice(0, 2)) : pickOf(random, ids)
  entry.status = lean('status', ['completed', 'completed', 'completed', 'running'], 0.8)
  entry.result = lean('result', ['succeeded', 'succeeded', 'failed', 'pending'], 0.7)
  if (random() < 0.8) entry.target = { targetType: pickOf(random, ['preview', 'live', 'draft', 'Preview']) }
  return entry
}

// eslint-disable-next-line no-control-regex -- the point: no control character may remain
const UNSAFE_LINE = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|^\\s*(::|##\\[)')
const STATES = ['running', 'succeeded', 'failed', 'canceled', 'unknown']

/** The summary of one offer whose go-live is `operation`, with `note` as its error and the step's. */
function summaryOf(operation: Operation, note?: string): string {
  const row = { label: 'p/o', status: operation.state, how: 'started' as const, operation, note }
  return summaryMarkdown({ title: 'p/o', rows: [row], status: operation.state, elapsedMs: 1, note, dryRun: false })
}

/** An operation as the wait and the report use it: a known state, every text one clean line. */
function expectCanonical(operation: Operation): void {
  expect(STATES).toContain(operation.state)
  const texts = [operation.rawStatus, operation.unknownReason, operation.started, operation.ended, ...operation.messages.map((m) => m.text)]
  for (const text of texts) if (text !== undefined) expect(text).not.toMatch(UNSAFE_LINE)
  expect(JSON.parse(operationOutput(operation))).toBeDefined()
  expect(summaryOf(operation)).not.toMatch(/<|^\s*::/m)
}

/**
 * Whether `error` is one of the refusals a parser documents (`messages`), not a bug: a TypeError or
 * the like from our own code must never pass as "the service sent something odd".
 */
function expectRefusal(error: unknown, messages: RegExp): void {
  for (const bug of [TypeError, RangeError, ReferenceError, SyntaxError]) expect(error).not.toBeInstanceOf(bug)
  expect(error).toBeInstanceOf(Error)
  expect((error as Error).message).toMatch(messages)
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
      const summary = summaryOf(operation, randomText(random))
      expect(summary).not.toMatch(/<|^\s*::/m)
      // Several offers, and a dry run, with the service's words in their cells.
      const rows = [
        { label: randomText(random), status: operation.state, operation, note: randomText(random) },
        { label: 'p/o', status: 'not started', note: randomText(random) },
        { label: 'p/o2', status: 'not started', dryRun: { offerStatus: 'live', verdict: 'unknown' as const, message: randomText(random) } }
      ]
      for (const dryRun of [false, true]) {
        const many = summaryMarkdown({ title: '3 offers', rows, status: 'failed', elapsedMs: 1, note: randomText(random), dryRun })
        expect(many).not.toMatch(/<|^\s*::/m)
        // Each row stays one row of the table: a cell cannot break it, nor end the table early.
        const lines = many.split('\n')
        const header = lines.findIndex((line) => line.startsWith('| Offer |'))
        const end = lines.indexOf('', header)
        const cells = lines.slice(header, end).map((line) => line.split(/(?<!\\)\|/).length)
        expect(cells).toEqual(Array(2 + rows.length).fill(dryRun ? 6 : 8))
      }
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
      for (const text of [detail.code ?? '', detail.message ?? '']) expect(text).not.toMatch(UNSAFE_LINE)
      const error = new ServiceError('Reading', { status: 500, headers, body })
      expect(error.message).not.toMatch(/[\n\r]/)
    }
  })
})

describe('fuzz: Product Ingestion parsers and both decide()s', () => {
  const JOB = 'b4f4c6d0-59c8-4e2b-8f0a-1c4c61a7d9a1'
  const SUBMISSION = `submission/${GUID}/1152921515689848683`

  it('reads 2,000 random job and submission bodies, bare and followed, into canonical operations', () => {
    const random = generator(20220707)
    const refusals = {
      plain: /^is not a JSON object$/,
      job: /^(is not a JSON object|names another job \(.*\), not the job followed \(.*\); it is not taken as its status)$/,
      submission:
        /^(is not a JSON object|(names another (submission|product) \(.*\)|lists \d+ entries), not the submission followed \(.*\); it is not taken as its status|is about a .* submission, not the live one followed \(.*\); it is not taken as its status)$/
    }
    const parsers: Array<[string, (json: unknown) => Operation, RegExp]> = [
      ['job status', parseJobStatus, refusals.plain],
      ['submission status', parseSubmissionStatus, refusals.plain],
      ['followed job', followedJobParser(JOB), refusals.job],
      ['followed submission', followedSubmissionParser(SUBMISSION), refusals.submission]
    ]
    const read: Record<string, number> = {}
    for (let round = 0; round < 2_000; round++) {
      core.reset()
      const entry = randomEntry(random)
      const body = random() < 0.1 ? randomJson(random, 0) : random() < 0.2 ? { value: [entry, ...(random() < 0.3 ? [entry] : [])] } : entry
      for (const [name, parse, refused] of parsers) {
        let operation: Operation
        try {
          operation = parse(body)
        } catch (error) {
          expectRefusal(error, refused)
          continue
        }
        read[name] = (read[name] ?? 0) + 1
        expectCanonical(operation)
        new ProgressLog().observe(operation)
        for (const line of printedLines()) expect(line).not.toMatch(/^\s*(::|##\[)/)
      }
      const jobId = jobIdOf(body)
      if (jobId !== undefined) expect(jobId).toMatch(RESOURCE_ID)
    }
    // The bodies reach past the refusals: each parser read a status from most of them.
    for (const [name] of parsers) expect(read[name]).toBeGreaterThan(500)
  })

  /** A client whose one page answer is `body` (any further page is empty). */
  function clientAnswering(body: string): InstanceType<typeof ProductIngestionClient> {
    let pages = 0
    const transport: Transport = {
      async request(): Promise<HttpResponse> {
        return { status: 200, headers: { 'content-type': 'application/json' }, body: pages++ === 0 ? body : '{"value":[]}' }
      },
      dispose: () => undefined
    }
    return new ProductIngestionClient({
      baseUrl: new URL('https://graph.microsoft.com/rp/product-ingestion'),
      apiVersion: '2022-07-01',
      transport,
      tokens: staticTokenProvider('t', 'https://graph.microsoft.com'),
      backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
    })
  }

  it('lists 1,000 random submission lists, then decides on them: validated ids, a known verdict, one clean line', async () => {
    const random = generator(1152921515)
    const submissionId = new RegExp(`^submission/${GUID}/\\d{1,30}$`, 'i')
    const kinds = new Set<string>()
    let refused = 0
    for (let round = 0; round < 1_000; round++) {
      const entries = Array.from({ length: Math.floor(random() * 6) }, () => randomListed(random))
      const page: unknown =
        random() < 0.9 ? { value: entries, ...(random() < 0.1 ? { '@nextLink': randomJson(random, 4) } : {}) } : randomJson(random, 0)
      const body = random() < 0.05 ? randomText(random) : JSON.stringify(page)
      let listed
      try {
        listed = await clientAnswering(body).listSubmissions(GUID)
      } catch (error) {
        // Documented: an answer the action cannot read, or a go-live it cannot follow, in words.
        expect(error).toBeInstanceOf(ActionError)
        expect((error as Error).message).not.toMatch(/[\n\r]/)
        refused++
        continue
      }
      for (const s of listed) {
        expect(s.targetType).toBe(s.targetType.toLowerCase())
        if (isUsable(s)) {
          expect(s.id).toMatch(submissionId)
          expect(s.number).toMatch(/^\d{1,30}$/)
        } else {
          // An id the action cannot use is only ever quoted, as one safe bounded line.
          expect(s.shown).not.toMatch(UNSAFE_LINE)
          expect(s.shown.length).toBeLessThanOrEqual(100)
        }
      }
      const decision = decideIngestion(listed)
      kinds.add(decision.kind)
      expect(decision.say).not.toMatch(UNSAFE_LINE)
      if (decision.kind === 'follow') expect(listed).toContain(decision.running)
      if (decision.kind === 'ready') expect(listed.filter((s) => s.targetType === 'preview')).toContain(decision.preview)
    }
    // The lists reach every verdict, and most are read rather than refused.
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'follow',
        'in-progress',
        'live',
        'live-unknown',
        'no-preview',
        'preview-failed',
        'preview-unfinished',
        'ready'
      ])
    )
    expect(refused).toBeLessThan(500)
  })

  it('decides on 2,000 random CPP offer statuses and submission lists with a canonical offer status', () => {
    const random = generator(20171031)
    const blockers = ['running', 'notStarted', 'neverPublished', 'failed', 'canceled']
    const states = ['waitingForPublisherReview', 'running', 'notStarted', 'neverPublished', 'succeeded', 'failed', 'canceled']
    for (let round = 0; round < 2_000; round++) {
      const status = parseOperation({
        ...(randomJson(random, 1) as object),
        status: random() < 0.6 ? pickOf(random, states) : randomJson(random, 4)
      })
      const submissions = Array.from({ length: Math.floor(random() * 4) }, () => ({
        id: randomText(random),
        submissionType: pickOf(random, ['golive', 'publish', 'goLive', randomText(random)]),
        submissionState: pickOf(random, ['running', 'succeeded', 'canceled', 'notStarted', randomText(random)]),
        slot: pickOf(random, ['production', 'staging', randomText(random)]),
        changedTime: pickOf(random, ['2018-03-26T21:46:01.179948Z', randomText(random)])
      }))
      const context = { subject: { publisher: 'contoso', offer: 'vm' }, retryFailed: random() < 0.5 }
      const decision = decideCpp(random() < 0.3 ? undefined : status, random() < 0.2 ? undefined : submissions, context)
      expect(decision.say).not.toMatch(UNSAFE_LINE)
      if (decision.kind === 'blocked') expect(blockers).toContain(decision.offerStatus)
      if (decision.kind === 'follow') expect(submissions).toContain(decision.running)
    }
  })
})
