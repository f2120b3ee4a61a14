// Review of issue 16 (r16-review): written to FAIL on the branch as reviewed.
// Every status read of every offer (Offer.observe) now asks ResultsOutput for a write, even when
// nothing in `results` changed, and each write appends the whole list to GITHUB_OUTPUT. A fleet of
// 256 offers waiting for hours (poll-interval 60 s: about 4 reads a second) then appends the whole
// list every second: about 80 KB/s, gigabytes over a 6 h wait. Before issue 16 a read wrote nothing.
import { jest, describe, expect, it } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { Fleet } = await import('../../src/run/fleet.js')

// made-up: a running operation as the wait reads it, with only the fields observe() uses.
const running = {
  rawStatus: 'running',
  state: 'running',
  knownStatus: true,
  steps: [],
  messages: [],
  body: { status: 'running' },
  links: { preview: [], live: [] }
} as const

describe('review 16: results is rewritten only when it changes', () => {
  it('256 offers running, 10 minutes of status reads that change nothing: no more writes of results', () => {
    jest.useFakeTimers()
    try {
      const ids = Array.from({ length: 256 }, (_, i) => `contoso-marketplace-offer-${String(i).padStart(3, '0')}`)
      const config = { offers: ids, publisher: 'contoso-publisher', targets: [] } as unknown as ConstructorParameters<typeof Fleet>[0]
      const fleet = new Fleet(config)
      for (const offer of fleet.offers) {
        const id = `contoso-publisher$${offer.subject.offer}$1$preview`
        const url = new URL(`https://cloudpartner.azure.com/api/operations/${encodeURIComponent(id)}?api-version=2017-10-31`)
        offer.record({ location: { kind: 'operation', url, id }, how: 'attached' })
        offer.observe(structuredClone(running) as never)
      }
      jest.advanceTimersByTime(5_000)
      const setOutput = core.module.setOutput as jest.Mock
      const before = setOutput.mock.calls.filter(([name]) => name === 'results')
      const stable = before.at(-1)?.[1]
      // The pacer spreads the reads: 256 offers every 60 s is a read every ~234 ms.
      for (let ms = 0; ms < 600_000; ms += 234) {
        const offer = fleet.offers[(ms / 234) % 256]
        offer?.observe(structuredClone(running) as never)
        jest.advanceTimersByTime(234)
      }
      const after = setOutput.mock.calls.filter(([name]) => name === 'results')
      const extra = after.slice(before.length)
      const bytes = extra.reduce((sum, [, value]) => sum + String(value).length, 0)
      expect(extra.every(([, value]) => value === stable)).toBe(true)
      expect({ writes: extra.length, bytes }).toEqual({ writes: 0, bytes: 0 })
    } finally {
      jest.useRealTimers()
    }
  })
})
