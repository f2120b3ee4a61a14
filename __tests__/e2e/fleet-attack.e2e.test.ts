// Attacks on several offers in one step (issue 13), through the bundle against both emulators:
// hostile inputs, lost and refused answers on several offers at once, throttling, cancellation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cppFleet, piaFleet, type FleetApi } from '../helpers/fleet-apis.js'
import { errorLines, resultsOf, waitUntil } from '../helpers/fleet-results.js'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { runAction, startAction, type RunResult } from '../../scripts/run-action.js'

describe.each([
  ['Cloud Partner Portal', cppFleet],
  ['Product Ingestion', piaFleet]
])('%s', (_name, start) => {
  let api: FleetApi
  beforeAll(async () => {
    api = await start()
  })
  afterAll(() => api.close())
  beforeEach(() => api.reset())

  const run = (offers: string, extra: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ inputs: api.inputs(offers, { 'poll-interval': '20ms', ...extra }), env: api.env })

  it('input: 257 refused before any request; mixed CRLF, commas, tabs and blanks accepted', async () => {
    const many = Array.from({ length: 257 }, (_, i) => `o-${i}`).join(',')
    const refused = await run(many)
    expect(refused.exitCode).toBe(1)
    expect(api.requests()).toHaveLength(0)
    expect(errorLines(refused).join('\n')).toMatch(/at most 256/)
    for (const o of ['vm-a', 'vm-b', 'vm-c']) await api.add(o, 'quick')
    const mixed = await run('\r\n\tvm-a ,\r\n, \n vm-b\t\r\n\r\n,vm-c,\n', { wait: 'true' })
    expect(mixed.exitCode).toBe(0)
    expect(resultsOf(mixed, ['vm-a', 'vm-b', 'vm-c']).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
  })

  it.each(['vm-a\nVM-A', 'vm-a,vm$b', 'vm-a;vm-b', 'vm-a,vм-b', 'vm-a,vm b'])('input %j refused before any request', async (offers) => {
    const result = await run(offers)
    expect(result.exitCode).toBe(1)
    expect(api.requests()).toHaveLength(0)
    expect(errorLines(result)).toHaveLength(1)
  })

  it.each(['0', '33', '1e1', '-1', '4.0', '0x4'])('max-parallel %j refused', async (value) => {
    const result = await run('vm-a,vm-b', { 'max-parallel': value })
    expect(result.exitCode).toBe(1)
    expect(api.requests()).toHaveLength(0)
  })

  it('lost answers on three offers at once: exactly one POST each, each followed', async () => {
    const offers = ['vm-reset', 'vm-500', 'vm-hang']
    await api.add('vm-reset', 'quick', { on: 'trigger', kind: 'reset-after-accept' })
    await api.add('vm-500', 'quick', { on: 'trigger', kind: 'status-after-accept', status: 500 })
    await api.add('vm-hang', 'quick', { on: 'trigger', kind: 'hang-after-accept' })
    const result = await run(offers.join('\n'), { wait: 'true', 'request-timeout': '1s' })
    for (const o of offers) expect([o, api.posts(o).length]).toEqual([o, 1])
    const results = resultsOf(result, offers)
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
  }, 60_000)

  it('a 401 on three offers at once: one renewal', async () => {
    const offers = ['vm-a', 'vm-b', 'vm-c']
    for (const o of offers) await api.add(o, 'quick', { on: 'trigger', kind: 'status', status: 401, body: '' })
    const result = await run(offers.join('\n'), { wait: 'true' })
    expect(result.exitCode).toBe(0)
    for (const o of offers) expect([o, api.posts(o).length]).toEqual([o, 2])
    expect(api.tokenRequests()).toBe(2)
  })

  // Found by the attack: the fleet's throttle (capped at 10 minutes) held the other offers' reads
  // before their go-lives past the step's timeout, for the whole cap. This test hangs on that code.
  it('a 429 with Retry-After 3600 on one offer: capped, and no other offer is held past the step’s timeout', async () => {
    const offers = ['vm-slow', 'vm-b', 'vm-c']
    await api.add('vm-slow', 'quick', { on: 'trigger', kind: 'status', status: 429, headers: { 'retry-after': '3600' } })
    await api.add('vm-b', 'quick')
    await api.add('vm-c', 'quick')
    const result = await run(offers.join('\n'), { wait: 'true', timeout: '2s', 'max-parallel': '1' })
    expect(result.exitCode).toBe(1)
    const results = resultsOf(result, offers)
    expect(results.map((r) => r.status)).toEqual(['not started', 'not started', 'not started'])
    expect(results[0]?.error).toMatch(/retry after 1h/)
    for (const r of results.slice(1))
      expect(r.error).toMatch(/timeout \(2s\) passed before the go-live of .* was started: nothing was sent/)
    // Slowed: nothing after the refusal reached the service.
    expect(api.posts()).toHaveLength(1)
  })

  it('SIGTERM while every trigger hangs: results names each offer as maybe started, never not started', async () => {
    const offers = ['vm-a', 'vm-b', 'vm-c']
    for (const o of offers) await api.add(o, 'quick', { on: 'trigger', kind: 'hang-after-accept' })
    const running = startAction({ inputs: api.inputs(offers.join('\n'), { wait: 'true', 'request-timeout': '5m' }), env: api.env })
    await waitUntil(running, () => api.posts().length === 3, 'three POSTs')
    running.child.kill('SIGTERM')
    const result = await running.result
    const results = resultsOf(result, offers)
    expect(results.map((r) => r.status)).toEqual(['unknown', 'unknown', 'unknown'])
    expect(result.exitCode).toBe(1)
  })

  it('SIGTERM mid-wait: every recorded location present', async () => {
    const offers = ['vm-a', 'vm-b', 'vm-c']
    for (const o of offers) await api.add(o, 'endless')
    const running = startAction({ inputs: api.inputs(offers.join('\n'), { wait: 'true', 'poll-interval': '50ms' }), env: api.env })
    await waitUntil(running, () => api.reads().length >= 6, 'reads')
    running.child.kill('SIGTERM')
    const result = await running.result
    const results = resultsOf(result, offers)
    for (const [i, r] of results.entries()) expect(r['operation-location']).toMatch(api.started(offers[i] as string))
  })

  it('SIGKILL right after the records: results holds every location', async () => {
    const offers = ['vm-a', 'vm-b', 'vm-c']
    for (const o of offers) await api.add(o, 'endless')
    const running = startAction({ inputs: api.inputs(offers.join('\n'), { wait: 'true', 'poll-interval': '300ms' }), env: api.env })
    // The first read of each comes after its record (log line and outputs) is complete.
    await waitUntil(running, () => api.posts().length === 3 && api.reads().length >= 3, 'a read of each go-live')
    running.child.kill('SIGKILL')
    const result = await running.result
    const results = resultsOf(result, offers)
    for (const [i, r] of results.entries()) expect(r['operation-location']).toMatch(api.started(offers[i] as string))
  })
})

describe('hostile answers in results and the summary', () => {
  it('CPP: failure text that tries to break the JSON or the log, and links that are not https', async () => {
    const { startCppEmulator } = await import('../../emulator/cpp-emulator.js')
    const { failingGoLive, succeedingGoLive } = await import('../../emulator/scenarios.js')
    const cpp = await startCppEmulator()
    try {
      const evil = `"}],"x":"\n::error::owned $(id) \`id\` | <script>alert(1)</script> ${'y'.repeat(5000)}`
      const fails = failingGoLive()
      const last = fails.at(-1) as { steps: Array<{ messages?: unknown[] }> }
      const rejected = last.steps.at(-1) as { messages?: unknown[] }
      rejected.messages = [{ messageHtml: evil, level: 'error' }]
      const ok = succeedingGoLive()
      const links = [
        { displayText: 'js', uri: 'javascript:alert(1)' },
        { displayText: 'data', uri: 'data:text/html,<script>alert(1)</script>' },
        { displayText: 'plain', uri: 'http://example.com/' },
        { displayText: 'creds', uri: 'https://user:pw@example.com/' },
        { displayText: 'x](javascript:alert(1)) | <script>', uri: 'https://example.com/a)b]c|d<script>' },
        { displayText: 'huge', uri: `https://example.com/${'a'.repeat(1024 * 1024)}` }
      ]
      Object.assign(ok.at(-1) as object, { previewLinks: links, liveLinks: links })
      cpp.addOffer({ publisher: 'contoso', offer: 'vm-bad', progression: fails })
      cpp.addOffer({ publisher: 'contoso', offer: 'vm-ok', progression: ok })
      const result = await runAction({
        inputs: {
          token: DEFAULT_TOKEN,
          publisher: 'contoso',
          offer: 'vm-bad,vm-ok',
          'base-url': cpp.url,
          'poll-interval': '20ms',
          wait: 'true'
        }
      })
      const [bad, good] = resultsOf(result, ['vm-bad', 'vm-ok'])
      expect(result.exitCode).toBe(1)
      expect(bad?.error).toContain('owned')
      expect(good?.status).toBe('succeeded')
      expect(result.stdout).not.toMatch(/^::error::owned/m)
      // Service words stay text (escaped); the only link targets are the two https links kept.
      expect(result.summary).not.toMatch(/<script>|user:pw|data:text|http:\/\/example/)
      expect(
        [...result.summary.matchAll(/[^\\]\]\(([^)]*)\)/g)].map((m) => m[1]).filter((t) => !t?.startsWith('http://127.0.0.1'))
      ).toEqual(['https://example.com/a%29b%5Dc%7Cd%3Cscript%3E', 'https://example.com/a%29b%5Dc%7Cd%3Cscript%3E'])
      expect(result.summary.length).toBeLessThan(64 * 1024)
      const row = result.summary.split('\n').find((l) => l.startsWith('| contoso/vm-ok |')) as string
      // The row has its six cells: nothing in a link broke the table.
      expect(row.split(/(?<!\\)\|/).length).toBe(8)
    } finally {
      await cpp.close()
    }
  })

  it('PIA: two products share an offer’s external id: that offer is not taken live, the other is', async () => {
    const { startPiaEmulator } = await import('../../emulator/pia-emulator.js')
    const { succeedingJob } = await import('../../emulator/pia-scenarios.js')
    const pia = await startPiaEmulator()
    try {
      pia.addProduct({ externalId: 'vm-a', progression: succeedingJob() })
      pia.addProduct({ externalId: 'VM-A', progression: succeedingJob() })
      pia.addProduct({ externalId: 'vm-b', progression: succeedingJob() })
      const result = await runAction({
        inputs: {
          token: DEFAULT_TOKEN,
          api: 'product-ingestion',
          offer: 'vm-a\nvm-b',
          'base-url': pia.url,
          'poll-interval': '20ms',
          wait: 'true'
        }
      })
      const [a, b] = resultsOf(result, ['vm-a', 'vm-b'])
      expect(a?.status).toBe('not started')
      expect(b?.status).toBe('succeeded')
      expect(pia.requestsTo('POST', '/configure')).toHaveLength(1)
    } finally {
      await pia.close()
    }
  })
})
