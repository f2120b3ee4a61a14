// Operation references keep their kind: a service reads a reference by its kind (a CPP operation; a
// Product Ingestion job or submission), never by the look of its URL, and refuses another API's.
import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'
import type { OperationRef } from '../../src/apis/go-live-service.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { apiDescriptor } = await import('../../src/apis/registry.js')
const { staticTokenProvider } = await import('../../src/auth/static-token.js')

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'

/** A service of `api` whose every request gets `body` (HTTP 200), and the URLs it requested. */
function service(api: 'cloud-partner-portal' | 'product-ingestion', body: unknown) {
  const requested: string[] = []
  const transport: Transport = {
    async request(_method, url): Promise<HttpResponse> {
      requested.push(url.href)
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
    },
    dispose: () => undefined
  }
  const descriptor = apiDescriptor(api)
  const created = descriptor.createService({
    subject: { publisher: 'contoso', offer: 'vm' },
    baseUrl: new URL(descriptor.defaults.baseUrl),
    apiVersion: descriptor.defaults.version,
    transport,
    tokens: staticTokenProvider('t', descriptor.signIn.resource),
    backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
  })
  return { service: created, requested }
}

describe('reading by kind', () => {
  it('reads a Product Ingestion job as a job, whatever its URL looks like', async () => {
    // made-up: a job reference on a URL without the /status suffix, which only this test builds, to
    // show that the kind decides how the answer is read, not the URL.
    const job: OperationRef = {
      kind: 'job',
      url: new URL(`https://graph.microsoft.com/rp/product-ingestion/configure/${GUID}?$version=2022-07-01`),
      id: GUID
    }
    const { service: pia, requested } = service('product-ingestion', { jobId: GUID, jobStatus: 'completed', jobResult: 'succeeded' })
    const read = await pia.readOperation(job)
    expect(read.operation).toMatchObject({ state: 'succeeded', rawStatus: 'succeeded' })
    expect(requested).toEqual([job.url.href])
  })

  it('reads a Product Ingestion submission as a submission', async () => {
    const id = `submission/${GUID}/1152921515689848683`
    const submission: OperationRef = {
      kind: 'submission',
      url: new URL(`https://graph.microsoft.com/rp/product-ingestion/${id}?$version=2022-07-01`),
      id
    }
    const body = {
      id,
      product: `product/${GUID}`,
      target: { targetType: 'live' },
      status: 'running',
      created: '2022-02-04T20:07:22.4220588Z'
    }
    const { service: pia } = service('product-ingestion', body)
    expect((await pia.readOperation(submission)).operation).toMatchObject({ state: 'running', started: '2022-02-04T20:07:22.4220588Z' })
  })

  it.each([
    ['cloud-partner-portal', { kind: 'job', url: new URL(`https://cloudpartner.azure.com/api/operations/x`), id: GUID }],
    ['product-ingestion', { kind: 'cpp-operation', url: new URL('https://graph.microsoft.com/rp/product-ingestion/x'), id: GUID }]
  ] as const)('the %s service refuses a reference of another API as a fault, sending nothing', async (api, ref) => {
    const { service: other, requested } = service(api, {})
    await expect(other.readOperation(ref)).rejects.toThrow(/cannot read a (job|cpp-operation) reference/)
    expect(requested).toEqual([])
  })
})
