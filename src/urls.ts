// Where requests may go: the base URL rules and operation locations resolved against it.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1'])

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/** Why a base URL is unacceptable, or undefined when it is fine. */
export function baseUrlProblem(url: URL): string | undefined {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return 'must use https (plain http is allowed only for loopback hosts such as 127.0.0.1)'
  }
  if (url.username || url.password) return 'must not contain credentials'
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return 'must be an origin such as https://cloudpartner.azure.com, without a path, query or fragment'
  }
  return undefined
}

/**
 * Turns an operation location as the service sends it (absolute, or relative to the host) into the
 * URL to poll. The `$` in `/api/operations/pub$offer$2$preview` must survive untouched, so the query
 * is extended as text rather than rebuilt through URLSearchParams.
 */
export function resolveOperationLocation(raw: string, baseUrl: URL, apiVersion: string): URL {
  const url = new URL(raw.trim(), baseUrl)
  if (!url.searchParams.has('api-version')) {
    const query = url.search.length > 1 ? `${url.search}&` : '?'
    url.search = `${query}api-version=${encodeURIComponent(apiVersion)}`
  }
  url.hash = ''
  return url
}

/** The operation's id: the last path segment (a GUID, or the `pub$offer$2$preview` form). */
export function operationIdOf(location: URL): string {
  const segments = location.pathname.split('/').filter(Boolean)
  const last = segments[segments.length - 1] ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

export function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin
}

/**
 * The publisher and offer an operation location names, when it names them: either
 * `/api/publishers/{pub}/offers/{offer}/operations/{id}` or `/api/operations/{pub}${offer}$...`.
 */
export function offerOfLocation(location: URL): { publisher: string; offer: string } | undefined {
  const path = decodeURIComponent(location.pathname)
  const nested = /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\/operations\/[^/]+\/?$/.exec(path)
  if (nested) return { publisher: nested[1] as string, offer: nested[2] as string }
  const flat = /^\/api\/operations\/([^/$]+)\$([^/$]+)\$[^/]*$/.exec(path)
  if (flat) return { publisher: flat[1] as string, offer: flat[2] as string }
  return undefined
}
