// Failures of an API in words: what failed, the HTTP status, what the service said, what to do.
import { ActionError, ServiceUnavailableError } from '../errors.js'
import { htmlText, htmlToText } from '../report/html.js'
import { serviceText } from '../report/safe-text.js'
import { isObject } from '../lookup.js'
import { isTransientStatus } from './retry.js'
import type { HttpResponse } from './transport.js'

const MAX_DETAIL = 300

export interface ServiceDetail {
  code?: string
  message?: string
}

/** The service's own words from an error body: JSON `{error:{code,message}}` and kin, text, or HTML. */
export function serviceDetail(response: Pick<HttpResponse, 'body' | 'headers'>): ServiceDetail {
  // Only the start of a long body (what is quoted is at most MAX_DETAIL characters anyway), which
  // also bounds the work the HTML clean-up can be made to do.
  const body = response.body.slice(0, 16_000).trim()
  if (!body) return {}
  const type = String(response.headers['content-type'] ?? '').toLowerCase()
  if (type.includes('json') || /^[[{]/.test(body)) {
    try {
      return fromJson(JSON.parse(body))
    } catch {
      // Not JSON after all: fall through to text.
    }
  }
  if (type.includes('html') || /^<(!doctype|html)/i.test(body)) {
    const { title, text } = htmlText(body)
    const message = [...new Set([title, text].filter(Boolean))].join(': ')
    return message ? { message: excerpt(message) } : {}
  }
  return { message: excerpt(body.replace(/\s+/g, ' ')) }
}

/** An answer in words for a message: `HTTP 503 (code: what the service said)`. */
export function answerInWords(response: HttpResponse): string {
  const words = said(serviceDetail(response))
  return `HTTP ${response.status}${words ? ` (${words})` : ''}`
}

/** What the service said, as one clean line (`code: message`), or '' when nothing. */
function said(detail: ServiceDetail): string {
  return [detail.code, detail.message].filter(Boolean).join(': ')
}

function fromJson(json: unknown): ServiceDetail {
  const root: unknown = Array.isArray(json) ? json[0] : json
  if (!isObject(root)) return {}
  const inner = (typeof root.error === 'object' && root.error !== null ? root.error : root) as Record<string, unknown>
  const detail: ServiceDetail = {}
  const code = inner.code ?? (typeof root.error === 'string' ? root.error : undefined)
  const message = inner.message ?? inner.Message ?? root.error_description ?? root.message
  if (typeof code === 'string' && code) detail.code = serviceText(code, 80)
  if (typeof message === 'string' && message) detail.message = excerpt(htmlToText(message))
  return detail
}

function excerpt(text: string): string {
  return serviceText(text, MAX_DETAIL)
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

/** Advice for the service's own trouble (see isTransientStatus), whichever API. */
export function transientHint(status: number): string | undefined {
  if (!isTransientStatus(status)) return undefined
  if (status === 429) return 'The service throttled the requests; try again later or poll less often (poll-interval).'
  if (status === 408) return 'The service did not get the request in time; it is usually temporary, so run the step again later.'
  return 'The service had an error; it is usually temporary, so run the step again later.'
}

/** What to do about a failure: advice as is, or made from what the service said. */
export type Hint = string | ((detail: ServiceDetail) => string | undefined)

export class ServiceError extends ActionError {
  override name = 'ServiceError'
  readonly status: number
  readonly detail: ServiceDetail
  /** The service's own trouble (see isTransientStatus): a later request may succeed. */
  get transient(): boolean {
    return isTransientStatus(this.status)
  }
  /** `hint`: the API's advice (see src/apis/cloud-partner-portal/hints.ts); without one, only the transient advice. */
  constructor(what: string, response: HttpResponse, hint?: Hint) {
    const detail = serviceDetail(response)
    const reason = REASONS[response.status] ?? ''
    const words = said(detail)
    const advice = (typeof hint === 'function' ? hint(detail) : hint) ?? transientHint(response.status)
    super(`${what} failed: HTTP ${response.status}${reason ? ` ${reason}` : ''}${words ? ` (${words})` : ''}.${advice ? ` ${advice}` : ''}`)
    this.status = response.status
    this.detail = detail
  }
}

/**
 * The service could not be reached or read (see ServiceUnavailableError), or answered with an
 * error of its own (see isTransientStatus) that its retries did not clear: worth a later try.
 */
export function isServiceUnavailable(error: unknown): boolean {
  return error instanceof ServiceUnavailableError || (error instanceof ServiceError && error.transient)
}
