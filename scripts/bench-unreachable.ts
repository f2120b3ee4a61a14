// The bench's unreachable base-url figures (issue 18): the time and the attempts it takes the bundle
// to fail against a base-url that refuses every connection (a closed port on loopback), at the
// default poll-interval, so with the backoff a real run has (1 s base delay, jittered). One offer
// (median of runs) and twelve (four at a time). Before issue 18: about 32 s and 15 attempts for one
// offer (both CPP pre-checks went on without the service, then the Go Live request), 104 s and 180
// attempts for twelve.
import { createServer } from 'node:net'
import { DEFAULT_TOKEN } from '../emulator/cpp-emulator.ts'
import { logAsWritten, startAction } from './run-action.ts'

type Report = (what: string, figure: string, target: string, ok?: boolean) => void

/** A loopback port that was free a moment ago: every connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** One run against a closed port: its duration and the requests it tried (its debug log says each). */
async function unreachableRun(offers: string[]): Promise<{ ms: number; attempts: number; notStarted: boolean }> {
  const result = await startAction({
    inputs: {
      publisher: 'contoso',
      offer: offers.join(', '),
      token: DEFAULT_TOKEN,
      'base-url': `http://127.0.0.1:${await closedPort()}`,
      wait: 'true',
      'max-parallel': '4'
    },
    debug: true
  }).result
  const attempts = (logAsWritten(result).match(/^::debug::(GET|POST) \//gm) ?? []).length
  const results = JSON.parse(result.outputs.results ?? '[]') as Array<{ status: string }>
  return {
    ms: result.durationMs,
    attempts,
    notStarted: results.length === offers.length && results.every((r) => r.status === 'not started')
  }
}

export async function benchUnreachable(report: Report, runs: number): Promise<void> {
  const one: Array<{ ms: number; attempts: number; notStarted: boolean }> = []
  for (let i = 0; i < runs; i++) one.push(await unreachableRun(['contoso-vm']))
  const times = one.map((r) => r.ms).sort((a, b) => a - b)
  const attempts = Math.max(...one.map((r) => r.attempts))
  report(
    `unreachable base-url, one offer, default poll-interval: time and attempts to fail (median of ${runs})`,
    `${(times[Math.floor(times.length / 2)]! / 1000).toFixed(1)} s, ${attempts} attempts (before issue 18: 32 s, 15 attempts)`,
    'one check: 5 attempts, not started',
    attempts <= 5 && one.every((r) => r.notStarted)
  )
  const offers = Array.from({ length: 12 }, (_, i) => `vm-${i + 1}`)
  const twelve = await unreachableRun(offers)
  report(
    'unreachable base-url, 12 offers 4 at a time: time and attempts to fail',
    `${(twelve.ms / 1000).toFixed(1)} s, ${twelve.attempts} attempts (before issue 18: 104 s, 180 attempts)`,
    'the first 4 retry, the others try once: 28 attempts',
    twelve.attempts <= 28 && twelve.notStarted
  )
}
