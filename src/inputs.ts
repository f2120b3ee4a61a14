import * as core from '@actions/core'
import { readAuthConfig, type AuthConfig } from './auth-config.js'
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL, Inputs } from './constants.js'
import { parseDuration } from './duration.js'
import { InputError } from './errors.js'
import { baseUrlProblem, offerOfLocation, resolveOperationLocation, sameOrigin } from './urls.js'

export interface Config {
  publisher: string
  offer: string
  auth: AuthConfig
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  requestTimeoutMs: number
  /** Attach to this operation instead of starting a go-live. */
  operationLocation?: URL
  baseUrl: URL
  apiVersion: string
  /** Read the offer's status and report whether a go-live makes sense; send no Go Live request. */
  dryRun: boolean
}

// Plain identifiers only: they become URL path segments, so nothing that could change the path.
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/

/** Reads every input once, validates it, and returns the typed configuration. Sends nothing. */
export function getConfig(): Config {
  // First: it masks the secrets before anything else can fail and print.
  const auth = readAuthConfig()
  const publisher = identifier(Inputs.Publisher)
  const offer = identifier(Inputs.Offer)

  const baseUrl = parseBaseUrl(core.getInput(Inputs.BaseUrl) || DEFAULT_BASE_URL)
  const apiVersion = core.getInput(Inputs.ApiVersion) || DEFAULT_API_VERSION
  if (!API_VERSION.test(apiVersion)) {
    throw new InputError(Inputs.ApiVersion, `must be a date such as ${DEFAULT_API_VERSION}; got '${apiVersion}'`)
  }

  const config: Config = {
    publisher,
    offer,
    auth,
    wait: boolean(Inputs.Wait, false),
    timeoutMs: duration(Inputs.Timeout, '6h'),
    pollIntervalMs: duration(Inputs.PollInterval, '60s'),
    requestTimeoutMs: duration(Inputs.RequestTimeout, '30s'),
    baseUrl,
    apiVersion,
    dryRun: boolean(Inputs.DryRun, false)
  }
  const location = core.getInput(Inputs.OperationLocation)
  if (location) {
    config.operationLocation = parseOperationLocation(location, config)
  }
  return config
}

function identifier(name: string): string {
  const value = core.getInput(name)
  if (!value) throw new InputError(name, 'is required')
  if (!IDENTIFIER.test(value) || value.includes('..')) {
    throw new InputError(
      name,
      `must be a plain identifier (letters, digits, '-', '_' or '.', at most 128 characters, no '/', '..', spaces or query characters); got '${value}'`
    )
  }
  return value
}

function boolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name)
  if (value === '') return fallback
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw new InputError(name, `must be 'true' or 'false'; got '${value}'`)
}

function duration(name: string, fallback: string): number {
  const value = core.getInput(name) || fallback
  const ms = parseDuration(value)
  if (ms === undefined || ms <= 0) {
    throw new InputError(
      name,
      `must be a positive duration such as 500ms, 30s, 15m, 6h, 2d or 1h30m (a bare number is seconds); got '${value}'`
    )
  }
  return ms
}

function parseBaseUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(Inputs.BaseUrl, `must be an absolute URL such as ${DEFAULT_BASE_URL}; got '${value}'`)
  }
  const problem = baseUrlProblem(url)
  if (problem) throw new InputError(Inputs.BaseUrl, `${problem}; got '${value}'`)
  return new URL(url.origin)
}

function parseOperationLocation(value: string, config: Config): URL {
  const allowed = 'must be an absolute URL or a path starting with /api/ (the operation-location output of an earlier run)'
  if (!/^https?:\/\//i.test(value) && !value.startsWith('/api/')) {
    throw new InputError(Inputs.OperationLocation, `${allowed}; got '${value}'`)
  }
  let url: URL
  try {
    url = resolveOperationLocation(value, config.baseUrl, config.apiVersion)
  } catch {
    throw new InputError(Inputs.OperationLocation, `${allowed}; got '${value}'`)
  }
  // The token goes to the base-url origin only: never follow a location elsewhere.
  if (!sameOrigin(url, config.baseUrl)) {
    throw new InputError(
      Inputs.OperationLocation,
      `points to ${url.origin}, but the token is only sent to ${config.baseUrl.origin} (input '${Inputs.BaseUrl}')`
    )
  }
  const named = offerOfLocation(url)
  if (named && !sameOffer(named, config)) {
    throw new InputError(
      Inputs.OperationLocation,
      `belongs to ${named.publisher}/${named.offer}, not to ${config.publisher}/${config.offer} (inputs '${Inputs.Publisher}' and '${Inputs.Offer}')`
    )
  }
  return url
}

// Publisher and offer ids are case-insensitive on the service.
function sameOffer(a: { publisher: string; offer: string }, b: { publisher: string; offer: string }): boolean {
  return a.publisher.toLowerCase() === b.publisher.toLowerCase() && a.offer.toLowerCase() === b.offer.toLowerCase()
}
