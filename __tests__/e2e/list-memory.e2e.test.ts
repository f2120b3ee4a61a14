// Issue 19, memory: a Product Ingestion service whose lists come in 100 pages of 3.9 MB once ran a
// step of eight offers out of heap after minutes, with no results, summary or error line. Through
// the bundle against such a service (emulator/list-abuse.ts): every offer's list is refused past
// 1 MiB with an error naming the list and the limit, every output is written, and the step's peak
// RSS stays far below the 600 MB the issue allows for 32 offers at once (it is about 100 MB).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startListAbuseServer, type ListAbuse, type ListAbuseServer } from '../../emulator/list-abuse.js'
import { errorLines, resultsOf } from '../helpers/fleet-results.js'
import { runAction } from '../../scripts/run-action.js'

const LIMIT = 'the list is larger than 1 MiB (all its pages together), far more than a real one (a few KB)'

let pia: ListAbuseServer
beforeAll(async () => {
  pia = await startListAbuseServer()
})
afterAll(() => pia.close())

const run = (offers: string[], maxParallel: number) =>
  runAction({
    inputs: {
      api: 'product-ingestion',
      offer: offers.join('\n'),
      token: 'list-abuse-token',
      'base-url': pia.url,
      'max-parallel': String(maxParallel)
    }
  })

/** The abuse, and the same sizes sent other ways: streamed without a length, smaller pages, the product lookup. */
const ABUSES: ListAbuse[] = [
  { list: 'submissions', pageBytes: 3_900_000, pages: 100, length: 'declared' },
  { list: 'submissions', pageBytes: 3_900_000, pages: 100, length: 'streamed' },
  { list: 'submissions', pageBytes: 300_000, pages: 100, length: 'declared' },
  { list: 'products', pageBytes: 3_900_000, pages: 100, length: 'declared' }
]

describe.each([
  [8, 8],
  [32, 32]
])('%i offers at max-parallel %i, every list 100 pages of up to 3.9 MB', (count, maxParallel) => {
  it('every offer ends with its list refused, naming it and the limit; results, error lines and summary written; memory bounded', async () => {
    const offers = Array.from({ length: count }, (_, i) => `abuse-${String(i + 1).padStart(2, '0')}`)
    const abuse = new Map(offers.map((offer, i) => [offer, ABUSES[i % ABUSES.length] as ListAbuse]))
    pia.abuse((offer) => abuse.get(offer))
    pia.server.requests.length = 0

    const result = await run(offers, maxParallel)

    expect(result.exitCode).toBe(1)
    const results = resultsOf(result, offers)
    for (const [i, r] of results.entries()) {
      const what =
        abuse.get(offers[i] as string)?.list === 'products' ? `Looking up the product '${offers[i]}'` : "Listing the product's submissions"
      expect([r.offer, r.status, r.error]).toEqual([offers[i], 'not started', expect.stringContaining(`${what} failed: ${LIMIT}`)])
    }
    expect(result.outputs.status).toBe('failed')
    // One error line per offer, each naming it.
    const errors = errorLines(result)
    for (const offer of offers) expect(errors.filter((line) => line.startsWith(`::error::${offer}: `))).toHaveLength(1)
    expect(result.summary).toContain(`## Go live: ${count} offers`)
    for (const offer of offers) expect(result.summary).toContain(`| ${offer} | ⛔ not started |`)
    // No page past the first three of the smaller ones was asked for, and nothing but lists was sent.
    expect(pia.server.requests.filter((r) => r.method !== 'GET')).toEqual([])
    expect(Math.max(...pia.server.requests.map((r) => Number(new URLSearchParams(r.query).get('$skipToken') ?? 0)))).toBe(3)
    // A generous bound (it is about 70 MB for 8 offers, 100 MB for 32): the 600 MB; one offer took 975 MB before.
    expect(result.peakRssMb).toBeLessThan(600)
  }, 120_000)
})
