// A Product Ingestion service that abuses its lists (issue 19): each offer's product is found at
// once, but its submissions (or the product lookup itself) come in huge pages, each linking to the
// next, up to 100 pages: the 390 MB per offer that once ran a step of eight offers out of memory.
// Raw sockets (hostile-server.ts), so a page can also come without a length, streamed to its end.
import { createHash } from 'node:crypto'
import type { Socket } from 'node:net'
import { answer, jsonAnswer, startHostileServer, type HostileServer, type Reply } from './hostile-server.ts'

const PIA_PATH = '/rp/product-ingestion'

export interface ListAbuse {
  /** Which list is huge: the offer's submissions (after a normal lookup), or the product lookup. */
  list: 'submissions' | 'products'
  /** The size of each page, in bytes (a real listing is a few KB). */
  pageBytes: number
  /** How many pages the list has; each but the last links to the next. */
  pages: number
  /** Whether a page says its length (content-length) or is streamed without one, to its end. */
  length: 'declared' | 'streamed'
}

export interface ListAbuseServer {
  /** The `base-url` input. */
  url: string
  server: HostileServer
  /** Which offers get which abuse (undefined: a normal, small answer). */
  abuse(plan: (offer: string) => ListAbuse | undefined): void
  /** The list pages the server answered (GETs of a product lookup or submissions list). */
  pagesServed(): number
  /** Holds every answer this long (0: none), so that reads the action lets overlap do. */
  holdAnswers(ms: number): void
  /** The most requests that had arrived and were not yet answered, at any one time (reset to 0). */
  mostAtOnce(): number
  close(): Promise<void>
}

/** The product id of an offer: a GUID made from its name, so each request names the offer again. */
function productGuid(offer: string): string {
  const hex = createHash('sha256').update(offer).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/**
 * The product the entries of a huge submissions list name (made-up): not the offer's own. The action
 * reads every entry of a list before it can drop another product's, so its memory is the same, and
 * a page is built once and sent to every offer without a copy.
 */
const PRODUCT = '00000000-0000-4000-8000-000000000000'
/** Room in a page for its head and its link. */
const LINK_ROOM = 512

/** Entries (JSON, comma-separated) of about `bytes` bytes: as many plausible ones as fit, so a parser would build an object for each. */
function entriesOf(bytes: number, entry: (n: number) => unknown): string {
  const parts: string[] = []
  let size = 0
  for (let n = 1; ; n++) {
    const text = `${n > 1 ? ',' : ''}${JSON.stringify(entry(n))}`
    if (size + text.length > bytes - LINK_ROOM) break
    parts.push(text)
    size += text.length
  }
  return parts.join('')
}

/** A page as written: its head, then its parts in 64 KiB writes as the socket drains (no copy), then close. */
function page(parts: Buffer[], length: ListAbuse['length']): (socket: Socket) => void {
  const size = parts.reduce((sum, part) => sum + part.length, 0)
  const declared = length === 'declared' ? `content-length: ${size}\r\n` : ''
  return (socket) => {
    socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${declared}connection: close\r\n\r\n`)
    let part = 0
    let at = 0
    const more = (): void => {
      for (; part < parts.length && !socket.destroyed; part++, at = 0) {
        const body = parts[part] as Buffer
        while (at < body.length && !socket.destroyed) {
          const chunk = body.subarray(at, (at += 64 * 1024))
          if (!socket.write(chunk)) return void socket.once('drain', more)
        }
      }
      if (!socket.destroyed) socket.end()
    }
    more()
  }
}

export async function startListAbuseServer(): Promise<ListAbuseServer> {
  const server = await startHostileServer()
  const base = `${server.url}${PIA_PATH}`
  let plan: (offer: string) => ListAbuse | undefined = () => undefined
  const offers = new Map<string, string>()
  let served = 0

  const product = (offer: string) => ({
    id: `product/${productGuid(offer)}`,
    identity: { externalId: offer },
    type: 'azureVirtualMachine',
    alias: offer
  })
  /** Entries of the made-up PRODUCT: old previews, completed, as the service lists them. */
  const submission = (n: number) => ({
    $schema: 'https://product-ingestion.azureedge.net/schema/submission/2022-03-01-preview2',
    id: `submission/${PRODUCT}/${1152921515689840000 + n}`,
    product: `product/${PRODUCT}`,
    target: { targetType: 'preview' },
    status: 'completed',
    result: 'succeeded',
    created: '2022-02-04T20:07:22.4220588Z'
  })
  /** Products that name no external id (made-up): a lookup can list no product the action would take. */
  const nameless = (n: number) => ({ id: `product/${PRODUCT}`, identity: {}, type: 'azureVirtualMachine', alias: `nameless-${n}` })
  const pages = new Map<string, Buffer>()

  /** Page `index` (0-based) of a list that `abuse` makes huge: entries (built once per size), then a link to the next page. */
  function hugePage(abuse: ListAbuse, index: number, path: string): Reply {
    const key = `${abuse.list}:${abuse.pageBytes}`
    let entries = pages.get(key)
    if (entries === undefined) {
      entries = Buffer.from(`{"value":[${entriesOf(abuse.pageBytes, abuse.list === 'products' ? nameless : submission)}]`)
      pages.set(key, entries)
    }
    const link = `${server.url}${path}?$version=2022-07-01&$skipToken=${index + 1}`
    const tail = Buffer.from(index + 1 < abuse.pages ? `,"@nextLink":${JSON.stringify(link)}}` : '}')
    served++
    return page([entries, tail], abuse.length)
  }

  let holdMs = 0
  let atOnce = 0
  let most = 0
  /** The reply, after the hold: counted from the request's arrival to the moment it is answered. */
  const held = (reply: Reply): Reply => {
    if (holdMs === 0 || reply === 'hang') return reply
    most = Math.max(most, ++atOnce)
    return (socket) =>
      void setTimeout(() => {
        atOnce--
        if (typeof reply === 'function') reply(socket)
        else socket.end(reply)
      }, holdMs)
  }

  server.handle((request) => held(reply(request)))

  function reply(request: { method: string; path: string; query: string }): Reply {
    if (request.method !== 'GET' || !request.path.startsWith(PIA_PATH)) return answer(404)
    const query = new URLSearchParams(request.query.slice(1))
    const index = Number(query.get('$skipToken') ?? 0) || 0
    const path = request.path.slice(PIA_PATH.length)
    if (path === '/product') {
      const offer = query.get('externalId') ?? ''
      offers.set(productGuid(offer), offer)
      const abuse = plan(offer)
      if (abuse?.list === 'products') return hugePage(abuse, index, request.path)
      served++
      return jsonAnswer(200, { value: [product(offer)] })
    }
    const guid = /^\/submission\/([0-9a-f-]{36})$/.exec(path)?.[1]
    const offer = guid === undefined ? undefined : offers.get(guid)
    if (offer === undefined) return jsonAnswer(404, { error: { code: 'notFound', message: 'Not found.' } })
    const abuse = plan(offer)
    if (abuse?.list === 'submissions') return hugePage(abuse, index, request.path)
    served++
    return jsonAnswer(200, { value: [] })
  }

  return {
    url: base,
    server,
    abuse: (next) => void (plan = next),
    pagesServed: () => served,
    holdAnswers: (ms) => void (holdMs = ms),
    mostAtOnce: () => {
      const seen = most
      most = 0
      return seen
    },
    close: () => server.close()
  }
}
