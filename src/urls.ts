// Where requests may go: the base URL rules, and the URLs of the action's own requests.

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
 * The URL of one of the action's own requests: `path` (already encoded, `$` kept literal) on the
 * base URL's origin, with the api-version query.
 */
export function apiUrl(path: string, baseUrl: URL, apiVersion: string): URL {
  return new URL(`${baseUrl.origin}${path}?api-version=${encodeURIComponent(apiVersion)}`)
}

export function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin
}
