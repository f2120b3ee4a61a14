// An unreachable base-url through the bundle: the first pre-check that cannot connect after its
// retries ends the offer as not started (no "going on without", no further read, no go-live
// request), in words that name base-url and its value, the proxy variables and, for a local trial,
// the emulator. Several offers: after one offer spent its retries, the others try once. Behind a
// proxy that cannot reach the service, the words name the proxy (never its password).
import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:net'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { startConnectProxy } from '../../emulator/connect-proxy.js'
import { logAsWritten, runAction, type RunResult } from '../../scripts/run-action.js'

type Result = Record<'offer' | 'status' | 'error', string>
const resultsOf = (result: RunResult) => JSON.parse(result.outputs.results as string) as Result[]
/** The requests the action sent, as its debug log says them (`GET /path -> outcome`). */
// The log as written, before the groups that tell each offer's story again at the step's end.
const sent = (result: RunResult) =>
  logAsWritten(result)
    .split('\n')
    .filter((line) => /^::debug::(GET|POST) \//.test(line))

/** A loopback port that was free a moment ago: every connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction({
    inputs: { publisher: 'contoso', token: DEFAULT_TOKEN, wait: 'true', timeout: '2m', 'poll-interval': '100ms', ...inputs },
    env,
    debug: true
  })

describe('an unreachable base-url (bundle)', () => {
  it('CPP: the listing is retried, then the offer ends not started, naming base-url, the proxy variables and the emulator', async () => {
    const port = await closedPort()
    const result = await run({ offer: 'vm-a', 'base-url': `http://127.0.0.1:${port}` })

    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('not started')
    // One phase: the listing's five attempts; no status read, no Go Live request.
    const requests = sent(result)
    expect(requests).toHaveLength(5)
    expect(requests.every((line) => line.includes('GET /api/publishers/contoso/offers/vm-a/submissions/'))).toBe(true)
    expect(result.stdout).not.toMatch(/going on without|Sending the Go Live request/)
    const [offer] = resultsOf(result)
    expect(offer?.status).toBe('not started')
    const error = result.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? ''
    expect(error).toContain(
      `Listing the offer's submissions failed: could not connect to 127.0.0.1:${port} (ECONNREFUSED) (5 attempts over`
    )
    expect(error).toContain(`check base-url (http://127.0.0.1:${port})`)
    expect(error).toContain('HTTP_PROXY (or http_proxy) and NO_PROXY')
    expect(error).toContain('npm run emulator')
    expect(error).toContain('Nothing was sent.')
    // `results` keeps the start of it: what failed and the base-url.
    expect(offer?.error).toContain(`check base-url (http://127.0.0.1:${port})`)
  })

  it('Product Ingestion: the product lookup is retried, then the same words', async () => {
    const port = await closedPort()
    const result = await run({
      api: 'product-ingestion',
      offer: 'vm-a',
      'base-url': `http://127.0.0.1:${port}/rp/product-ingestion`,
      'poll-interval': '100ms'
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('not started')
    expect(sent(result)).toHaveLength(5)
    const error = result.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? ''
    expect(error).toMatch(/Looking up the product 'vm-a' failed: could not connect to .* \(5 attempts over .*\)\./)
    expect(error).toContain(`check base-url (http://127.0.0.1:${port}/rp/product-ingestion)`)
    expect(error).toContain('npm run emulator')
  })

  it('several offers: the first two spend their retries, the others try once, each ending not started with the words', async () => {
    const port = await closedPort()
    const offers = ['vm-a', 'vm-b', 'vm-c', 'vm-d', 'vm-e', 'vm-f']
    const result = await run({ offer: offers.join(', '), 'max-parallel': '2', 'base-url': `http://127.0.0.1:${port}` })

    expect(result.exitCode).toBe(1)
    const results = resultsOf(result)
    expect(results.map((r) => r.status)).toEqual(offers.map(() => 'not started'))
    for (const r of results) expect(r.error).toContain(`check base-url (http://127.0.0.1:${port})`)
    // Two offers at a time: the first two spend five attempts each; the four after them one each.
    const perOffer = offers.map((offer) => sent(result).filter((line) => line.includes(`/offers/${offer}/`)).length)
    expect(perOffer).toEqual([5, 5, 1, 1, 1, 1])
    expect(results.slice(2).every((r) => r.error.includes('not retried, as an earlier request of this step could not connect'))).toBe(true)
  })

  it('behind a proxy that cannot reach the service: names the proxy by its origin and the variable, never its password', async () => {
    // A proxy that knows no route: every tunnel is answered 502, as a proxy that cannot reach the host does.
    const proxy = await startConnectProxy({})
    try {
      const proxyUrl = new URL(proxy.url)
      proxyUrl.username = 'build'
      proxyUrl.password = 'pr0xy-pass'
      const result = await run({ offer: 'vm-a' }, { HTTPS_PROXY: proxyUrl.href })
      expect(result.outputs.status).toBe('not started')
      expect(proxy.tunnels.length).toBeGreaterThan(0)
      expect(proxy.tunnels.every((target) => target === 'cloudpartner.azure.com:443')).toBe(true)
      const error = result.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? ''
      expect(error).toContain('check base-url (https://cloudpartner.azure.com)')
      expect(error).toContain(`The connection went through the proxy ${proxy.url} (HTTPS_PROXY)`)
      expect(error).not.toContain('emulator')
      expect(result.stdout).not.toContain('pr0xy-pass')
    } finally {
      await proxy.close()
    }
  })
})
