// Choosing an offer's API (`api: auto`): the step's one API needs no lookup; with several, each is
// asked in turn (Product Ingestion first) and the first that knows the offer takes it; an offer that
// neither knows fails before any go-live request; an outage or an unreachable API is not "does not
// know it" and never falls through to the next API. And knows(): which answers mean "not here".
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { HttpResponse } from '../../src/http/transport.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { chooseApi } = await import('../../src/run/choose-api.js')
const { Offer } = await import('../../src/run/offer.js')
const { lookupOrder } = await import('../../src/apis/registry.js')
const { knows } = await import('../../src/apis/go-live-service.js')
const { ServiceError } = await import('../../src/http/service-error.js')
const { UnreachableError } = await import('../../src/http/unreachable.js')

type Targets = Parameters<typeof chooseApi>[2]
type Session = Parameters<typeof chooseApi>[1]

const targets = lookupOrder().map((descriptor) => ({
  descriptor,
  baseUrl: new URL(descriptor.defaults.baseUrl),
  apiVersion: descriptor.defaults.version
})) as Targets
const answer = (status: number): HttpResponse => ({ status, headers: {}, body: '' })

/** A session whose service for each API answers findOffer() as `found` says (true, false, or throws). */
function sessionWhere(found: Record<string, () => Promise<boolean>>) {
  const asked: string[] = []
  const session = {
    serviceFor: async (_subject: unknown, target: Targets[number]) => {
      const api = target.descriptor.api
      return {
        api,
        findOffer: () => {
          asked.push(api)
          return (found[api] ?? (async () => false))()
        }
      }
    }
  } as unknown as Session
  return { session, asked }
}

const offer = () => new Offer({ publisher: 'contoso', offer: 'contoso-vm' }, '', () => undefined)

beforeEach(() => core.reset())

describe('chooseApi', () => {
  it('asks Product Ingestion first, then the CPP API', () => {
    expect(targets.map((t) => t.descriptor.api)).toEqual(['product-ingestion', 'cloud-partner-portal'])
  })

  it("takes the step's one API without a lookup", async () => {
    const { session, asked } = sessionWhere({})
    const o = offer()
    const chosen = await chooseApi(o, session, [targets[1] as Targets[number]])
    expect(chosen.target.descriptor.api).toBe('cloud-partner-portal')
    expect(o.api).toBe('cloud-partner-portal')
    expect(asked).toEqual([])
  })

  it('takes the first API that knows the offer, and does not ask the next', async () => {
    const { session, asked } = sessionWhere({ 'product-ingestion': async () => true })
    const o = offer()
    expect((await chooseApi(o, session, targets)).target.descriptor.api).toBe('product-ingestion')
    expect(o.api).toBe('product-ingestion')
    expect(asked).toEqual(['product-ingestion'])
    expect(core.logged('info')).toEqual(['contoso/contoso-vm goes live through the Product Ingestion API (api: product-ingestion).'])
  })

  it('falls through to the CPP API when Product Ingestion does not know the offer, and says so', async () => {
    const { session, asked } = sessionWhere({ 'cloud-partner-portal': async () => true })
    const o = offer()
    expect((await chooseApi(o, session, targets)).target.descriptor.api).toBe('cloud-partner-portal')
    expect(asked).toEqual(['product-ingestion', 'cloud-partner-portal'])
    expect(core.logged('info')).toEqual([
      'contoso/contoso-vm goes live through the CPP API (api: cloud-partner-portal): the Product Ingestion API does not know it.'
    ])
  })

  it('fails an offer neither API knows, naming what to check; the offer has no API', async () => {
    const { session, asked } = sessionWhere({})
    const o = offer()
    await expect(chooseApi(o, session, targets)).rejects.toThrow(
      /^Neither API knows contoso\/contoso-vm \(the Product Ingestion API does not know it; the CPP API does not know it\), so it cannot go live: check 'offer'/
    )
    expect(asked).toEqual(['product-ingestion', 'cloud-partner-portal'])
    expect(o.api).toBeUndefined()
  })

  it('never falls through on an outage or an unreachable API: the error ends the offer as it is', async () => {
    const unreachable = new UnreachableError('Looking up the product failed: could not connect')
    const { session, asked } = sessionWhere({
      'product-ingestion': () => Promise.reject(unreachable),
      'cloud-partner-portal': async () => true
    })
    const o = offer()
    await expect(chooseApi(o, session, targets)).rejects.toBe(unreachable)
    expect(asked).toEqual(['product-ingestion'])
    expect(o.api).toBeUndefined()
  })
})

describe('knows', () => {
  it.each([401, 403])('HTTP %i (the sign-in refused) means this API does not know the offer', async (status) => {
    await expect(knows(() => Promise.reject(new ServiceError('Reading', answer(status))))).resolves.toBe(false)
  })

  it('a 404 is not knowing it only where the API says so (CPP); elsewhere it is a gateway’s, thrown', async () => {
    const notFound = new ServiceError('Reading', answer(404))
    await expect(knows(() => Promise.reject(notFound), [401, 403, 404])).resolves.toBe(false)
    await expect(knows(() => Promise.reject(notFound))).rejects.toBe(notFound)
  })

  it.each([400, 429, 500, 503])('HTTP %i is thrown: it says nothing about where the offer lives', async (status) => {
    const error = new ServiceError('Reading', answer(status))
    await expect(knows(() => Promise.reject(error), [401, 403, 404])).rejects.toBe(error)
  })

  it('a read that answers false does not know it; any other answer does', async () => {
    await expect(knows(async () => false)).resolves.toBe(false)
    await expect(knows(async () => 'product/1f2f106d-4796-4e4e-b62d-80808a4e6015')).resolves.toBe(true)
  })
})
