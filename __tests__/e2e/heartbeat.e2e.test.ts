// The heartbeat through the bundle: a wait with no change writes a line every interval (shortened
// here through the test hook GO_LIVE_HEARTBEAT_MS, which the action reads for tests only), with the
// offer, its step and percentage, elapsed and left; several offers get one combined line per
// interval with the count per state, never a line per offer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startCppEmulator, DEFAULT_TOKEN, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { endlessGoLive, failingGoLive, succeedingGoLive } from '../../emulator/scenarios.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'

const HEARTBEAT_MS = 300
const TIMES = /; (\d+(?:\.\d+)?(?:ms|s)(?: \d+ms)?) elapsed, \S+(?: \S+)? left before the timeout\.$/

const heartbeats = (result: RunResult) => result.stdout.split('\n').filter((line) => line.startsWith('Still waiting'))

/** The elapsed time a line says, in ms (`450ms`, `1s`, `2s`). */
function elapsedMs(line: string): number {
  const text = TIMES.exec(line)?.[1] ?? ''
  return text.endsWith('ms') ? Number(text.slice(0, -2)) : Number(text.slice(0, -1)) * 1_000
}

describe('the heartbeat while waiting (bundle)', () => {
  let cpp: CppEmulator
  beforeAll(async () => {
    cpp = await startCppEmulator()
  })
  afterAll(() => cpp.close())
  beforeEach(() => cpp.reset())

  const run = (offer: string) =>
    runAction({
      inputs: {
        publisher: 'contoso',
        offer,
        token: DEFAULT_TOKEN,
        'base-url': cpp.url,
        wait: 'true',
        'poll-interval': '50ms',
        timeout: '3s'
      },
      env: { GO_LIVE_HEARTBEAT_MS: String(HEARTBEAT_MS) }
    })

  it('one offer whose Live step never changes: one change line, then a heartbeat every interval with step, %, elapsed and left', async () => {
    cpp.addOffer({ publisher: 'contoso', offer: 'vm-a', progression: endlessGoLive() })
    const result = await run('vm-a')

    // The wait ran to the timeout: the go-live goes on at the service.
    expect(result.outputs.status).toBe('running')
    const lines = heartbeats(result)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    // One line per interval for the whole step, never more (a line flood would break this).
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(result.durationMs / HEARTBEAT_MS) + 1)
    for (const line of lines) {
      expect(line).toMatch(
        /^Still waiting for the go-live of contoso\/vm-a: running, at step 'Live' \(inProgress, 5%, estimated ~2-5 days\); .* elapsed, .* left before the timeout\.$/
      )
    }
    // The times move on from one line to the next.
    const elapsed = lines.map(elapsedMs)
    expect(elapsed).toEqual([...elapsed].sort((a, b) => a - b))
    expect(new Set(elapsed).size).toBeGreaterThan(1)
    // Dozens of polls, no change after the first read: one "Now at step" line, with the times.
    expect(cpp.requestsTo('GET', '/operations/').length).toBeGreaterThan(lines.length)
    const changes = result.stdout.split('\n').filter((line) => line.startsWith('Now at step'))
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatch(/^Now at step 'Live' \(inProgress, 5%, estimated ~2-5 days\); .* elapsed, .* left before the timeout$/)
  })

  it('several offers: one combined line per interval with the count per state, no heartbeat per offer', async () => {
    cpp.addOffer({ publisher: 'contoso', offer: 'vm-a', progression: endlessGoLive() })
    cpp.addOffer({ publisher: 'contoso', offer: 'vm-b', progression: succeedingGoLive() })
    cpp.addOffer({ publisher: 'contoso', offer: 'vm-c', progression: failingGoLive() })
    const result = await run('vm-a, vm-b, vm-c')

    expect(JSON.parse(result.outputs.results as string).map((r: { status: string }) => r.status)).toEqual([
      'running',
      'succeeded',
      'failed'
    ])
    const lines = heartbeats(result)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(result.durationMs / HEARTBEAT_MS) + 1)
    for (const line of lines) expect(line).toMatch(/^Still waiting: \d+ running/)
    expect(lines.at(-1)).toMatch(
      /^Still waiting: 1 running \(1 at 'Live' 5%\), 1 succeeded, 1 failed; .* elapsed, .* left before the timeout\.$/
    )
    expect(result.stdout).not.toContain('Still waiting for the go-live of')
    // The change lines name their offer.
    expect(result.stdout).toMatch(
      /^contoso\/vm-a: Now at step 'Live' \(inProgress, 5%, estimated ~2-5 days\); .* left before the timeout$/m
    )
  })
})
