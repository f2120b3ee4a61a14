// A service the action could not connect to, after its retries, said in words that name what to
// check: the base-url, the proxy variables (and whether the connection went through a proxy), and
// for a local trial the emulator.
import { getProxyUrl } from '@actions/http-client'
import { ServiceUnavailableError } from '../errors.js'
import { formatDuration } from '../wait/duration.js'
import { TLS_FAILURE } from './transport.js'
import { isLoopbackHost } from './urls.js'

/** The connection could not be made (never sent), after the request's retries: the service is unreachable. */
export class UnreachableError extends ServiceUnavailableError {
  override name = 'UnreachableError'
}

export interface UnreachableContext {
  /** What failed ("Listing the offer's submissions"). */
  what: string
  /** The transport's words (`could not connect to host (ECONNREFUSED)`) and its error code. */
  said: string
  code: string
  url: URL
  /** The `base-url` input as the step uses it; the request's origin when unknown. */
  baseUrl?: URL | undefined
  attempts: number
  elapsedMs: number
  /** Not retried: an earlier request of the step spent its retries on the same origin. */
  known: boolean
  /** A connection to the origin was made earlier in this step: the base-url is right, the way to it is down. */
  reachedBefore: boolean
}

/** The error, in words: what failed, how often it was tried, and what to check. */
export function unreachableError(context: UnreachableContext): UnreachableError {
  const { what, said, attempts, elapsedMs, known } = context
  const tries = known
    ? 'not retried, as an earlier request of this step could not connect either after its retries'
    : attempts > 1
      ? `${attempts} attempts over ${formatDuration(elapsedMs)}`
      : 'not retried'
  return new UnreachableError(`${what} failed: ${said} (${tries}). ${unreachableAdvice(context)}`)
}

/**
 * What to check, in the order a user checks it: the base-url, the proxy (as the toolkit's agent
 * chose it from the environment), and for a loopback base-url the emulator.
 */
function unreachableAdvice(context: Pick<UnreachableContext, 'url' | 'baseUrl' | 'code' | 'reachedBefore'>): string {
  const { url, code } = context
  // Mid-wait, after the service answered: a passing outage, most likely; a poll is lost, not the wait.
  if (context.reachedBefore) return `The service answered earlier in this step: the network to it${proxyNamed(url)} is down.`
  const base = context.baseUrl ?? new URL(url.origin)
  const local = isLoopbackHost(url.hostname)
  const parts = [`The service could not be reached: check base-url (${shown(base)}).`, proxyWords(url, local)]
  if (TLS_FAILURE.test(code)) {
    parts.push('A proxy that inspects TLS needs its certificate authority in NODE_EXTRA_CA_CERTS.')
  }
  if (local) {
    parts.push(
      "For a local trial, start the emulator first (npm run emulator, see the README's Quick start) and use the base-url it prints."
    )
  }
  return parts.join(' ')
}

/** The base-url as the user wrote it: an origin without its trailing slash. */
function shown(url: URL): string {
  return url.pathname === '/' ? url.origin : url.href
}

/** Whether the connection went through a proxy, and which variables decide it. */
function proxyWords(url: URL, local: boolean): string {
  const { env } = process
  const https = url.protocol === 'https:'
  const variable = https ? 'HTTPS_PROXY (or https_proxy)' : 'HTTP_PROXY (or http_proxy)'
  if (local) return `The connection went direct: ${variable} and NO_PROXY do not apply to a loopback address.`
  const proxy = proxyNamed(url)
  if (proxy)
    return `The connection went${proxy}: check that the proxy is up and lets the runner reach ${url.host}, or list ${url.hostname} in NO_PROXY to go direct.`
  const bypass = env.no_proxy || env.NO_PROXY
  const set = https ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY
  if (set && bypass)
    return `The connection went direct, as NO_PROXY covers ${url.hostname}: check NO_PROXY if the runner reaches it only through the proxy.`
  return `The connection went direct: ${variable} is not set; behind a proxy, set it (and NO_PROXY for the hosts that bypass it).`
}

/** ` through the proxy http://proxy:3128 (HTTPS_PROXY)` when the connection goes through one, else ''. */
function proxyNamed(url: URL): string {
  const proxy = proxyFor(url)
  if (!proxy) return ''
  const { env } = process
  const from = url.protocol === 'https:' ? (env.https_proxy ? 'https_proxy' : 'HTTPS_PROXY') : env.http_proxy ? 'http_proxy' : 'HTTP_PROXY'
  const origin = originOf(proxy)
  return origin ? ` through the proxy ${origin} (${from})` : ` through the proxy in ${from}`
}

/** The proxy the toolkit's agent takes for `url` (its rules: HTTPS_PROXY or HTTP_PROXY, NO_PROXY, loopback direct). */
function proxyFor(url: URL): string {
  try {
    return getProxyUrl(url.href)
  } catch {
    // A proxy variable the toolkit cannot read: the words say which variable to check all the same.
    return 'unreadable'
  }
}

/** Only the proxy's origin: its URL may carry a user name and password. */
function originOf(proxy: string): string | undefined {
  try {
    return new URL(proxy).origin
  } catch {
    return undefined
  }
}
