// The rules of one true verdict per offer (issue 16): what `status`, `results`, the summary rows,
// the error lines and the exit code of a step must say, checked against each other and against what
// the service really did (the fault server's truth). All rules live here, in one function; each
// broken rule is one line naming the offer and the rule.
import type { RunResult } from '../../scripts/run-action.js'
import type { OfferTruth, PostSeen } from './verdict-fault-server.js'
import type { StepPlan } from './verdict-schedule.js'

const STATUS_WORDS = ['accepted', 'running', 'succeeded', 'failed', 'canceled', 'not started', 'unknown']

interface Entry {
  offer: string
  status: string
  'operation-location': string
  'operation-id': string
  error: string
}

export interface Observed {
  plan: StepPlan
  run: RunResult
  /** What the service did for each offer, in input order. */
  truths: OfferTruth[]
  /** Each offer as messages name it, in input order. */
  labels: string[]
  /** The step's base-url: every location starts with its origin. */
  baseUrl: string
  sigtermSent: boolean
}

/** The aggregate `status` of several offers, as the spec defines it. */
export function aggregate(results: Entry[]): string {
  const any = (status: string): boolean => results.some((r) => r.status === status)
  if (any('failed') || any('canceled') || results.some((r) => r.status === 'not started' && r.error !== '')) return 'failed'
  for (const status of ['unknown', 'running', 'accepted', 'succeeded']) if (any(status)) return status
  return 'not started'
}

/** The request got an answer that leaves open whether it started anything: a 5xx, a cut, no answer. */
const ambiguous = (post: PostSeen): boolean => post.answer !== 'status' || (post.status ?? 0) >= 500
/** The service refused it in words: a 4xx (429 included). */
const refused = (post: PostSeen): boolean => post.answer === 'status' && (post.status ?? 0) >= 400 && (post.status ?? 0) < 500

/** The Result cell of each summary table row, by the offer named in its first cell. */
function summaryCells(summary: string): Map<string, string[]> {
  const cells = new Map<string, string[]>()
  let column = 1
  for (const line of summary.split('\n')) {
    if (!line.startsWith('|')) continue
    const row = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
    const named = row.findIndex((cell) => /^(Result|Status)$/.test(cell))
    if (row[0] === 'Offer' && named > 0) column = named
    if (row[0] === 'Offer' || /^-+$/.test(row[0] ?? '')) continue
    const label = (row[0] ?? '').replace(/\\(.)/g, '$1')
    cells.set(label, [...(cells.get(label) ?? []), row[column] ?? ''])
  }
  return cells
}

/** A Result cell shows `status` when the word comes first after its icon. */
const shows = (cell: string, status: string): boolean => new RegExp(`^[^A-Za-z]*${status}(?![A-Za-z])`).test(cell)

export function verdictViolations(o: Observed): string[] {
  const { run, plan, truths, labels } = o
  const broken: string[] = []
  // A step killed by a signal leaves only what it had written: the rules of its end do not apply,
  // those of what it wrote and of what the service did still do.
  const ended = run.exitCode !== null
  if (!ended) broken.push(`the step died of ${run.signal}: it did not end itself (a SIGTERM is a cancellation)`)

  let results: Entry[]
  try {
    results = JSON.parse(run.outputs.results ?? '') as Entry[]
  } catch {
    // Killed before any write: fine only if nothing was ever sent.
    const sent = truths.filter((t) => t.posts.length > 0).map((t) => t.plan.offer)
    const though = sent.length ? `, though go-lives were sent for ${sent.join(', ')}` : ''
    if (ended || sent.length) broken.push(`no readable results output (${JSON.stringify(run.outputs.results)})${though}`)
    return broken
  }
  const offers = plan.offers.map((p) => p.offer)
  if (results.map((r) => r.offer).join('\n') !== offers.join('\n')) {
    broken.push(`results names ${JSON.stringify(results.map((r) => r.offer))}, not the offers in input order`)
    return broken
  }

  // The step's end: `status`, the exit code, the error lines and the summary agree with `results`.
  const several = results.length > 1
  const lines = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
  const prefix = (label: string): string => (several ? `::error::${label}: ` : '::error::')
  const cells = summaryCells(run.summary)
  if (ended) {
    const expected = several ? aggregate(results) : results[0]?.status
    if (run.outputs.status !== expected)
      broken.push(`status output is ${JSON.stringify(run.outputs.status)}, results make it '${expected}'`)
    const stepWide = several ? lines.filter((line) => !labels.some((label) => line.startsWith(prefix(label)))) : []
    const failing = results.some((r) => r.error !== '') || stepWide.length > 0
    if (run.exitCode !== (failing ? 1 : 0)) {
      broken.push(
        `exit code ${run.exitCode}, but ${failing ? 'an offer or the step has an error' : 'no offer and not the step has an error'}`
      )
    }
  }

  results.forEach((result, i) => {
    const truth = truths[i] as OfferTruth
    const label = labels[i] as string
    const { status, error } = result
    const location = result['operation-location']
    const id = result['operation-id']
    const posts = truth.posts
    const answers = posts.map((p) => (p.answer === 'status' ? String(p.status) : p.answer)).join(', ')
    const say = (rule: string): void => void broken.push(`${result.offer} (${status}): ${rule}`)

    // What `results` says at any time, even when killed.
    if (!STATUS_WORDS.includes(status)) say(`'${status}' is no status word`)
    if (['accepted', 'running'].includes(status) && location === '') say('no operation-location, though it says the go-live started')

    // Against what the service did.
    if (status === 'not started' && (truth.started > 0 || !posts.every(refused))) {
      say(`the service ${truth.started > 0 ? `started ${truth.started} go-live(s)` : `got go-live requests not refused (${answers})`}`)
    }
    if (location !== '') {
      if (!location.startsWith(new URL(o.baseUrl).origin)) say(`operation-location ${location} is not at the service`)
      if (!truth.issued.has(id) || !location.includes(id)) {
        say(`operation-location ${location} (id '${id}') is none the service named for this offer ([${[...truth.issued].join(', ')}])`)
      }
    }
    if (['succeeded', 'failed', 'canceled'].includes(status) && !truth.ended.has(status as 'succeeded')) {
      say(`the service's go-live did not end so (it said: ${[...truth.ended].join(', ') || 'no end'})`)
    }
    if (posts.length > 2) say(`${posts.length} go-live requests (${answers}); at most 2`)
    if (posts.length === 2) {
      if (!ambiguous(posts[0] as PostSeen)) say(`a second go-live request after a definite answer to the first (${answers})`)
      if ((posts[1] as PostSeen).startedBefore > 0)
        say(`a second go-live request while the service ran the first one's go-live (${answers})`)
    }
    if (status === 'unknown') {
      const unreadable = location !== '' && truth.ended.has('unreadable')
      // A request in flight when a SIGTERM or the timeout came may not have reached the service yet.
      const cut = o.sigtermSent || run.durationMs >= plan.timeoutMs
      const lost = location === '' && (posts.length > 0 || cut)
      if (!unreadable && !lost) {
        const why = location
          ? 'a location is known and its end was readable'
          : 'no go-live request reached the service, and nothing cut the step'
        say(`unknown, but ${why}`)
      }
    }
    if (!ended) return

    // At the step's end: the error, its line, the summary row.
    if (['failed', 'canceled', 'unknown', 'not started'].includes(status) && error === '') say('no error, though the offer did not succeed')
    if (status === 'succeeded' && error !== '') say(`an error on a success: ${error}`)
    if (plan.wait && ['accepted', 'running'].includes(status) && error === '') say('no error, though the wait broke off before the end')
    // The spec's fixed words: a request never sent says so; a lost answer says how to follow it.
    if (status === 'not started' && posts.length === 0 && error !== '' && !/nothing was sent/i.test(error)) {
      say(`no go-live request reached the service, but the error does not say "nothing was sent": ${error}`)
    }
    if (
      status === 'unknown' &&
      location === '' &&
      !(error.includes('may have started') && error.includes('run the step again to follow it'))
    ) {
      say(`the error does not say the go-live "may have started" and to "run the step again to follow it": ${error}`)
    }
    const own = lines.filter((line) => line.startsWith(prefix(label)))
    // A failure of the whole step (the sign-in) is said once, on a line of its own that names no
    // offer; each offer it kept from starting carries it in results without a line of its own.
    const saidForTheStep =
      several && own.length === 0 && lines.some((line) => line.startsWith('::error::') && line.includes(error.slice(0, 60)))
    if (error !== '' && own.length !== 1 && !saidForTheStep) say(`${own.length} error lines prefixed '${label}: ' for its error (want 1)`)
    if (error === '' && own.length > 0) say(`an error line but no error in results: ${own[0]}`)
    const rows = cells.get(label) ?? []
    if (rows.length !== 1) say(`${rows.length} summary rows name '${label}' (want 1)`)
    else if (!shows(rows[0] as string, status)) say(`its summary row says '${rows[0]}'`)
  })
  return broken
}
