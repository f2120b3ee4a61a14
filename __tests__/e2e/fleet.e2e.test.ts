// Many offers in one step, and a step that can simply be run again (issue 13), end to end: the
// bundle against both API emulators, signed in once with a client secret against the identity
// emulator. Pacing and max-parallel: fleet-pacing.e2e.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cppFleet, piaFleet, type FleetApi } from '../helpers/fleet-apis.js'
import { errorLines, resultsOf, waitUntil } from '../helpers/fleet-results.js'
import { runAction, startAction, type RunResult } from '../../scripts/run-action.js'

/** The markdown tables of a summary: runs of lines that start with `|`. */
function tablesOf(markdown: string): string[][] {
  const tables: string[][] = []
  let current: string[] | undefined
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) current = undefined
    else if (current) current.push(line)
    else tables.push((current = [line]))
  }
  return tables
}

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

  const run = (offers: string[], extra: Record<string, string> = {}): Promise<RunResult> =>
    runAction({ inputs: api.inputs(offers.join('\n'), { 'poll-interval': '20ms', ...extra }), env: api.env })

  /** One token for the whole step, on every request to the API. */
  function expectOneToken(): void {
    expect(api.tokenRequests()).toBe(1)
    expect(new Set(api.requests().map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${api.identity.issued[0]?.token}`]))
  }

  it('one offer: behaves as before, and results has its one entry', async () => {
    await api.add('vm-ok', 'succeeds')
    const result = await run(['vm-ok'], { wait: 'true' })
    const [ok] = resultsOf(result, ['vm-ok'])
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs.operation).toBeDefined()
    expect(ok).toEqual({
      offer: 'vm-ok',
      api: api.name === 'Product Ingestion' ? 'product-ingestion' : 'cloud-partner-portal',
      status: 'succeeded',
      'operation-location': result.outputs['operation-location'],
      'operation-id': result.outputs['operation-id'],
      'offer-status': '',
      error: ''
    })
  })

  it('three offers: one refused, one failed, one live: exit 1, results per offer, one token, one POST each, one summary table', async () => {
    const offers = ['vm-refused', 'vm-fails', 'vm-ok']
    await api.add('vm-refused', 'refused')
    await api.add('vm-fails', 'fails')
    await api.add('vm-ok', 'succeeds')
    const result = await run(offers, { wait: 'true' })
    const [refused, failed, ok] = resultsOf(result, offers)
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')

    expect(refused).toMatchObject({ status: 'not started', 'operation-location': '', 'operation-id': '', 'offer-status': '' })
    expect(refused?.error).toMatch(api.reasons.refused)
    expect(failed).toMatchObject({ status: 'failed', 'offer-status': '' })
    expect(failed?.error).toMatch(api.reasons.fails)
    expect(ok).toMatchObject({ status: 'succeeded', 'offer-status': '', error: '' })
    for (const [name, entry] of [
      ['vm-fails', failed],
      ['vm-ok', ok]
    ] as const) {
      const match = api.started(name).exec(entry?.['operation-location'] ?? '')
      expect([name, match?.[1]]).toEqual([name, entry?.['operation-id']])
    }
    // Single-offer outputs are empty with several.
    for (const output of ['operation-location', 'operation-id', 'operation', 'offer-status']) expect(result.outputs[output] ?? '').toBe('')

    expectOneToken()
    for (const offer of offers) expect([offer, api.posts(offer).length]).toEqual([offer, 1])
    // One error line per failed offer, with its reason; none for the one that went live.
    expect(errorLines(result).filter((line) => api.reasons.refused.test(line))).toHaveLength(1)
    expect(errorLines(result).filter((line) => api.reasons.fails.test(line))).toHaveLength(1)
    expect(errorLines(result).filter((line) => line.includes('vm-ok'))).toEqual([])
    // Progress lines name the offer.
    expect(result.stdout.split('\n').some((line) => line.includes('vm-ok') && line.includes('Operation status:'))).toBe(true)

    // One table, a row per offer: result, operation location to copy (and Partner Center's page of a
    // Product Ingestion product, to open), times, the service's reason.
    const tables = tablesOf(result.summary).filter((rows) => offers.every((offer) => rows.some((line) => line.includes(offer))))
    expect(tables).toHaveLength(1)
    const rows = tables[0] as string[]
    const row = (offer: string): string => {
      const found = rows.filter((line) => line.includes(offer))
      expect([offer, found.length]).toEqual([offer, 1])
      return found[0] as string
    }
    expect(row('vm-refused')).toContain('not started')
    expect(row('vm-fails')).toContain('failed')
    expect(row('vm-fails')).toMatch(api.reasons.fails)
    const operationCell = (offer: string, location: string | undefined): string => {
      const page = api.page(offer)
      return `| \`${location}\`${page ? ` · [Partner Center](${page})` : ''} |`
    }
    expect(row('vm-fails')).toContain(operationCell('vm-fails', failed?.['operation-location']))
    expect(row('vm-ok')).toContain('succeeded')
    expect(row('vm-ok')).toContain(operationCell('vm-ok', ok?.['operation-location']))
    if (api.name === 'Product Ingestion')
      expect(row('vm-ok')).toMatch(
        / · \[Partner Center\]\(https:\/\/partner\.microsoft\.com\/dashboard\/commercial-marketplace\/offers\/[0-9a-f-]{36}\/overview\) \|/
      )
    // Started and ended, for a CPP go-live too (from its steps' messages).
    expect(row('vm-ok')).toContain(` | ${api.times[0]} | ${api.times[1]} | `)
    // The service's live links, as https links only (the emulator itself is plain http).
    if (api.liveLinks) expect(result.summary).toMatch(/\]\(https:\/\/[^)\s]+\)/)
  })

  it('a re-run finds one running, one live, one ready; the same step again converges, with no second POST', async () => {
    const offers = ['vm-running', 'vm-live', 'vm-ready']
    await api.add('vm-running', 'running')
    const earlier = await api.add('vm-live', 'live')
    await api.add('vm-ready', 'succeeds')

    const first = await run(offers)
    const [running, live, ready] = resultsOf(first, offers)
    expect(first.exitCode).toBe(0)
    expect(first.outputs.status).toBe('running') // any still going, none failed
    expect(running?.status).toBe('running')
    expect(api.running('vm-running').exec(running?.['operation-location'] ?? '')?.[1]).toBe(running?.['operation-id'])
    expect(live).toMatchObject({ status: 'succeeded', 'operation-location': earlier?.location, 'operation-id': earlier?.id, error: '' })
    expect(ready?.status).toBe('accepted')
    expect(api.started('vm-ready').exec(ready?.['operation-location'] ?? '')?.[1]).toBe(ready?.['operation-id'])
    expect(api.posts('vm-ready')).toHaveLength(1)
    expect(api.posts()).toHaveLength(1)
    expect(first.stdout).toMatch(/A go-live of (contoso\/)?vm-running is already running .*following it instead of starting another\./)

    // The scheduled workflow runs the same step again: it follows what runs and starts nothing.
    const second = await run(offers, { wait: 'true' })
    const again = resultsOf(second, offers)
    expect(second.exitCode).toBe(0)
    expect(second.outputs.status).toBe('succeeded')
    expect(again.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    expect(again[0]?.['operation-location']).toBe(running?.['operation-location'])
    expect(api.posts()).toHaveLength(1)

    // And once every offer is live, again: nothing to do, nothing sent.
    const third = await run(offers)
    expect(resultsOf(third, offers).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    expect(third.exitCode).toBe(0)
    expect(third.outputs.status).toBe('succeeded')
    expect(api.posts()).toHaveLength(1)
  })

  it('an offer with nothing published fails before any POST (publish first); the others go on', async () => {
    await api.add('vm-new', 'never-published')
    await api.add('vm-ok', 'quick')
    const result = await run(['vm-new', 'vm-ok'], { wait: 'true' })
    const [fresh, ok] = resultsOf(result, ['vm-new', 'vm-ok'])
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(fresh).toMatchObject({ status: 'not started', 'operation-location': '' })
    expect(fresh?.error).toMatch(/publish.* first/i)
    expect(api.posts('vm-new')).toHaveLength(0)
    expect(ok?.status).toBe('succeeded')
  })

  it.each(['SIGTERM', 'SIGKILL'] as const)('cancelled mid-wait (%s): results still has every recorded location', async (signal) => {
    const offers = ['vm-a', 'vm-b', 'vm-c']
    await api.add('vm-a', 'endless')
    await api.add('vm-b', 'endless')
    // vm-c's request that starts the go-live is never answered: its go-live is never recorded.
    await api.add('vm-c', 'endless', { on: 'trigger', kind: 'hang' })
    api.injectFault({ ...api.readMatch, kind: 'hang', times: 1_000 })
    const running = startAction({ inputs: api.inputs(offers.join(','), { wait: 'true', 'poll-interval': '10ms' }), env: api.env })
    // A status read follows its offer's recorded location; vm-c's POST is in flight.
    await waitUntil(running, () => api.reads().length === 2 && api.posts('vm-c').length === 1, 'two reads and the third POST')
    running.child.kill(signal)
    const result = await running.result
    // SIGKILL leaves only what was written as each operation was recorded.
    expect(result.signal).toBe(signal === 'SIGKILL' ? 'SIGKILL' : null)
    const [a, b, c] = resultsOf(result, offers)
    for (const [name, entry] of [
      ['vm-a', a],
      ['vm-b', b]
    ] as const) {
      expect(['accepted', 'running']).toContain(entry?.status)
      expect(api.started(name).exec(entry?.['operation-location'] ?? '')?.[1]).toBe(entry?.['operation-id'])
      expect(result.stdout).toContain(`Operation location: ${entry?.['operation-location']}`)
    }
    expect(new Set(api.reads().map((r) => r.path))).toEqual(new Set([a, b].map((r) => new URL(r?.['operation-location'] ?? '').pathname)))
    expect(c?.['operation-location']).toBe('')
    if (signal === 'SIGTERM') expect(result.exitCode).toBe(1)
  })

  it('256 offers at once: one token, one POST each, every result in input order', async () => {
    const offers = Array.from({ length: 256 }, (_, i) => `fleet-${String(i + 1).padStart(3, '0')}`)
    for (const offer of offers) await api.add(offer, 'quick')
    // Lines of comma-separated ids, blank lines and spaces: the forms a workflow writes.
    const input = Array.from({ length: 16 }, (_, line) => offers.slice(line * 16, line * 16 + 16).join(', ')).join('\n\n')
    const result = await runAction({ inputs: api.inputs(input, { wait: 'true', 'poll-interval': '500ms' }), env: api.env })
    const results = resultsOf(result, offers)
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(results.filter((r) => r.status !== 'succeeded')).toEqual([])
    expect(new Set(results.map((r) => r['operation-location'])).size).toBe(256)
    expectOneToken()
    expect(api.posts()).toHaveLength(256)
    expect(offers.filter((offer) => api.posts(offer).length !== 1)).toEqual([])
  }, 120_000)

  it('dry run over several offers: an offer-status per offer, the step’s own offer-status empty, nothing sent', async () => {
    const offers = ['vm-ready', 'vm-live', 'vm-new']
    await api.add('vm-ready', 'succeeds')
    await api.add('vm-live', 'live')
    await api.add('vm-new', 'never-published')
    const result = await run(offers, { 'dry-run': 'true' })
    const results = resultsOf(result, offers)
    expect(result.exitCode).toBe(0)
    expect(results.map((r) => r['offer-status'])).toEqual(['waitingForPublisherReview', 'succeeded', 'neverPublished'])
    expect(result.outputs['offer-status'] ?? '').toBe('')
    expect(api.posts()).toHaveLength(0)
  })
})
