// Requests paced, not bursted (issue 13): status reads spread over the poll interval, a Retry-After
// on one offer's read slows the whole fleet, triggers at most max-parallel at a time, and the inputs
// of a fleet refused before any request. Timing bounds are loose enough for a loaded machine; each
// would still catch the burst or the lone offer it is about.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { RecordedRequest } from '../../emulator/cpp-emulator.js'
import { cppFleet, piaFleet, type FleetApi } from '../helpers/fleet-apis.js'
import { errorLines, resultsOf } from '../helpers/fleet-results.js'
import { runAction } from '../../scripts/run-action.js'

/** The most requests in any window of `ms` that starts at one of them. */
function peak(requests: RecordedRequest[], ms: number): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b)
  let most = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && (times[j] as number) < (times[i] as number) + ms) j++
    most = Math.max(most, j - i)
  }
  return most
}

const TOO_MANY_REQUESTS = { kind: 'status', status: 429, contentType: 'application/json', headers: { 'retry-after': '1' } } as const

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

  it('status reads: about one per offer per poll interval, spread evenly, never a burst', async () => {
    const n = 8
    const interval = 800
    const offers = Array.from({ length: n }, (_, i) => `vm-${i + 1}`)
    for (const offer of offers) await api.add(offer, 'endless')
    const result = await runAction({
      inputs: api.inputs(offers.join('\n'), { wait: 'true', 'poll-interval': `${interval}ms`, timeout: '5s' }),
      env: api.env
    })
    // The go-lives never end: the wait times out, and the step fails with every offer running.
    expect(resultsOf(result, offers).map((r) => r.status)).toEqual(offers.map(() => 'running'))
    expect(result.exitCode).toBe(1)
    const reads = api.reads()
    const first = reads[0]?.at as number
    const settled = reads.filter((r) => r.at >= first + interval)
    // Spread: turns interval/n apart; n offers polling on their own would read within the same few ms.
    expect(peak(reads, interval / n)).toBeLessThanOrEqual(3)
    // About n reads per interval: never more than 1.5 n in one, and at least half the pace overall.
    expect(peak(settled, interval)).toBeLessThanOrEqual(1.5 * n)
    const span = (settled.at(-1)?.at ?? first) - (first + interval)
    expect(settled.length).toBeGreaterThanOrEqual(0.5 * n * (span / interval))
  }, 60_000)

  it('a 429 with Retry-After on one offer’s status read slows every offer, then all go on', async () => {
    const offers = ['vm-a', 'vm-b', 'vm-c']
    await api.add('vm-a', 'slow')
    await api.add('vm-b', 'slow', {
      on: 'read',
      ...TOO_MANY_REQUESTS,
      body: '{"error":{"code":"TooManyRequests","message":"slow down"}}',
      after: 1
    })
    await api.add('vm-c', 'slow')
    const result = await runAction({ inputs: api.inputs(offers.join('\n'), { wait: 'true', 'poll-interval': '100ms' }), env: api.env })
    const results = resultsOf(result, offers)
    expect(result.exitCode).toBe(0)
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    const readsOf = (index: number) => api.reads().filter((r) => r.path === new URL(results[index]?.['operation-location'] ?? '').pathname)
    const throttled = readsOf(1)[1]?.at as number // vm-b's second read got the 429
    // Nothing is sent to the API until the second asked for has passed (50 ms for a read in flight).
    expect(api.requests().filter((r) => r.at > throttled + 50 && r.at < throttled + 950)).toEqual([])
    expect((readsOf(1)[2]?.at as number) - throttled).toBeGreaterThanOrEqual(990)
    // The others were slowed, not stopped.
    expect(readsOf(0).some((r) => r.at >= throttled + 950)).toBe(true)
    expect(readsOf(2).some((r) => r.at >= throttled + 950)).toBe(true)
  }, 60_000)
})

describe('max-parallel and the inputs of several offers', () => {
  let api: FleetApi
  beforeAll(async () => {
    api = await cppFleet()
  })
  afterAll(() => api.close())
  beforeEach(() => api.reset())

  it('max-parallel 2: at most two go-lives being started at once', async () => {
    const offers = ['vm-a', 'vm-b', 'vm-c', 'vm-d', 'vm-e']
    // The first two answers are lost after the service acted: each of their starts then looks for
    // the go-live in the listing before it ends, holding its place for a while.
    await api.add('vm-a', 'succeeds', { on: 'trigger', kind: 'hang-after-accept' })
    await api.add('vm-b', 'succeeds', { on: 'trigger', kind: 'hang-after-accept' })
    for (const offer of offers.slice(2)) await api.add(offer, 'succeeds')
    const result = await runAction({
      inputs: api.inputs(offers.join(','), { 'max-parallel': '2', 'request-timeout': '300ms', 'poll-interval': '20ms' }),
      env: api.env
    })
    expect(resultsOf(result, offers).map((r) => r.status)).toEqual(['running', 'running', 'accepted', 'accepted', 'accepted'])
    expect(result.exitCode).toBe(0)
    // Each offer's start, from its POST to its last look in the listing, as positions in the request log.
    const log = api.requests()
    const spans = offers.map((offer) => {
      const from = log.findIndex((r) => r.method === 'POST' && r.path.includes(`/offers/${offer}/golive`))
      const to = log.findLastIndex((r) => r.method === 'GET' && r.path.includes(`/offers/${offer}/submissions`))
      return [from, Math.max(from, to)] as const
    })
    const busiest = Math.max(...log.map((_, at) => spans.filter(([from, to]) => from <= at && at <= to).length))
    expect(busiest).toBe(2)
  })

  // Ids without digits, so that only a message about the limit can name 256.
  const letters = (i: number): string => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))
  it.each([
    ['257 offers', { offer: Array.from({ length: 257 }, (_, i) => `offer-${letters(i)}`).join('\n') }, 'offer', [/256/]],
    ['an offer twice, in another case', { offer: 'vm-a,vm-b\nVM-A' }, 'offer', [/VM-A|vm-a/, /duplicate|twice|more than once|repeated/i]],
    [
      'operation-location with several offers',
      { offer: 'vm-a,vm-b', 'operation-location': '/api/operations/contoso$vm-a$1$preview' },
      'operation-location',
      [/again/]
    ],
    ['max-parallel 0', { offer: 'vm-a', 'max-parallel': '0' }, 'max-parallel', [/'0'/]],
    ['max-parallel 33', { offer: 'vm-a', 'max-parallel': '33' }, 'max-parallel', [/'33'/]],
    ['max-parallel four', { offer: 'vm-a', 'max-parallel': 'four' }, 'max-parallel', [/'four'/]],
    ['max-parallel 2.5', { offer: 'vm-a', 'max-parallel': '2.5' }, 'max-parallel', [/'2\.5'/]]
  ])('refuses %s before any request', async (_what, inputs, input, words) => {
    await api.add('vm-a', 'succeeds')
    const result = await runAction({ inputs: api.inputs('', inputs), env: api.env })
    expect(result.exitCode).toBe(1)
    const refusals = errorLines(result).filter((line) => line.startsWith(`::error::Input '${input}'`))
    expect(refusals).toHaveLength(1)
    for (const pattern of words) expect(refusals[0]).toMatch(pattern)
    expect(api.requests()).toHaveLength(0)
    expect(api.tokenRequests()).toBe(0)
  })
})
