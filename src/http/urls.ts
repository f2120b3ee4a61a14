// Where requests may go: the base URL rules, and the checks every operation location passes. Each
// API builds its own request URLs (its locations.ts), with its own version query.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1'])

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/**
 * Why a base URL is unacceptable, or undefined when it is fine. `withPath`: it may carry a plain path
 * (the Product Ingestion API lives under https://graph.microsoft.com/rp/product-ingestion).
 */
export function baseUrlProblem(url: URL, withPath = false): string | undefined {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return 'must use https (plain http is allowed only for loopback hosts such as 127.0.0.1)'
  }
  if (url.username || url.password) return 'must not contain credentials'
  if (url.search || url.hash) return 'must not have a query or fragment'
  if (withPath) {
    return /^(\/[A-Za-z0-9._~-]+)*\/?$/.test(url.pathname) ? undefined : 'must have a plain path (letters, digits and -._~ between slashes)'
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    return 'must be an origin such as https://cloudpartner.azure.com, without a path, query or fragment'
  }
  return undefined
}

/**
 * What is wrong with the text of an operation location, checked before a URL parser normalises away
 * what this looks for (dot segments, encoded slashes); undefined when nothing is.
 */
function locationTextProblem(raw: string): string | undefined {
  if (raw.length > 2048) return 'is longer than 2048 characters'
  // eslint-disable-next-line no-control-regex
  if (/[\s\\\u0000-\u001f\u007f-\u009f]/.test(raw)) return 'contains white space, a backslash or a control character'
  const path = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)/i.exec(raw)?.[1] ?? ''
  if (/%2f|%5c|%00/i.test(path)) return 'contains an encoded slash, backslash or NUL'
  if (path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) return "contains a '.' or '..' path segment"
  return undefined
}

/** The location failed a check; `message` says which, without quoting the location. */
export class LocationProblem extends Error {
  override name = 'LocationProblem'
}

/**
 * The checks every operation location passes, whichever API: its text (see locationTextProblem),
 * an http(s) URL or a path, no credentials, and the base URL's origin (the token goes nowhere else).
 * Throws a LocationProblem; the API's own module then checks the path and query.
 */
export function parseLocationUrl(raw: string, base: URL): URL {
  const text = raw.trim()
  const problem = locationTextProblem(text)
  if (problem) throw new LocationProblem(problem)
  if (!/^https?:\/\//i.test(text) && !text.startsWith('/')) throw new LocationProblem('is neither an http(s) URL nor a path')
  let url: URL
  try {
    url = new URL(text, base.origin)
  } catch {
    throw new LocationProblem('is not a valid URL')
  }
  if (url.username || url.password) throw new LocationProblem('contains credentials')
  if (url.origin !== base.origin) throw new LocationProblem(`points to ${url.origin}, not to ${base.origin}`)
  return url
}

/** How an API names its version in a query (`api-version`, `$version`), and what a version looks like. */
export interface VersionQuery {
  name: string
  pattern: RegExp
  /** A valid version, for the message: "a date such as 2017-10-31". */
  example: string
}

/**
 * The version a location carries in its one query parameter, or `fallback` when it has no query.
 * Throws a LocationProblem for any other query, or a version that is not one.
 */
export function locationVersion(url: URL, query: VersionQuery, fallback: string): string {
  const keys = [...url.searchParams.keys()]
  if (keys.some((key) => key !== query.name) || keys.length > 1) throw new LocationProblem(`has a query other than ${query.name}`)
  const version = url.searchParams.get(query.name) ?? fallback
  if (!query.pattern.test(version)) throw new LocationProblem(`has a version (${query.name}) that is not a date such as ${query.example}`)
  return version
}
