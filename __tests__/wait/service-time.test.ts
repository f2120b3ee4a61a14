// Times as the services write them: compared exactly (7 fractional digits, past Date.parse's
// milliseconds), quoted as sent, and anything that is not a time left out.
import { describe, expect, it } from '@jest/globals'
import { earliestTime, instantOf, latestTime } from '../../src/wait/service-time.js'
import { operationBody, submissionsList } from '../fixtures/learn-cloud-partner-portal-api.js'

/** Every `timestamp` and `changedTime` of a sample, as written. */
const timesIn = (text: string): string[] => [...text.matchAll(/"(?:timestamp|changedTime)": "([^"]+)"/g)].map((m) => m[1] as string)

describe('service times', () => {
  it("orders Learn's CPP sample times exactly, with 6 and 7 fractional digits, and quotes them as sent", () => {
    const times = [...timesIn(operationBody), ...timesIn(submissionsList)]
    expect(times).toEqual([
      '2017-03-28T19:50:36.500052Z',
      '2017-03-28T19:50:39.5506018Z',
      '2017-03-28T19:50:39.5506018Z',
      '2018-03-26T21:46:01.179948Z'
    ])
    expect(earliestTime(times)).toBe('2017-03-28T19:50:36.500052Z')
    expect(latestTime(times)).toBe('2018-03-26T21:46:01.179948Z')
    expect(instantOf('2017-03-28T19:50:39.5506018Z')).toBe(1490730639550601800n)
  })

  it('tells apart times that differ past the millisecond, and reads zones', () => {
    // made-up: two times 100 ns apart, and the same instant written in another zone.
    expect(latestTime(['2026-11-20T10:00:00.4220588Z', '2026-11-20T10:00:00.4220589Z'])).toBe('2026-11-20T10:00:00.4220589Z')
    expect(earliestTime(['2026-11-20T10:00:00Z', '2026-11-20T11:00:00.0000001+01:00'])).toBe('2026-11-20T10:00:00Z')
    expect(instantOf('2026-11-20T10:00:00')).toBe(instantOf('2026-11-20T10:00:00Z'))
  })

  it('leaves out what is not a time (Learn’s `2022-03-01-preview2T…`), and has none of none', () => {
    for (const odd of ['2022-03-01-preview2T13:32:43.123456Z', '2022-03-01-T13:32:43Z', '', 'yesterday', '2026-13-45T99:00:00Z'])
      expect([odd, instantOf(odd)]).toEqual([odd, undefined])
    expect(latestTime(['2022-03-01-preview2T13:32:43.123456Z', undefined, '2017-03-28T19:50:36.500052Z'])).toBe(
      '2017-03-28T19:50:36.500052Z'
    )
    expect(earliestTime([])).toBeUndefined()
  })
})
