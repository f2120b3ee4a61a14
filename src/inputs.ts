import * as core from '@actions/core'
import { readAuthConfig, type AuthConfig } from './auth/auth-config.js'
import { API_AUTO, Inputs, type Api } from './constants.js'
import { parseDuration } from './wait/duration.js'
import { InputError } from './errors.js'
import type { ApiDescriptor } from './apis/api-descriptor.js'
import type { OperationRef } from './apis/go-live-service.js'
import { allApis, apiWithoutAudience, lookupOrder } from './apis/registry.js'
import { isIdentifier, type Subject } from './apis/subject.js'
import { decodeJwtClaims } from './auth/jwt.js'
import { log } from './report/log.js'
import { serviceText } from './report/safe-text.js'
import { baseUrlProblem, LocationProblem } from './http/urls.js'

/** An API the step takes offers live through: its descriptor, where it lives and its version. */
export interface ApiTarget {
  descriptor: ApiDescriptor
  /** An origin, or one with a path where the API allows it. */
  baseUrl: URL
  apiVersion: string
}

export interface Config {
  /** The `api` input: an API, or `auto`. */
  api: Api | 'auto'
  /**
   * The APIs the offers go live through, in the order an offer is looked up: one (named, or chosen by
   * the token's audience), or, with `auto` and a sign-in, Product Ingestion and then the CPP API.
   */
  targets: ApiTarget[]
  /** Required or optional as the API says ('' when optional and not given). */
  publisher: string
  /** The offers to take live, in input order: one, or several (then no operation-location). */
  offers: string[]
  /** How many offers' go-live requests (and a dry run's reads) may be under way at once. */
  maxParallel: number
  auth: AuthConfig
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  requestTimeoutMs: number
  /** Attach to this operation instead of starting a go-live (its API is then the one target). */
  operationLocation?: OperationRef
  /** Read the offer's status and report whether a go-live makes sense; send no Go Live request. */
  dryRun: boolean
  /** Send a go-live whose last attempt failed once more, on purpose (else it is refused, quoting the failure). */
  retryFailed: boolean
}

// Upper bounds: each below the timer range (2^31-1 ms, about 24.8 days), past which Node fires a
// timer after 1 ms, and each a sensible limit for what it measures.
/**
 * Below GitHub's 6h limit for a hosted job (its set-up included), so the action's own "timed out,
 * follow it with ..." comes before the runner kills the job.
 */
const DEFAULT_TIMEOUT = '5h'
const MAX_TIMEOUT = { ms: 5 * 86_400_000, text: '5d', why: 'the longest a job can run, on a self-hosted runner' }
const MAX_POLL_INTERVAL = { ms: 86_400_000, text: '1d', why: 'check later from a scheduled workflow for rarer reads' }
const MAX_REQUEST_TIMEOUT = { ms: 10 * 60_000, text: '10m', why: 'one request; retries follow' }

/** The most offers one step takes live: a large release, with its summary and `results` well within GitHub's limits. */
const MAX_OFFERS = 256
const MAX_PARALLEL = { max: 32, fallback: '4' }

/** Reads every input once, validates it, and returns the typed configuration. Sends nothing. */
export function getConfig(): Config {
  // First: it masks the secrets before anything else can fail and print.
  const auth = readAuthConfig()
  const input = apiInput()
  const api = input === API_AUTO && auth.kind === 'token' ? apiByAudience(auth.token) : input
  // Required by the CPP API; with `auto` and a sign-in, it lets the CPP API be asked too.
  const publisher =
    api !== API_AUTO && api.inputs.publisher === 'required'
      ? identifier(Inputs.Publisher)
      : core.getInput(Inputs.Publisher)
        ? identifier(Inputs.Publisher)
        : ''
  const offers = offerList()
  const location = core.getInput(Inputs.OperationLocation)
  if (location && offers.length > 1) {
    throw new InputError(
      Inputs.OperationLocation,
      `names the go-live of one offer, so it cannot be given with several offers (${offers.length}): to check on their go-lives, run the step again with the same offers instead, which follows each go-live still running and starts none twice`
    )
  }
  const config: Config = {
    api: input === API_AUTO ? API_AUTO : input.api,
    targets: [],
    publisher,
    offers,
    maxParallel: maxParallel(),
    auth,
    wait: boolean(Inputs.Wait, false),
    timeoutMs: duration(Inputs.Timeout, DEFAULT_TIMEOUT, MAX_TIMEOUT),
    pollIntervalMs: duration(Inputs.PollInterval, '60s', MAX_POLL_INTERVAL),
    requestTimeoutMs: duration(Inputs.RequestTimeout, '30s', MAX_REQUEST_TIMEOUT),
    dryRun: boolean(Inputs.DryRun, false),
    retryFailed: boolean(Inputs.RetryFailed, false)
  }
  if (api !== API_AUTO) {
    // One API, named or chosen by the token: its rules for publisher, base-url and api-version.
    const target = targetOf(api, core.getInput(Inputs.BaseUrl), core.getInput(Inputs.ApiVersion))
    config.targets = [target]
    if (location)
      config.operationLocation = parseOperationLocation(location, target, { publisher: config.publisher, offer: offers[0] as string })
    return config
  }
  // A sign-in that may ask both APIs: each at its own origin and version, looked up in turn.
  for (const name of [Inputs.BaseUrl, Inputs.ApiVersion]) {
    if (core.getInput(name)) {
      throw new InputError(
        name,
        `belongs to one API, and with 'api: auto' and a sign-in the action may ask both: set 'api' to ${allApis()
          .map((a) => `'${a.api}'`)
          .join(' or ')} to use it (or give a 'token', whose audience chooses the API)`
      )
    }
  }
  // The CPP API names the publisher in every path: without one, only Product Ingestion is asked.
  config.targets = lookupOrder()
    .filter((descriptor) => config.publisher !== '' || descriptor.inputs.publisher === 'optional')
    .map((descriptor) => targetOf(descriptor, '', ''))
  if (location) {
    // The location's own form names its API: the one whose parser takes it.
    const subject = { publisher: config.publisher, offer: offers[0] as string }
    const { target, ref } = locationOfAnyApi(location, config.targets, subject)
    config.targets = [target]
    config.operationLocation = ref
  }
  return config
}

/** The `api` input: an API's descriptor, or `auto` (the default). */
function apiInput(): ApiDescriptor | typeof API_AUTO {
  const value = core.getInput(Inputs.Api) || API_AUTO
  if (value === API_AUTO) return API_AUTO
  const apis = allApis()
  const api = apis.find((a) => a.api === value)
  if (!api) throw new InputError(Inputs.Api, `must be '${API_AUTO}', ${apis.map((a) => `'${a.api}'`).join(' or ')}; got '${value}'`)
  return api
}

/**
 * The API a token is for, by its audience (`aud`): Microsoft Graph's is Product Ingestion, the CPP
 * resource's is the CPP API. Another audience is refused, naming it; a token whose audience cannot be
 * read (not a JWT) goes to the CPP API, as before there was a choice, with a notice.
 */
function apiByAudience(token: string): ApiDescriptor {
  const claim = decodeJwtClaims(token)?.aud
  const aud: unknown = Array.isArray(claim) ? claim[0] : claim
  const apis = allApis()
  if (typeof aud !== 'string') {
    const fallback = apiWithoutAudience()
    log.notice(
      `The 'token' input is not a token whose audience can be read, so 'api: auto' cannot tell which API it is for: going through the ${fallback.displayName} (${fallback.api}). Set 'api' to choose.`
    )
    return fallback
  }
  const api = apis.find((a) => a.signIn.audiences.includes(aud))
  if (api) {
    // A known audience (one of the API's own strings): safe to name as it is.
    log.info(`api: auto: the token is for ${aud}, so the offers go live through the ${api.displayName} (api: ${api.api}).`)
    return api
  }
  // The audience is a claim of the token, not the secret: a URI or an app id, cleaned before it is named.
  const wanted = apis.map((a) => `${a.signIn.resource} (${a.api})`).join(' or ')
  throw new InputError(
    Inputs.Token,
    `is for '${serviceText(aud, 100)}', which neither API takes: get a token for ${wanted}, or sign in with 'client-id' and 'tenant-id'`
  )
}

/** An API with its base URL and version: the inputs' when given, else the API's defaults. */
function targetOf(descriptor: ApiDescriptor, baseUrlInput: string, versionInput: string): ApiTarget {
  const { defaults } = descriptor
  const baseUrl = parseBaseUrl(baseUrlInput || defaults.baseUrl, descriptor.inputs.baseUrlPath, defaults.baseUrl)
  const apiVersion = versionInput || defaults.version
  if (!descriptor.version.pattern.test(apiVersion)) {
    throw new InputError(Inputs.ApiVersion, `must be a date such as ${defaults.version}; got '${apiVersion}'`)
  }
  return { descriptor, baseUrl, apiVersion }
}

/** An operation location given with `api: auto` and a sign-in: the one API whose form it has. */
function locationOfAnyApi(raw: string, targets: ApiTarget[], subject: Subject): { target: ApiTarget; ref: OperationRef } {
  const problems: string[] = []
  for (const target of targets) {
    try {
      const settings = { subject, baseUrl: target.baseUrl, apiVersion: target.apiVersion }
      return { target, ref: target.descriptor.parseOperationLocation(raw, settings) }
    } catch (error) {
      // A location of another offer is refused as it is; a form this API does not have is tried on the next.
      if (!(error instanceof LocationProblem)) throw error
      problems.push(`${target.descriptor.api}: it ${error.message}`)
    }
  }
  throw new InputError(
    Inputs.OperationLocation,
    `is not an operation location of either API (${problems.join('; ')}): it must be the operation-location output of an earlier run, ${targets.map((t) => t.descriptor.hints.operationLocation).join(', or ')}; got '${raw}'`
  )
}

function identifier(name: string): string {
  const value = core.getInput(name)
  if (!value) throw new InputError(name, 'is required')
  checkIdentifier(name, value, '')
  return value
}

/** `which`: where the value stands in a list (' (offer 2 of 3)'), or ''. */
function checkIdentifier(name: string, value: string, which: string): void {
  if (!isIdentifier(value)) {
    throw new InputError(
      name,
      `must be a plain identifier (letters, digits, '-', '_' or '.', at most 128 characters, no '/', '..', spaces or query characters); got '${value}'${which}`
    )
  }
}

/** One offer id, or several: one per line and/or separated by commas; blanks are ignored. */
function offerList(): string[] {
  const raw = core.getInput(Inputs.Offer)
  const offers = raw
    .split(/[\r\n,]/)
    .map((value) => value.trim())
    .filter((value) => value !== '')
  if (offers.length === 0) throw new InputError(Inputs.Offer, 'is required: one offer id, or several, one per line or separated by commas')
  if (offers.length > MAX_OFFERS) {
    throw new InputError(
      Inputs.Offer,
      `takes at most ${MAX_OFFERS} offers in one step; got ${offers.length}: split them over several steps`
    )
  }
  // Ids are compared regardless of case: the services treat them so, and one offer must not go live twice.
  const seen = new Map<string, string>()
  offers.forEach((offer, index) => {
    checkIdentifier(Inputs.Offer, offer, offers.length > 1 ? ` (offer ${index + 1} of ${offers.length})` : '')
    const first = seen.get(offer.toLowerCase())
    if (first !== undefined) {
      const as = first === offer ? '' : ` (as '${first}' too: ids are compared regardless of case)`
      throw new InputError(Inputs.Offer, `names '${offer}' twice${as}: give each offer once`)
    }
    seen.set(offer.toLowerCase(), offer)
  })
  return offers
}

function maxParallel(): number {
  const value = core.getInput(Inputs.MaxParallel) || MAX_PARALLEL.fallback
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN
  if (!(n >= 1 && n <= MAX_PARALLEL.max)) {
    throw new InputError(
      Inputs.MaxParallel,
      `must be a whole number from 1 to ${MAX_PARALLEL.max} (how many offers' Go Live requests may be under way at once); got '${value}'`
    )
  }
  return n
}

function boolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name)
  if (value === '') return fallback
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw new InputError(name, `must be 'true' or 'false'; got '${value}'`)
}

function duration(name: string, fallback: string, max: { ms: number; text: string; why: string }): number {
  const value = core.getInput(name) || fallback
  const ms = parseDuration(value)
  if (ms === undefined || ms <= 0) {
    throw new InputError(
      name,
      `must be a positive duration such as 500ms, 30s, 15m, 6h, 2d or 1h30m (a bare number is seconds); got '${value}'`
    )
  }
  if (ms > max.ms) throw new InputError(name, `must be at most ${max.text} (${max.why}); got '${value}'`)
  return ms
}

function parseBaseUrl(value: string, withPath: boolean, example: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(Inputs.BaseUrl, `must be an absolute URL such as ${example}; got '${value}'`)
  }
  const problem = baseUrlProblem(url, withPath)
  if (problem) throw new InputError(Inputs.BaseUrl, `${problem}; got '${value}'`)
  return new URL(withPath ? `${url.origin}${url.pathname.replace(/\/$/, '')}` : url.origin)
}

function parseOperationLocation(value: string, target: ApiTarget, subject: Subject): OperationRef {
  const { descriptor: api, baseUrl, apiVersion } = target
  try {
    // The API's own parser: its forms, and (where the location names one) the same offer.
    return api.parseOperationLocation(value, { subject, baseUrl, apiVersion })
  } catch (error) {
    if (!(error instanceof LocationProblem)) throw error
    // The token goes to the base-url origin only: a location elsewhere is refused, not followed.
    const hint = error.message.startsWith('points to') ? ` (the token is only sent to input '${Inputs.BaseUrl}')` : ''
    throw new InputError(
      Inputs.OperationLocation,
      `${error.message}${hint}: it must be the operation-location output of an earlier run, an absolute URL or ${api.hints.operationLocation}; got '${value}'`
    )
  }
}
