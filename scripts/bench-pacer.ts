// The bench's starved-tail figure (issue 19): the largest read gap per running offer against the
// poll interval, in the scenario: 256 offers at a 2 s interval, started 4 at a time, every
// go-live ending 8 s after it started, a 14 s timeout. Measured on the sources' own wait loop and
// pacer, in real time, with made-up reads (a few ms each), not through the bundle: the gaps are the
// pacer's doing, and the emulators' go-lives end after a number of reads, not at a time.
import { registerHooks } from 'node:module'
import type { OperationRead } from '../src/apis/go-live-service.ts'

type Report = (what: string, figure: string, target: string, ok?: boolean) => void

// The sources import each other as `.js` (NodeNext); under plain Node they are the `.ts` files.
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context)
    } catch (error) {
      if (!/^\.\.?\/.*\.js$/.test(specifier)) throw error
      return next(specifier.replace(/\.js$/, '.ts'), context)
    }
  }
})
const { Pacer } = await import('../src/wait/pacer.ts')
const { parseOperation } = await import('../src/wait/operation.ts')
const { sleep } = await import('../src/wait/sleep.ts')
const { waitForOperation } = await import('../src/wait/wait-for-operation.ts')

const OFFERS = 256
const POLL_MS = 2_000
const TIMEOUT_MS = 14_000
const GO_LIVE_MS = 8_000
const PARALLEL = 4
/** How long starting one go-live takes (made-up: a POST and a look on loopback). */
const START_MS = 25
/** How long one status read takes (made-up). */
const READ_MS = 3

/** Repeated: timings on a shared machine are noisy (a busy machine starves the timers). */
const RUNS = 3

interface Figures {
  /** The largest gap between two reads of one offer, or from its last read to the timeout (ms). */
  worst: number
  /** Reads per offer per interval, after each offer's first read. */
  pace: number
  /** Offers whose go-live was not seen ending. */
  endedRunning: number
}

async function scenario(): Promise<Figures> {
  const running = { operation: parseOperation({ status: 'running', steps: [] }) }
  const succeeded = { operation: parseOperation({ status: 'succeeded', steps: [] }) }
  const started = Date.now()
  const deadline = started + TIMEOUT_MS
  const pacer = new Pacer(POLL_MS)
  /** Each offer's reads (ms since the step started), and whether its wait timed out. */
  const reads: number[][] = []
  const timedOut: boolean[] = []
  let reserved = 0

  async function offer(index: number): Promise<void> {
    await sleep(START_MS)
    const liveAt = Date.now() + GO_LIVE_MS
    const at: number[] = (reads[index] = [])
    const read = async (): Promise<OperationRead> => {
      at.push(Date.now() - started)
      await sleep(READ_MS)
      return Date.now() >= liveAt ? succeeded : running
    }
    const member = pacer.join()
    try {
      const outcome = await waitForOperation(read, {
        intervalMs: POLL_MS,
        deadline,
        missedBudgetMs: TIMEOUT_MS,
        onOperation: () => undefined,
        pacer: member
      })
      timedOut[index] = outcome.kind === 'timeout'
    } finally {
      member.leave()
    }
  }
  // Started `PARALLEL` at a time, as max-parallel does; each waits as soon as its go-live started.
  const waits: Array<Promise<void>> = []
  const starts = Array.from({ length: PARALLEL }, async () => {
    while (reserved < OFFERS) {
      const index = reserved++
      const wait = offer(index)
      waits.push(wait)
      await sleep(START_MS)
    }
  })
  await Promise.all(starts)
  await Promise.all(waits)

  let worst = 0
  let readCount = 0
  let waitedMs = 0
  reads.forEach((at, index) => {
    const end = timedOut[index] ? TIMEOUT_MS : (at.at(-1) as number)
    const gaps = [...at.slice(1).map((t, i) => t - (at[i] as number)), end - (at.at(-1) as number)]
    worst = Math.max(worst, ...gaps)
    readCount += at.length - 1
    waitedMs += end - (at[0] as number)
  })
  return { worst, pace: readCount / (waitedMs / POLL_MS), endedRunning: timedOut.filter(Boolean).length }
}

export async function benchPacer(report: Report): Promise<void> {
  const runs: Figures[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await scenario())
  runs.sort((a, b) => a.worst - b.worst)
  const median = runs[Math.floor(RUNS / 2)] as Figures
  const times = (ms: number): string => `${(ms / POLL_MS).toFixed(2)} x`
  const label = `starved tail: ${OFFERS} offers, poll-interval ${POLL_MS / 1_000}s, go-lives ending ${GO_LIVE_MS / 1_000}s in, timeout ${TIMEOUT_MS / 1_000}s (wait loop and pacer, made-up reads)`
  report(
    `${label}: largest read gap per running offer (median of ${RUNS})`,
    `${median.worst} ms = ${times(median.worst)} the interval (runs: ${runs.map((run) => times(run.worst)).join(', ')}; ${median.endedRunning} offers ended running)`,
    '<= 2 x the interval',
    median.worst <= 2 * POLL_MS
  )
  report(`${label}: reads per offer per interval (median run)`, median.pace.toFixed(2), 'about 1')
}
