// The Product Ingestion client's lists and ids: whole lists across @nextLink pages (same origin only,
// bounded, no loops), the one product with the external id, and ids sent back byte for byte.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { ProductIngestionClient } = await import('../../../src/apis/product-ingestion/client.js')
const { staticTokenProvider } = await import('../../../src/auth/static-token.js')

const BASE = 'https://graph.microsoft.com/rp/product-ingestion'
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const OTHER = '11111111-2222-3333-4444-555555555555'
const SUBMISSIONS = `${BASE}/submission/${GUID}?$version=2022-07-01`

type Answer = (url: URL) => unknown
function client(answer: Answer) {
  const requests: Array<{ method: string; url: string; body?: string | undefined }> = []
  const transport: Transport = {
    async request(method, url, options): Promise<HttpResponse> {
      requests.push({ method, url: url.href, body: options.body })
      const body = answer(url)
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
    },
    dispose: () => undefined
  }
  const ingestion = new ProductIngestionClient({
    baseUrl: new URL(BASE),
    apiVersion: '2022-07-01',
    transport,
    tokens: staticTokenProvider('t', 'https://graph.microsoft.com'),
    backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
  })
  return { ingestion, requests }
}

const submission = (n: string, targetType: string, extra: Record<string, unknown> = {}) => ({
  $schema: 'https://product-ingestion.azureedge.net/schema/submission/2022-03-01-preview2',
  id: `submission/${GUID}/${n}`,
  product: `product/${GUID}`,
  target: { targetType },
  lifecycleState: 'generallyAvailable',
  ...extra
})

beforeEach(() => core.reset())

describe('submission lists', () => {
  it('keeps 19-digit numbers as strings, the fields the decision reads, and a live entry as the service sent it', async () => {
    const done = { status: 'completed', result: 'succeeded', created: '2022-02-04T20:07:22.4220588Z' }
    const preview = submission('1152921515689848683', 'preview', done)
    const live = submission('1152921515689847470', 'Live', done)
    const { ingestion } = client(() => ({ value: [submission('0', 'draft'), preview, live] }))
    const [draft, listed, liveListed] = await ingestion.listSubmissions(GUID)
    expect(draft).toMatchObject({ number: '0', targetType: 'draft' })
    // Only what decide() reads: the rest of the entry (its $schema, lifecycleState) is dropped.
    expect(listed).toEqual({
      id: `submission/${GUID}/1152921515689848683`,
      number: '1152921515689848683',
      targetType: 'preview',
      ...done
    })
    // A live entry is the `operation` output of an offer live already: kept as sent.
    expect(liveListed).toEqual({ id: live.id, number: '1152921515689847470', targetType: 'live', ...done, body: live })
  })

  it('keeps each id byte for byte: the case of its GUID, leading zeros, 20 digits and more', async () => {
    const ids = [
      `submission/${GUID.toUpperCase()}/1152921515689848683`,
      `submission/${GUID}/01152921515689848683`,
      `submission/${GUID}/99999999999999999999999`
    ]
    const { ingestion } = client(() => ({ value: ids.map((id) => ({ id, target: { targetType: 'preview' } })) }))
    expect((await ingestion.listSubmissions(GUID)).map((s) => ('id' in s ? s.id : s.shown))).toEqual(ids)
  })

  it('follows @nextLink to the end of the list', async () => {
    const pages: Record<string, unknown> = {
      [SUBMISSIONS]: { value: [submission('1152921515689847470', 'live')], '@nextLink': `${SUBMISSIONS}&$skipToken=1` },
      [`${SUBMISSIONS}&$skipToken=1`]: { value: [], '@nextLink': `${SUBMISSIONS}&$skipToken=2` },
      [`${SUBMISSIONS}&$skipToken=2`]: { value: [submission('1152921515689848683', 'live', { status: 'running' })] }
    }
    const { ingestion, requests } = client((url) => pages[url.href] ?? { value: [] })
    const listed = await ingestion.listSubmissions(GUID)
    expect(listed.map((s) => s.number)).toEqual(['1152921515689847470', '1152921515689848683'])
    expect(requests.map((r) => r.url)).toEqual(Object.keys(pages))
  })

  it('adds $version to a next page that lost it', async () => {
    const { ingestion, requests } = client((url) =>
      url.searchParams.has('$skipToken') ? { value: [] } : { value: [], '@nextLink': `${BASE}/submission/${GUID}?$skipToken=abc` }
    )
    await ingestion.listSubmissions(GUID)
    expect(requests[1]?.url).toBe(`${BASE}/submission/${GUID}?$skipToken=abc&$version=2022-07-01`)
  })

  it.each([
    ['https://evil.example/rp/product-ingestion/submission/x?$skipToken=1', 'points to https://evil.example'],
    ['http://graph.microsoft.com/rp/product-ingestion/submission/x', 'points to http://graph.microsoft.com'],
    ['https://user:pw@graph.microsoft.com/rp/product-ingestion/submission/x', 'carries credentials'],
    ['/rp/product-ingestion/submission/x?$skipToken=1', 'is not an absolute URL'],
    [42, 'is not an absolute URL']
  ])('refuses the next page %j and never reads it', async (next, problem) => {
    const { ingestion, requests } = client(() => ({ value: [], '@nextLink': next }))
    await expect(ingestion.listSubmissions(GUID)).rejects.toThrow(
      `Listing the product's submissions failed: the link to the next page (@nextLink) ${problem}`
    )
    expect(requests).toHaveLength(1)
  })

  it('stops a loop of pages', async () => {
    const { ingestion, requests } = client((url) => ({
      value: [],
      '@nextLink': url.searchParams.has('$skipToken') ? SUBMISSIONS : `${SUBMISSIONS}&$skipToken=1`
    }))
    await expect(ingestion.listSubmissions(GUID)).rejects.toThrow('leads back to a page already read')
    expect(requests).toHaveLength(2)
  })

  it('reads at most 100 pages', async () => {
    const { ingestion, requests } = client((url) => ({
      value: [],
      '@nextLink': `${SUBMISSIONS}&$skipToken=${Number(url.searchParams.get('$skipToken') ?? 0) + 1}`
    }))
    await expect(ingestion.listSubmissions(GUID)).rejects.toThrow('has more than 100 pages')
    expect(requests).toHaveLength(100)
  })
})

describe('the product of an external id', () => {
  const product = (guid: string, externalId?: string) => ({
    $schema: 'https://schema.mp.microsoft.com/schema/product/2022-03-01-preview3',
    id: `product/${guid}`,
    ...(externalId ? { identity: { externalId } } : {}),
    type: 'azureVirtualMachine'
  })

  it('takes the one exact match (any case) among several, across pages', async () => {
    const first = `${BASE}/product?$version=2022-07-01&externalId=contoso-vm`
    const { ingestion } = client((url) =>
      url.href === first
        ? { value: [product(OTHER, 'contoso-vm-gen2')], '@nextLink': `${first}&$skipToken=1` }
        : { value: [product(GUID, 'Contoso-VM')] }
    )
    await expect(ingestion.findProduct('contoso-vm')).resolves.toBe(GUID)
  })

  it('refuses two exact matches as ambiguous, naming both', async () => {
    const { ingestion } = client(() => ({ value: [product(GUID, 'contoso-vm'), product(OTHER, 'CONTOSO-VM')] }))
    await expect(ingestion.findProduct('contoso-vm')).rejects.toThrow(
      `The product lookup for 'contoso-vm' is ambiguous: 2 products have that external id (product/${GUID}, product/${OTHER})`
    )
  })

  it('refuses several products none of which has the external id, naming them', async () => {
    const { ingestion } = client(() => ({ value: [product(GUID), product(OTHER, 'someone-else')] }))
    await expect(ingestion.findProduct('contoso-vm')).rejects.toThrow(
      `The product lookup for 'contoso-vm' is ambiguous: it listed 2 products and none has that external id (product/${GUID}, product/${OTHER})`
    )
  })

  it('takes one product listed without an identity, and none that names another external id', async () => {
    await expect(client(() => ({ value: [product(GUID)] })).ingestion.findProduct('contoso-vm')).resolves.toBe(GUID)
    await expect(client(() => ({ value: [product(GUID, 'other')] })).ingestion.findProduct('contoso-vm')).resolves.toBeUndefined()
    await expect(client(() => ({ value: [] })).ingestion.findProduct('contoso-vm')).resolves.toBeUndefined()
  })

  it('api auto knows the offer only by a product whose identity names it (any case); a lone product without one is no answer', async () => {
    // made-up: a lookup that ignored its filter lists the account's one product without `identity`.
    const lone = client(() => ({ value: [product(GUID)] }))
    await expect(lone.ingestion.findNamedProduct('contoso-vm')).resolves.toBeUndefined()
    // The named path (api: product-ingestion) keeps taking it: one lookup answers both.
    await expect(lone.ingestion.findProduct('contoso-vm')).resolves.toBe(GUID)
    expect(lone.requests).toHaveLength(1)
    await expect(client(() => ({ value: [product(GUID, 'Contoso-VM')] })).ingestion.findNamedProduct('contoso-vm')).resolves.toBe(GUID)
    await expect(client(() => ({ value: [product(GUID, 'other')] })).ingestion.findNamedProduct('contoso-vm')).resolves.toBeUndefined()
    await expect(client(() => ({ value: [] })).ingestion.findNamedProduct('contoso-vm')).resolves.toBeUndefined()
  })
})

describe('the configure request', () => {
  it.each([
    `submission/${GUID.toUpperCase()}/1152921515689848683`,
    `submission/${GUID}/01152921515689848683`,
    `submission/${GUID}/99999999999999999999999`
  ])('carries the preview id %s byte for byte', async (id) => {
    const { ingestion, requests } = client(() => ({ jobId: 'd4261631-c583-4949-a612-5150882632e9', jobStatus: 'notStarted' }))
    await ingestion.requestGoLive(GUID, id)
    expect(requests[0]?.body).toContain(`"id":"${id}"`)
    expect((JSON.parse(requests[0]?.body as string) as { resources: Array<{ id: string }> }).resources[0]?.id).toBe(id)
  })
})

describe('a 401', () => {
  it("carries the token source's advice, naming the Product Ingestion API's resource", async () => {
    const transport: Transport = {
      request: async (): Promise<HttpResponse> => ({ status: 401, headers: {}, body: '' }),
      dispose: () => undefined
    }
    const ingestion = new ProductIngestionClient({
      baseUrl: new URL(BASE),
      apiVersion: '2022-07-01',
      transport,
      tokens: staticTokenProvider('t', 'https://graph.microsoft.com'),
      backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
    })
    await expect(ingestion.listSubmissions(GUID)).rejects.toThrow(
      "Listing the product's submissions failed: HTTP 401 Unauthorized. The 'token' input was rejected: it is malformed, for another resource, or expired (Entra ID access tokens for https://graph.microsoft.com live about an hour)."
    )
  })
})
