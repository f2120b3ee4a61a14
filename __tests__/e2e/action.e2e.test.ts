// The committed bundle, run as the runner runs it, against the emulator on loopback.
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { canceledGoLive, endlessGoLive, failingGoLive, succeedingGoLive, unusualSpellings } from '../../emulator/scenarios.js'
import { NODE24, runAction, startAction, type RunResult } from '../../scripts/run-action.js'
import { lookSchedule } from '../../src/http/lost-answers.js'
import { backoffFor } from '../../src/http/retry.js'
import { onlyResults } from '../helpers/results-only.js'
import { summaryRow } from '../helpers/summary-rows.js'

let emulator: CppEmulator
const base = () => ({ publisher: 'contoso', offer: 'contoso-vm', token: DEFAULT_TOKEN, 'base-url': emulator.url, 'poll-interval': '20ms' })
const posts = () => emulator.requestsTo('POST', '/golive')
const log = (r: RunResult) => r.stdout + r.stderr

/** The token may appear only in the ::add-mask:: command that tells the runner to hide it. */
function expectNoSecret(result: RunResult, secret = DEFAULT_TOKEN): void {
  const leaks = log(result)
    .split('\n')
    .filter((line) => line.includes(secret) && line !== `::add-mask::${secret}`)
  expect(leaks).toEqual([])
}

beforeAll(async () => {
  emulator = await startCppEmulator({ keepAliveTimeoutMs: 120_000 })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe('the bundle', () => {
  it('runs under the node24 runtime that action.yml names', () => {
    expect(execFileSync(NODE24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./)
  })
})

describe('trigger', () => {
  it('starts a go-live without waiting: outputs, summary, one POST, no secret in the log', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({ inputs: base(), debug: true })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(posts()[0]?.headers.authorization).toBe(`Bearer ${DEFAULT_TOKEN}`)
    expect(posts()[0]?.query).toBe('?api-version=2017-10-31')
    expect(result.outputs['operation-location']).toMatch(
      new RegExp(`^${emulator.url}/api/publishers/contoso/offers/contoso-vm/operations/[0-9a-f-]{36}\\?api-version=2017-10-31$`)
    )
    expect(result.outputs['operation-id']).toBe(result.outputs['operation-location']?.split('/').pop()?.split('?')[0])
    expect(result.outputs.status).toBe('accepted')
    expect(result.outputs.operation).toBeUndefined()
    expect(emulator.requestsTo('GET', '/operations/')).toHaveLength(0)
    expect(result.stdout).toContain(`Go-live started for contoso/contoso-vm. Operation location: ${result.outputs['operation-location']}`)
    expect(result.summary).toContain('## Go live: contoso/contoso-vm')
    expect(summaryRow(result.summary, 'contoso/contoso-vm')[1]).toBe('🚀 accepted')
    expect(summaryRow(result.summary, 'contoso/contoso-vm')[2]).toBe(`\`${result.outputs['operation-location']}\``)
    expectNoSecret(result)
  })

  it('exits at once although the server keeps idle connections open for two minutes', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    // An idle socket left open would hold the process until the server's 120s idle timeout.
    let timer: NodeJS.Timeout | undefined
    const held = new Promise<'held open'>((resolve) => (timer = setTimeout(() => resolve('held open'), 15_000)))
    const result = await Promise.race([runAction({ inputs: base() }), held])
    clearTimeout(timer)
    expect(result).not.toBe('held open')
    expect((result as RunResult).exitCode).toBe(0)
  })
})

describe('trigger and wait', () => {
  it.each([
    ['operation-location', false, 'succeeded', /^[0-9a-f-]{36}$/],
    ['location-migrated', true, 'completed', /^[0-9a-f-]{36}$/],
    ['location-preview', true, 'Complete', /^contoso\$contoso-vm\$\d+\$preview$/]
  ] as const)(
    'follows a %s answer (array-wrapped: %s, success spelled %s) to success',
    async (locationStyle, arrayWrapped, spelling, id) => {
      emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', locationStyle, arrayWrapped, progression: succeedingGoLive(spelling) })
      const result = await runAction({ inputs: { ...base(), wait: 'true' } })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.outputs['operation-id']).toMatch(id)
      expect(JSON.parse(result.outputs.operation as string).status).toBe(spelling)
      expect(emulator.requestsTo('GET', result.outputs['operation-id'] as string)).toHaveLength(5)
      // Changes are logged, with the running step and its estimate; per-poll detail is debug only.
      expect(result.stdout).toContain("Now at step 'live' (inProgress, 10%, estimated ~2-5 days)")
      expect(result.stdout).toContain(`Operation status: running -> ${spelling}`)
      expect(result.stdout.split('\n').filter((l) => l.startsWith('Operation status:'))).toHaveLength(3)
      const row = summaryRow(result.summary, 'contoso/contoso-vm')
      expect(row[1]).toBe('✅ succeeded')
      // The operation location as code, to copy: an API URL, never a link (a browser gets a 401 there).
      expect(row[2]).toBe(`\`${result.outputs['operation-location']}\``)
      expect(result.summary).not.toContain(`](${result.outputs['operation-location']}`)
      // Started and ended as the go-live's steps report them (after publisher sign-off), also in the log.
      expect(row.slice(3, 5)).toEqual(['2026-11-20T10:06:39.5506018Z', '2026-11-20T10:42:39.5506018Z'])
      expect(result.stdout).toContain('Started at 2026-11-20T10:06:39.5506018Z')
      expect(result.stdout).toContain('Ended at 2026-11-20T10:42:39.5506018Z')
      // The service's preview and live links, for one offer too.
      expect(row[5]).toBe(
        'Preview: [Azure Marketplace preview](https://azuremarketplace.microsoft.com/marketplace/apps/contoso.contoso-vm-preview?tab=Overview) · Live: [Azure Marketplace listing](https://azuremarketplace.microsoft.com/marketplace/apps/contoso.contoso-vm)'
      )
      // `<` as an entity: service text renders as text, never as HTML.
      expect(result.summary).toContain('| Go-live preparation | complete | 100% | &lt; 1 hour |')
      expect(result.summary).toMatch(/\*\*Result:\*\* ✅ succeeded\. Elapsed \d+(ms|s)\./)
    }
  )

  it('fails a failed go-live with the service’s reason in words', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: failingGoLive() })
    const result = await runAction({ inputs: { ...base(), wait: 'true' } })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    const reason = 'Live: Offer validation failed: plan "gen2" has no VM image & cannot go live.'
    expect(result.stdout).toContain(`::error::The go-live failed: ${reason}`)
    expect(summaryRow(result.summary, 'contoso/contoso-vm')[1]).toBe('❌ failed')
    expect(result.summary).toContain(`### Errors reported by the service\n\n- ${reason.replace('&', '&amp;')}`)
  })

  it('fails a canceled go-live', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: canceledGoLive() })
    const result = await runAction({ inputs: { ...base(), wait: 'true' } })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('canceled')
    expect(result.stdout).toContain('::error::The go-live was canceled: Live: canceled')
  })

  it('waits through every still-going spelling and warns once about an unknown one', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: unusualSpellings() })
    const result = await runAction({ inputs: { ...base(), wait: 'true' } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(
      result.stdout.match(/::warning::The service reported an operation status the action does not know \('publishing'\)/g)
    ).toHaveLength(1)
  })

  it('times out: fails, keeps status running and says how to resume', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: endlessGoLive() })
    const result = await runAction({ inputs: { ...base(), wait: 'true', timeout: '300ms', 'poll-interval': '50ms' } })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('running')
    const location = result.outputs['operation-location'] as string
    expect(result.stdout).toContain(`::error::Timed out after 300ms waiting for the go-live of contoso/contoso-vm.`)
    expect(result.stdout).toContain(`run this action with operation-location: ${location}`)
    expect(summaryRow(result.summary, 'contoso/contoso-vm')[1]).toBe('⏳ running')
    expect(emulator.requestsTo('POST', '/cancel')).toHaveLength(0)
  })

  it('on SIGTERM stops at once, keeps the outputs, says how to resume, and cancels nothing remotely', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression: endlessGoLive() })
    const running = startAction({ inputs: { ...base(), wait: 'true', 'poll-interval': '10m' } })
    await running.waitForOutput('Now at step')
    running.child.kill('SIGTERM')
    const result = await running.result
    expect(result.signal).toBeNull() // it exited by itself, not killed
    expect(result.exitCode).toBe(1)
    expect(result.outputs['operation-location']).toBeTruthy()
    expect(result.outputs.status).toBe('running')
    expect(result.stdout).toContain(
      `::error::Received SIGTERM: the workflow is being cancelled. The go-live goes on at the service; nothing was cancelled.`
    )
    expect(summaryRow(result.summary, 'contoso/contoso-vm')[1]).toBe('⏳ running')
    expect(emulator.requestsTo('GET', '/operations/')).toHaveLength(1)
    expect(emulator.requestsTo('POST', '/cancel')).toHaveLength(0)
  })
})

describe('never twice', () => {
  it('on SIGTERM while the Go Live request is unanswered, says the go-live may have started and a re-run follows it', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    emulator.injectFault({ method: 'POST', kind: 'hang' })
    const running = startAction({ inputs: base() })
    await running.waitForOutput('Sending the Go Live request')
    while (posts().length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    running.child.kill('SIGTERM')
    const result = await running.result
    expect(result.signal).toBeNull()
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      '::error::The go-live may have started: run the step again to follow it (a re-run finds a running go-live and starts none twice). Received SIGTERM: the workflow is being cancelled while the go-live request of contoso/contoso-vm was on its way.'
    )
    // It may have started: never `not started`.
    const entry = onlyResults(result.outputs)
    expect(entry.status).toBe('unknown')
    expect(entry.error).toMatch(/^The go-live may have started: run the step again to follow it.*Received SIGTERM/)
  })

  it('a re-run while the go-live runs follows it and sends no POST', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', runningGoLive: succeedingGoLive() })
    const result = await runAction({ inputs: { ...base(), wait: 'true' } })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toMatch(
      /A go-live of contoso\/contoso-vm is already running \(submission [0-9a-f-]+\): following it instead of starting another\./
    )
    expect(summaryRow(result.summary, 'contoso/contoso-vm')[1]).toBe('✅ succeeded (followed)')
  })

  it('a POST whose answer is lost after the service acted is not repeated', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    emulator.injectFault({ method: 'POST', kind: 'reset-after-accept' })
    const result = await runAction({ inputs: base() })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(result.outputs.status).toBe('running')
    expect(result.outputs['operation-location']).toContain('/operations/')
  })

  it('a throttled POST is retried after the Retry-After it was given', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    emulator.injectFault({
      method: 'POST',
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '1' },
      body: '{"error":{"code":"TooManyRequests","message":"slow down"}}',
      contentType: 'application/json'
    })
    const result = await runAction({ inputs: base() })
    expect(result.exitCode).toBe(0)
    const [first, second] = posts()
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990)
    expect(result.stdout).toMatch(/The Go Live request: HTTP 429; retrying in 1s \(attempt 2 of 5\)\./)
  })

  it('a status read that hangs is timed out and retried', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    emulator.injectFault({ method: 'GET', path: '/operations/', kind: 'hang' })
    const result = await runAction({ inputs: { ...base(), wait: 'true', 'request-timeout': '300ms' } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toMatch(/no response from 127\.0\.0\.1:\d+ within 300ms; retrying/)
  })
})

describe('check later (operation-location)', () => {
  async function earlierRun(progression = succeedingGoLive()): Promise<string> {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', progression, locationStyle: 'location-preview' })
    const first = await runAction({ inputs: base() })
    emulator.requests.length = 0
    return first.outputs['operation-location'] as string
  }

  it('reads the operation once without waiting and reports its state', async () => {
    const location = await earlierRun()
    const result = await runAction({ inputs: { ...base(), 'operation-location': location } })
    expect(result.exitCode).toBe(0)
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${new URL(location).pathname}`])
    expect(result.outputs.status).toBe('running')
    expect(result.outputs['operation-location']).toBe(location)
    expect(result.outputs['operation-id']).toMatch(/^contoso\$contoso-vm\$\d+\$preview$/)
  })

  it('waits on a given operation (a path works too) and sends no POST', async () => {
    const location = await earlierRun()
    const result = await runAction({ inputs: { ...base(), 'operation-location': new URL(location).pathname, wait: 'true' } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(emulator.requests.every((r) => r.method === 'GET')).toBe(true)
  })

  it('fails the check when the go-live failed', async () => {
    const location = await earlierRun(failingGoLive())
    await runAction({ inputs: { ...base(), 'operation-location': location } })
    const result = await runAction({ inputs: { ...base(), 'operation-location': location } })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
  })
})

describe('failures in words, before any request where possible', () => {
  it.each([
    [{ publisher: 'con/toso' }, "Input 'publisher' must be a plain identifier"],
    [{ wait: 'maybe' }, "Input 'wait' must be 'true' or 'false'; got 'maybe'"],
    [{ timeout: 'forever' }, "Input 'timeout' must be a positive duration such as 500ms"],
    [{ 'base-url': 'http://cloudpartner.example' }, "Input 'base-url' must use https"],
    [{ 'operation-location': 'https://evil.example/api/operations/x' }, "Input 'operation-location' points to https://evil.example"]
  ])('refuses %j', async (inputs, message) => {
    const result = await runAction({ inputs: { ...base(), ...inputs } })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`::error::${message}`)
    expect(emulator.requests).toHaveLength(0)
    expect(result.outputs).toEqual({})
  })

  it('explains a 401, never printing the token even with debug logging', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const result = await runAction({ inputs: { ...base(), token: 'eyJ.expired.token' }, debug: true })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "::error::Listing the offer's submissions failed: HTTP 401 Unauthorized. The 'token' input was rejected"
    )
    expectNoSecret(result, 'eyJ.expired.token')
    expect(posts()).toHaveLength(0)
  })

  it('explains a 404 for an unknown offer', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'other' })
    const result = await runAction({ inputs: base() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "HTTP 404 Not Found (OfferNotFound: Offer 'contoso-vm' was not found for publisher 'contoso'.). Publisher 'contoso' or offer 'contoso-vm' was not found"
    )
  })

  it('shows an excerpt of an HTML error page', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    emulator.injectFault({
      method: 'POST',
      kind: 'status',
      status: 400,
      contentType: 'text/html',
      body: '<html><head><title>Bad Request</title></head><body><p>Invalid &lt;offer&gt; state</p></body></html>'
    })
    const result = await runAction({ inputs: base() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::The Go Live request failed: HTTP 400 Bad Request (Bad Request: Invalid <offer> state).')
  })

  it('a 202 that names no operation: finds the go-live it started and follows it, with no second POST', async () => {
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm', locationStyle: 'none' })
    const result = await runAction({ inputs: base() })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(result.stdout).toContain(
      '::warning::The Go Live request was accepted (HTTP 202), but the service sent neither an Operation-Location nor a Location header. The go-live has probably started; looking for it'
    )
    expect(result.outputs['operation-location']).toMatch(/\/api\/publishers\/contoso\/offers\/contoso-vm\/operations\/[0-9a-f-]{36}\?/)
    expect(result.outputs.status).toBe('running')
  })

  it('never records nor follows an operation location on another origin; says the go-live may have started', async () => {
    const looks = lookSchedule(backoffFor(20)).length + 1 // every look of the schedule at poll-interval 20ms
    emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    emulator.injectFault({
      method: 'POST',
      kind: 'status',
      status: 202,
      headers: { 'operation-location': 'https://attacker.example/api/operations/contoso$contoso-vm$1$preview' }
    })
    const result = await runAction({ inputs: { ...base(), wait: 'true' } })
    expect(result.exitCode).toBe(1)
    // Accepted, so it may well have started: unknown, and never sent again.
    expect(onlyResults(result.outputs)).toMatchObject({ status: 'unknown' })
    expect(result.stdout).toContain(
      `::error::The go-live may have started: run the step again to follow it (a re-run finds a running go-live and starts none twice). The Go Live request was accepted (HTTP 202), but the service sent an operation location that points to https://attacker.example, not to ${emulator.url}, and no running go-live of contoso/contoso-vm was listed in ${looks} looks over`
    )
    expect(log(result)).not.toContain('operation-location: https://attacker.example')
    expect(emulator.requestsTo('GET', '/operations/')).toHaveLength(0)
    expect(emulator.requestsTo('GET', '/submissions')).toHaveLength(1 + looks) // the pre-check, then the looks
    expect(posts()).toHaveLength(1)
  })
})
