// Tokens from the Azure CLI session (azure/login), through a fake `az` on PATH that answers as the
// real one does: the command and its environment, its answer read, its failures in words, renewal
// near expiry and after a 401, a run that hangs or is cancelled killed with what it started.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCoreMock } from '../helpers/core-mock.js'
import { createFakeAz, gone, type FakeAz } from '../helpers/fake-az.js'
import {
  expiredAssertionStderr,
  getAccessTokenAnswer,
  getAccessTokenAnswerBefore254,
  notSignedInStderr
} from '../fixtures/azure-cli-docs.js'
import { fakeJwt } from '../../emulator/identity-emulator.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { azureCliSignIn } = await import('../../src/auth/azure-cli-token-provider.js')
const { azureCliCommand, azureCliEnvironment, azureCliToken, MAX_OUTPUT } = await import('../../src/auth/azure-cli.js')
const { parseAzureCliToken } = await import('../../src/auth/azure-cli-answer.js')
const { THREE_WAYS } = await import('../../src/auth/auth-config.js')
const { ActionError } = await import('../../src/errors.js')
const { SignInUnavailableError } = await import('../../src/auth/github-oidc.js')

const CPP = { resource: 'https://cloudpartner.azure.com', apiName: 'CPP API' }
const GRAPH = { resource: 'https://graph.microsoft.com', apiName: 'Product Ingestion API' }
const APP = '11111111-2222-3333-4444-555555555555'
const backoff = { maxDelayMs: 1_000 }

/** A token as Entra ID issues one to an app (made-up claims: the fake needs only a JWT's shape). */
const token = (n: number, exp: number, resource = CPP.resource): string => fakeJwt({ aud: resource, appid: APP, n, exp })

let az: FakeAz
const nowSeconds = (): number => Math.floor(Date.now() / 1_000)
/** The fake first on PATH, and what a runner's step also has: inputs and tokens `az` must never see. */
const env = (): NodeJS.ProcessEnv => ({
  PATH: az.path,
  HOME: az.dir,
  AZURE_CONFIG_DIR: join(az.dir, '.azure'),
  AZURE_CLIENT_SECRET: 'not-for-az',
  HTTPS_PROXY: 'http://proxy.example:3128',
  'INPUT_CLIENT-SECRET': 'input-secret',
  INPUT_TOKEN: 'input-token',
  GITHUB_TOKEN: 'ghs_runner',
  ACTIONS_RUNTIME_TOKEN: 'runtime',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request'
})
const signIn = (options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  azureCliSignIn({ timeoutMs: options.timeoutMs ?? 10_000, signal: options.signal, env: env() }, backoff)
const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'no failure',
    (error: unknown) => error
  )

beforeEach(() => {
  core.reset()
  az = createFakeAz()
})
afterEach(() => {
  jest.restoreAllMocks()
  az.remove()
})

describe('the answer', () => {
  it("reads the documented answer: expires_on (UTC) wins over expiresOn (the writer's local time)", () => {
    expect(parseAzureCliToken(getAccessTokenAnswer, CPP.resource)).toEqual({
      accessToken: '...',
      expiresOn: new Date('2023-10-31T13:59:10.000Z')
    })
    expect(core.secrets).toEqual(['...'])
  })

  it('reads an answer from before Azure CLI 2.54.0 by its expiresOn, in local time', () => {
    expect(parseAzureCliToken(getAccessTokenAnswerBefore254, CPP.resource).expiresOn).toEqual(new Date(2023, 9, 31, 21, 59, 10))
  })

  it("falls back on the token's own exp when the answer says no expiry (made-up answer: no CLI writes one)", () => {
    const jwt = fakeJwt({ exp: 1_800_000_000 })
    expect(parseAzureCliToken(JSON.stringify({ accessToken: jwt }), CPP.resource).expiresOn).toEqual(new Date(1_800_000_000_000))
  })

  it('never quotes an answer it cannot read, and masks a token it found before refusing it', () => {
    const error = (() => {
      try {
        parseAzureCliToken('{"accessToken": "secret part\\nsecond line"}', CPP.resource)
      } catch (e) {
        return e as Error
      }
    })()
    expect(error?.message).toBe(
      "The Azure CLI's answer to az account get-access-token --resource https://cloudpartner.azure.com holds an accessToken that is not one line of token characters (not shown: it is a secret)."
    )
    expect(core.secrets).toEqual(['secret part\nsecond line', 'secret part', 'second line'])
    expect(() => parseAzureCliToken('accessToken: abc', CPP.resource)).toThrow(
      'is not the JSON object it writes (the answer is not shown: it may hold a token).'
    )
    expect(() => parseAzureCliToken('{"accessToken": "abc"}', CPP.resource)).toThrow('says neither when its token expires')
  })
})

describe('the command', () => {
  it('runs az with an argument array and no shell, from the root (no az of the checked-out repository)', () => {
    expect(azureCliCommand(CPP.resource, 'linux', {})).toEqual({
      file: 'az',
      args: ['account', 'get-access-token', '--output', 'json', '--resource', 'https://cloudpartner.azure.com'],
      windowsVerbatimArguments: false,
      cwd: '/'
    })
  })

  it('runs az.cmd through cmd.exe on Windows, from the Windows folder, with a command line of fixed words', () => {
    expect(azureCliCommand(GRAPH.resource, 'win32', { SystemRoot: 'C:\\Windows', ComSpec: 'C:\\Windows\\system32\\cmd.exe' })).toEqual({
      file: 'C:\\Windows\\system32\\cmd.exe',
      args: ['/d', '/s', '/c', '"az.cmd account get-access-token --output json --resource https://graph.microsoft.com"'],
      windowsVerbatimArguments: true,
      cwd: 'C:\\Windows'
    })
  })

  it('refuses a resource cmd.exe could read as more than a word', () => {
    expect(() => azureCliCommand('https://x.example & calc', 'win32', {})).toThrow('Not a resource to hand the Azure CLI')
    expect(() => azureCliCommand('https://x.example/"a"', 'linux', {})).toThrow('Not a resource to hand the Azure CLI')
  })

  it("hands az its own settings, PATH and proxies, never the step's inputs or the runner's tokens", () => {
    expect(azureCliEnvironment(env())).toEqual({
      PATH: az.path,
      HOME: az.dir,
      AZURE_CONFIG_DIR: join(az.dir, '.azure'),
      HTTPS_PROXY: 'http://proxy.example:3128'
    })
  })
})

describe('signed in', () => {
  it('takes the token az gives for the resource, masks it, and says who signed in, until when', async () => {
    const exp = nowSeconds() + 3_600
    az.answer({ token: token(1, exp), expiresOn: exp })
    const tokens = signIn().tokensFor(CPP)
    expect(await tokens.getToken()).toBe(token(1, exp))
    const [call] = az.calls()
    expect(call?.argv).toEqual(['account', 'get-access-token', '--output', 'json', '--resource', 'https://cloudpartner.azure.com'])
    // What az saw of the environment: nothing of the step's secrets.
    expect(Object.keys(call?.env ?? {}).filter((name) => /INPUT_|GITHUB_TOKEN|ACTIONS_|SECRET/.test(name))).toEqual([])
    expect(call?.env.AZURE_CONFIG_DIR).toBe(join(az.dir, '.azure'))
    expect(core.secrets).toEqual([token(1, exp)])
    expect(core.logged('info')).toEqual([
      `Signed in with the Azure CLI session (azure/login) as app ${APP}, for https://cloudpartner.azure.com, valid until ${new Date(exp * 1_000).toISOString()}.`
    ])
    // Served from its cache until shortly before it expires: no second run of az.
    expect(await tokens.getToken()).toBe(token(1, exp))
    expect(az.calls()).toHaveLength(1)
  })

  it('names a user by the name in its token', async () => {
    const exp = nowSeconds() + 3_600
    az.answer({ token: fakeJwt({ upn: 'ops@contoso.com', exp }), expiresOn: exp })
    await signIn().tokensFor(CPP).getToken()
    expect(core.logged('info')[0]).toMatch(/^Signed in with the Azure CLI session \(azure\/login\) as user ops@contoso\.com, for /)
  })

  it('asks for each resource with its own token and cache; the same resource twice is one provider', async () => {
    const exp = nowSeconds() + 3_600
    az.answer({ token: token(1, exp), expiresOn: exp }, { token: token(2, exp, GRAPH.resource), expiresOn: exp })
    const cli = signIn()
    expect(await cli.tokensFor(CPP).getToken()).toBe(token(1, exp))
    expect(await cli.tokensFor(GRAPH).getToken()).toBe(token(2, exp, GRAPH.resource))
    expect(cli.tokensFor(CPP)).toBe(cli.tokensFor(CPP))
    expect(await cli.tokensFor(CPP).getToken()).toBe(token(1, exp))
    expect(az.calls().map((c) => c.argv.at(-1))).toEqual(['https://cloudpartner.azure.com', 'https://graph.microsoft.com'])
  })
})

describe('no session', () => {
  it("not signed in: the CLI's own words and the three ways to sign in", async () => {
    az.answer({ exit: 1, stderr: notSignedInStderr })
    const error = (await failureOf(signIn().tokensFor(CPP).getToken())) as Error
    expect(error).toBeInstanceOf(ActionError)
    expect(error).not.toBeInstanceOf(SignInUnavailableError)
    expect(error.message).toBe(
      `Neither 'token' nor 'client-id' is given, and the Azure CLI is not signed in (az account get-access-token --resource https://cloudpartner.azure.com said: ERROR: Please run 'az login' to setup account.). ${THREE_WAYS}`
    )
    expect(THREE_WAYS).toContain("pass 'token'")
    expect(THREE_WAYS).toContain("pass 'client-id' and 'tenant-id'")
    expect(THREE_WAYS).toContain('run azure/login before this step')
  })

  it('not installed: no az on PATH, and the three ways to sign in', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-az-'))
    try {
      const cli = azureCliSignIn({ timeoutMs: 10_000, env: { PATH: empty } }, backoff)
      const error = (await failureOf(cli.tokensFor(CPP).getToken())) as Error
      expect(error.message).toBe(
        `Neither 'token' nor 'client-id' is given, and there is no Azure CLI session to sign in with: the Azure CLI (az) is not installed (not found on PATH). ${THREE_WAYS}`
      )
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('an expired GitHub OIDC token behind azure/login: says why, and what to do instead', async () => {
    az.answer({ exit: 1, stderr: expiredAssertionStderr })
    const error = (await failureOf(signIn().tokensFor(CPP).getToken())) as Error
    expect(error.message).toMatch(
      /^Getting a token for https:\/\/cloudpartner\.azure\.com from the Azure CLI session \(azure\/login\) failed \(exit code 1\): AADSTS700024, the GitHub OIDC token azure\/login signed in with has expired .* pass this action 'client-id' and 'tenant-id' instead: .* The CLI said: ERROR: AADSTS700024: Client assertion is not within its valid time range\./
    )
  })

  it('a network failure the CLI reports is an outage: a later try may succeed', async () => {
    // made-up stderr: how requests words a refused connection
    az.answer({
      exit: 1,
      stderr:
        "ERROR: HTTPSConnectionPool(host='login.microsoftonline.com', port=443): Max retries exceeded with url: /organizations/oauth2/v2.0/token"
    })
    const error = await failureOf(signIn().tokensFor(CPP).getToken())
    expect(error).toBeInstanceOf(SignInUnavailableError)
  })

  it('a flood on stdout is cut at the cap, not read', async () => {
    az.answer({ flood: MAX_OUTPUT * 2 })
    const error = (await failureOf(signIn().tokensFor(CPP).getToken())) as Error
    expect(error.message).toBe(
      'The Azure CLI wrote more than 256 KiB to stdout for az account get-access-token --resource https://cloudpartner.azure.com: it was stopped, and not read.'
    )
  })
})

describe('a run that does not end', () => {
  it('is killed at request-timeout, with the process it started', async () => {
    az.answer({ hang: true })
    const error = (await failureOf(signIn({ timeoutMs: 2_000 }).tokensFor(CPP).getToken())) as Error
    expect(error).toBeInstanceOf(SignInUnavailableError)
    expect(error.message).toBe(
      'The Azure CLI gave no answer to az account get-access-token --resource https://cloudpartner.azure.com within 2s (request-timeout), so it was stopped'
    )
    const [call] = az.calls()
    expect(call).toBeDefined()
    expect(await gone(call?.pid as number)).toBe(true)
  })

  it('is killed when the step is cancelled, and the cancellation is what it ends with', async () => {
    az.answer({ hang: true })
    const controller = new AbortController()
    const running = failureOf(azureCliToken(CPP.resource, { timeoutMs: 60_000, signal: controller.signal, env: env() }))
    while (az.calls().length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const reason = new Error('cancelled')
    controller.abort(reason)
    expect(await running).toBe(reason)
    expect(await gone(az.calls()[0]?.pid as number)).toBe(true)
  })
})

describe('renewal', () => {
  it('runs az again five minutes before the token expires, and says so', async () => {
    const start = Date.parse('2026-11-20T10:00:00Z')
    let now = start
    jest.spyOn(Date, 'now').mockImplementation(() => now)
    const exp1 = start / 1_000 + 3_600
    const exp2 = exp1 + 3_600
    az.answer({ token: token(1, exp1), expiresOn: exp1 }, { token: token(2, exp2), expiresOn: exp2 })
    const tokens = signIn().tokensFor(CPP)
    expect(await tokens.getToken()).toBe(token(1, exp1))
    now = start + 54 * 60_000 // six minutes left: still the first
    expect(await tokens.getToken()).toBe(token(1, exp1))
    expect(az.calls()).toHaveLength(1)
    now = start + 56 * 60_000 // four minutes left: renewed
    expect(await tokens.getToken()).toBe(token(2, exp2))
    expect(az.calls()).toHaveLength(2)
    expect(core.logged('info')[1]).toBe(
      `Renewed the access token for https://cloudpartner.azure.com from the Azure CLI session, valid until ${new Date(exp2 * 1_000).toISOString()}.`
    )
    expect(core.secrets).toEqual([token(1, exp1), token(2, exp2)])
  })

  it('a renewal ahead of expiry that fails keeps the still-valid token, with one warning', async () => {
    const start = Date.parse('2026-11-20T10:00:00Z')
    let now = start
    jest.spyOn(Date, 'now').mockImplementation(() => now)
    const exp = start / 1_000 + 3_600
    az.answer({ token: token(1, exp), expiresOn: exp }, { exit: 1, stderr: expiredAssertionStderr })
    const tokens = signIn().tokensFor(CPP)
    await tokens.getToken()
    now = start + 56 * 60_000
    expect(await tokens.getToken()).toBe(token(1, exp))
    now += backoff.maxDelayMs
    expect(await tokens.getToken()).toBe(token(1, exp))
    expect(az.calls()).toHaveLength(3)
    expect(core.logged('warning')).toHaveLength(1)
    expect(core.logged('warning')[0]).toMatch(
      /^Renewing the access token from the Azure CLI failed \(.*AADSTS700024.*\); the current one is valid until 2026-11-20T11:00:00\.000Z/
    )
    // Past its expiry the failure is the answer.
    now = exp * 1_000
    expect(((await failureOf(tokens.getToken())) as Error).message).toMatch(/AADSTS700024/)
  })

  it('after a 401: a fresh token from az (a new one each call)', async () => {
    const exp = nowSeconds() + 3_600
    az.answer({ token: token(1, exp), expiresOn: exp }, { token: token(2, exp), expiresOn: exp })
    const tokens = signIn().tokensFor(CPP)
    expect(tokens.renewable).toBe(true)
    expect(await tokens.getToken()).toBe(token(1, exp))
    expect(await tokens.renew(token(1, exp))).toBe(token(2, exp))
    expect(await tokens.getToken()).toBe(token(2, exp))
    expect(az.calls()).toHaveLength(2)
    expect(tokens.rejectionHint()).toBe(
      `The CPP API rejected the access token of the Azure CLI session (azure/login) for app ${APP}: check that this identity (the app registration, or managed identity, azure/login signed in with) was added to the Partner Center account (Account settings > User management > Microsoft Entra applications), and that azure/login signed in to the tenant of that account.`
    )
  })

  it("after a 401, the same token again from the CLI's cache is no fresh token", async () => {
    const exp = nowSeconds() + 3_600
    az.answer({ token: token(1, exp), expiresOn: exp })
    const tokens = signIn().tokensFor(CPP)
    await tokens.getToken()
    expect(await tokens.renew(token(1, exp))).toBeUndefined()
    expect(core.logged('info')).toContain(
      'The Azure CLI gave the rejected token for https://cloudpartner.azure.com again (it renews a token only shortly before it expires).'
    )
  })
})

it('no token ever reaches the log, debug on, through sign-in, renewals and failures', async () => {
  jest.mocked(core.module.isDebug as () => boolean).mockReturnValue(true)
  const start = Date.parse('2026-11-20T10:00:00Z')
  let now = start
  jest.spyOn(Date, 'now').mockImplementation(() => now)
  const exp = start / 1_000 + 3_600
  const issued = [token(1, exp), token(2, exp + 3_600), token(3, exp + 7_200)]
  az.answer(
    { token: issued[0] as string, expiresOn: exp },
    { token: issued[1] as string, expiresOn: exp + 3_600 },
    { exit: 1, stderr: notSignedInStderr },
    { token: issued[2] as string, expiresOn: exp + 7_200 }
  )
  const tokens = signIn().tokensFor(CPP)
  await tokens.getToken()
  now = start + 56 * 60_000
  await tokens.getToken()
  await failureOf(tokens.renew(issued[1]))
  await tokens.renew(issued[1])
  expect(core.secrets).toEqual(issued)
  expect(core.logged('debug').length).toBeGreaterThan(0)
  for (const secret of issued) {
    expect(core.lines.filter((line) => line.includes(secret))).toEqual([])
    // Nor any part of it: a JWT's payload alone names the app.
    expect(core.lines.filter((line) => line.includes(secret.split('.')[1] as string))).toEqual([])
  }
})
