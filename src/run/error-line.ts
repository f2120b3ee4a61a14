// An offer's error in words, rendered from its outcome: what ended it without success and, when its
// go-live goes on at the service, how to follow it. With one offer that is the `operation-location`
// input; with several it is running the same step again (operation-location takes one offer).
import type { Offer } from './offer.js'
import { goLiveOf, problemOf } from './outcome.js'

/** The offer's error, or undefined when nothing ended it without success. */
export function errorText(offer: Pick<Offer, 'outcome'>, several: boolean): string | undefined {
  const { outcome } = offer
  const problem = problemOf(outcome)
  if (!problem) return undefined
  const location = goLiveOf(outcome)?.location
  if (!problem.goesOn || !location) return problem.text
  const end = /[.!?]$/.test(problem.text) ? '' : '.'
  const follow = several
    ? 'The go-live goes on at the service; nothing was cancelled: run the step again to follow it.'
    : `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.url.href} (add wait: true to wait for it).`
  return `${problem.text}${end} ${follow}`
}
