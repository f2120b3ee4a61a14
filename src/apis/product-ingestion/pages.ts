// Lists of the Product Ingestion API come in pages: `{"value":[…],"@nextLink":"<absolute URL>"}`.
// A list is read whole (a running go-live may be on page 2), but the token goes to the base URL's
// origin only, a list has a bounded number of pages, and a link back to a page read is a loop.
import { UnexpectedAnswerError } from '../../http/api-client.js'
import { ShapeError } from '../../errors.js'
import { VERSION_QUERY } from './locations.js'

const MAX_PAGES = 100
const MAX_LINK_CHARS = 8 * 1024

export interface ListPage {
  items: unknown[]
  next?: unknown
}

/** One page of a list; throws (with what it is not) when the answer is not one. */
export function parseListPage(json: unknown, noun: string): ListPage {
  const page = json as { value?: unknown; '@nextLink'?: unknown } | null
  if (!Array.isArray(page?.value)) throw new ShapeError(`is not a list of ${noun}`)
  return { items: page.value as unknown[], next: page['@nextLink'] }
}

export interface PageRules {
  base: URL
  version: string
  what: string
  /** Every page read so far, the first one included. */
  seen: URL[]
}

/** The next page's URL, or undefined at the end of the list; throws when the link must not be followed. */
export function nextPageUrl(link: unknown, rules: PageRules): URL | undefined {
  if (link === undefined || link === null || link === '') return undefined
  const refuse = (problem: string, clause = `the link to the next page (@nextLink) ${problem}`): never => {
    throw new UnexpectedAnswerError(
      `${rules.what} failed: ${clause}. The action reads lists whole or not at all; run the step again later, and report it if it persists.`
    )
  }
  if (typeof link !== 'string' || !/^https?:\/\//i.test(link)) return refuse('is not an absolute URL')
  if (link.length > MAX_LINK_CHARS) return refuse(`is longer than ${MAX_LINK_CHARS} characters`)
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return refuse('is not an absolute URL')
  }
  if (url.username || url.password) return refuse('carries credentials')
  // The origin as the URL parser canonicalised it: safe to print.
  if (url.origin !== rules.base.origin) return refuse(`points to ${url.origin}, not to ${rules.base.origin}`)
  url.hash = ''
  // The version (`$version`) goes on every call; a link without it gets the action's.
  if (!url.searchParams.has(VERSION_QUERY)) url = new URL(`${url.href}${url.search ? '&' : '?'}${VERSION_QUERY}=${rules.version}`)
  if (rules.seen.some((page) => page.href === url.href)) return refuse('leads back to a page already read')
  if (rules.seen.length >= MAX_PAGES) return refuse('', `the list has more than ${MAX_PAGES} pages`)
  return url
}
