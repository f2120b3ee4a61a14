// Where a Product Ingestion go-live can be followed, rebuilt from validated parts only:
//   {base}/configure/{jobId}/status?$version={version}        a configure job (what a POST started)
//   {base}/submission/{productGuid}/{n}?$version={version}     a submission (a go-live already running)
// where {base} is the base-url, path included (https://graph.microsoft.com/rp/product-ingestion).
import type { OperationRef } from '../go-live-service.js'
import { GUID } from '../../http/ids.js'
import { LocationProblem, locationVersion, parseLocationUrl, type VersionQuery } from '../../http/urls.js'
import type { Link } from '../../wait/links.js'

/**
 * Product and job ids are opaque: the service's are GUIDs, but Learn's own samples are not
 * (`12345678-abcd-efgh-1234-12345678901`). Letters, digits and inner '-' only: safe as a URL path
 * segment and in a shell.
 */
export const RESOURCE_ID = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/
/** The query parameter of the version; its values are a date, or one with a preview suffix (2022-03-01-preview2). */
export const VERSION_QUERY = '$version'
export const VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(-preview\d*)?$/
const VERSION: VersionQuery = { name: VERSION_QUERY, pattern: VERSION_PATTERN, example: '2022-07-01' }
// Real submission numbers are 19-digit decimals past 2^53: opaque digit strings, never numbers.
const SUBMISSION_ID = /^submission\/([A-Za-z0-9-]{1,64})\/(\d{1,30})$/i

/**
 * A submission id (`submission/<product guid>/<n>`), parsed into its parts as sent (the number stays
 * a string: Number() would round it); undefined when it is not one.
 */
export function parseSubmissionId(id: string): { productGuid: string; number: string } | undefined {
  const match = SUBMISSION_ID.exec(id)
  if (!match || !RESOURCE_ID.test(match[1] as string)) return undefined
  return { productGuid: match[1] as string, number: match[2] as string }
}

/**
 * Whether two ids name the same submission: the product id in any case, the number as a big integer
 * (`…/01152921515689848683` is `…/1152921515689848683`). An id that is not one names none.
 */
export function sameSubmissionId(a: string, b: string): boolean {
  const [x, y] = [parseSubmissionId(a), parseSubmissionId(b)]
  return !!x && !!y && x.productGuid.toLowerCase() === y.productGuid.toLowerCase() && BigInt(x.number) === BigInt(y.number)
}

/** A configure job (what a go-live request started), by its job id. */
export interface JobRef extends OperationRef {
  kind: 'job'
}
/** A submission (a go-live already running, or live), by its id `submission/<product id>/<n>`. */
export interface SubmissionRef extends OperationRef {
  kind: 'submission'
}
export type ProductIngestionRef = JobRef | SubmissionRef

export function isProductIngestionRef(ref: OperationRef): ref is ProductIngestionRef {
  return ref.kind === 'job' || ref.kind === 'submission'
}

function on(base: URL, path: string, version: string): URL {
  return new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}${path}?${VERSION_QUERY}=${version}`)
}

/** The URL of a request of the action's own, under the base URL. */
export function requestUrl(base: URL, path: string, version: string, query = ''): URL {
  const url = on(base, path, version)
  return query ? new URL(`${url.href}&${query}`) : url
}

/**
 * Partner Center's overview page of a product, the page a person opens. Learn, "Link X++ modules
 * from independent software vendor (ISV) packages by using ISV Studio" (dynamics365/fin-ops-core/
 * dev-itpro/dev-tools/isv-studio-solutions): "open the Offer overview page for your product. From the
 * browser's URL bar, locate the product ID GUID": `https://partner.microsoft.com/en-us/dashboard/
 * commercial-marketplace/offers/<product-ID-GUID>/overview` (its Japanese copy without `/en-us`:
 * left out, Partner Center picks the reader's language). That GUID is the `product/<guid>` id this
 * API names. Only for an id that is a GUID: ids are opaque, Learn's own samples are no GUIDs, and
 * nothing else goes into a link.
 */
export function partnerCenterPage(productGuid: string): Link | undefined {
  if (!GUID.test(productGuid)) return undefined
  return {
    text: 'Partner Center',
    url: `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productGuid.toLowerCase()}/overview`
  }
}

/** A configure job; `productGuid`, when known (a job id names no product), links the product's page. */
export function jobLocation(base: URL, jobId: string, version: string, productGuid?: string): JobRef {
  const ref: JobRef = { kind: 'job', url: on(base, `/configure/${jobId}/status`, version), id: jobId }
  const page = productGuid === undefined ? undefined : partnerCenterPage(productGuid)
  return page ? { ...ref, page } : ref
}

export function submissionLocation(base: URL, submissionId: string, version: string): SubmissionRef | undefined {
  const parsed = parseSubmissionId(submissionId)
  if (!parsed) return undefined
  const id = `submission/${parsed.productGuid}/${parsed.number}`
  const ref: SubmissionRef = { kind: 'submission', url: on(base, `/${id}`, version), id }
  const page = partnerCenterPage(parsed.productGuid)
  return page ? { ...ref, page } : ref
}

/**
 * Parses an operation location given as input (an earlier run's output: absolute, or a path on the
 * base URL's origin) and rebuilds it. Throws a LocationProblem saying what is wrong.
 */
export function canonicalOperationLocation(raw: string, base: URL, version: string): ProductIngestionRef {
  const url = parseLocationUrl(raw, base)
  const given = locationVersion(url, VERSION, version)
  const prefix = base.pathname.replace(/\/$/, '')
  if (!url.pathname.startsWith(`${prefix}/`)) throw new LocationProblem(`is not under ${prefix || '/'}`)
  const rest = url.pathname.slice(prefix.length)
  const job = /^\/configure\/([^/]+)\/status$/.exec(rest)
  if (job && RESOURCE_ID.test(job[1] as string)) return jobLocation(base, job[1] as string, given)
  const submission = submissionLocation(base, rest.slice(1), given)
  if (submission) return submission
  throw new LocationProblem(
    'is not a Product Ingestion job or submission path ({base}/configure/{job id}/status or {base}/submission/{product id}/{n})'
  )
}
