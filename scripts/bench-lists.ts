// The bench's paging abuse (issue 19): 256 offers through the Product Ingestion API at max-parallel
// 32, every submissions list 100 pages of 3.9 MB (emulator/list-abuse.ts). Before the list budget,
// one offer peaked at 975 MB and eight ran out of heap with no output at all. Figures: the step's
// peak RSS, whether every offer got its result and error, and how long it took.
import { startListAbuseServer } from '../emulator/list-abuse.ts'
import { startAction } from './run-action.ts'

type Report = (what: string, figure: string, target: string, ok?: boolean) => void

const OFFERS = 256
const MAX_PARALLEL = 32
const TARGET_MB = 600

export async function benchLists(report: Report): Promise<void> {
  const pia = await startListAbuseServer()
  pia.abuse(() => ({ list: 'submissions', pageBytes: 3_900_000, pages: 100, length: 'declared' }))
  const offers = Array.from({ length: OFFERS }, (_, i) => `abuse-${String(i + 1).padStart(3, '0')}`)
  const run = await startAction({
    inputs: {
      api: 'product-ingestion',
      offer: offers.join('\n'),
      token: 'list-abuse-token',
      'base-url': pia.url,
      'max-parallel': String(MAX_PARALLEL)
    }
  }).result
  const pages = pia.pagesServed()
  await pia.close()

  let results: Array<{ status?: string; error?: string }> = []
  try {
    results = JSON.parse(run.outputs.results ?? '[]') as typeof results
  } catch {
    // No results output: counted as none below.
  }
  const refused = results.filter((r) => r.status === 'not started' && /larger than 1 MiB/.test(r.error ?? '')).length
  const errorLines = run.stdout.split('\n').filter((line) => line.startsWith('::error::')).length
  const summary = run.summary.includes(`## Go live: ${OFFERS} offers`)
  const complete = refused === OFFERS && errorLines === OFFERS && summary && run.exitCode === 1
  report(
    `paging abuse: ${OFFERS} offers at max-parallel ${MAX_PARALLEL}, every list 100 pages of 3.9 MB: peak RSS`,
    `${run.peakRssMb.toFixed(1)} MB (before: 975 MB for one offer, out of heap for eight); ${refused} of ${OFFERS} offers refused naming the list and its 1 MiB limit, ${errorLines} error lines, summary ${summary ? 'written' : 'MISSING'}, exit ${run.exitCode}; ${pages} pages served; ${(run.durationMs / 1000).toFixed(1)} s`,
    `< ${TARGET_MB} MB, every offer a result and an error line`,
    run.peakRssMb < TARGET_MB && complete
  )
}
