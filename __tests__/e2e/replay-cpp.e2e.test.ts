// Going live through the Cloud Partner Portal API against Microsoft's own published sample answers
// (Go live, Retrieve operations, Retrieve offer status) and SUSE's fixture (__tests__/fixtures/),
// served byte for byte by a replay server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as learn from '../fixtures/learn-cloud-partner-portal-api.js'
import * as suse from '../fixtures/suse-azure-img-utils.js'
import { startReplayServer, type ReplayAnswer, type ReplayServer } from '../../emulator/replay-server.js'
import { runAction } from '../../scripts/run-action.js'
import { onlyRow } from '../helpers/summary-rows.js'

const OPERATION = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
// made-up: an offer with nothing running. Learn's only submissions sample shows a publish running,
// which the 409 test below replays.
const NOTHING_RUNNING = '[]'
// The status of an offer ready to go live: SUSE's (running, publisher-signoff waiting). Learn's only
// offer status sample says succeeded: an offer live already, which the real run leaves as it is.
const READY = JSON.stringify(suse.cppOfferStatusAwaitingSignoff)

let replay: ReplayServer
beforeAll(async () => {
  replay = await startReplayServer()
})
afterAll(() => replay.close())

interface Offer {
  offer: string
  goLive: ReplayAnswer
  operationPath?: string
  operation?: string[]
  submissions?: string[]
  status?: string
}

function serve(o: Offer): void {
  const offerPath = `/api/publishers/contoso/offers/${o.offer}`
  replay.setRoutes([
    { method: 'GET', path: `${offerPath}/submissions/`, answers: (o.submissions ?? [NOTHING_RUNNING]).map((body) => ({ body })) },
    { method: 'POST', path: `${offerPath}/golive`, answers: [o.goLive] },
    {
      method: 'GET',
      path: o.operationPath ?? `${offerPath}/operations/${OPERATION}`,
      answers: (o.operation ?? []).map((body) => ({ body }))
    },
    { method: 'GET', path: `${offerPath}/status`, answers: [{ body: o.status ?? READY }] }
  ])
}

const inputs = (offer: string, extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer,
  token: 'replay-access-token',
  'base-url': replay.url,
  'poll-interval': '20ms',
  ...extra
})
const posts = () => replay.requests.filter((r) => r.method === 'POST')
const trail = () => replay.requests.map((r) => `${r.method} ${r.path}${r.query}`)

describe('Go live 202 in each published form', () => {
  it('Operation-Location, absolute (older page): the operation is reported with api-version added (wait: false)', async () => {
    // The replay server stands in for https://cloudpartner.azure.com, the host the sample names.
    const header = learn.goLiveOperationLocation.replace('https://cloudpartner.azure.com', replay.url)
    serve({ offer: 'contoso-virtualmachineoffer', goLive: { status: 202, headers: { 'operation-location': header } } })
    const result = await runAction({ inputs: inputs('contoso-virtualmachineoffer') })
    expect(result.exitCode).toBe(0)
    expect(trail()).toEqual([
      'GET /api/publishers/contoso/offers/contoso-virtualmachineoffer/submissions/?api-version=2017-10-31',
      'GET /api/publishers/contoso/offers/contoso-virtualmachineoffer/status?api-version=2017-10-31',
      'POST /api/publishers/contoso/offers/contoso-virtualmachineoffer/golive?api-version=2017-10-31'
    ])
    expect(result.outputs.status).toBe('accepted')
    expect(result.outputs['operation-id']).toBe(OPERATION)
    expect(result.outputs['operation-location']).toBe(`${header}?api-version=2017-10-31`)
    expect(onlyRow(result.summary)[1]).toBe('🚀 accepted')
  })

  it('Location of a migrated offer, then the "GET operation" sample, then the offer status sample: succeeded', async () => {
    // made-up sequence: Learn shows no finished operation; its "Retrieve offer status" body, which
    // has the operation's shape, stands in for the operation's last answer.
    serve({
      offer: 'contoso-offer',
      goLive: { status: 202, headers: { location: learn.goLiveLocationMigrated } },
      operation: [learn.operationBody, learn.offerStatusBody]
    })
    const result = await runAction({ inputs: inputs('contoso-offer', { wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs['operation-id']).toBe(OPERATION)
    expect(result.outputs['operation-location']).toBe(`${replay.url}${learn.goLiveLocationMigrated}`)
    expect(replay.requestsTo('GET', `/api/publishers/contoso/offers/contoso-offer/operations/${OPERATION}`)).toHaveLength(2)
    expect(JSON.parse(result.outputs.operation as string)).toEqual(JSON.parse(learn.offerStatusBody))
    expect(result.stdout).toContain(
      '::warning::The service reported an error: Certification: No virtual machine image was found for the plan contoso.'
    )
    expect(result.stdout).toContain('Operation status: running -> succeeded')
    expect(onlyRow(result.summary)[1]).toBe('✅ succeeded')
    expect(result.summary).toContain('| Live | complete | 0% | ~2-5 days |')
  })

  it('Location of a non-migrated offer: the `$` path is followed literally until the operation ends', async () => {
    serve({
      offer: 'contoso-offer',
      goLive: { status: 202, headers: { location: learn.goLiveLocationNonMigrated } },
      operationPath: '/api/operations/contoso$contoso-offer$2$preview',
      operation: [learn.operationBody, learn.offerStatusBody] // made-up sequence, as above
    })
    const result = await runAction({ inputs: inputs('contoso-offer', { wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs['operation-id']).toBe('contoso$contoso-offer$2$preview')
    expect(result.outputs['operation-location']).toBe(`${replay.url}${learn.goLiveLocationNonMigrated}`)
    expect(replay.requestsTo('GET', '/api/operations/contoso$contoso-offer$2$preview')).toHaveLength(2)
    expect(replay.requests.some((r) => r.path.includes('%24'))).toBe(false)
  })
})

describe('Learn\'s "GET operations" sample: a publish runs on the offer', () => {
  it('a 409 to Go Live is explained as the running publish, with one POST only', async () => {
    // made-up: the 409 has no body (cpp-api.md: error bodies are optional).
    serve({ offer: 'contoso-offer', goLive: { status: 409 }, submissions: [NOTHING_RUNNING, learn.submissionsList] })
    const result = await runAction({ inputs: inputs('contoso-offer', { wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(posts()).toHaveLength(1)
    expect(result.outputs.status).toBe('not started')
    expect(result.stdout).toMatch(/::error::.*409.*a publish, for example/)
  })
})

describe('dry runs on the offer status samples', () => {
  it('Learn\'s "Retrieve offer status" sample: succeeded, live already; nothing sent', async () => {
    serve({ offer: 'contoso-offer', goLive: { status: 500 }, status: learn.offerStatusBody })
    const result = await runAction({ inputs: inputs('contoso-offer', { 'dry-run': 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['offer-status']).toBe('succeeded')
    expect(result.stdout).toContain('::notice::Offer status: succeeded.')
    expect(posts()).toHaveLength(0)
  })

  it("SUSE's offer status while the publisher-signoff step waits: ready to go live (waitingForPublisherReview)", async () => {
    serve({ offer: 'contoso-offer', goLive: { status: 500 }, status: JSON.stringify(suse.cppOfferStatusAwaitingSignoff) })
    const result = await runAction({ inputs: inputs('contoso-offer', { 'dry-run': 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['offer-status']).toBe('waitingForPublisherReview')
    expect(result.stdout).toContain('::notice::Offer status: waitingForPublisherReview.')
    expect(result.stdout).toContain('a go-live would start now')
    expect(posts()).toHaveLength(0)
  })
})
