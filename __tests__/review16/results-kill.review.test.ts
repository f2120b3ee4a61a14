// Review of issue 16 (r16-review): written to FAIL on the branch as reviewed.
// Spec: "While a go-live request is in flight, the last written `results` says `unknown` for that
// offer (written BEFORE the request goes out), so a SIGKILL then leaves `unknown`, never `not
// started`." ResultsOutput writes urgent moves at once only until 8 MiB were written; after that
// they wait up to a second. A fleet of 256 offers (the input's maximum) passes 8 MiB long before
// its last go-live requests go out, so those go out with `not started` as the last written word.
import { jest, describe, expect, it } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { Fleet } = await import('../../src/run/fleet.js')

describe('review 16: results written before every go-live request of a full fleet', () => {
  it('256 offers, each sending then named: the last written results says unknown for each as its request goes', () => {
    const ids = Array.from({ length: 256 }, (_, i) => `contoso-marketplace-offer-${String(i).padStart(3, '0')}`)
    // made-up: the Config fields Fleet reads; the rest is not used by it.
    const config = { offers: ids, publisher: 'contoso-publisher', targets: [] } as unknown as ConstructorParameters<typeof Fleet>[0]
    const fleet = new Fleet(config, 60_000)
    const lastWritten = (): Array<{ offer: string; status: string }> => JSON.parse(core.outputs.results ?? '[]')
    const notWrittenInTime: string[] = []
    fleet.offers.forEach((offer, i) => {
      offer.sending()
      // The request goes out now: a SIGKILL here leaves what was last written.
      if (lastWritten()[i]?.status !== 'unknown') notWrittenInTime.push(offer.subject.offer)
      const id = `contoso-publisher$${offer.subject.offer}$1$preview`
      const url = new URL(`https://cloudpartner.azure.com/api/operations/${encodeURIComponent(id)}?api-version=2017-10-31`)
      offer.record({ location: { kind: 'operation', url, id }, how: 'started' })
    })
    expect(notWrittenInTime).toEqual([])
  })
})
