// An odd answer while waiting costs one poll, not the wait: the bundle against the emulators, with a
// 404 injected in the middle of a wait (after the first status read), once or for good.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'

let cpp: CppEmulator
let pia: PiaEmulator
beforeAll(async () => {
  cpp = await startCppEmulator()
  pia = await startPiaEmulator()
})
afterAll(async () => {
  await cpp.close()
  await pia.close()
})
beforeEach(() => {
  cpp.reset()
  pia.reset()
})

const cppInputs = (extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer: 'contoso-vm',
  token: DEFAULT_TOKEN,
  'base-url': cpp.url,
  'poll-interval': '20ms',
  wait: 'true',
  ...extra
})
const NOT_FOUND = { kind: 'status', status: 404, contentType: 'application/json' } as const
const warnings = (r: RunResult) => r.stdout.split('\n').filter((l) => l.startsWith('::warning::'))

describe('a 404 on a status read mid-wait', () => {
  it('CPP: one 404 after the first read is one warning and a missed poll; the wait goes on to success', async () => {
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    cpp.injectFault({ method: 'GET', path: '/operations/', after: 1, ...NOT_FOUND, body: '{"error":{"code":"NotFound","message":"gone"}}' })
    const result = await runAction({ inputs: cppInputs() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(warnings(result)).toEqual([
      expect.stringMatching(/^::warning::Poll 2 missed: Reading the operation status failed: HTTP 404 Not Found \(NotFound: gone\)\. /)
    ])
    expect(result.stdout).toContain('Poll 3 read the status again after 1 missed poll.')
    expect(cpp.requestsTo('POST', '/golive')).toHaveLength(1)
  })

  it('Product Ingestion: one 404 on the job status mid-wait is one warning; the job is followed to success', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    pia.injectFault({ method: 'GET', path: '/status', after: 1, ...NOT_FOUND, body: '{"code":"NotFound","message":"no such job"}' })
    const result = await runAction({
      inputs: {
        api: 'product-ingestion',
        offer: 'contoso-vm',
        token: DEFAULT_TOKEN,
        'base-url': pia.url,
        'poll-interval': '20ms',
        wait: 'true'
      }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(warnings(result)).toEqual([
      expect.stringMatching(/^::warning::Poll 2 missed: Reading the go-live job's status failed: HTTP 404 Not Found/)
    ])
    expect(pia.requestsTo('POST', '/configure')).toHaveLength(1)
  })

  it('CPP: 404s that last past the missed-poll budget end the wait, saying the operation (not the offer) was not found', async () => {
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    // A well-formed location of this offer that the service does not know (mistyped, or expired).
    const location = `${cpp.url}/api/publishers/contoso/offers/contoso-vm/operations/6f1c1c4e-7a51-4a4b-9d7e-2d0c8e6b1a90?api-version=2017-10-31`
    // A budget of a quarter of the 2s timeout: about 25 polls at 20ms.
    const result = await runAction({ inputs: cppInputs({ 'operation-location': location, timeout: '2s' }) })
    expect(result.exitCode).toBe(1)
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error::Reading the operation status failed: HTTP 404 Not Found \(NotFound: Operation '[0-9a-f-]{36}' was not found\.\)\. No operation was found at .+: the location may be wrong, or the service no longer keeps the operation\. .* The status could not be read for \d+ms \(\d+ polls in a row\), longer than the wait tolerates \(500ms\); giving up waiting\.$/
      )
    ])
    expect(errors[0]).toContain(`No operation was found at ${location}`)
    expect(errors[0]).not.toContain("Publisher 'contoso' or offer 'contoso-vm'")
    expect(errors[0]).not.toContain('Timed out')
    const reads = cpp.requestsTo('GET', '/operations/').length
    expect(reads).toBeGreaterThanOrEqual(3)
    expect(warnings(result)).toHaveLength(reads - 1)
    expect(cpp.requestsTo('POST', '/golive')).toHaveLength(0)
  })
})
