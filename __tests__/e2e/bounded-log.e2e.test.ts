// Every log line is bounded, whatever the service sends: huge strings in the places the action
// quotes them (a status, step names, error messages), through the bundle, with debug logging on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { answer, jsonAnswer, startHostileServer, type HostileServer } from '../../emulator/hostile-server.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'

/** The longest line the action prints, command and escaping included (src/report/log.ts). */
const MAX_LINE = 4096
const CUT = '… (cut)'
const GUID = '3f1b6c2e-9a4d-4e8b-b1c7-5d2e8f0a6b93'

let server: HostileServer
beforeAll(async () => {
  server = await startHostileServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.requests.length = 0
})

const lines = (r: RunResult): string[] => `${r.stdout}\n${r.stderr}`.split('\n')
const longest = (r: RunResult): number => Math.max(...lines(r).map((l) => l.length))
const errorLine = (r: RunResult): string => lines(r).find((l) => l.startsWith('::error::')) ?? ''

/** A product whose only submission is a preview in progress with this status (PIA's "in progress" refusal quotes it). */
function busyProduct(status: string): void {
  server.handle((request) => {
    if (request.path === '/product') {
      return jsonAnswer(200, { value: [{ id: `product/${GUID}`, identity: { externalId: 'contoso-vm' } }] })
    }
    if (request.path === `/submission/${GUID}`) {
      return jsonAnswer(200, {
        value: [
          {
            id: `submission/${GUID}/1152921515689848683`,
            target: { targetType: 'preview' },
            status,
            created: '2022-02-04T20:07:22.4220588Z'
          }
        ]
      })
    }
    return answer(404)
  })
}

const piaInputs = { api: 'product-ingestion', offer: 'contoso-vm', token: 't', 'base-url': '', 'poll-interval': '20ms' }

describe('no log line over the cap', () => {
  it.each([
    // Up to a listing's 1 MiB: a larger list is refused whole (list-memory.e2e.test.ts).
    ['a 1 MB status', 'x'.repeat(1_000_000)],
    // Each % is escaped to %25 in a workflow command: three characters on the line for one.
    ['a 1 MB status of percent signs', '%'.repeat(1_000_000)]
  ])('Product Ingestion: %s in a refusal is cut, and the step fails in words', async (_what, status) => {
    busyProduct(status)
    const result = await runAction({ inputs: { ...piaInputs, 'base-url': server.url }, debug: true })
    expect(result.exitCode).toBe(1)
    expect(longest(result)).toBeLessThanOrEqual(MAX_LINE)
    // The quote of the status is cut where it is made (a short, whole sentence), and the line by log.ts.
    expect(errorLine(result)).toMatch(/^::error::contoso-vm cannot go live now: another submission is in progress \(submission\//)
    expect(errorLine(result)).toMatch(/…\): wait for it to finish in Partner Center, then go live\. Nothing was sent\.$/)
    expect(errorLine(result).length).toBeLessThan(400)
    expect(server.requestsTo('POST', '/configure')).toHaveLength(0)
  })

  it('CPP: a failed go-live with many long reasons ends in one bounded error line', async () => {
    const long = (i: number) => `${i} ${'reason '.repeat(200)}`
    server.handle((request) =>
      request.path.startsWith('/api/operations/')
        ? jsonAnswer(200, {
            status: 'failed',
            messages: [],
            steps: Array.from({ length: 30 }, (_, i) => ({
              id: `step-${i}`,
              stepName: `Step ${'n'.repeat(300)} ${i}`,
              status: 'failed',
              messages: [{ messageHtml: `<p>${long(i)}</p>`, level: 'error', timestamp: '2022-02-04T20:07:22.4220588Z' }]
            }))
          })
        : answer(404)
    )
    const location = '/api/operations/contoso$contoso-vm$7$preview'
    const result = await runAction({
      inputs: { publisher: 'contoso', offer: 'contoso-vm', token: 't', 'base-url': server.url, 'operation-location': location },
      debug: true
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(longest(result)).toBeLessThanOrEqual(MAX_LINE)
    expect(errorLine(result)).toMatch(/^::error::The go-live failed: Step n+…: 0 reason reason/)
    expect(errorLine(result).endsWith(CUT)).toBe(true)
  })
})
