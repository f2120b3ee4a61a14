// After a configure request whose answer was lost (a bare 502), the look reads the listing for the
// go-live it may have started. Any entry that may be a go-live ends the look: followed, or the offer
// ends in the verdict's words (status unknown: it may have started). It is never read as "none
// started", so the configure request is never sent a second time over it (first found in review
// 17/18: rows 10 and 14 of the decide() table, and an in-progress entry of no known target).
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../../helpers/core-mock.js'
import type { HttpResponse, Transport } from '../../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { ProductIngestionClient } = await import('../../../src/apis/product-ingestion/client.js')
const { startGoLive } = await import('../../../src/apis/product-ingestion/start-go-live.js')
const { staticTokenProvider } = await import('../../../src/auth/static-token.js')

const BASE = 'https://graph.microsoft.com/rp/product-ingestion'
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const PREVIEW = `submission/${GUID}/1152921515689848683`
const LATER = '2022-02-04T20:09:00.0000000Z'
const done = { status: 'completed', result: 'succeeded', created: '2022-02-04T20:07:22.4220588Z' }
const preview = { id: PREVIEW, product: `product/${GUID}`, target: { targetType: 'preview' }, ...done }

/** A service whose configure answer is lost (a bare 502) and whose listing shows `after` once it was sent. */
function service(...after: Array<Record<string, unknown>>) {
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
      return json({ value: posts === 0 ? [preview] : [preview, ...after] })
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
const start = (client: unknown) => startGoLive(client as never, subject as never, options)

beforeEach(() => core.reset())

describe('a lost configure answer, then a listing with an entry that may be a go-live of the preview', () => {
  it('row 14: the preview live entry with no status (made-up: a missing field) is followed, never read as "none started"', async () => {
    const { client, posts } = service({ id: PREVIEW, product: `product/${GUID}`, target: { targetType: 'live' }, created: done.created })
    const started = await start(client)
    expect(started).toMatchObject({ how: 'attached', location: { kind: 'submission', id: PREVIEW } })
    expect(posts()).toBe(1)
  })

  it('row 10: a newer live entry under a 31-digit id (made-up: a hostile id) ends the offer in its words, sent once', async () => {
    const live = {
      id: `submission/${GUID}/1152921515689848683000000000000`,
      product: `product/${GUID}`,
      target: { targetType: 'live' },
      ...done,
      created: LATER
    }
    const { client, posts } = service(live)
    await expect(start(client)).rejects.toThrow(
      /^A live submission \(id '.*', created .*\) newer than the newest preview .* cannot be read/
    )
    expect(posts()).toBe(1)
  })

  it('row 4 with no target (made-up: a missing field): an entry in progress that may be a go-live ends the offer, sent once', async () => {
    const { client, posts } = service({ id: `submission/${GUID}/1152921515689848690`, product: `product/${GUID}`, status: 'running' })
    await expect(start(client)).rejects.toThrow(
      `A submission in progress whose target is not a preview (submission/${GUID}/1152921515689848690, to an unknown target, running) may be the go-live this request started`
    )
    expect(posts()).toBe(1)
  })

  it('a newer preview that failed meanwhile hides no go-live: the live entry of the preview sent is followed', async () => {
    // made-up: after the request, a newer preview failed and the go-live of the preview sent ended already.
    const newer = { ...preview, id: `submission/${GUID}/1152921515689848700`, result: 'failed', created: LATER }
    const live = { ...preview, target: { targetType: 'live' } }
    const { client, posts } = service(newer, live)
    await expect(start(client)).resolves.toMatchObject({ how: 'attached', location: { kind: 'submission', id: PREVIEW } })
    expect(posts()).toBe(1)
  })

  it('a publish of another preview in progress is no go-live: the whole look found none, so the request goes once more', async () => {
    // The control: without it, the tests above would pass if the look never sent twice at all.
    const newer = {
      id: `submission/${GUID}/1152921515689848700`,
      product: `product/${GUID}`,
      target: { targetType: 'preview' },
      status: 'running',
      created: LATER
    }
    const { client, posts } = service(newer)
    await expect(start(client)).rejects.toThrow(/^The go-live may have started/)
    expect(posts()).toBe(2)
  })
})
