// `npm run emulator` as a user starts it to try the action offline: emulator/cli.ts as a child
// process on free ports, and the bundle run with the .env lines it prints: an offer it has never
// seen, several in one step, each way to sign in (the identity emulator on --identity), both APIs,
// and .env.example as its comments say to use it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { LOCAL_ACTION } from '../../emulator/trial-env.js'
import { resultsOf } from '../helpers/fleet-results.js'
import { BUNDLE, NODE24, ROOT, runAction, type RunResult } from '../../scripts/run-action.js'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const SEVEN_DIGITS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/
const READY = 'Serving; stop with Ctrl+C.'

type Variables = Record<string, string>

interface Cli {
  stdout: string
  /** The inputs it prints, and each sign-in's lines, by the first words of its comment. */
  inputs: Variables
  signIn: { token: Variables; secret: Variables; oidc: Variables }
  /** NODE_EXTRA_CA_CERTS from the commands it prints (--identity only). */
  ca: string
  stop(): Promise<{ code: number | null; stdout: string }>
}

const variables = (paragraph = ''): Variables =>
  Object.fromEntries(
    paragraph
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_-]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )

/** Runs `node emulator/cli.ts <args>` as `npm run emulator -- <args>` does, until it serves or exits. */
function runCli(args: string[]): { child: ChildProcess; output: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(NODE24, ['emulator/cli.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } })
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  )
  return { child, output }
}

async function startCli(args: string[]): Promise<Cli> {
  const { child, output } = runCli(args)
  let stdout = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk
      if (stdout.includes(READY)) resolve()
    })
    void output.then(({ stderr }) => reject(new Error(`emulator/cli.ts ended before serving: ${stderr}`)))
  })
  const paragraphs = stdout.split('\n\n')
  const titled = (title: string): Variables => variables(paragraphs.find((p) => p.startsWith(`# ${title}`)))
  return {
    stdout,
    inputs: variables(paragraphs.find((p) => p.includes('INPUT_API='))),
    signIn: { token: titled('Sign in with a token'), secret: titled('or with a client secret'), oidc: titled('or with GitHub OIDC') },
    ca: /NODE_EXTRA_CA_CERTS=(\S+) npx /.exec(stdout)?.[1] ?? '',
    async stop() {
      child.kill('SIGTERM')
      const { code, stdout } = await output
      return { code, stdout }
    }
  }
}

/** The bundle with the printed lines as its environment (and the CA on the command, as printed). */
const run = (cli: Cli, env: Variables): Promise<RunResult> =>
  runAction({ inputs: { 'poll-interval': '20ms', wait: 'true' }, env: { ...cli.inputs, ...env, NODE_EXTRA_CA_CERTS: cli.ca } })

describe('npm run emulator -- --identity (the CPP API)', () => {
  let cli: Cli
  beforeAll(async () => {
    cli = await startCli(['--port', '0', '--identity'])
  })
  afterAll(async () => {
    const stopped = await cli?.stop()
    expect(stopped?.code).toBe(0)
    expect(stopped?.stdout).toMatch(/\d+ requests served; stopping\./)
  })

  it('prints the inputs and every way to sign in, each complete', () => {
    const base = cli.inputs['INPUT_BASE-URL'] as string
    expect(cli.inputs).toEqual({
      INPUT_API: 'cloud-partner-portal',
      'INPUT_BASE-URL': base,
      INPUT_PUBLISHER: 'contoso',
      INPUT_OFFER: 'contoso-vm'
    })
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(Object.keys(cli.signIn.token)).toEqual(['INPUT_TOKEN'])
    expect(Object.keys(cli.signIn.secret).sort()).toEqual([
      'INPUT_AUTHORITY-HOST',
      'INPUT_CLIENT-ID',
      'INPUT_CLIENT-SECRET',
      'INPUT_TENANT-ID'
    ])
    expect(Object.keys(cli.signIn.oidc).sort()).toEqual([
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'INPUT_AUTHORITY-HOST',
      'INPUT_CLIENT-ID',
      'INPUT_TENANT-ID'
    ])
    expect(cli.signIn.secret['INPUT_AUTHORITY-HOST']).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(cli.ca).toBe(join(ROOT, 'emulator', 'tls', 'ca.crt'))
    expect(LOCAL_ACTION).toMatch(/^@github\/local-action@7\.\d+\.\d+$/)
    expect(cli.stdout).toContain(`npx --yes ${LOCAL_ACTION} . src/main.ts .env`)
    expect(cli.stdout).toContain('node_modules/.bin/node --env-file=.env dist/index.js')
  })

  it('takes an offer of a publisher it has never seen live, with the token it prints; its ids and times are real-shaped', async () => {
    const result = await run(cli, { ...cli.signIn.token, INPUT_PUBLISHER: 'fabrikam', INPUT_OFFER: 'fabrikam-new-vm' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    const id = result.outputs['operation-id'] as string
    expect(id).toMatch(GUID)
    expect(result.outputs['operation-location']).toBe(
      `${cli.inputs['INPUT_BASE-URL']}/api/publishers/fabrikam/offers/fabrikam-new-vm/operations/${id}?api-version=2017-10-31`
    )
    const operation = JSON.parse(result.outputs.operation as string) as {
      liveLinks: Array<{ uri: string }>
      steps: Array<{ messages: Array<{ timestamp: string }> }>
    }
    // Its links name this offer, not the emulator's example.
    expect(operation.liveLinks.map((l) => l.uri)).toEqual([
      'https://azuremarketplace.microsoft.com/marketplace/apps/fabrikam.fabrikam-new-vm'
    ])
    const times = operation.steps.flatMap((s) => s.messages.map((m) => m.timestamp))
    expect(times.length).toBeGreaterThan(0)
    for (const time of times) expect(time).toMatch(SEVEN_DIGITS)
  })

  it('creates an unseen offer ready to go live: a dry run finds it waiting for the go-live', async () => {
    const result = await run(cli, { ...cli.signIn.token, INPUT_OFFER: 'dry-run-vm', 'INPUT_DRY-RUN': 'true' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['offer-status']).toBe('waitingForPublisherReview')
  })

  it('takes several offers live in one step, signed in with the client secret it prints', async () => {
    const result = await run(cli, { ...cli.signIn.secret, INPUT_OFFER: 'vm-a, vm-b, vm-c' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    const results = resultsOf(result, ['vm-a', 'vm-b', 'vm-c'])
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    for (const r of results) expect(r['operation-id']).toMatch(GUID)
    expect(new Set(results.map((r) => r['operation-id'])).size).toBe(3)
    expect(result.stdout).toContain(`Signed in to Microsoft Entra ID as app ${cli.signIn.secret['INPUT_CLIENT-ID']} with a client secret`)
  })

  it('signs in with GitHub OIDC through the variables it prints', async () => {
    const result = await run(cli, { ...cli.signIn.oidc, INPUT_OFFER: 'oidc-vm' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toContain(`Signed in to Microsoft Entra ID as app ${cli.signIn.oidc['INPUT_CLIENT-ID']} with GitHub OIDC`)
  })

  it('without the CA on the command, the client-secret sign-in fails and the step exits 1', async () => {
    const result = await runAction({ inputs: {}, env: { ...cli.inputs, ...cli.signIn.secret, INPUT_OFFER: 'no-ca-vm' } })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      `::error::Signing in to Microsoft Entra ID with the client secret (client-id ${cli.signIn.secret['INPUT_CLIENT-ID']}`
    )
  })

  describe('.env.example', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
    /** The example for this emulator's ports (it is written for the default ones, 8787 and 8788). */
    const forPorts = (text: string): string =>
      text
        .replaceAll('http://127.0.0.1:8787', cli.inputs['INPUT_BASE-URL'] as string)
        .replaceAll('https://127.0.0.1:8788', cli.signIn.secret['INPUT_AUTHORITY-HOST'] as string)

    it('holds every line the emulator prints, for its default ports', () => {
      const lines = forPorts(example).split('\n')
      const printed = { ...cli.inputs, ...cli.signIn.token, ...cli.signIn.secret, ...cli.signIn.oidc }
      for (const [name, value] of Object.entries(printed)) {
        expect(lines.filter((l) => l === `${name}=${value}` || l === `# ${name}=${value}`)).toHaveLength(1)
      }
      // The same pinned local-action in .env.example and the README as the emulator prints.
      expect(example).toContain(`npx --yes ${LOCAL_ACTION} . src/main.ts .env`)
      expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`npx --yes ${LOCAL_ACTION} . src/main.ts .env`)
    })

    it('runs the bundle as its comment says (node --env-file=.env dist/index.js), writing the summary to its file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'env-example-'))
      try {
        // As the comments say: the token as it stands; then GitHub OIDC (INPUT_TOKEN out, its lines in).
        const oidc = example
          .replace(/^INPUT_TOKEN=/m, '# INPUT_TOKEN=')
          .replace(
            /^# (INPUT_CLIENT-ID|INPUT_TENANT-ID|INPUT_AUTHORITY-HOST|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_ID_TOKEN_REQUEST_TOKEN)=/gm,
            '$1='
          )
          .replace(/^INPUT_OFFER=contoso-vm$/m, 'INPUT_OFFER=env-example-oidc-vm')
        for (const [name, text, signedIn] of [
          ['token', example, 'Go-live started for contoso/contoso-vm'],
          ['oidc', oidc, 'with GitHub OIDC']
        ] as const) {
          writeFileSync(join(dir, `${name}.env`), forPorts(text))
          writeFileSync(join(dir, 'local-summary.md'), '') // touch local-summary.md
          const ran = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
            const child = spawn(NODE24, [`--env-file=${name}.env`, BUNDLE], {
              cwd: dir,
              // The environment wins over --env-file: only the poll interval is made quicker than the file's 1s.
              env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: cli.ca, 'INPUT_POLL-INTERVAL': '20ms' }
            })
            let stdout = ''
            child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
            child.on('close', (code) => resolve({ code, stdout }))
          })
          expect([name, ran.code]).toEqual([name, 0])
          expect(ran.stdout).toContain(signedIn)
          expect(ran.stdout).toContain('::set-output name=status::succeeded')
          expect(readFileSync(join(dir, 'local-summary.md'), 'utf8')).toMatch(/^## Go live: contoso\/\S+\n/)
        }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
})

describe('npm run emulator -- --api product-ingestion --identity', () => {
  let cli: Cli
  beforeAll(async () => {
    cli = await startCli(['--api', 'product-ingestion', '--port', '0', '--identity'])
  })
  afterAll(async () => {
    expect((await cli?.stop())?.code).toBe(0)
  })

  it('prints the Product Ingestion inputs', () => {
    expect(cli.inputs).toEqual({
      INPUT_API: 'product-ingestion',
      'INPUT_BASE-URL': expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/rp\/product-ingestion$/),
      INPUT_OFFER: 'contoso-vm'
    })
  })

  it('takes several products it has never seen live, signed in with GitHub OIDC; job ids are GUIDs, times have 7 digits', async () => {
    const offers = ['product-a', 'product-b', 'product-c']
    const result = await run(cli, { ...cli.signIn.oidc, INPUT_OFFER: offers.join('\n') })
    expect(result.exitCode).toBe(0)
    const results = resultsOf(result, offers)
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    for (const r of results) expect(r['operation-id']).toMatch(GUID)
    expect(result.stdout).toContain('with GitHub OIDC')
    // The summary's Started and Ended columns: the jobs' times as the emulator sent them.
    const times = result.summary.match(/\d{4}-\d\d-\d\dT[\d:.]+Z/g) ?? []
    expect(times).toHaveLength(6)
    for (const time of times) expect(time).toMatch(SEVEN_DIGITS)
  })

  it('creates an unseen product with a newer preview ready to go live: 19-digit submission numbers, 7-digit times', async () => {
    const base = cli.inputs['INPUT_BASE-URL'] as string
    const headers = { authorization: `Bearer ${cli.signIn.token.INPUT_TOKEN}` }
    const read = async (path: string) => {
      const answer = await fetch(`${base}${path}`, { headers })
      expect(answer.status).toBe(200)
      return ((await answer.json()) as { value: Array<Record<string, unknown>> }).value
    }
    const [product] = await read('/product?externalId=never-seen-product&$version=2022-07-01')
    expect(product?.id).toMatch(/^product\/[0-9a-f-]{36}$/)
    const submissions = await read(`/submission/${String(product?.id).slice('product/'.length)}?$version=2022-07-01`)
    const published = submissions.filter((s) => s.status !== undefined)
    const numbers = published.map((s) => /\/(\d+)$/.exec(String(s.id))?.[1] ?? '')
    for (const n of numbers) expect(n).toMatch(/^\d{19}$/)
    for (const s of published) expect(s.created).toMatch(SEVEN_DIGITS)
    const newest = (target: string) =>
      published
        .filter((s) => (s.target as { targetType: string }).targetType === target)
        .map((s) => BigInt(/\/(\d+)$/.exec(String(s.id))?.[1] ?? '0'))
        .reduce((a, b) => (a > b ? a : b), 0n)
    // A succeeded preview newer than what is live: what a go-live takes live.
    expect(newest('preview')).toBeGreaterThan(newest('live'))
  })
})

describe('npm run emulator flags', () => {
  it.each([
    [['--port', 'abc'], "--port must be a port number, 0 to 65535 (0 picks a free one); got 'abc'"],
    [['--identity-port', '70000'], "--identity-port must be a port number, 0 to 65535 (0 picks a free one); got '70000'"],
    [['--api', 'graph'], "--api must be cloud-partner-portal or product-ingestion; got 'graph'"]
  ])('%j is refused, naming the flag', async (args, message) => {
    const { code, stderr } = await runCli(args).output
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(message)
  })
})
