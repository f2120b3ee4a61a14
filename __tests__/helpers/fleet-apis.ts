// Both APIs as the fleet tests drive them: offers (products) in each state the issue names, a fault
// on one offer's trigger or status reads, the requests that count, and the locations the action
// records. Sign-in is with a client secret against the identity emulator, so that token requests
// can be counted.
import type { Fault } from '../../emulator/faults.js'
import type { Revocation } from '../../emulator/revocation.js'
import { DEFAULT_TOKEN, startCppEmulator, type RecordedRequest } from '../../emulator/cpp-emulator.js'
import { startIdentityEmulator, TEST_CA_FILE, type IdentityEmulator } from '../../emulator/identity-emulator.js'
import { startPiaEmulator } from '../../emulator/pia-emulator.js'
import { endlessJob, failedCertificationJob, SUBMISSION_NUMBERS, succeedingJob } from '../../emulator/pia-scenarios.js'
import { endlessGoLive, failingGoLive, succeedingGoLive, type Body } from '../../emulator/scenarios.js'

/**
 * `succeeds` / `quick` / `slow`: ready, and a go-live started now succeeds (at its last read: a few,
 * two, eight). `fails`: one started now fails with the service's reason. `refused`: ready, but the
 * request that starts the go-live is refused. `running`: a go-live (an earlier run's) runs already
 * and succeeds. `live`: live already, an earlier go-live named. `never-published`: nothing to take
 * live yet. `endless`: one started now never ends.
 */
export type OfferState = 'succeeds' | 'quick' | 'slow' | 'fails' | 'refused' | 'running' | 'live' | 'never-published' | 'endless'

/** What a fault does, without where: the harness aims it at one offer's trigger or status reads. */
type Play = Fault extends infer F ? (F extends Fault ? Omit<F, 'method' | 'path'> : never) : never
export type OfferFault = Play & { on: 'trigger' | 'read' }

export interface FleetApi {
  name: string
  /** An offer in `state`; for `live`, the location and id of the go-live that made it live. */
  add(offer: string, state: OfferState, fault?: OfferFault): Promise<{ location: string; id: string } | undefined>
  injectFault(fault: Fault): void
  /** The requests that start a go-live (of one offer, when named). */
  posts(offer?: string): RecordedRequest[]
  /** Status reads of go-lives (operations, jobs, live submissions). */
  reads(): RecordedRequest[]
  /** A global fault matching every status read of a go-live this run starts. */
  readMatch: Pick<Fault, 'method' | 'path'>
  /** Every request the API got. */
  requests(): RecordedRequest[]
  /** The location the action records for a go-live it starts (group 1: the operation id). */
  started(offer: string): RegExp
  /** The location of the `running` offer's go-live (group 1: the operation id). */
  running(offer: string): RegExp
  /** The service's reason for `refused` and `fails`, in words no other offer's lines have. */
  reasons: { refused: RegExp; fails: RegExp }
  /**
   * Started and ended times of a go-live that `succeeds`, as the summary shows them: a Product
   * Ingestion job's own, a CPP go-live's from its steps' messages (after publisher sign-off).
   */
  times: [string, string]
  /** The page a person can open beside the location: Partner Center's page of the offer's product (Product Ingestion). */
  page(offer: string): string | undefined
  /** Whether a finished go-live names live links (CPP `liveLinks`). */
  liveLinks: boolean
  /** The step's inputs for these offers (one input, one per line), with `extra`. */
  inputs(offer: string, extra?: Record<string, string>): Record<string, string>
  env: Record<string, string>
  identity: IdentityEmulator
  /** Token requests the identity emulator got. */
  tokenRequests(): number
  /** Refuses a token the identity emulator issued, from now on or from the moment `revocation` names. */
  revokeToken(token: string, revocation?: Revocation): void
  /** The next token the identity emulator issues is refused as `revocation` says (from its first use on, by default). */
  revokeNextToken(revocation: Revocation): void
  /** How many requests bearing `token` the API refused since it was revoked. */
  refusalsOf(token: string): number
  reset(): void
  close(): Promise<void>
}

const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '99999999-8888-7777-6666-555555555555'
const SECRET = 'fleet-client-secret'
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const GUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'

/** The identity emulator, each token it issues accepted by the API (and revoked there if one is planned). */
async function identityFor(api: {
  acceptToken(token: string): void
  revokeToken(token: string, revocation?: Revocation): void
}): Promise<{ identity: IdentityEmulator; revokeNextToken(revocation: Revocation): void }> {
  let planned: Revocation | undefined
  const onToken = (token: string): void => {
    api.acceptToken(token)
    if (planned) api.revokeToken(token, planned)
    planned = undefined
  }
  const identity = await startIdentityEmulator({ apps: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secrets: [SECRET] }], onToken })
  return { identity, revokeNextToken: (revocation) => void (planned = revocation) }
}

function signIn(identity: IdentityEmulator): Record<string, string> {
  return { 'client-id': CLIENT_ID, 'tenant-id': TENANT_ID, 'client-secret': SECRET, 'authority-host': identity.authorityHost }
}

const countTokens = (identity: IdentityEmulator) => (): number =>
  identity.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length

function forget(identity: IdentityEmulator): void {
  identity.requests.length = 0
  identity.issued.length = 0
}

/** A CPP go-live started and read to its end outside the action (an earlier release): it names the live one. */
async function goLiveOutside(url: string, offer: string): Promise<{ location: string; id: string }> {
  const headers = { authorization: `Bearer ${DEFAULT_TOKEN}` }
  const post = await fetch(`${url}/api/publishers/contoso/offers/${offer}/golive?api-version=2017-10-31`, { method: 'POST', headers })
  const header = post.headers.get('operation-location')
  if (post.status !== 202 || !header) throw new Error(`setup: the emulator refused the earlier go-live of ${offer} (${post.status})`)
  // As the action records it: the version query added.
  const location = `${header}?api-version=2017-10-31`
  for (let read = 0; read < 10; read++) {
    const body = (await (await fetch(location, { headers })).json()) as Body
    if (body.status === 'succeeded') return { location, id: header.split('/').pop() as string }
  }
  throw new Error(`setup: the earlier go-live of ${offer} did not succeed`)
}

export async function cppFleet(): Promise<FleetApi> {
  const emulator = await startCppEmulator()
  const { identity, revokeNextToken } = await identityFor(emulator)
  const progressions: Partial<Record<OfferState, Body[]>> = {
    succeeds: succeedingGoLive(),
    quick: succeedingGoLive().slice(-2),
    slow: [...Array(7).fill(endlessGoLive()[0]), succeedingGoLive().at(-1) as Body],
    fails: failingGoLive(),
    refused: succeedingGoLive(),
    endless: endlessGoLive()
  }
  const where = (offer: string, on: OfferFault['on']): Pick<Fault, 'method' | 'path'> =>
    on === 'trigger' ? { method: 'POST', path: `/offers/${offer}/golive` } : { method: 'GET', path: `/offers/${offer}/operations/` }
  const operation = (offer: string) =>
    new RegExp(`^${escape(`${emulator.url}/api/publishers/contoso/offers/${offer}/operations/`)}${GUID}\\?api-version=2017-10-31$`)
  return {
    name: 'Cloud Partner Portal',
    async add(offer, state, fault) {
      // The state every ready offer shows, whatever an emulator's default is.
      const ready = { publisher: 'contoso', offer, offerStatus: 'waitingForPublisherReview' }
      if (fault) emulator.injectFault({ ...fault, ...where(offer, fault.on) } as Fault)
      if (state === 'refused') {
        emulator.injectFault({
          ...where(offer, 'trigger'),
          kind: 'status',
          status: 400,
          contentType: 'application/json',
          body: '{"error":{"code":"BadRequest","message":"The offer has no plan that can go live."}}'
        })
      }
      if (state === 'running') emulator.addOffer({ ...ready, runningGoLive: succeedingGoLive() })
      else if (state === 'never-published') emulator.addOffer({ ...ready, offerStatus: 'neverPublished' })
      else if (state === 'live') {
        // Ready, then taken live outside the action: the status reads succeeded once that go-live did
        // (the emulator refuses a go-live of an offer live already, as the service does).
        emulator.addOffer(ready)
        const earlier = await goLiveOutside(emulator.url, offer)
        emulator.requests.length = 0
        return earlier
      } else emulator.addOffer({ ...ready, progression: progressions[state] as Body[] })
      return undefined
    },
    injectFault: (fault) => emulator.injectFault(fault),
    posts: (offer) => emulator.requestsTo('POST', offer ? `/offers/${offer}/golive` : '/golive'),
    reads: () => emulator.requestsTo('GET', '/operations/'),
    readMatch: { method: 'GET', path: '/operations/' },
    requests: () => emulator.requests,
    started: operation,
    running: operation,
    reasons: { refused: /The offer has no plan that can go live\./, fails: /has no VM image/ },
    times: ['2026-11-20T10:06:39.5506018Z', '2026-11-20T10:42:39.5506018Z'],
    page: () => undefined,
    liveLinks: true,
    inputs: (offer, extra = {}) => ({
      api: 'cloud-partner-portal',
      publisher: 'contoso',
      offer,
      'base-url': emulator.url,
      ...signIn(identity),
      ...extra
    }),
    env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE },
    identity,
    tokenRequests: countTokens(identity),
    revokeToken: (token, revocation) => emulator.revokeToken(token, revocation),
    revokeNextToken,
    refusalsOf: (token) => emulator.refusalsOf(token),
    reset() {
      emulator.reset()
      forget(identity)
    },
    close: async () => {
      await emulator.close()
      await identity.close()
    }
  }
}

export async function piaFleet(): Promise<FleetApi> {
  const emulator = await startPiaEmulator()
  const { identity, revokeNextToken } = await identityFor(emulator)
  const guids = new Map<string, string>()
  const [, running, , succeeded] = succeedingJob() as [Body, Body, Body, Body]
  const progressions: Partial<Record<OfferState, Body[]>> = {
    succeeds: succeedingJob(),
    quick: [running, succeeded],
    slow: [...Array(7).fill(running), succeeded],
    fails: failedCertificationJob(),
    endless: endlessJob()
  }
  const { live, preview } = SUBMISSION_NUMBERS
  const at = (path: string): string => `${emulator.url}${path}?$version=2022-07-01`
  // Product faults: the harness aims them at the product's configure request or its jobs' status reads.
  const where = (on: OfferFault['on']): Pick<Fault, 'method' | 'path'> =>
    on === 'trigger' ? { method: 'POST', path: '/configure' } : { method: 'GET', path: '/configure/' }
  return {
    name: 'Product Ingestion',
    async add(offer, state, fault) {
      const faults = fault ? [{ ...fault, ...where(fault.on) } as Fault] : []
      const setup = { externalId: offer, faults }
      const guid = emulator.addProduct(
        state === 'running'
          ? { ...setup, runningGoLive: 2 }
          : state === 'live'
            ? { ...setup, state: 'live' }
            : state === 'never-published'
              ? { ...setup, state: 'no-preview' }
              : state === 'refused'
                ? { ...setup, refuse: 'not-latest' }
                : { ...setup, progression: progressions[state] as Body[] }
      )
      guids.set(offer, guid)
      return state === 'live' ? { location: at(`/submission/${guid}/${live}`), id: `submission/${guid}/${live}` } : undefined
    },
    injectFault: (fault) => emulator.injectFault(fault),
    posts: (offer) =>
      emulator
        .requestsTo('POST', '/configure')
        .filter((r) => !offer || r.body.includes(`"product":"product/${guids.get(offer) ?? 'none'}"`)),
    reads: () => emulator.requests.filter((r) => r.method === 'GET' && /\/(configure\/[^/]+\/status|submission\/[^/]+\/\d+)$/.test(r.path)),
    readMatch: { method: 'GET', path: '/configure/' },
    requests: () => emulator.requests,
    started: () => new RegExp(`^${escape(`${emulator.url}/configure/`)}${GUID}${escape('/status?$version=2022-07-01')}$`),
    running: (offer) =>
      new RegExp(`^${escape(`${emulator.url}/`)}(submission/${guids.get(offer)}/${preview})${escape('?$version=2022-07-01')}$`),
    reasons: { refused: /its not the latest/, fails: /certification/i },
    times: ['2026-11-20T10:00:00.4220588Z', '2026-11-20T10:42:00.4220588Z'],
    page: (offer) => `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${guids.get(offer)}/overview`,
    liveLinks: false,
    inputs: (offer, extra = {}) => ({
      api: 'product-ingestion',
      publisher: 'contoso',
      offer,
      'base-url': emulator.url,
      ...signIn(identity),
      ...extra
    }),
    env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE },
    identity,
    tokenRequests: countTokens(identity),
    revokeToken: (token, revocation) => emulator.revokeToken(token, revocation),
    revokeNextToken,
    refusalsOf: (token) => emulator.refusalsOf(token),
    reset() {
      emulator.reset()
      guids.clear()
      forget(identity)
    },
    close: async () => {
      await emulator.close()
      await identity.close()
    }
  }
}
