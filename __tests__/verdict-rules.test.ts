// The rules of the verdict property test (helpers/verdict-rules.ts) catch what they name: a step
// that keeps every rule passes, and each way of breaking one is reported. Without this, a checker
// that finds nothing could pass every run of the property test.
import { describe, expect, it } from '@jest/globals'
import type { RunResult } from '../scripts/run-action.js'
import type { OfferTruth } from './helpers/verdict-fault-server.js'
import { aggregate, verdictViolations, type Observed } from './helpers/verdict-rules.js'
import { stepPlan } from './helpers/verdict-schedule.js'

interface Entry {
  offer: string
  status: string
  'operation-location': string
  'operation-id': string
  'offer-status': string
  error: string
}

const BASE = 'http://127.0.0.1:9'
const ICONS: Record<string, string> = { succeeded: '✅', failed: '❌', unknown: '❓', 'not started': '⛔' }

/** Two CPP offers whose go-lives the service started and that both succeeded; every rule kept. */
function good(): { observed: Observed; results: Entry[]; truths: OfferTruth[] } {
  const plan = { ...stepPlan(1), wait: true }
  plan.offers = plan.offers.slice(0, 2)
  const results = plan.offers.map((o, i) => ({
    offer: o.offer,
    status: 'succeeded',
    'operation-location': `${BASE}/api/publishers/contoso/offers/${o.offer}/operations/id-${i}?api-version=2017-10-31`,
    'operation-id': `id-${i}`,
    'offer-status': '',
    error: ''
  }))
  const truths: OfferTruth[] = plan.offers.map((o, i) => ({
    plan: o,
    posts: [{ answer: 'status', status: 202, startedBefore: 0, at: 0 }],
    started: 1,
    issued: new Set([`id-${i}`]),
    ended: new Set(['succeeded']),
    listings: 1,
    reads: 3
  }))
  const run: RunResult = {
    exitCode: 0,
    signal: null,
    stdout: '',
    stderr: '',
    outputs: {},
    outputFile: '',
    summary: '',
    durationMs: 1,
    peakRssMb: 0
  }
  const labels = plan.offers.map((o) => `contoso/${o.offer}`)
  return { observed: { plan, run, truths, labels, baseUrl: BASE, sigtermSent: false }, results, truths }
}

/** Writes the step's outputs, error lines and summary as they follow from `results` (then a case breaks one). */
function render(observed: Observed, results: Entry[]): Observed {
  const { run, labels } = observed
  run.outputs = { results: JSON.stringify(results), status: aggregate(results) }
  run.stdout = results
    .map((r, i) => (r.error ? `::error::${labels[i]}: ${r.error}\n` : ''))
    .join('')
    .concat('done\n')
  run.exitCode = results.some((r) => r.error) ? 1 : 0
  const rows = results.map((r, i) => `| ${labels[i]} | ${ICONS[r.status] ?? '⏳'} ${r.status} | | | | |`)
  run.summary = ['| Offer | Result | Operation | Started | Ended | Details |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n')
  return observed
}

describe('the verdict rules', () => {
  it('a step that keeps every rule breaks none', () => {
    const { observed, results } = good()
    expect(verdictViolations(render(observed, results))).toEqual([])
  })

  it.each<[string, (s: ReturnType<typeof good>) => void, RegExp]>([
    ['a status word outside the set', (s) => void ((s.results[0] as Entry).status = 'done'), /'done' is no status word/],
    [
      'a failure the service never reported',
      (s) => Object.assign(s.results[0] as Entry, { status: 'failed', error: 'x' }),
      /did not end so/
    ],
    [
      'not started for a go-live the service started',
      (s) => Object.assign(s.results[0] as Entry, { status: 'not started', error: 'x', 'operation-location': '', 'operation-id': '' }),
      /the service started 1 go-live/
    ],
    [
      'not started after a request that was not refused',
      (s) => {
        Object.assign(s.results[0] as Entry, { status: 'not started', error: 'x', 'operation-location': '', 'operation-id': '' })
        Object.assign(s.truths[0] as OfferTruth, { started: 0, posts: [{ answer: 'cut', startedBefore: 0, at: 0 }] })
      },
      /go-live requests not refused \(cut\)/
    ],
    ['a location the service never named', (s) => void (s.truths[0] as OfferTruth).issued.clear(), /none the service named for this offer/],
    [
      'a location of another offer',
      (s) => void (s.truths[0] as OfferTruth).issued.add('id-1').delete('id-0'),
      /none the service named for this offer/
    ],
    [
      'three go-live requests',
      (s) => void (s.truths[0] as OfferTruth).posts.unshift(...Array(2).fill({ answer: 'cut', startedBefore: 0, at: 0 })),
      /3 go-live requests/
    ],
    [
      'a second request after a definite answer',
      (s) => void (s.truths[0] as OfferTruth).posts.unshift({ answer: 'status', status: 400, startedBefore: 0, at: 0 }),
      /a second go-live request after a definite answer/
    ],
    [
      'a second request while the first one runs',
      (s) => void (s.truths[0] as OfferTruth).posts.push({ answer: 'status', status: 409, startedBefore: 1, at: 0 }),
      /while the service ran the first one's go-live/
    ],
    [
      'unknown for a go-live that ended readably',
      (s) => Object.assign(s.results[0] as Entry, { status: 'unknown', error: 'x' }),
      /unknown, but a location is known/
    ],
    [
      'unknown with no location without the words',
      (s) => Object.assign(s.results[0] as Entry, { status: 'unknown', error: 'lost', 'operation-location': '', 'operation-id': '' }),
      /"may have started"/
    ],
    [
      'not started with nothing sent, not said',
      (s) => {
        Object.assign(s.results[0] as Entry, {
          status: 'not started',
          error: 'listing failed',
          'operation-location': '',
          'operation-id': ''
        })
        Object.assign(s.truths[0] as OfferTruth, { started: 0, posts: [] })
      },
      /does not say "nothing was sent"/
    ],
    [
      'unknown though no request was sent and nothing cut the step',
      (s) => {
        const lost = 'The go-live may have started: run the step again to follow it.'
        Object.assign(s.results[0] as Entry, { status: 'unknown', error: lost, 'operation-location': '', 'operation-id': '' })
        Object.assign(s.truths[0] as OfferTruth, { started: 0, posts: [] })
      },
      /no go-live request reached the service, and nothing cut the step/
    ],
    ['a wait that broke off without an error', (s) => void ((s.results[0] as Entry).status = 'running'), /the wait broke off/],
    ['a success with an error', (s) => void ((s.results[0] as Entry).error = 'x'), /an error on a success/]
  ])('reports %s', (_name, breakIt, said) => {
    const scenario = good()
    breakIt(scenario)
    expect(verdictViolations(render(scenario.observed, scenario.results)).join('\n')).toMatch(said)
  })

  it.each<[string, (o: Observed) => void, RegExp]>([
    ['a status output other than the aggregate', (o) => void (o.run.outputs.status = 'running'), /status output is "running"/],
    ['an exit code that says failure with no error', (o) => void (o.run.exitCode = 1), /exit code 1/],
    ['an exit code 0 with a step-wide error line', (o) => void (o.run.stdout += '::error::Sign-in failed\n'), /exit code 0/],
    ['a step that died of a signal', (o) => Object.assign(o.run, { exitCode: null, signal: 'SIGTERM' }), /died of SIGTERM/],
    ['no results', (o) => void delete o.run.outputs.results, /no readable results output .*, though go-lives were sent for/],
    [
      'an error line for an offer without an error',
      (o) => void (o.run.stdout += `::error::${o.labels[1]}: x\n`),
      /an error line but no error/
    ],
    [
      'a summary row with another word',
      (o) => void (o.run.summary = o.run.summary.replace('✅ succeeded', '⏳ running')),
      /summary row says/
    ],
    ['a missing summary row', (o) => void (o.run.summary = o.run.summary.split('\n').slice(0, -1).join('\n')), /0 summary rows/]
  ])('reports %s', (_name, breakIt, said) => {
    const { observed, results } = good()
    render(observed, results)
    breakIt(observed)
    expect(verdictViolations(observed).join('\n')).toMatch(said)
  })

  it('a step killed by a signal is held only to what it wrote and to what the service did', () => {
    const { observed, results } = good()
    Object.assign(results[0] as Entry, { status: 'not started', 'operation-location': '', 'operation-id': '' })
    render(observed, results)
    Object.assign(observed.run, { exitCode: null, signal: 'SIGTERM', summary: '', outputs: { results: observed.run.outputs.results } })
    expect(verdictViolations(observed)).toEqual([
      'the step died of SIGTERM: it did not end itself (a SIGTERM is a cancellation)',
      `${results[0]?.offer} (not started): the service started 1 go-live(s)`
    ])
  })

  it.each([
    [['failed', 'unknown'], 'failed'],
    [['canceled', 'succeeded'], 'failed'],
    [['unknown', 'running'], 'unknown'],
    [['running', 'accepted'], 'running'],
    [['accepted', 'succeeded'], 'accepted'],
    [['succeeded', 'succeeded'], 'succeeded'],
    [['not started', 'not started'], 'not started']
  ])('the aggregate of %j is %s', (statuses, status) => {
    expect(aggregate(statuses.map((s) => ({ offer: 'o', status: s, 'operation-location': '', 'operation-id': '', error: '' })))).toBe(
      status
    )
  })

  it('a refused offer (not started with an error) makes the aggregate failed', () => {
    const entry = { offer: 'o', 'operation-location': '', 'operation-id': '', error: '' }
    expect(
      aggregate([
        { ...entry, status: 'not started', error: 'refused' },
        { ...entry, status: 'succeeded' }
      ])
    ).toBe('failed')
  })
})
