// Going live through the Product Ingestion API against Microsoft's own published sample answers and
// open-source clients' fixtures (__tests__/fixtures/), served byte for byte by a replay server: what a
// new user trying the action against the documented service would see.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as azureDocs from '../fixtures/azure-docs-product-ingestion-api.js'
import * as cloudpub from '../fixtures/cloudpub.js'
import * as learn from '../fixtures/learn-product-ingestion-api.js'
import * as privateOffers from '../fixtures/learn-private-offers-jobs.js'
import { startReplayServer, type ReplayAnswer, type ReplayServer } from '../../emulator/replay-server.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'
import { onlyRow } from '../helpers/summary-rows.js'

/** Learn's placeholder product id, as its samples print it (not a hex GUID: the ids are opaque). */
const PRODUCT = '12345678-abcd-efgh-1234-12345678901'
const PREVIEW = `submission/${PRODUCT}/1152921515689848683`
const OFFER = 'ds-contoso-image-resize-demo'
// made-up: Learn shows no answer of `GET product?externalID=`; its product resource goes in the
// `{"value": [...]}` list every list answer has (cloudpub's products_list fixture has the same shape).
const productList = (resource: string) => `{"value":[${resource}]}`

let replay: ReplayServer
beforeAll(async () => {
  replay = await startReplayServer()
})
afterAll(() => replay.close())

interface Service {
  product?: string
  submissions?: string
  configure: ReplayAnswer
  jobId?: string
  statuses?: unknown[]
  productGuid?: string
}

/** The service as the samples describe it: one product, its submissions, the configure job. */
function serve(service: Service): void {
  const guid = service.productGuid ?? PRODUCT
  replay.setRoutes([
    { method: 'GET', path: '/product', answers: [{ body: service.product ?? productList(learn.productResource) }] },
    { method: 'GET', path: `/submission/${guid}`, answers: [{ body: service.submissions ?? learn.submissions }] },
    { method: 'POST', path: '/configure', answers: [service.configure] },
    { method: 'GET', path: `/configure/${service.jobId ?? 'none'}/status`, answers: (service.statuses ?? []).map((body) => ({ body })) }
  ])
}

const inputs = (extra: Record<string, string> = {}) => ({
  api: 'product-ingestion',
  offer: OFFER,
  token: 'replay-access-token',
  'base-url': replay.url,
  'poll-interval': '20ms',
  ...extra
})
const posts = () => replay.requestsTo('POST', '/configure')

/** Exactly one configure POST, taking the newest preview live with its id byte for byte. */
function expectOneGoLivePost(previewId = PREVIEW, productGuid = PRODUCT): void {
  expect(posts()).toHaveLength(1)
  const sent = posts()[0]?.body as string
  expect(sent).toContain(`"id":"${previewId}"`)
  expect(JSON.parse(sent)).toEqual({
    $schema: 'https://schema.mp.microsoft.com/schema/configure/2022-07-01',
    resources: [
      {
        $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
        id: previewId,
        product: `product/${productGuid}`,
        target: { targetType: 'live' }
      }
    ]
  })
}

function expectNoSecret(result: RunResult): void {
  const leaks = (result.stdout + result.stderr)
    .split('\n')
    .filter((l) => l.includes('replay-access-token') && !l.startsWith('::add-mask::'))
  expect(leaks).toEqual([])
}

describe('Learn\'s "Querying your submissions" sample: live …/1152921515689847470, newer preview …/1152921515689848683', () => {
  // made-up (second row): the same bytes with Learn's placeholder swapped for a hex GUID (the product id
  // of Learn's own deprecation sample), so the 19-digit submission numbers are tested apart from
  // whether a product id must look like a GUID.
  const HEX = '9f8af57f-ab07-461b-8404-50e10e5e80fb'
  it.each([
    ['as published', PRODUCT],
    ['with a hex GUID for the placeholder', HEX]
  ])('%s: takes the preview live with one POST and reports the job (wait: false)', async (_, guid) => {
    const swap = (text: string) => text.replaceAll(PRODUCT, guid)
    serve({
      productGuid: guid,
      product: swap(productList(learn.productResource)),
      submissions: swap(learn.submissions),
      configure: { status: 202, body: learn.configureNotStartedJobID }
    })
    const result = await runAction({ inputs: inputs() })
    expect(result.stdout).not.toContain('::error::')
    expect(result.exitCode).toBe(0)
    expectOneGoLivePost(`submission/${guid}/1152921515689848683`, guid)
    expect(replay.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /product', `GET /submission/${guid}`, 'POST /configure'])
    expect(replay.requests[0]?.query).toMatch(new RegExp(`[?&]externalI[dD]=${OFFER}(&|$)`))
    expect(replay.requests.every((r) => r.query.includes('$version=2022-07-01'))).toBe(true)
    const jobId = 'd4261631-c583-4949-a612-5150882632e9'
    expect(result.outputs.status).toBe('accepted')
    expect(result.outputs['operation-id']).toBe(jobId)
    expect(result.outputs['operation-location']).toBe(`${replay.url}/configure/${jobId}/status?$version=2022-07-01`)
    expect(onlyRow(result.summary)[1]).toBe('🚀 accepted')
    // The job location to copy; beside it Partner Center's page of the product, only for a product id
    // that is a GUID: Learn's placeholder is none, so nothing made of it is linked.
    const page = `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${HEX}/overview`
    expect(onlyRow(result.summary)[2]).toBe(
      `\`${result.outputs['operation-location']}\`${guid === HEX ? ` · [Partner Center](${page})` : ''}`
    )
    expectNoSecret(result)
  })

  it.each([
    ['as published', PRODUCT],
    ['with a hex GUID for the placeholder', HEX]
  ])('%s: a dry run says a go-live would start now, and sends nothing', async (_, guid) => {
    const swap = (text: string) => text.replaceAll(PRODUCT, guid)
    serve({
      productGuid: guid,
      product: swap(productList(learn.productResource)),
      submissions: swap(learn.submissions),
      configure: { status: 500 }
    })
    const result = await runAction({ inputs: inputs({ 'dry-run': 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['offer-status']).toBe('waitingForPublisherReview')
    expect(result.stdout).toContain('::notice::Offer status: waitingForPublisherReview.')
    expect(result.stdout).toContain('1152921515689848683')
    expect(onlyRow(result.summary)[1]).toBe('`waitingForPublisherReview`')
    expect(posts()).toHaveLength(0)
  })
})

describe('then waiting for the configure job, with the samples chained by job id', () => {
  it("cloudpub's configure_running_response, then its configure_success_response: succeeded", async () => {
    // cloudpub's own test_publish_live_when_state_is_preview answers the POST and the status read so.
    serve({
      configure: { status: 202, body: cloudpub.configureRunningResponse },
      jobId: cloudpub.configureSuccessResponse.jobId,
      statuses: [cloudpub.configureSuccessResponse]
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expectOneGoLivePost()
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs['operation-id']).toBe('0a0a00aa-00a0-0a00-0a0a-00000a000a00')
    expect(JSON.parse(result.outputs.operation as string)).toEqual(cloudpub.configureSuccessResponse)
    expect(replay.requestsTo('GET', '/configure/0a0a00aa-00a0-0a00-0a0a-00000a000a00/status')).toHaveLength(1)
    expect(onlyRow(result.summary)[1]).toBe('✅ succeeded')
  })

  it('Learn\'s older "jobId" answer (its jobStart is no timestamp), then the cancellation sample: canceled', async () => {
    const jobId = 'd4261631-c583-4949-a612-5150882632e9'
    serve({
      configure: { status: 202, body: azureDocs.configureNotStartedJobId },
      jobId,
      statuses: [learn.configureNotStartedJobID, learn.cancelledJobID]
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expectOneGoLivePost()
    expect(result.outputs.status).toBe('canceled')
    expect(result.outputs['operation-id']).toBe(jobId)
    expect(replay.requestsTo('GET', `/configure/${jobId}/status`)).toHaveLength(2)
    expect(result.stdout).toMatch(/::error::The go-live was canceled/)
    expect(JSON.parse(result.outputs.operation as string)).toEqual(JSON.parse(learn.cancelledJobID))
  })

  it('the Private offers samples: notStarted, "Running", then "Failure" with its Conflict error: failed', async () => {
    const jobId = 'c32dd7e8-8619-462d-a96b-0ac1974bace5'
    serve({
      configure: { status: 202, body: privateOffers.configureNotStarted },
      jobId,
      statuses: [privateOffers.running, privateOffers.failed]
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expectOneGoLivePost()
    expect(result.outputs.status).toBe('failed')
    expect(result.outputs['operation-id']).toBe(jobId)
    expect(result.stdout).toMatch(/::error::The go-live failed: .*The start date should be defined/)
    expect(result.summary).toContain('The start date should be defined')
    expect(onlyRow(result.summary)[1]).toBe('❌ failed')
  })

  it('follows the Private offers "Succeeded" job given as operation-location: succeeded, no POST', async () => {
    const jobId = 'b3f49dff-381f-480d-a10e-17f4ce49b65f'
    serve({ configure: { status: 500 }, jobId, statuses: [privateOffers.succeeded] })
    const result = await runAction({ inputs: inputs({ wait: 'true', 'operation-location': `/configure/${jobId}/status` }) })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs['operation-id']).toBe(jobId)
    expect(result.outputs['operation-location']).toBe(`${replay.url}/configure/${jobId}/status?$version=2022-07-01`)
    expect(JSON.parse(result.outputs.operation as string).resourceUri).toBe(
      'https://product-ingestion.mp.microsoft.com/configure/b3f49dff-381f-480d-a10e-17f4ce49b65f'
    )
  })
})
