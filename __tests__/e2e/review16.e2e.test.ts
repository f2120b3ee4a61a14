// Review of issue 16 (r16-review): cases where the step's verdict or its requests break the spec
// (notes/spec16.md). Each test is written to FAIL on the branch as reviewed; it passes once fixed.
// The bundle runs against a hostile CPP server on loopback (raw bytes, so a 2xx status line can
// come without its body).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { Socket } from 'node:net'
import { answer, jsonAnswer, startHostileServer, type HostileServer, type Reply } from '../../emulator/hostile-server.js'
import { runAction, startAction } from '../../scripts/run-action.js'

const TOKEN = 'review16-test-token'
const ID = 'contoso$contoso-vm$7$preview'
const LOCATION = `/api/operations/${ID}`

let server: HostileServer
beforeAll(async () => {
  server = await startHostileServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.requests.length = 0
})

interface Script {
  submissions?: (call: number) => Reply
  golive?: (call: number) => Reply
  operation?: (call: number) => Reply
}

/** Answers as a CPP service would (offer status not served: 404), but for what the script changes. */
function play(script: Script): void {
  const calls = { submissions: 0, golive: 0, operation: 0 }
  server.handle((request) => {
    if (request.method === 'GET' && request.path.endsWith('/submissions/')) {
      return (script.submissions ?? (() => jsonAnswer(200, [])))(++calls.submissions)
    }
    if (request.method === 'POST' && request.path.endsWith('/golive')) {
      return (script.golive ?? (() => answer(202, { location: `${LOCATION}?api-version=2017-10-31` })))(++calls.golive)
    }
    if (request.method === 'GET' && request.path.startsWith('/api/operations/')) {
      return (script.operation ?? (() => jsonAnswer(200, { status: 'succeeded', steps: [], messages: [] })))(++calls.operation)
    }
    return answer(404)
  })
}

const inputs = (extra: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer: 'contoso-vm',
  token: TOKEN,
  'base-url': server.url,
  'poll-interval': '20ms',
  ...extra
})
const posts = () => server.requestsTo('POST', '/golive')
const resultsOf = (outputs: Record<string, string>): Array<Record<string, string>> =>
  JSON.parse(outputs.results ?? '[]') as Array<Record<string, string>>

describe('review 16: never twice', () => {
  it('a 2xx whose body stalls past request-timeout is an acceptance: never sent again', async () => {
    // made-up: a gateway sends the 202 status line and headers, then the body never comes. The
    // service accepted the request (spec: "A 2xx answer is an acceptance ... it is NOT re-sent").
    play({
      golive: (n) =>
        n === 1
          ? (socket: Socket) =>
              socket.write(
                `HTTP/1.1 202 Accepted\r\ncontent-length: 100\r\nconnection: close\r\nlocation: ${LOCATION}?api-version=2017-10-31\r\n\r\n`
              )
          : answer(202, { location: `${LOCATION}?api-version=2017-10-31` })
    })
    const result = await runAction({ inputs: inputs({ 'request-timeout': '1s' }) })
    expect(posts()).toHaveLength(1)
    expect(resultsOf(result.outputs)[0]?.status).toBe('unknown')
  }, 30_000)

  it('a look that lists a go-live which started after the request (and already ended) is no reason to send it again', async () => {
    // made-up: the first request is answered by a bare 503 from a gateway although the backend
    // started the go-live; it failed within seconds, so the listing shows it, ended, changed just now.
    let postedAt = 0
    play({
      golive: (n) => {
        if (n === 1) postedAt = Date.now()
        return n === 1 ? answer(503) : answer(202, { location: `${LOCATION}?api-version=2017-10-31` })
      },
      submissions: () =>
        jsonAnswer(
          200,
          postedAt === 0
            ? []
            : [
                {
                  id: ID,
                  submissionType: 'golive',
                  submissionState: 'failed',
                  slot: 'production',
                  changedTime: new Date(postedAt + 10).toISOString()
                }
              ]
        )
    })
    await runAction({ inputs: inputs() })
    expect(posts()).toHaveLength(1)
  }, 30_000)
})

describe('review 16: never not started for a request that may have started a go-live', () => {
  it('first request ambiguous (bare 503), the listing lags, the second is refused with 409: unknown, not `not started`', async () => {
    // made-up: the first request started the go-live behind a gateway's bare 503; the listing lags
    // past the look, so the second request is refused (409: an operation runs: the first one's).
    play({
      golive: (n) =>
        n === 1
          ? answer(503)
          : answer(409, { 'content-type': 'application/json' }, '{"error":{"code":"Conflict","message":"An operation is in progress."}}')
    })
    const result = await runAction({ inputs: inputs() })
    expect(posts()).toHaveLength(2)
    const [entry] = resultsOf(result.outputs)
    expect(entry?.status).toBe('unknown')
  }, 30_000)
})

describe('review 16: not started when nothing that could start a go-live went out', () => {
  it('SIGTERM while waiting to retry a go-live request the service refused (429): not started, not unknown', async () => {
    // The service refuses the request (429 + Retry-After: a definite no, retried by the request
    // layer); the workflow is cancelled during the Retry-After wait, before any request is sent again.
    play({ golive: () => answer(429, { 'retry-after': '30' }) })
    const running = startAction({ inputs: inputs() })
    for (let i = 0; i < 1_000 && posts().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    await new Promise((resolve) => setTimeout(resolve, 300))
    running.child.kill('SIGTERM')
    const result = await running.result
    expect(posts()).toHaveLength(1)
    const [entry] = resultsOf(result.outputs)
    expect(entry?.status).toBe('not started')
    expect(entry?.error).toMatch(/nothing was sent|refused/i)
  }, 30_000)
})

describe('review 16: sign-in once, no renewal storm', () => {
  it('an API that rejects every token (app not added to the account): a few token requests, not one per offer', async () => {
    const { startCppEmulator } = await import('../../emulator/cpp-emulator.js')
    const { startIdentityEmulator, TEST_CA_FILE } = await import('../../emulator/identity-emulator.js')
    const clientId = '11111111-2222-3333-4444-555555555555'
    const tenantId = '99999999-8888-7777-6666-555555555555'
    // The tokens Entra ID issues are never accepted by the API: every request is answered 401.
    const emulator = await startCppEmulator({ tokens: [] })
    const identity = await startIdentityEmulator({ apps: [{ tenantId, clientId, secrets: ['s'] }] })
    try {
      const offers = Array.from({ length: 12 }, (_, i) => `vm-${i}`)
      for (const offer of offers) emulator.addOffer({ publisher: 'contoso', offer, offerStatus: 'waitingForPublisherReview' })
      await runAction({
        inputs: {
          publisher: 'contoso',
          offer: offers.join('\n'),
          'base-url': emulator.url,
          'client-id': clientId,
          'tenant-id': tenantId,
          'client-secret': 's',
          'authority-host': identity.authorityHost,
          'max-parallel': '1',
          'poll-interval': '20ms'
        },
        env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
      })
      const tokenRequests = identity.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length
      // One sign-in, and one renewal of the token the API rejected: a second rejected token is
      // not a stale token, so no more renewals.
      expect(tokenRequests).toBeLessThanOrEqual(2)
    } finally {
      await emulator.close()
      await identity.close()
    }
  }, 60_000)
})

describe('review 16: no state the service never gave', () => {
  it('an operation-location the service does not know (404): not `running`', async () => {
    // made-up: a typo in the operation id; the service answers 404 to every read of it.
    play({ operation: () => jsonAnswer(404, { error: { code: 'NotFound', message: 'No such operation.' } }) })
    const result = await runAction({
      inputs: inputs({ 'operation-location': `${server.url}${LOCATION}?api-version=2017-10-31`, wait: 'false' })
    })
    expect(result.exitCode).toBe(1)
    const [entry] = resultsOf(result.outputs)
    // Nothing was ever read of it: the action cannot say it runs.
    expect(entry?.status).not.toBe('running')
    expect(result.outputs.status).not.toBe('running')
  }, 30_000)
})
