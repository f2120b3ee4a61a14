// api: auto with a token whose audience chooses the API: the choice is in the log (issue 18, item 1:
// "each offer's choice is in the log and in results"), once for the step, as every offer shares it.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from './helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { getConfig } = await import('../src/inputs.js')
const { chooseApi } = await import('../src/run/choose-api.js')
const { Offer } = await import('../src/run/offer.js')

type Session = Parameters<typeof chooseApi>[1]

/** A JWT with these claims (unsigned: the action only reads its audience and expiry). */
const jwt = (claims: Record<string, unknown>): string =>
  ['{"alg":"none"}', JSON.stringify(claims), ''].map((part) => Buffer.from(part).toString('base64url')).join('.')

/** A session whose services know every offer (no request is needed to choose). */
const session = { serviceFor: async () => ({ findOffer: async () => true }) } as unknown as Session

beforeEach(() => core.reset())

describe('api: auto with a token: the choice is in the log', () => {
  for (const [aud, api] of [
    ['https://graph.microsoft.com', 'product-ingestion'],
    ['https://cloudpartner.azure.com', 'cloud-partner-portal']
  ] as const) {
    it(`a token for ${aud}: some log line names ${api}`, async () => {
      core.inputs = { publisher: 'contoso', offer: 'contoso-vm', token: jwt({ aud, exp: Math.floor(Date.now() / 1000) + 3600 }) }
      const config = getConfig()
      const offer = new Offer({ publisher: 'contoso', offer: 'contoso-vm' }, '', () => undefined)
      await chooseApi(offer, session, config.targets)
      expect(offer.api).toBe(api)
      const lines = [...core.logged('info'), ...core.logged('notice')]
      expect(lines.some((line) => line.includes(api))).toBe(true)
    })
  }
})
