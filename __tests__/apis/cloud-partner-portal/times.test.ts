// When a CPP go-live started and ended, from the times its steps' messages name (times.ts): the
// steps after publisher sign-off, or every step when the body lists no sign-off; Started the first,
// Ended the last once the operation has ended (and a live offer's go-live `changedTime` when later).
import { describe, expect, it } from '@jest/globals'
import { withGoLiveTimes } from '../../../src/apis/cloud-partner-portal/times.js'
import { parseOperation } from '../../../src/wait/operation.js'
import { offerStatusBody, operationBody, submissionsList } from '../../fixtures/learn-cloud-partner-portal-api.js'
import { failingGoLive, succeedingGoLive } from '../../../emulator/scenarios.js'

const read = (body: unknown, alsoEnded?: string) => withGoLiveTimes(parseOperation(body), alsoEnded)
const times = (body: unknown, alsoEnded?: string) => {
  const { started, ended } = read(body, alsoEnded)
  return { started, ended }
}

describe('the times of a CPP go-live', () => {
  it("takes none of Learn's operation sample: its times are those of steps before publisher sign-off (the publish)", () => {
    const sample = JSON.parse(operationBody) as Array<{ steps: Array<{ id: string }> }>
    expect(sample[0]?.steps.map((step) => step.id)).toContain('publisher-signoff')
    expect(times(sample)).toEqual({ started: undefined, ended: undefined })
  })

  it("takes every step of a body that lists no sign-off step: Learn's operation sample as a go-live's own steps", () => {
    // made-up: Learn's sample with the sign-off step left out, as an operation that lists only its own steps would read.
    const [sample] = JSON.parse(operationBody) as Array<{ steps: Array<{ id: string }> }>
    const own = { ...sample, steps: sample?.steps.filter((step) => step.id !== 'publisher-signoff') }
    // Running: started at its first time (6 fractional digits, before the 7-digit ones), not ended.
    expect(times(own)).toEqual({ started: '2017-03-28T19:50:36.500052Z', ended: undefined })
    // Ended: the last time it names, all 7 fractional digits as sent.
    expect(times({ ...own, status: 'failed' })).toEqual({ started: '2017-03-28T19:50:36.500052Z', ended: '2017-03-28T19:50:39.5506018Z' })
  })

  it("of an offer live already (Learn's offer status sample): Ended is the listed go-live's changedTime, never a publish step's time", () => {
    const status = JSON.parse(offerStatusBody) as unknown
    // Its only time is the publish's first step ("Validate Pre-Requisites").
    expect(offerStatusBody).toContain('"timestamp": "2018-03-16T17:50:45.7215661Z"')
    expect(times(status)).toEqual({ started: undefined, ended: undefined })
    // made-up pairing: Learn's listing shows a publish; its changedTime stands for the go-live's here.
    const changedTime = /"changedTime": "([^"]+)"/.exec(submissionsList)?.[1]
    expect(times(status, changedTime)).toEqual({ started: undefined, ended: '2018-03-26T21:46:01.179948Z' })
    // A changedTime that is no time is left out.
    expect(times(status, 'yesterday')).toEqual({ started: undefined, ended: undefined })
  })

  it('of the emulator’s go-lives: started once a go-live step names a time, ended once the operation ends', () => {
    const reads = succeedingGoLive().map((body) => times(body))
    expect(reads).toEqual([
      { started: undefined, ended: undefined },
      { started: undefined, ended: undefined },
      { started: '2026-11-20T10:06:39.5506018Z', ended: undefined },
      { started: '2026-11-20T10:06:39.5506018Z', ended: undefined },
      { started: '2026-11-20T10:06:39.5506018Z', ended: '2026-11-20T10:42:39.5506018Z' }
    ])
    // A failed one ends at the time of its error.
    expect(times(failingGoLive().at(-1))).toEqual({ started: '2026-11-20T10:05:39.5506018Z', ended: '2026-11-20T10:05:39.5506018Z' })
  })

  it('keeps the rest of the operation as read, and drops times it cannot tell', () => {
    const body = { status: 'succeeded', messages: [{ messageHtml: 'done', level: 'information', timestamp: 'not a time' }], steps: [] }
    const operation = read(body)
    expect(operation).toMatchObject({ state: 'succeeded', body })
    expect(operation).not.toHaveProperty('started')
    expect(operation).not.toHaveProperty('ended')
  })
})
