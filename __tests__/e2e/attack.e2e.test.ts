// The adversarial pass on issue 11's change: the committed bundle against answers a real service, a
// broken gateway or a mixed-up listing can give, served byte for byte by emulator/replay-server.ts or
// played by the Product Ingestion emulator's fault knobs. Each test names what went wrong before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { startReplayServer, type ReplayServer } from '../../emulator/replay-server.js'
import * as learn from '../fixtures/learn-product-ingestion-api.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'

const GUID = '9f8af57f-ab07-461b-8404-50e10e5e80fb'
const OTHER = '11111111-2222-3333-4444-555555555555'
const OFFER = 'contoso-vm'
// Learn's sample pair: live …/1152921515689847470, the newer preview …/1152921515689848683.
const LIVE_N = '1152921515689847470'
const PREVIEW_N = '1152921515689848683'
const JOB = 'd4261631-c583-4949-a612-5150882632e9'

let replay: ReplayServer
let pia: PiaEmulator
beforeAll(async () => {
  replay = await startReplayServer()
  pia = await startPiaEmulator()
})
afterAll(async () => {
  await replay.close()
  await pia.close()
})
beforeEach(() => pia.reset())

type Entry = Record<string, unknown>
const entry = (id: string, targetType: string, status: string, result: string, created: string): Entry => ({
  $schema: 'https://product-ingestion.azureedge.net/schema/submission/2022-03-01-preview2',
  id,
  product: `product/${GUID}`,
  target: { targetType },
  status,
  result,
  created
})
const oldLive = entry(`submission/${GUID}/${LIVE_N}`, 'live', 'completed', 'succeeded', '2022-01-25T07:13:06.4408032Z')
const preview = (id = `submission/${GUID}/${PREVIEW_N}`) => entry(id, 'preview', 'completed', 'succeeded', '2022-02-04T20:07:22.4220588Z')
const ourProduct = { value: [{ id: `product/${GUID}`, identity: { externalId: OFFER }, type: 'azureVirtualMachine' }] }

/** One product, its submissions list, and a configure that would start job JOB. */
function serve(submissions: Entry[], product: unknown = ourProduct): void {
  replay.setRoutes([
    { method: 'GET', path: '/product', answers: [{ body: product }] },
    { method: 'GET', path: `/submission/${GUID}`, answers: [{ body: { value: submissions } }] },
    { method: 'POST', path: '/configure', answers: [{ status: 202, body: learn.configureNotStartedJobID }] },
    { method: 'GET', path: `/configure/${JOB}/status`, answers: [{ body: learn.configureNotStartedJobID }] }
  ])
}
const run = (extra: Record<string, string> = {}): Promise<RunResult> =>
  runAction({
    inputs: {
      api: 'product-ingestion',
      offer: OFFER,
      token: 'replay-access-token',
      'base-url': replay.url,
      'poll-interval': '20ms',
      ...extra
    }
  })
const posts = () => replay.requestsTo('POST', '/configure')

describe('the product lookup, with the external id spelled as Learn spells it (identity.externalID)', () => {
  it('a lone product of another external id is never taken live', async () => {
    // Learn's product resource names its external id under `identity.externalID`. A lookup whose
    // filter the service ignored lists the account's one product: another offer.
    serve([oldLive, preview()], { value: [{ id: `product/${GUID}`, identity: { externalID: 'someone-else' } }] })
    const result = await run()
    expect(posts()).toHaveLength(0)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`::error::No product with the external id '${OFFER}' was found`)
  })

  it('of two products listed, the one whose externalID is the offer goes live', async () => {
    serve([oldLive, preview()], {
      value: [
        { id: `product/${OTHER}`, identity: { externalID: 'someone-else' } },
        { id: `product/${GUID}`, identity: { externalID: OFFER } }
      ]
    })
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(JSON.parse(posts()[0]?.body as string).resources[0].product).toBe(`product/${GUID}`)
  })
})

describe('live already carries the newest preview, its id spelled differently: no second go-live', () => {
  it.each([
    // made-up: the service has not been seen to vary the case of a GUID between entries; GUIDs are
    // case-insensitive, and the action compares them so when following (followed.ts).
    ['the product GUID in upper case on the preview', `submission/${GUID.toUpperCase()}/${PREVIEW_N}`],
    // made-up: a leading zero; the numbers are compared as big integers (pia-api.md), so it is the same submission.
    ['the number with a leading zero on the preview', `submission/${GUID}/0${PREVIEW_N}`]
  ])('%s: reported live, no POST', async (_what, previewId) => {
    const live = entry(`submission/${GUID}/${PREVIEW_N}`, 'live', 'completed', 'succeeded', '2022-02-05T09:30:00.1234567Z')
    serve([preview(previewId), live])
    const result = await run()
    expect(posts()).toHaveLength(0)
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
  })
})

describe('a submission in progress that the action cannot name still blocks the go-live', () => {
  it.each([
    // made-up: an id the action does not accept (letters in the number); unknown is never "nothing runs".
    ['an id whose number is not digits', { id: `submission/${GUID}/${PREVIEW_N}x` }],
    // made-up: an entry without an id at all.
    ['no id', {}]
  ])('a running live submission with %s: no POST', async (_what, id) => {
    const running = { ...entry('', 'live', 'running', 'pending', '2022-02-05T09:30:00.1234567Z'), id: undefined, ...id }
    serve([oldLive, preview(), running])
    const result = await run()
    expect(posts()).toHaveLength(0)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::A go-live of the product is already running, .*No second go-live was started/)
  })

  it('a running preview submission with no id: no POST, and the step says something is in progress', async () => {
    // made-up: an entry without an id at all.
    const running = { ...entry('', 'preview', 'running', 'pending', '2022-02-05T09:30:00.1234567Z'), id: undefined }
    serve([oldLive, preview(), running])
    const result = await run()
    expect(posts()).toHaveLength(0)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::Listing the product's submissions failed: it lists a submission in progress/)
  })
})

describe('timeout is a hard limit, also for the go-live request', () => {
  it('a 429 asking to come back after the timeout: the request is not sent again past it', async () => {
    pia.addProduct({ externalId: OFFER })
    pia.injectFault({ method: 'POST', path: '/configure', kind: 'status', status: 429, headers: { 'retry-after': '3' } })
    const result = await runAction({
      inputs: {
        api: 'product-ingestion',
        offer: OFFER,
        token: DEFAULT_TOKEN,
        'base-url': pia.url,
        'poll-interval': '20ms',
        wait: 'true',
        timeout: '1s'
      }
    })
    // From the action's first request, not from the spawn: a slow start on a loaded machine is no resend.
    const started = pia.requests[0]?.at ?? 0
    const late = pia.requestsTo('POST', '/configure').filter((r) => r.at - started > 1_000)
    expect(late).toHaveLength(0)
    expect(pia.requestsTo('POST', '/configure')).toHaveLength(1)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::The go-live \(configure\) request failed: HTTP 429; .*not sent again.*nothing was started/)
  })
})
