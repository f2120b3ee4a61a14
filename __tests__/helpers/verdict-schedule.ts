// The fault schedules of the verdict property test: drawn from a seed, so a failing run repeats.
// A schedule says, per offer, how the service answers its go-live request (each time it is sent),
// its submissions listing, and the status reads of its go-live, and how that go-live ends; and,
// for the whole step, its inputs and whether a short timeout or a SIGTERM cuts it.
import { generator } from './seeded.js'

export type ApiName = 'cpp' | 'pia'

/**
 * How the service answers one go-live request (CPP POST golive, PIA POST configure).
 * `normal`: it starts the go-live and answers 202 with its location.
 * `bare-503`: a fast HTTP 503 with no body and no Retry-After; nothing started.
 * `bare-503-acted`: the go-live started, but a gateway answered the same bare 503.
 * `cut`: the connection is cut once the request was read; nothing started.
 * `cut-acted`: the go-live started, then the connection is cut with no answer.
 * `slow`: the go-live starts at once; its answer comes `slowMs` later (if the client still waits).
 * `refused`: HTTP 400 with an error body; nothing started.
 * `no-location`: 202, the go-live started, but no usable location (CPP: no header; PIA: no jobId).
 */
export type PostAnswer = 'normal' | 'bare-503' | 'bare-503-acted' | 'cut' | 'cut-acted' | 'slow' | 'refused' | 'no-location'

/** The offer's submissions listing: `fails`: its first 5 reads (the pre-check's attempts) get 503; `hangs`: they get no answer. */
export type ListingFault = 'none' | 'fails' | 'hangs'

/** How a go-live of the offer ends at the service, as its status reads say. `unreadable`: PIA job completed with no result. */
export type Ending = 'succeeded' | 'failed' | 'canceled' | 'unreadable' | 'endless'

/** Status reads of the go-live: after `after` good reads, every later one gets a bare 503 or a 403. */
export type ReadFault = { kind: 'none' } | { kind: '503' | '403'; after: number }

export interface OfferPlan {
  offer: string
  /** The answer to the first, second, ... go-live request; any later one is `normal`. */
  posts: PostAnswer[]
  slowMs: number
  listing: ListingFault
  ending: Ending
  /** Status reads that say running before the ending. */
  runningReads: number
  reads: ReadFault
}

/** What cuts the step: nothing, a short timeout, or a SIGTERM `sigtermAfterMs` after its first request. */
export type StepCut = { kind: 'none' } | { kind: 'short-timeout' } | { kind: 'sigterm'; afterMs: number }

export interface StepPlan {
  seed: number
  api: ApiName
  offers: OfferPlan[]
  wait: boolean
  timeoutMs: number
  requestTimeoutMs: number
  pollIntervalMs: number
  maxParallel: number
  cut: StepCut
}

type Random = () => number

/** One of `choices`, each as likely as its weight. */
function pick<T>(random: Random, choices: Array<[T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
  let at = random() * total
  for (const [choice, weight] of choices) {
    at -= weight
    if (at < 0) return choice
  }
  return (choices.at(-1) as [T, number])[0]
}

/** A whole number from `min` to `max`, both included. */
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1))

/** A second request follows only an answer that left open whether the first started anything. */
function postAnswers(random: Random): PostAnswer[] {
  const first = pick<PostAnswer>(random, [
    ['normal', 3],
    ['bare-503', 2],
    ['bare-503-acted', 1],
    ['cut', 1],
    ['cut-acted', 1],
    ['slow', 1.5],
    ['refused', 1],
    ['no-location', 1]
  ])
  if (first !== 'bare-503' && first !== 'cut') return [first]
  // `bare-503` twice is the "503 twice".
  const second = pick<PostAnswer>(random, [
    ['normal', 2],
    ['bare-503', 1],
    ['cut', 0.5],
    ['cut-acted', 0.5]
  ])
  return [first, second]
}

function offerPlan(random: Random, api: ApiName, offer: string, requestTimeoutMs: number): OfferPlan {
  const endings: Array<[Ending, number]> =
    api === 'cpp'
      ? [
          ['succeeded', 4],
          ['failed', 2],
          ['canceled', 2],
          ['endless', 1]
        ]
      : [
          ['succeeded', 4],
          ['failed', 2],
          ['unreadable', 2],
          ['endless', 1]
        ]
  return {
    offer,
    posts: postAnswers(random),
    // Mostly within request-timeout (the answer comes, maybe past the step's timeout), sometimes past it.
    slowMs: Math.round(requestTimeoutMs * (0.4 + random() * 0.9)),
    listing: pick<ListingFault>(random, [
      ['none', 8],
      ['fails', 1],
      ['hangs', 1]
    ]),
    ending: pick(random, endings),
    runningReads: between(random, 0, 5),
    reads: readFault(random)
  }
}

function readFault(random: Random): ReadFault {
  const kind = pick<ReadFault['kind']>(random, [
    ['none', 6],
    ['503', 2],
    ['403', 2]
  ])
  return kind === 'none' ? { kind } : { kind, after: between(random, 0, 3) }
}

/** The whole schedule of seed `seed`: odd seeds drive the CPP API, even ones Product Ingestion. */
export function stepPlan(seed: number): StepPlan {
  const random = generator(seed)
  const api: ApiName = seed % 2 === 1 ? 'cpp' : 'pia'
  const requestTimeoutMs = pick(random, [
    [300, 1],
    [500, 1],
    [1000, 1]
  ])
  const cutKind = pick<StepCut['kind']>(random, [
    ['none', 4],
    ['short-timeout', 3],
    ['sigterm', 3]
  ])
  const cut: StepCut = cutKind === 'sigterm' ? { kind: cutKind, afterMs: between(random, 0, 800) } : { kind: cutKind }
  const count = between(random, 2, 5)
  const offers = Array.from({ length: count }, (_, i) => offerPlan(random, api, `v${seed}-o${i + 1}`, requestTimeoutMs))
  return {
    seed,
    api,
    offers,
    wait: random() < 0.8,
    timeoutMs: cut.kind === 'short-timeout' ? between(random, 4, 12) * 100 : 3000,
    requestTimeoutMs,
    pollIntervalMs: 20,
    maxParallel: pick(random, [
      [1, 1],
      [2, 1],
      [4, 2]
    ]),
    cut
  }
}

/** The schedule in one line per offer, for a failure message. */
export function describePlan(plan: StepPlan): string {
  const cut = plan.cut.kind === 'sigterm' ? `SIGTERM ${plan.cut.afterMs}ms after the first request` : plan.cut.kind
  const head = `${plan.api}, wait ${plan.wait}, timeout ${plan.timeoutMs}ms, request-timeout ${plan.requestTimeoutMs}ms, max-parallel ${plan.maxParallel}, cut: ${cut}`
  const offers = plan.offers.map((o) => {
    const reads = o.reads.kind === 'none' ? 'reads ok' : `reads ${o.reads.kind} after ${o.reads.after}`
    const slow = o.posts.includes('slow') ? ` (${o.slowMs}ms)` : ''
    return `  ${o.offer}: posts [${o.posts.join(', ')}]${slow}, listing ${o.listing}, ${o.runningReads} running then ${o.ending}, ${reads}`
  })
  return [head, ...offers].join('\n')
}
