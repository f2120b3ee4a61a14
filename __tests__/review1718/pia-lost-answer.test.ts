// Review 17/18: after a configure request whose answer was lost (a bare 502), the look reads the
// same verdict as the check before sending. A listing that shows a go-live of the preview (one the
// check before sending refuses to start again: row 10 `live-unusable`, row 14 `live-unknown`) is a
// go-live that started: it must never be read as "none started", and the request never sent twice.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { ProductIngestionClient } = await import('../../src/apis/product-ingestion/client.js')
const { startGoLive } = await import('../../src/apis/product-ingestion/start-go-live.js')
const { staticTokenProvider } = await import('../../src/auth/static-token.js')

const BASE = 'https://graph.microsoft.com/rp/product-ingestion'
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const PREVIEW = `submission/${GUID}/1152921515689848683`
const done = { status: 'completed', result: 'succeeded', created: '2022-02-04T20:07:22.4220588Z' }
const preview = { id: PREVIEW, product: `product/${GUID}`, target: { targetType: 'preview' }, ...done }

/** A service whose configure answer is lost (a bare 502) and whose listing shows `after` once it was sent. */
function service(after: Record<string, unknown>) {
  let posts = 0
  const transport: Transport = {
    async request(method, url): Promise<HttpResponse> {
      const json = (body: unknown, status = 200): HttpResponse => ({
        status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
      })
      if (method === 'POST') {
        posts++
        return { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' }
      }
      if (url.pathname.endsWith('/product')) return json({ value: [{ id: `product/${GUID}`, identity: { externalId: 'contoso-vm' } }] })
      return json({ value: posts === 0 ? [preview] : [preview, after] })
    },
    dispose: () => undefined
  }
  const client = new ProductIngestionClient({
    baseUrl: new URL(BASE),
    apiVersion: '2022-07-01',
    transport,
    tokens: staticTokenProvider('t', 'https://graph.microsoft.com'),
    backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
  })
  return { client, posts: () => posts }
}

const subject = { publisher: 'contoso', offer: 'contoso-vm' }
const options = { backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }

beforeEach(() => core.reset())

describe('a lost configure answer, then a listing with a go-live of the preview the action cannot read', () => {
  it('row 14: the preview live entry with no status (made-up: a missing field) is never read as "none started"', async () => {
    const { client, posts } = service({ id: PREVIEW, product: `product/${GUID}`, target: { targetType: 'live' }, created: done.created })
    await startGoLive(client as never, subject as never, options).catch(() => undefined)
    expect(posts()).toBe(1)
  })

  it('row 10: a newer live entry under a 31-digit id (made-up: a hostile id) is never read as "none started"', async () => {
    const live = {
      id: `submission/${GUID}/1152921515689848683000000000000`,
      product: `product/${GUID}`,
      target: { targetType: 'live' },
      ...done,
      created: '2022-02-04T20:09:00.0000000Z'
    }
    const { client, posts } = service(live)
    await startGoLive(client as never, subject as never, options).catch(() => undefined)
    expect(posts()).toBe(1)
  })
})
