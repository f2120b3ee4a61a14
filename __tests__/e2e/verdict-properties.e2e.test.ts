// One true verdict per offer, whatever the service does (issue 16): seeded random fault schedules
// over several offers (lost answers, 5xx, 403, slow answers, a short timeout, a SIGTERM), each run
// through the committed bundle against a fault server in front of the API emulator. For every run,
// `status`, `results`, the summary rows, the error lines and the exit code must agree with each other
// and with what the service really did (helpers/verdict-rules.ts).
//
// Odd seeds drive the CPP API, even ones Product Ingestion. To replay one seed:
//   VERDICT_SEED=7 npm run test:e2e -- verdict-properties
// VERDICT_SEEDS=200 runs seeds 1 to 200 instead of the usual 32; VERDICT_VERBOSE=1 prints every
// run (its schedule, what the service saw, the step's log), also when no rule broke.
import { afterAll, describe, it } from '@jest/globals'
import { startAction } from '../../scripts/run-action.js'
import { startFaultServer, type FaultServer, type OfferTruth } from '../helpers/verdict-fault-server.js'
import { verdictViolations } from '../helpers/verdict-rules.js'
import { describePlan, stepPlan, type ApiName } from '../helpers/verdict-schedule.js'

const SEEDS = process.env.VERDICT_SEED
  ? [Number(process.env.VERDICT_SEED)]
  : Array.from({ length: Number(process.env.VERDICT_SEEDS ?? 32) }, (_, i) => i + 1)

// One fault server (and emulator) per API, shared by the runs: each offer's name is its own. Started
// on first use: concurrent tests may start before a beforeAll hook has finished.
const servers = new Map<ApiName, Promise<FaultServer>>()
const serverFor = (api: ApiName): Promise<FaultServer> => {
  if (!servers.has(api)) servers.set(api, startFaultServer(api))
  return servers.get(api) as Promise<FaultServer>
}
afterAll(async () => {
  for (const server of servers.values()) await (await server).close()
})

/** Resolves when the step sent its first request for any of these offers; never if it exits first. */
async function firstRequest(truths: OfferTruth[], exited: () => boolean): Promise<boolean> {
  while (!exited()) {
    if (truths.some((t) => t.firstRequestAt !== undefined)) return true
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return false
}

async function runSeed(seed: number): Promise<void> {
  const plan = stepPlan(seed)
  const server = await serverFor(plan.api)
  const truths = plan.offers.map((offer) => server.add(offer))
  const offers = plan.offers.map((o) => o.offer)
  const inputs = {
    ...server.inputs(offers),
    wait: String(plan.wait),
    timeout: `${plan.timeoutMs}ms`,
    'request-timeout': `${plan.requestTimeoutMs}ms`,
    'poll-interval': `${plan.pollIntervalMs}ms`,
    'max-parallel': String(plan.maxParallel)
  }
  const running = startAction({ inputs })
  let exited = false
  void running.result.then(() => (exited = true))
  let sigtermSent = false
  let sigtermAt = 0
  if (plan.cut.kind === 'sigterm' && (await firstRequest(truths, () => exited))) {
    await new Promise((resolve) => setTimeout(resolve, plan.cut.kind === 'sigterm' ? plan.cut.afterMs : 0))
    sigtermAt = Date.now()
    sigtermSent = !exited && running.child.kill('SIGTERM')
  }
  const run = await running.result
  const labels = offers.map((offer) => server.label(offer))
  const broken = verdictViolations({ plan, run, truths, labels, baseUrl: server.url, sigtermSent })
  if (broken.length === 0 && !process.env.VERDICT_VERBOSE) return
  // Times from the step's first request: its deadline is at most `timeout` after that.
  const first = Math.min(...truths.map((t) => t.firstRequestAt ?? Infinity))
  const seen = truths.map((t) => {
    const posts = t.posts.map((p) => `${p.answer === 'status' ? p.status : p.answer} at +${p.at - first}ms`).join(', ')
    return `  ${t.plan.offer}: posts [${posts}], started ${t.started}, ended [${[...t.ended].join(', ')}], listings ${t.listings}, reads ${t.reads}`
  })
  const report = [
    `seed ${seed}: ${broken.length} rule(s) broken. Replay: VERDICT_SEED=${seed} npm run test:e2e -- verdict-properties`,
    ...broken.map((line) => `- ${line}`),
    `Schedule: ${describePlan(plan)}`,
    `The service saw:\n${seen.join('\n')}`,
    `Step: exit ${run.exitCode}${run.signal ? ` (${run.signal})` : ''}${sigtermSent ? `, SIGTERM sent at +${sigtermAt - first}ms` : ''}, ${Math.round(run.durationMs)}ms, status ${JSON.stringify(run.outputs.status)}`,
    `results: ${run.outputs.results}`,
    `Error lines:\n${run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error::'))
      .join('\n')}`
  ].join('\n')
  if (broken.length === 0) return void process.stderr.write(`${report}\n${run.stdout}\n`)
  throw new Error(report)
}

describe('one true verdict per offer under random faults', () => {
  it.concurrent.each(SEEDS)('seed %i', (seed) => runSeed(seed), 30_000)
})
