// `npm run demo`: the bundled action against the embedded emulators, as a workflow step would run it,
// once through each API, then once more against Microsoft's own published Product Ingestion samples
// (real ids: 19-digit submission numbers) replayed byte for byte: trigger, wait with progress, then the
// outputs, the job summary it wrote and the requests the service saw.
import * as cloudpub from '../__tests__/fixtures/cloudpub.ts'
import * as learn from '../__tests__/fixtures/learn-product-ingestion-api.ts'
import { DEFAULT_TOKEN, startCppEmulator } from '../emulator/cpp-emulator.ts'
import { startPiaEmulator } from '../emulator/pia-emulator.ts'
import { startReplayServer } from '../emulator/replay-server.ts'
import { startAction } from './run-action.ts'

// Shown as the runner shows a step log: masks and debug lines hidden, annotations labelled.
const SHOW_DEBUG = process.env.RUNNER_DEBUG === '1'
let pending = ''
function show(chunk: Buffer | string): void {
  pending += String(chunk)
  const lines = pending.split('\n')
  pending = lines.pop() ?? ''
  for (const line of lines) {
    const command = /^::(\w+)[^:]*::(.*)$/.exec(line)
    if (!command) console.log(`  ${line}`)
    else if (command[1] === 'error' || command[1] === 'warning' || command[1] === 'notice')
      console.log(`  ${command[1].toUpperCase()}: ${command[2]}`)
    else if (command[1] === 'debug' && SHOW_DEBUG) console.log(`  [debug] ${command[2]}`)
  }
}
interface Emulator {
  url: string
  requests: Array<{ method: string; path: string; body: string }>
  close(): Promise<void>
}

async function demo(title: string, emulator: Emulator, inputs: Record<string, string>): Promise<number> {
  console.log(`\n=== ${title}: emulator listening on ${emulator.url} ===\n`)
  console.log(
    `--- step log: uses: ./ with ${Object.entries(inputs)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')} ---`
  )
  const running = startAction({ inputs: { ...inputs, token: DEFAULT_TOKEN, 'base-url': emulator.url } })
  running.child.stdout?.on('data', show)
  running.child.stderr?.on('data', (chunk: Buffer | string) => process.stderr.write(chunk))
  const result = await running.result
  await emulator.close()
  console.log(`\n--- exit code ${result.exitCode} after ${Math.round(result.durationMs)} ms ---`)
  console.log('\n--- step outputs ---')
  for (const [name, value] of Object.entries(result.outputs)) {
    console.log(`${name}: ${value.length > 160 ? `${value.slice(0, 157)}...` : value}`)
  }
  console.log('\n--- job summary (GITHUB_STEP_SUMMARY) ---')
  console.log(result.summary)
  console.log(
    `--- the emulator saw ${emulator.requests.length} requests: ${emulator.requests.map((r) => `${r.method} ${r.path}`).join(', ')} ---`
  )
  for (const post of emulator.requests.filter((r) => r.method === 'POST' && r.body))
    console.log(`--- ${post.method} ${post.path} body: ${post.body} ---`)
  return result.exitCode ?? 1
}

const cpp = await startCppEmulator()
cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm', locationStyle: 'location-migrated' })
const cppExit = await demo('Cloud Partner Portal API', cpp, {
  publisher: 'contoso',
  offer: 'contoso-vm',
  wait: 'true',
  'poll-interval': '400ms'
})

const pia = await startPiaEmulator()
pia.addProduct({ externalId: 'contoso-app' })
const piaExit = await demo('Product Ingestion API', pia, {
  api: 'product-ingestion',
  offer: 'contoso-app',
  wait: 'true',
  'poll-interval': '400ms'
})
// Learn's "Product Ingestion API" page: its product, its "Querying your submissions" answer (live
// …/1152921515689847470, newer preview …/1152921515689848683); the configure job as Red Hat's cloudpub
// fixtures answer it. made-up: the `{"value": [...]}` list around the product (Learn shows none).
const replay = await startReplayServer([
  { method: 'GET', path: '/product', answers: [{ body: `{"value":[${learn.productResource}]}` }] },
  { method: 'GET', path: '/submission/12345678-abcd-efgh-1234-12345678901', answers: [{ body: learn.submissions }] },
  { method: 'POST', path: '/configure', answers: [{ status: 202, body: cloudpub.configureRunningResponse }] },
  {
    method: 'GET',
    path: `/configure/${cloudpub.configureSuccessResponse.jobId}/status`,
    answers: [{ body: cloudpub.configureSuccessResponse }]
  }
])
const learnExit = await demo("Product Ingestion API, Microsoft's published samples replayed", replay, {
  api: 'product-ingestion',
  offer: 'ds-contoso-image-resize-demo',
  wait: 'true',
  'poll-interval': '400ms'
})
process.exitCode = cppExit || piaExit || learnExit
