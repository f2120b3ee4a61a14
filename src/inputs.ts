import * as core from '@actions/core'
import { readAuthConfig, type AuthConfig } from './auth/auth-config.js'
import { Apis, Inputs, type Api } from './constants.js'
import { parseDuration } from './wait/duration.js'
import { InputError } from './errors.js'
import type { ApiDescriptor, ApiSettings } from './apis/api-descriptor.js'
import type { OperationRef } from './apis/go-live-service.js'
import { allApis } from './apis/registry.js'
import { isIdentifier } from './apis/subject.js'
import { baseUrlProblem, LocationProblem } from './http/urls.js'

export interface Config {
  /** The API the go-live goes through. */
  api: Api
  /** Required or optional as the API says ('' when optional and not given). */
  publisher: string
  offer: string
  auth: AuthConfig
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  requestTimeoutMs: number
  /** Attach to this operation instead of starting a go-live. */
  operationLocation?: OperationRef
  /** An origin, or one with a path where the API allows it. */
  baseUrl: URL
  apiVersion: string
  /** Read the offer's status and report whether a go-live makes sense; send no Go Live request. */
  dryRun: boolean
}

// Upper bounds: each below the timer range (2^31-1 ms, about 24.8 days), past which Node fires a
// timer after 1 ms, and each a sensible limit for what it measures.
const MAX_TIMEOUT = { ms: 5 * 86_400_000, text: '5d', why: 'the longest a job can run, on a self-hosted runner' }
const MAX_POLL_INTERVAL = { ms: 86_400_000, text: '1d', why: 'check later from a scheduled workflow for rarer reads' }
const MAX_REQUEST_TIMEOUT = { ms: 10 * 60_000, text: '10m', why: 'one request; retries follow' }

/** Reads every input once, validates it, and returns the typed configuration. Sends nothing. */
export function getConfig(): Config {
  // First: it masks the secrets before anything else can fail and print.
  const auth = readAuthConfig()
  const api = apiOf(core.getInput(Inputs.Api) || Apis.CloudPartnerPortal)
  const { defaults } = api
  const publisher = api.inputs.publisher === 'optional' && !core.getInput(Inputs.Publisher) ? '' : identifier(Inputs.Publisher)
  const offer = identifier(Inputs.Offer)

  const baseUrl = parseBaseUrl(core.getInput(Inputs.BaseUrl) || defaults.baseUrl, api.inputs.baseUrlPath, defaults.baseUrl)
  const apiVersion = core.getInput(Inputs.ApiVersion) || defaults.version
  if (!api.version.pattern.test(apiVersion)) {
    throw new InputError(Inputs.ApiVersion, `must be a date such as ${defaults.version}; got '${apiVersion}'`)
  }

  const config: Config = {
    api: api.api,
    publisher,
    offer,
    auth,
    wait: boolean(Inputs.Wait, false),
    timeoutMs: duration(Inputs.Timeout, '6h', MAX_TIMEOUT),
    pollIntervalMs: duration(Inputs.PollInterval, '60s', MAX_POLL_INTERVAL),
    requestTimeoutMs: duration(Inputs.RequestTimeout, '30s', MAX_REQUEST_TIMEOUT),
    baseUrl,
    apiVersion,
    dryRun: boolean(Inputs.DryRun, false)
  }
  const location = core.getInput(Inputs.OperationLocation)
  if (location) {
    config.operationLocation = parseOperationLocation(location, api, { subject: { publisher, offer }, baseUrl, apiVersion })
  }
  return config
}

function apiOf(value: string): ApiDescriptor {
  const apis = allApis()
  const api = apis.find((a) => a.api === value)
  if (!api) throw new InputError(Inputs.Api, `must be ${apis.map((a) => `'${a.api}'`).join(' or ')}; got '${value}'`)
  return api
}

function identifier(name: string): string {
  const value = core.getInput(name)
  if (!value) throw new InputError(name, 'is required')
  if (!isIdentifier(value)) {
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

function parseOperationLocation(value: string, api: ApiDescriptor, settings: ApiSettings): OperationRef {
  try {
    // The API's own parser: its forms, and (where the location names one) the same offer.
    return api.parseOperationLocation(value, settings)
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
