// Two offers of one step against the CPP emulator, on real time: their services share one
// Throttle (passed through the descriptor's createService), so a 429 with Retry-After on one
// offer's status read holds the next request of both offers until the time the service asked for.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { endlessGoLive } from '../../emulator/scenarios.js'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppFixture } from '../helpers/cpp-fixture.js'
import type { Transport } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { cloudPartnerPortal } = await import('../../src/apis/cloud-partner-portal/descriptor.js')
const { CppClient } = await import('../../src/apis/cloud-partner-portal/client.js')
const { Throttle } = await import('../../src/http/throttle.js')
const { createTransport } = await import('../../src/http/transport.js')
const { staticTokenProvider } = await import('../../src/auth/static-token.js')
const { RetriesExhaustedError } = await import('../../src/http/api-client.js')

const fixture = cppFixture(core)
const transports: Transport[] = []
afterEach(() => {
  for (const transport of transports.splice(0)) transport.dispose()
})

/** What createService gets for one offer: one attempt per request, so any wait is the throttle's. */
function optionsFor(offer: string, throttle: InstanceType<typeof Throttle>) {
  const transport = createTransport(2_000)
  transports.push(transport)
  return {
    subject: { publisher: 'contoso', offer },
    baseUrl: new URL(fixture.emulator.url),
    apiVersion: '2017-10-31',
    transport,
    tokens: staticTokenProvider(DEFAULT_TOKEN, 'https://cloudpartner.azure.com'),
    backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    throttle
  }
}

describe('a throttle shared by two CPP offers', () => {
  it("a 429 with Retry-After on one offer's read holds the next read of both", async () => {
    const throttle = new Throttle()
    const offers = ['vm1', 'vm2'].map((offer) => {
      fixture.emulator.addOffer({ publisher: 'contoso', offer, progression: endlessGoLive() })
      const options = optionsFor(offer, throttle)
      return { options, service: cloudPartnerPortal.createService(options), client: new CppClient(options) }
    })
    const locations = await Promise.all(
      offers.map(async ({ client, options }) => {
        const answer = await client.requestGoLive(options.subject)
        if (answer.kind !== 'accepted') throw new Error(`go-live not accepted: ${answer.kind}`)
        return answer.location
      })
    )
    const [first, second] = offers as [(typeof offers)[0], (typeof offers)[0]]
    const [firstLocation, secondLocation] = locations as [(typeof locations)[0], (typeof locations)[0]]
    fixture.emulator.injectFault({
      method: 'GET',
      path: '/offers/vm1/operations/',
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '1' }
    })

    await expect(first.service.readOperation(firstLocation)).rejects.toBeInstanceOf(RetriesExhaustedError)
    const [throttled] = fixture.emulator.requestsTo('GET', '/operations/')
    // The service's own clock: nothing may reach it before the second it asked for has passed.
    const allowedAt = (throttled?.at ?? Infinity) + 1_000
    const reads = await Promise.all([first.service.readOperation(firstLocation), second.service.readOperation(secondLocation)])
    expect(reads.map((read) => read.operation.state)).toEqual(['running', 'running'])
    const after = fixture.emulator.requestsTo('GET', '/operations/').slice(1)
    expect(after.map((request) => (request.path.includes('/vm1/') ? 'vm1' : 'vm2')).sort()).toEqual(['vm1', 'vm2'])
    for (const request of after) expect(request.at).toBeGreaterThanOrEqual(allowedAt)
  })
})
