// The API an offer goes live through: the step's one API (named, or chosen by the token's audience),
// or, with `api: auto` and a sign-in, the first API that knows the offer, looked up in turn (Product
// Ingestion first). An offer that neither knows fails before any go-live request; the choice is in
// the log and in `results`.
import type { GoLiveService } from '../apis/go-live-service.js'
import { ActionError } from '../errors.js'
import type { ApiTarget } from '../inputs.js'
import { log } from '../report/log.js'
import type { Offer } from './offer.js'
import type { Session } from './session.js'

export interface Chosen {
  target: ApiTarget
  service: GoLiveService
}

/** The offer's API and its service; the offer is told which. Looking up sends nothing that changes it. */
export async function chooseApi(offer: Offer, session: Session, targets: readonly ApiTarget[]): Promise<Chosen> {
  const [only] = targets
  if (only && targets.length === 1) return chosen(offer, only, await session.serviceFor(offer.subject, only, offer))
  const asked: string[] = []
  for (const target of targets) {
    const service = await session.serviceFor(offer.subject, target, offer)
    if (await service.findOffer()) {
      const before = asked.length > 0 ? `: ${asked.join('; ')}` : ''
      log.info(`${offer.label} goes live through the ${target.descriptor.displayName} (api: ${target.descriptor.api})${before}.`)
      return chosen(offer, target, service)
    }
    asked.push(`the ${target.descriptor.displayName} does not know it`)
  }
  const withoutPublisher = offer.subject.publisher === '' ? "; the CPP API is asked only with 'publisher'" : ''
  throw new ActionError(
    `Neither API knows ${offer.label} (${asked.join('; ')}${withoutPublisher}), so it cannot go live: check 'offer' (and 'publisher'), and that the identity was added to the Partner Center account.`
  )
}

function chosen(offer: Offer, target: ApiTarget, service: GoLiveService): Chosen {
  offer.goesThrough(target.descriptor.api)
  return { target, service }
}
