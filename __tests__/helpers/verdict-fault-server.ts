// The fault server of the verdict property test: a loopback server in front of an API emulator
// (emulator/cpp-emulator.ts or pia-emulator.ts) that plays each offer's schedule (verdict-schedule.ts)
// on that offer's requests: it answers for the service, cuts, stalls or delays, or passes the request
// on and hands back the emulator's answer, changed as the schedule says. Offers of several steps can
// share one server: each offer's name is its own. Since every answer passes through it, it knows
// what the service really did per offer (the offer's truth): each go-live request and how it was
// answered, the go-lives started, every id the service named, and how a go-live ended.
import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { DEFAULT_TOKEN, startCppEmulator } from '../../emulator/cpp-emulator.js'
import { startPiaEmulator } from '../../emulator/pia-emulator.js'
import { cancelledJob, endlessJob, failedCertificationJob, succeedingJob } from '../../emulator/pia-scenarios.js'
import { canceledGoLive, endlessGoLive, failingGoLive, succeedingGoLive, type Body } from '../../emulator/scenarios.js'
import { serve } from '../../emulator/serve.js'
import type { ApiName, OfferPlan } from './verdict-schedule.js'

/** How a go-live ended, as an answer of the service said. `unreadable`: completed with no result the action knows. */
export type Ended = 'succeeded' | 'failed' | 'canceled' | 'unreadable'

export interface PostSeen {
  /** How the request ended for the client: an answer with `status`, a cut connection, or the client gone before the answer. */
  answer: 'status' | 'cut' | 'gave-up' | 'pending'
  status?: number
  /** Go-lives the service had started for the offer when this request came. */
  startedBefore: number
  /** When it came (epoch ms). */
  at: number
}

/** What the service really did for one offer. */
export interface OfferTruth {
  plan: OfferPlan
  /** Every go-live request that reached the service, in order. */
  posts: PostSeen[]
  /** Go-lives the service started. */
  started: number
  /** Every id the service named for the offer: operation or job ids, listed go-live (live submission) ids. */
  issued: Set<string>
  /** How its go-live ended, as answers the service sent said. */
  ended: Set<Ended>
  firstRequestAt?: number
  listings: number
  reads: number
}

export interface FaultServer {
  api: ApiName
  /** The `base-url` input: the fault server's origin (and the API's path). */
  url: string
  /** Sets up the offer at the emulator and plays `plan` on its requests from now on. */
  add(plan: OfferPlan): OfferTruth
  /** The step's inputs for these offers (the API, publisher, base-url, token). */
  inputs(offers: string[]): Record<string, string>
  /** The offer as the action's messages name it. */
  label(offer: string): string
  close(): Promise<void>
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

type Kind = 'post' | 'listing' | 'read' | 'other'

/** What the fault server needs to know of an API: its emulator, which offer a request is about, and its answers' shapes. */
interface ApiShape {
  name: ApiName
  /** The emulator's origin and the API's path under it. */
  origin: string
  basePath: string
  addOffer(plan: OfferPlan): void
  /** The offer a request is about and what kind of request it is. */
  route(method: string, url: URL, body: string): { offer: string | undefined; kind: Kind }
  /** Learns from an answer the emulator gave: a go-live it named (and for which offer), how one ended. */
  learn(truth: OfferTruth, offer: string, kind: Kind, answer: Answer): void
  /** The answer with its location taken out: an acceptance the action cannot follow. */
  withoutLocation(answer: Answer): Answer
  /** A definite refusal of a go-live request, in the API's error shape. */
  refusal: string
  extraInputs: Record<string, string>
}

/** The terminal state a status body (CPP operation, PIA job or live submission) says, if any. */
function endedIn(body: Body): Ended | undefined {
  const result = (word: unknown): Ended => {
    const w = String(word).toLowerCase()
    if (w === 'succeeded') return 'succeeded'
    if (w === 'failed') return 'failed'
    if (w === 'canceled' || w === 'cancelled') return 'canceled'
    return 'unreadable'
  }
  if ('jobStatus' in body) return body.jobStatus === 'completed' ? result(body.jobResult) : undefined
  if ('target' in body) return body.status === 'completed' ? result(body.result) : undefined
  const status = String(body.status ?? '').toLowerCase()
  if (['succeeded', 'complete', 'completed'].includes(status)) return 'succeeded'
  if (['failed', 'canceled', 'cancelled'].includes(status)) return result(status)
  return undefined
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

async function cppShape(): Promise<{ shape: ApiShape; close: () => Promise<void> }> {
  const emulator = await startCppEmulator()
  const path = /^\/api\/publishers\/[^/]+\/offers\/([^/]+)\/(golive|submissions\/?|status|cancel|operations\/[^/]+)$/
  const running = endlessGoLive()[0] as Body
  const ending = { succeeded: succeedingGoLive().at(-1), failed: failingGoLive().at(-1), canceled: canceledGoLive().at(-1) }
  const shape: ApiShape = {
    name: 'cpp',
    origin: emulator.url,
    basePath: '',
    addOffer(plan) {
      // No CPP operation ends unreadable: the schedule draws that ending for Product Ingestion only.
      const last = plan.ending === 'endless' || plan.ending === 'unreadable' ? running : (ending[plan.ending] as Body)
      const progression = [...Array<Body>(plan.runningReads).fill(running), last]
      emulator.addOffer({ publisher: 'contoso', offer: plan.offer, offerStatus: 'waitingForPublisherReview', progression })
    },
    route(method, url) {
      const match = path.exec(url.pathname)
      if (!match) return { offer: undefined, kind: 'other' }
      const [, offer, action] = match as unknown as [string, string, string]
      if (method === 'POST' && action === 'golive') return { offer, kind: 'post' }
      if (method === 'GET' && action.startsWith('submissions')) return { offer, kind: 'listing' }
      if (method === 'GET' && action.startsWith('operations/')) return { offer, kind: 'read' }
      return { offer, kind: 'other' }
    },
    learn(truth, _offer, kind, answer) {
      if (kind === 'post' && answer.status < 300) {
        const header = answer.headers['operation-location'] ?? answer.headers.location
        const id = String(header ?? '')
          .split('?')[0]
          ?.split('/')
          .pop()
        if (id) truth.issued.add(id)
      }
      const body = parse(answer.body)
      if (kind === 'listing' && Array.isArray(body)) {
        for (const s of body as Body[]) if (s.submissionType === 'golive' && typeof s.id === 'string') truth.issued.add(s.id)
      }
      if (kind === 'read' && body && typeof body === 'object') {
        const ended = endedIn((Array.isArray(body) ? body[0] : body) as Body)
        if (ended) truth.ended.add(ended)
      }
    },
    withoutLocation: (answer) => {
      const headers = { ...answer.headers }
      delete headers['operation-location']
      delete headers.location
      return { ...answer, headers }
    },
    // As fleet-apis.ts refuses a go-live: a 400 in the CPP error shape.
    refusal: '{"error":{"code":"BadRequest","message":"The offer has no plan that can go live."}}',
    extraInputs: { publisher: 'contoso' }
  }
  return { shape, close: () => emulator.close() }
}

async function piaShape(): Promise<{ shape: ApiShape; close: () => Promise<void> }> {
  const emulator = await startPiaEmulator()
  const basePath = new URL(emulator.url).pathname
  const byGuid = new Map<string, string>()
  const byJob = new Map<string, string>()
  const [, running, , succeeded] = succeedingJob() as [Body, Body, Body, Body]
  // made-up: a job completed with no result; the service documents none, a broken one may send it.
  const unreadable = { ...succeeded }
  delete unreadable.jobResult
  const ending = { succeeded, failed: failedCertificationJob().at(-1) as Body, canceled: cancelledJob().at(-1) as Body, unreadable }
  const shape: ApiShape = {
    name: 'pia',
    origin: new URL(emulator.url).origin,
    basePath,
    addOffer(plan) {
      const last = plan.ending === 'endless' ? (endlessJob()[0] as Body) : ending[plan.ending]
      // The configure answer is the first body: running, as the service answers.
      const progression = [running, ...Array<Body>(plan.runningReads).fill(running), last]
      byGuid.set(emulator.addProduct({ externalId: plan.offer, progression }), plan.offer)
    },
    route(method, url, body) {
      const path = url.pathname.slice(basePath.length)
      if (path === '/product') return { offer: url.searchParams.get('externalId') ?? undefined, kind: 'other' }
      const submission = /^\/submission\/([0-9a-f-]{36})(\/\d+)?$/.exec(path)
      if (method === 'GET' && submission) {
        return { offer: byGuid.get(submission[1] as string), kind: submission[2] ? 'read' : 'listing' }
      }
      const job = /^\/configure\/([0-9a-f-]{36})\/status$/.exec(path)
      if (method === 'GET' && job) return { offer: byJob.get(job[1] as string), kind: 'read' }
      if (method === 'POST' && path === '/configure') {
        const product = (parse(body) as { resources?: Array<{ product?: string }> } | undefined)?.resources?.[0]?.product
        return { offer: byGuid.get(String(product).replace(/^product\//, '')), kind: 'post' }
      }
      return { offer: undefined, kind: 'other' }
    },
    learn(truth, offer, kind, answer) {
      const body = parse(answer.body) as Body | undefined
      if (!body || typeof body !== 'object') return
      if (kind === 'post' && answer.status < 300) {
        const jobId = body.jobId ?? body.jobID
        if (typeof jobId === 'string') {
          truth.issued.add(jobId)
          byJob.set(jobId, offer)
        }
      }
      if (kind === 'listing') {
        for (const s of (body.value ?? []) as Body[]) {
          if ((s.target as Body | undefined)?.targetType === 'live' && typeof s.id === 'string') truth.issued.add(s.id)
        }
      }
      if (kind === 'read' || (kind === 'post' && answer.status < 300)) {
        const ended = endedIn(body)
        if (ended) truth.ended.add(ended)
      }
    },
    withoutLocation(answer) {
      const body = parse(answer.body) as Body
      delete body.jobId
      delete body.jobID
      return { ...answer, body: JSON.stringify(body) }
    },
    // The emulator's own schema refusal (pia-emulator.ts).
    refusal:
      '{"error":{"code":"badRequest","message":"Schema validation failed.","details":[{"code":"schemaValidationError","message":"Required properties [sources]"}]}}',
    extraInputs: { api: 'product-ingestion' }
  }
  return { shape, close: () => emulator.close() }
}

/** Headers that belong to one connection, not to the answer. */
const HOP = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']

function relay(res: ServerResponse, answer: Answer): void {
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP.includes(name)))
  res.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(answer.body)) })
  res.end(answer.body)
}

const bare503 = (res: ServerResponse): void => void res.writeHead(503, { 'content-length': 0 }).end()

export async function startFaultServer(api: ApiName): Promise<FaultServer> {
  const { shape, close: closeEmulator } = api === 'cpp' ? await cppShape() : await piaShape()
  const truths = new Map<string, OfferTruth>()
  const agent = new Agent({ keepAlive: true })
  const target = new URL(shape.origin)

  /** Passes the request on to the emulator, as the client sent it (its Host too: locations name the fault server). */
  function forward(req: IncomingMessage, body: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers }
      delete headers.connection
      const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () =>
          resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks).toString('utf8') })
        )
        answer.on('error', reject)
      })
      out.on('error', reject)
      out.end(body)
    })
  }

  async function post(truth: OfferTruth, offer: string, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const { plan } = truth
    const seen: PostSeen = { answer: 'pending', startedBefore: truth.started, at: Date.now() }
    truth.posts.push(seen)
    const play = plan.posts[truth.posts.length - 1] ?? 'normal'
    const answered = (status: number): void => void Object.assign(seen, { answer: 'status', status })
    if (play === 'bare-503') return (answered(503), bare503(res))
    if (play === 'refused') {
      answered(400)
      return void res.writeHead(400, { 'content-type': 'application/json' }).end(shape.refusal)
    }
    if (play === 'cut') {
      seen.answer = 'cut'
      return void req.socket.destroy()
    }
    let gone = false
    res.on('close', () => (gone = !res.writableEnded))
    const answer = await forward(req, body)
    if (answer.status < 300) truth.started++
    shape.learn(truth, offer, 'post', answer)
    if (play === 'slow') await new Promise((resolve) => setTimeout(resolve, plan.slowMs))
    if (gone) return void (seen.answer = 'gave-up')
    if (play === 'cut-acted') {
      seen.answer = 'cut'
      return void req.socket.destroy()
    }
    if (play === 'bare-503-acted') return (answered(503), bare503(res))
    const sent = play === 'no-location' && answer.status < 300 ? shape.withoutLocation(answer) : answer
    answered(sent.status)
    relay(res, sent)
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fault.server')
    const { offer, kind } = shape.route(req.method ?? '', url, body)
    const truth = offer === undefined ? undefined : truths.get(offer)
    if (!truth || offer === undefined) return relay(res, await forward(req, body))
    truth.firstRequestAt ??= Date.now()
    if (kind === 'post') return post(truth, offer, req, res, body)
    if (kind === 'listing' && ++truth.listings <= 5 && truth.plan.listing !== 'none') {
      if (truth.plan.listing === 'fails') return bare503(res)
      return // hangs: no answer; the client's request-timeout ends it
    }
    const reads = truth.plan.reads
    if (kind === 'read' && ++truth.reads > (reads.kind === 'none' ? Infinity : reads.after)) {
      if (reads.kind === '503') return bare503(res)
      const refused = '{"error":{"code":"Forbidden","message":"The caller is not authorized to read this operation."}}'
      return void res.writeHead(403, { 'content-type': 'application/json' }).end(refused)
    }
    const answer = await forward(req, body)
    shape.learn(truth, offer, kind, answer)
    relay(res, answer)
  }

  const served = await serve((req, res, body) => {
    handle(req, res, body).catch(() => req.socket.destroy())
  })

  return {
    api,
    url: `${served.origin}${shape.basePath}`,
    add(plan) {
      shape.addOffer(plan)
      const truth: OfferTruth = { plan, posts: [], started: 0, issued: new Set(), ended: new Set(), listings: 0, reads: 0 }
      truths.set(plan.offer, truth)
      return truth
    },
    label: (offer) => (shape.extraInputs.publisher ? `${shape.extraInputs.publisher}/${offer}` : offer),
    inputs: (offers) => ({
      ...shape.extraInputs,
      offer: offers.join('\n'),
      token: DEFAULT_TOKEN,
      'base-url': `${served.origin}${shape.basePath}`
    }),
    async close() {
      agent.destroy()
      await served.close()
      await closeEmulator()
    }
  }
}
