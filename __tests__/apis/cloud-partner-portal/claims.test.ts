// No CPP offer path is taken live twice in one step (issue 17): each offer's service claims
// `cpp:<publisher>/<offer>` in the step's shared claims before any request; a second offer of the
// step on the same path is refused before any request, naming the offer that holds it.
import { describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../../emulator/cpp-emulator.js'
import { createCoreMock } from '../../helpers/core-mock.js'
import { cppFixture } from '../../helpers/cpp-fixture.js'
import type { GoLiveClaims } from '../../../src/apis/api-descriptor.js'
import type { Subject } from '../../../src/apis/subject.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { cppService } = await import('../../../src/apis/cloud-partner-portal/service.js')
const { createTransport } = await import('../../../src/http/transport.js')
const { staticTokenProvider } = await import('../../../src/auth/static-token.js')

const fixture = cppFixture(core)
const backoff = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }

/** The step's claims as the run keeps them (src/run/session.ts): one holder per key, any case. */
function stepClaims(): GoLiveClaims & { held: Map<string, string> } {
  const held = new Map<string, string>()
  return {
    held,
    claim(key, label) {
      const holder = held.get(key.toLowerCase())
      if (holder !== undefined && holder !== label) return holder
      held.set(key.toLowerCase(), label)
      return undefined
    }
  }
}

function service(subject: Subject, claims: GoLiveClaims) {
  const transport = createTransport(2_000)
  return {
    transport,
    service: cppService({
      subject,
      baseUrl: new URL(fixture.emulator.url),
      apiVersion: '2017-10-31',
      transport,
      tokens: staticTokenProvider(DEFAULT_TOKEN, 'https://cloudpartner.azure.com'),
      backoff,
      claims
    })
  }
}

describe('one CPP offer path per step', () => {
  it('the second offer on the same path (another case) is refused before any request, naming the first', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const claims = stepClaims()
    const first = service({ publisher: 'contoso', offer: 'contoso-vm' }, claims)
    const second = service({ publisher: 'Contoso', offer: 'CONTOSO-VM' }, claims)
    try {
      expect((await first.service.start()).how).toBe('started')
      const before = fixture.emulator.requests.length
      await expect(second.service.start()).rejects.toThrow(
        'Contoso/CONTOSO-VM is not taken live here: contoso/contoso-vm takes the same offer (cpp:contoso/contoso-vm) live in this step already, and an offer goes live once per step.'
      )
      expect(fixture.emulator.requests).toHaveLength(before)
      expect(fixture.emulator.requestsTo('POST', '/golive')).toHaveLength(1)
      expect([...claims.held]).toEqual([['cpp:contoso/contoso-vm', 'contoso/contoso-vm']])
    } finally {
      first.transport.dispose()
      second.transport.dispose()
    }
  })

  it('the claim comes first: a second offer is refused even while the first has not sent its POST yet', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const claims = stepClaims()
    const first = service({ publisher: 'contoso', offer: 'contoso-vm' }, claims)
    const second = service({ publisher: 'CONTOSO', offer: 'Contoso-VM' }, claims)
    try {
      const [a, b] = await Promise.allSettled([first.service.start(), second.service.start()])
      expect(a).toMatchObject({ status: 'fulfilled', value: { how: 'started' } })
      expect(b).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringContaining('contoso/contoso-vm takes the same offer') }
      })
      expect(fixture.emulator.requestsTo('POST', '/golive')).toHaveLength(1)
    } finally {
      first.transport.dispose()
      second.transport.dispose()
    }
  })

  it('other offers, and the same offer of another publisher, are other paths: each goes live', async () => {
    for (const [publisher, offer] of [
      ['contoso', 'contoso-vm'],
      ['contoso', 'contoso-vm2'],
      ['fabrikam', 'contoso-vm']
    ] as const) {
      fixture.emulator.addOffer({ publisher, offer })
    }
    const claims = stepClaims()
    const services = [
      service({ publisher: 'contoso', offer: 'contoso-vm' }, claims),
      service({ publisher: 'contoso', offer: 'contoso-vm2' }, claims),
      service({ publisher: 'fabrikam', offer: 'contoso-vm' }, claims)
    ]
    try {
      for (const { service: s } of services) expect((await s.start()).how).toBe('started')
      expect(fixture.emulator.requestsTo('POST', '/golive')).toHaveLength(3)
      expect([...claims.held.keys()]).toEqual(['cpp:contoso/contoso-vm', 'cpp:contoso/contoso-vm2', 'cpp:fabrikam/contoso-vm'])
    } finally {
      for (const { transport } of services) transport.dispose()
    }
  })

  it('the dry run claims nothing: it takes nothing live', async () => {
    fixture.emulator.addOffer({ publisher: 'contoso', offer: 'contoso-vm' })
    const claims = stepClaims()
    const { service: s, transport } = service({ publisher: 'contoso', offer: 'contoso-vm' }, claims)
    try {
      expect((await s.dryRun()).verdict).toBe('ready')
      expect(claims.held.size).toBe(0)
    } finally {
      transport.dispose()
    }
  })
})
