// A Partner Center Product Ingestion API on loopback that plays ../shared/pia-api.md: products by
// external id, submissions (draft, preview, live), the configure request with its exact body, jobs
// read one status at a time (jobId or jobID), the conflicts seen in the wild, and the same injected
// faults as the CPP emulator. Tests, the demo and the benchmark drive it.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { DEFAULT_TOKEN, type RecordedRequest } from './cpp-emulator.ts'
import { answerAfterAccept, FaultBook, type Fault, type FaultEffect } from './faults.ts'
import { LaggingListing, type ListingLag } from './listing-lag.ts'
import { Revocations, type Revocation } from './revocation.ts'
import { json, serve } from './serve.ts'
import { submissionsFor, succeedingJob } from './pia-scenarios.ts'
import type { Body } from './scenarios.ts'

const PIA_PATH = '/rp/product-ingestion'
const PIA_VERSIONS = ['2022-07-01', '2022-03-01-preview2']
const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema'
export const CONFIGURE_SCHEMA = `${SCHEMA_HOST}/configure/2022-07-01`
export const SUBMISSION_SCHEMA = `${SCHEMA_HOST}/submission/2022-03-01-preview2`
// The service still returns the older host on some resources (products, submissions): both are served.
const OLD_SCHEMA_HOST = 'https://product-ingestion.azureedge.net/schema'

export interface ProductSetup {
  externalId: string
  /**
   * `ready`: a newer preview waits (live has an older one). `live`: live already has the newest
   * preview. `no-preview`: only a draft. `preview-failed`: live has an older preview, a newer one
   * succeeded, and the newest one failed (nothing may go live).
   */
  state?: 'ready' | 'live' | 'no-preview' | 'preview-failed'
  /**
   * Its submissions list (and a product lookup that lists it: the smallest size of those listed)
   * comes in pages of this many, linked by an absolute `@nextLink`.
   */
  pageSize?: number
  /** Job status bodies for successive reads of a go-live job; the last one repeats. */
  progression?: Body[]
  /** How the configure answer and job status spell the id. */
  jobIdSpelling?: 'jobId' | 'jobID'
  /** A go-live already runs: its live submission completes (succeeded) after this many reads. */
  runningGoLive?: number
  /** A publish to preview is in progress. */
  publishRunning?: boolean
  /** The configure request is refused with one of the conflicts seen in the wild. */
  refuse?: 'in-progress' | 'not-latest'
  /** A go-live started by a configure request shows in the submissions listing only after this lag. */
  listedAfter?: ListingLag
  /**
   * Faults played on this product's requests only (its lookup, submissions, configure request and
   * jobs' status reads), after the emulator-wide ones: one offer of a fleet misbehaving.
   */
  faults?: Fault[]
}

interface Submission extends Body {
  id: string
  target: { targetType: string }
  status?: string
  result?: string
  created?: string
}

interface Product {
  guid: string
  setup: ProductSetup
  faults: FaultBook
  submissions: Submission[]
  /** Reads left before a running live submission completes. */
  liveReadsLeft: number
}

interface Job {
  id: string
  product: Product
  reads: number
  live: Submission
}

export interface PiaEmulator {
  /** The base URL (`base-url` input): origin and path. */
  url: string
  requests: RecordedRequest[]
  addProduct(setup: ProductSetup): string
  injectFault(fault: Fault): void
  acceptToken(token: string): void
  /** Refuses `token` (401) from now on, or from the moment `revocation` names, its refusals held back as it says. */
  revokeToken(token: string, revocation?: Revocation): void
  /** How many requests bearing `token` were refused since it was revoked. */
  refusalsOf(token: string): number
  requestsTo(method: string, pathPart: string): RecordedRequest[]
  reset(): void
  close(): Promise<void>
}

/** An answer nobody reads: the configure request is acted on while a fault replaces its answer. */
const DISCARDED = { writeHead: () => undefined, end: () => undefined } as unknown as ServerResponse

export interface PiaEmulatorOptions {
  port?: number
  tokens?: string[]
  tls?: boolean
  /**
   * Serves any product: a lookup by an external id it was not given creates the product, from this
   * setup, first (`npm run emulator`). Without it the lookup lists nothing, as at the service.
   */
  productOnFirstUse?: (externalId: string) => ProductSetup
}

export async function startPiaEmulator(options: PiaEmulatorOptions = {}): Promise<PiaEmulator> {
  const initialTokens = options.tokens ?? [DEFAULT_TOKEN]
  const tokens = new Set(initialTokens)
  const products: Product[] = []
  const jobs = new Map<string, Job>()
  const faults = new FaultBook()
  const listing = new LaggingListing<Submission>()
  const requests: RecordedRequest[] = []
  const revocations = new Revocations()
  let clock = 0
  // 7 fractional digits, as the service sends them.
  const created = (): string => {
    const seconds = new Date(Date.UTC(2026, 10, 1) + ++clock * 60_000).toISOString().slice(0, 19)
    return `${seconds}.${String(4220588 + clock * 1111).padStart(7, '0')}Z`
  }

  const error = (res: ServerResponse, status: number, code: string, message: string, details: Body[] = []): void =>
    json(res, status, { error: { code, message, details } })

  /** One page of a list, with an absolute `@nextLink` (this request's URL, `$skipToken` set) when more follow. */
  function page(res: ServerResponse, url: URL, items: Body[], pageSize: number, headers: Record<string, string>): void {
    const from = Number(url.searchParams.get('$skipToken') ?? 0) || 0
    const value = items.slice(from, from + pageSize)
    const next = new URL(url.href)
    next.searchParams.set('$skipToken', String(from + pageSize))
    const more = from + pageSize < items.length
    json(res, 200, more ? { value, '@nextLink': next.href.replace(/%24/g, '$') } : { value }, headers)
  }

  function addProduct(setup: ProductSetup): string {
    const guid = randomUUID()
    const product: Product = {
      guid,
      setup,
      faults: new FaultBook(),
      submissions: submissionsFor(guid, setup, created) as Submission[],
      liveReadsLeft: setup.runningGoLive ?? 0
    }
    for (const fault of setup.faults ?? []) product.faults.inject(fault)
    products.push(product)
    return guid
  }

  function jobBody(job: Job, body: Body): Body {
    const { jobId: _ignored, ...rest } = body
    void _ignored
    return { ...rest, [job.product.setup.jobIdSpelling ?? 'jobId']: job.id }
  }

  function configure(res: ServerResponse, body: string): void {
    let request: Body
    try {
      request = JSON.parse(body) as Body
    } catch {
      return error(res, 400, 'badRequest', 'The request body is not JSON.')
    }
    const schema = String(request.$schema ?? '')
    if (schema.includes('azureedge.net')) return error(res, 400, 'badRequest', `Schema '${schema}' could not be accessed.`)
    if (schema !== CONFIGURE_SCHEMA) return error(res, 400, 'badRequest', `Unknown schema '${schema}'.`)
    const resources = request.resources as Body[] | undefined
    if (!Array.isArray(resources) || resources.length !== 1) {
      return error(res, 400, 'badRequest', 'A go-live takes exactly one submission resource (live cannot be partial).')
    }
    const resource = resources[0] as Body
    if (resource.$schema !== SUBMISSION_SCHEMA) {
      return error(res, 400, 'badRequest', 'Schema validation failed.', [
        { code: 'schemaValidationError', message: 'Required properties [sources]' }
      ])
    }
    const target = (resource.target as Body | undefined)?.targetType
    const product = products.find((p) => `product/${p.guid}` === resource.product)
    if (!product) return error(res, 400, 'badRequest', `Unknown product '${String(resource.product)}'.`)
    if (typeof resource.id !== 'string') {
      return error(res, 400, 'badRequest', 'No submission id: this request would publish drafts, which is not a go-live.')
    }
    if (target !== 'live') return error(res, 400, 'badRequest', `targetType must be 'live' for a go-live; got '${String(target)}'.`)
    if (product.setup.refuse === 'not-latest')
      return error(res, 400, 'invalidRequest', 'The submission cannot be pushed to as its not the latest')
    const inProgress = product.submissions.some((s) => s.status !== undefined && s.status !== 'completed')
    if (product.setup.refuse === 'in-progress' || inProgress) {
      return error(res, 409, 'conflict', 'An In Progress submission already exists')
    }
    const previews = product.submissions.filter(
      (s) => s.target.targetType === 'preview' && s.status === 'completed' && s.result === 'succeeded'
    )
    const newest = previews.at(-1)
    if (!newest || newest.id !== resource.id)
      return error(res, 400, 'invalidRequest', 'The submission cannot be pushed to as its not the latest')
    const live: Submission = { ...newest, target: { targetType: 'live' }, status: 'running', result: 'pending', created: created() }
    product.submissions.push(live)
    listing.hide(live, product.setup.listedAfter)
    const job: Job = { id: randomUUID(), product, reads: 0, live }
    jobs.set(job.id, job)
    const progression = product.setup.progression ?? succeedingJob()
    json(res, 202, jobBody(job, progression[0] as Body))
  }

  function readJob(res: ServerResponse, job: Job, extraHeaders: Record<string, string>): void {
    const progression = job.product.setup.progression ?? succeedingJob()
    const body = progression[Math.min(job.reads++, progression.length - 1)] as Body
    if (body.jobStatus === 'completed') {
      job.live.status = 'completed'
      job.live.result = String(body.jobResult)
      // The new live entry replaces the old one once it succeeded: live and preview share its id.
      if (body.jobResult === 'succeeded') {
        job.product.submissions = job.product.submissions.filter((s) => s === job.live || s.target.targetType !== 'live')
      }
    }
    json(res, 200, jobBody(job, body), extraHeaders)
  }

  function readSubmission(res: ServerResponse, product: Product, n: string, extraHeaders: Record<string, string>): void {
    const id = `submission/${product.guid}/${n}`
    const entries = product.submissions.filter((s) => s.id === id)
    const entry = entries.find((s) => s.target.targetType === 'live' && s.status === 'running') ?? entries.at(-1)
    if (!entry) return error(res, 404, 'notFound', `Submission '${id}' was not found.`)
    if (entry.status === 'running' && entry.target.targetType === 'live' && --product.liveReadsLeft < 0) {
      entry.status = 'completed'
      entry.result = 'succeeded'
      product.submissions = product.submissions.filter((s) => s === entry || s.target.targetType !== 'live')
    }
    json(res, 200, entry, extraHeaders)
  }

  /** The product a request is about, where it names one: by external id, id, configure body or job. */
  function productAbout(rawPath: string, url: URL, body: string): Product | undefined {
    const path = rawPath.slice(PIA_PATH.length)
    if (path === '/product') {
      const externalId = url.searchParams.get('externalId') ?? url.searchParams.get('externalid') ?? url.searchParams.get('externalID')
      return products.find((p) => p.setup.externalId.toLowerCase() === externalId?.toLowerCase())
    }
    const guid = /^\/submission\/([0-9a-f-]{36})/.exec(path)?.[1]
    if (guid) return products.find((p) => p.guid === guid)
    const job = /^\/configure\/([0-9a-f-]{36})\/status$/.exec(path)?.[1]
    if (job) return jobs.get(job)?.product
    if (path !== '/configure') return undefined
    try {
      const named = (JSON.parse(body) as { resources?: Array<{ product?: unknown }> }).resources?.[0]?.product
      return products.find((p) => `product/${p.guid}` === named)
    } catch {
      return undefined
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string, origin: string): void {
    const url = new URL(req.url ?? '/', origin)
    const rawPath = (req.url ?? '/').split('?')[0] as string
    requests.push({ method: req.method ?? '', path: rawPath, query: url.search, headers: req.headers, body, at: Date.now() })
    const global = faults.apply(req, res, rawPath)
    if (global.done) return
    const own = productAbout(rawPath, url, body)?.faults.apply(req, res, rawPath)
    if (own?.done) return
    const effect: FaultEffect = { ...global, extraHeaders: { ...global.extraHeaders, ...own?.extraHeaders } }
    if (own?.afterAccept) effect.afterAccept = own.afterAccept
    const { extraHeaders } = effect

    const version = url.searchParams.get('$version')
    if (version !== null && !PIA_VERSIONS.includes(version)) {
      return error(res, 400, 'badRequest', `The $version '${version}' is invalid or deprecated. Supported: ${PIA_VERSIONS.join(', ')}.`)
    }
    const auth = req.headers.authorization ?? ''
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : undefined
    if (token && revocations.refuses(token)) tokens.delete(token)
    if (!token || !tokens.has(token)) {
      if (token) revocations.holdRefusal(token, res)
      return error(res, 401, 'unauthorized', 'Access token is missing or invalid.')
    }
    if (!rawPath.startsWith(`${PIA_PATH}/`)) return error(res, 404, 'notFound', `No route for ${rawPath}.`)
    const path = rawPath.slice(PIA_PATH.length)

    if (req.method === 'GET' && path === '/product') {
      const externalId =
        url.searchParams.get('externalId') ?? url.searchParams.get('externalid') ?? url.searchParams.get('externalID') ?? ''
      const known = products.some((p) => p.setup.externalId.toLowerCase() === externalId.toLowerCase())
      if (options.productOnFirstUse && externalId && !known) addProduct(options.productOnFirstUse(externalId))
      // Every product with that external id (adding one twice makes two): a lookup can list several.
      const listed = products.filter((p) => p.setup.externalId.toLowerCase() === externalId.toLowerCase())
      const value = listed.map((p) => ({
        $schema: `${OLD_SCHEMA_HOST}/product/2022-03-01-preview3`,
        id: `product/${p.guid}`,
        identity: { externalId: p.setup.externalId },
        type: 'azureVirtualMachine',
        alias: p.setup.externalId
      }))
      const pageSize = Math.min(...listed.map((p) => p.setup.pageSize ?? Infinity))
      return page(res, url, value, pageSize, extraHeaders)
    }
    const list = /^\/submission\/([0-9a-f-]{36})$/.exec(path)
    const one = /^\/submission\/([0-9a-f-]{36})\/(\d+)$/.exec(path)
    const product = products.find((p) => p.guid === (list?.[1] ?? one?.[1]))
    if (req.method === 'GET' && (list || one)) {
      if (!product) return error(res, 404, 'notFound', 'Product not found.')
      if (one) return readSubmission(res, product, one[2] as string, extraHeaders)
      return page(res, url, listing.list(product.submissions), product.setup.pageSize ?? Infinity, extraHeaders)
    }
    if (req.method === 'POST' && path === '/configure') {
      if (!effect.afterAccept) return configure(res, body)
      configure(DISCARDED, body)
      return void answerAfterAccept(effect, req, res)
    }
    const status = /^\/configure\/([0-9a-f-]{36})\/status$/.exec(path)
    if (req.method === 'GET' && status) {
      const job = jobs.get(status[1] as string)
      if (!job) return error(res, 404, 'notFound', `Job '${status[1]}' was not found.`)
      return readJob(res, job, extraHeaders)
    }
    error(res, 405, 'methodNotAllowed', `${req.method} ${path} is not allowed.`)
  }

  const served = await serve(handle, { port: options.port, tls: options.tls })

  return {
    url: `${served.origin}${PIA_PATH}`,
    requests,
    addProduct,
    injectFault: (fault) => faults.inject(fault),
    acceptToken: (token) => void tokens.add(token),
    revokeToken: (token, revocation) => revocations.revoke(token, revocation),
    refusalsOf: (token) => revocations.refusals(token),
    requestsTo: (method, pathPart) => requests.filter((r) => r.method === method && r.path.includes(pathPart)),
    reset() {
      products.length = 0
      jobs.clear()
      faults.clear()
      listing.clear()
      requests.length = 0
      revocations.clear()
      tokens.clear()
      for (const token of initialTokens) tokens.add(token)
    },
    close: () => served.close()
  }
}
