// Sign-in with the Azure CLI session an azure/login step left, end to end: the bundle with neither
// `token` nor `client-id`, a fake `az` first on PATH, against the CPP and PIA emulators.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { fakeJwt } from '../../emulator/identity-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { runAction, startAction, type RunResult } from '../../scripts/run-action.js'
import { notSignedInStderr } from '../fixtures/azure-cli-docs.js'
import { createFakeAz, gone, type FakeAz } from '../helpers/fake-az.js'

const APP = '11111111-2222-3333-4444-555555555555'
const CPP_RESOURCE = 'https://cloudpartner.azure.com'
const GRAPH_RESOURCE = 'https://graph.microsoft.com'
const THREE_WAYS =
  "Sign in one of three ways: pass 'token', a Microsoft Entra ID access token for the API's resource; pass 'client-id' and 'tenant-id' of an app registration (signing in through GitHub OIDC, which needs `permissions: id-token: write`, or with 'client-secret'); or run azure/login before this step and pass neither (the action then takes its tokens from that Azure CLI session)"

let az: FakeAz
let cpp: CppEmulator | undefined
let pia: PiaEmulator | undefined
beforeEach(() => {
  az = createFakeAz()
})
afterEach(async () => {
  await cpp?.close()
  await pia?.close()
  cpp = pia = undefined
  az.remove()
})

const exp = (): number => Math.floor(Date.now() / 1_000) + 3_600
/** A token as Entra ID issues one to the app azure/login signed in as (made-up claims: a JWT's shape is all that is read). */
const token = (n: number, resource: string, expires: number): string => fakeJwt({ aud: resource, appid: APP, exp: expires, n })
const cppInputs = (extra: Record<string, string> = {}) => ({
  api: 'cloud-partner-portal',
  publisher: 'contoso',
  offer: 'contoso-vm',
  'base-url': (cpp as CppEmulator).url,
  'poll-interval': '20ms',
  ...extra
})
const piaInputs = (extra: Record<string, string> = {}) => ({
  api: 'product-ingestion',
  offer: 'contoso-vm',
  'base-url': (pia as PiaEmulator).url,
  'poll-interval': '20ms',
  ...extra
})
const withAz = (): Record<string, string> => ({ PATH: az.path })
const bearers = (requests: Array<{ headers: Record<string, unknown> }>): unknown[] => [
  ...new Set(requests.map((r) => r.headers.authorization))
]

/** No token may appear in the log but in the ::add-mask:: command that hides it. */
function expectMasked(result: RunResult, secrets: string[]): void {
  const lines = (result.stdout + result.stderr).split('\n')
  for (const secret of secrets) {
    expect(lines.filter((l) => l === `::add-mask::${secret}`)).toHaveLength(1)
    expect(lines.filter((l) => l.includes(secret) && l !== `::add-mask::${secret}`)).toEqual([])
  }
}

describe('signed in with azure/login', () => {
  it('goes live on the CPP API with the token az gives for its resource, and says who signed in', async () => {
    cpp = await startCppEmulator({ tokens: [] })
    const expires = exp()
    const issued = token(1, CPP_RESOURCE, expires)
    cpp.acceptToken(issued)
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    az.answer({ token: issued, expiresOn: expires })
    const result = await runAction({ inputs: cppInputs({ wait: 'true' }), env: withAz(), debug: true })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(az.calls().map((c) => c.argv)).toEqual([['account', 'get-access-token', '--output', 'json', '--resource', CPP_RESOURCE]])
    expect(bearers(cpp.requests)).toEqual([`Bearer ${issued}`])
    expect(cpp.requestsTo('POST', '/golive')).toHaveLength(1)
    expect(result.stdout).toContain(
      `Signed in with the Azure CLI session (azure/login) as app ${APP}, for ${CPP_RESOURCE}, valid until ${new Date(expires * 1_000).toISOString()}.`
    )
    // az ran without the step's inputs in its environment.
    expect(Object.keys(az.calls()[0]?.env ?? {}).filter((name) => name.startsWith('INPUT_') || name.startsWith('GITHUB_'))).toEqual([])
    expectMasked(result, [issued])
  })

  it('goes live on the Product Ingestion API with a token for Microsoft Graph', async () => {
    pia = await startPiaEmulator({ tokens: [] })
    const expires = exp()
    const issued = token(1, GRAPH_RESOURCE, expires)
    pia.acceptToken(issued)
    pia.addProduct({ externalId: 'contoso-vm' })
    az.answer({ token: issued, expiresOn: expires })
    const result = await runAction({ inputs: piaInputs({ wait: 'true' }), env: withAz(), debug: true })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(az.calls().map((c) => c.argv.at(-1))).toEqual([GRAPH_RESOURCE])
    expect(bearers(pia.requests)).toEqual([`Bearer ${issued}`])
    expect(pia.requestsTo('POST', '/configure')).toHaveLength(1)
    expect(result.stdout).toContain(`Signed in with the Azure CLI session (azure/login) as app ${APP}, for ${GRAPH_RESOURCE}`)
    expectMasked(result, [issued])
  })
})

describe('renewal after a 401', () => {
  it('CPP: a rejected token is renewed once through az, and the go-live goes on', async () => {
    // Each token is good for two requests; az gives a new one each call.
    cpp = await startCppEmulator({ tokens: [], tokenUses: 2 })
    const expires = exp()
    const issued = [1, 2, 3].map((n) => token(n, CPP_RESOURCE, expires))
    for (const t of issued) cpp.acceptToken(t)
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    az.answer(...issued.map((t) => ({ token: t, expiresOn: expires })))
    const result = await runAction({ inputs: cppInputs(), env: withAz() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('accepted')
    expect(az.calls()).toHaveLength(2)
    expect(bearers(cpp.requests)).toEqual([`Bearer ${issued[0]}`, `Bearer ${issued[1]}`])
    expect(result.stdout).toContain('the service rejected the access token (HTTP 401); retrying once with a fresh token.')
    expect(result.stdout).toContain(`Renewed the access token for ${CPP_RESOURCE} from the Azure CLI session`)
    expectMasked(result, issued.slice(0, 2))
  })

  it('Product Ingestion: a 401 is renewed once through az', async () => {
    pia = await startPiaEmulator({ tokens: [] })
    const expires = exp()
    const issued = [1, 2].map((n) => token(n, GRAPH_RESOURCE, expires))
    for (const t of issued) pia.acceptToken(t)
    pia.addProduct({ externalId: 'contoso-vm' })
    // made-up answer body: the service's 401 as the emulator words it
    pia.injectFault({ path: '/product', kind: 'status', status: 401, body: '{"error":{"code":"unauthorized"}}' })
    az.answer(...issued.map((t) => ({ token: t, expiresOn: expires })))
    const result = await runAction({ inputs: piaInputs(), env: withAz() })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('accepted')
    expect(az.calls()).toHaveLength(2)
    expect(pia.requests[0]?.headers.authorization).toBe(`Bearer ${issued[0]}`)
    expect(bearers(pia.requests.slice(1))).toEqual([`Bearer ${issued[1]}`])
    expect(result.stdout).toContain(`Renewed the access token for ${GRAPH_RESOURCE} from the Azure CLI session`)
  })
})

describe('no session', () => {
  it('not signed in: fails with the three ways to sign in, and sends nothing', async () => {
    cpp = await startCppEmulator()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    az.answer({ exit: 1, stderr: notSignedInStderr })
    const result = await runAction({ inputs: cppInputs(), env: withAz() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      `::error::Neither 'token' nor 'client-id' is given, and the Azure CLI is not signed in (az account get-access-token --resource ${CPP_RESOURCE} said: ERROR: Please run 'az login' to setup account.). ${THREE_WAYS}: nothing was sent.`
    )
    expect(cpp.requests).toHaveLength(0)
    expect(az.calls()).toHaveLength(1)
  })

  it('Product Ingestion, not signed in either: the same, nothing sent', async () => {
    pia = await startPiaEmulator()
    pia.addProduct({ externalId: 'contoso-vm' })
    az.answer({ exit: 1, stderr: notSignedInStderr })
    const result = await runAction({ inputs: piaInputs(), env: withAz() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`the Azure CLI is not signed in (az account get-access-token --resource ${GRAPH_RESOURCE} said:`)
    expect(result.stdout).toContain(`${THREE_WAYS}: nothing was sent.`)
    expect(pia.requests).toHaveLength(0)
  })

  it('no Azure CLI on PATH: fails with the three ways to sign in, and sends nothing', async () => {
    cpp = await startCppEmulator()
    cpp.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const empty = mkdtempSync(join(tmpdir(), 'no-az-'))
    try {
      const result = await runAction({ inputs: cppInputs(), env: { PATH: empty } })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(
        `::error::Neither 'token' nor 'client-id' is given, and there is no Azure CLI session to sign in with: the Azure CLI (az) is not installed (not found on PATH). ${THREE_WAYS}: nothing was sent.`
      )
      expect(cpp.requests).toHaveLength(0)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('a bad input is still refused first, before az runs', async () => {
    cpp = await startCppEmulator()
    az.answer({ exit: 1, stderr: notSignedInStderr })
    const result = await runAction({ inputs: cppInputs({ 'tenant-id': 'contoso.onmicrosoft.com' }), env: withAz() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Input 'client-id' is required with 'tenant-id'")
    expect(az.calls()).toHaveLength(0)
  })
})

describe('a hanging az', () => {
  it('is stopped at request-timeout: the step fails, nothing sent', async () => {
    cpp = await startCppEmulator()
    az.answer({ hang: true })
    const result = await runAction({ inputs: cppInputs({ 'request-timeout': '2s' }), env: withAz() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      `::error::The Azure CLI gave no answer to az account get-access-token --resource ${CPP_RESOURCE} within 2s (request-timeout), so it was stopped: nothing was sent.`
    )
    expect(cpp.requests).toHaveLength(0)
    expect(await gone(az.calls()[0]?.pid as number)).toBe(true)
  })

  it('SIGTERM while az runs stops it at once, with the process it started', async () => {
    cpp = await startCppEmulator()
    az.answer({ hang: true })
    const action = startAction({ inputs: cppInputs({ 'request-timeout': '10m' }), env: withAz() })
    while (az.calls().length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    action.child.kill('SIGTERM')
    const result = await action.result
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::Received SIGTERM: the workflow is being cancelled while signing in: nothing was sent.')
    expect(await gone(az.calls()[0]?.pid as number)).toBe(true)
    expect(cpp.requests).toHaveLength(0)
  })
})
