// Taking a product's preview live without ever starting two go-lives: a running one is followed,
// a live that already has the preview is reported, a product another offer of the step takes live
// is refused, and a configure request whose answer is lost is looked for in the submissions (running,
// or ended since) and sent once more only when a whole look found none (lost-answers.ts).
import { ActionError } from '../../errors.js'
import { UnexpectedAnswerError } from '../../http/api-client.js'
import { triggerGoLive } from '../../http/lost-answers.js'
import type { GoLiveClaims } from '../api-descriptor.js'
import type { Started, StartOptions } from '../go-live-service.js'
import { subjectLabel, type Subject } from '../subject.js'
import { log } from '../../report/log.js'
import { serviceText } from '../../report/safe-text.js'
import { parseSubmissionStatus } from './operations.js'
import type { ProductIngestionClient } from './client.js'
import { decide, type Decision, type DecideOptions } from './decide.js'
import { isUsable, type ListedSubmission, type Submission } from './listing.js'
import { sameSubmission } from './submissions.js'
import type { SubmissionRef } from './locations.js'

/** What the step asks of every offer's go-live: the retry-failed input, and the products the step's offers take live. */
export interface GoLiveRules extends DecideOptions {
  claims?: GoLiveClaims | undefined
}

/** The product id of the offer, or an error that says where the offer may live instead. */
export async function productOf(client: ProductIngestionClient, subject: Subject): Promise<string> {
  const guid = await client.findProduct(subject.offer)
  if (guid) return guid
  throw new ActionError(
    `No product with the external id '${subject.offer}' was found through the Product Ingestion API. Check 'offer' (the offer id shown in Partner Center); an offer integrated before the move to Partner Center goes live through the Cloud Partner Portal API instead (api: cloud-partner-portal).`
  )
}

/**
 * The product the offer takes live, claimed for it in the step: a product another offer of the step
 * holds already (a lookup that ignored its filter names one product for both) is refused before any
 * request that could take it live. The dry run claims alike, so it refuses what the real run would.
 */
export async function claimedProduct(client: ProductIngestionClient, subject: Subject, rules: GoLiveRules): Promise<string> {
  const guid = await productOf(client, subject)
  const label = subjectLabel(subject)
  const holder = rules.claims?.claim(`product/${guid}`, label)
  if (holder === undefined) return guid
  throw new ActionError(
    `The product lookup for '${subject.offer}' named product/${guid}, the product of ${holder} in this step: a product is taken live once per step, so ${label} is refused. Check the offer ids.`
  )
}

function follow(client: ProductIngestionClient, submission: Submission): SubmissionRef {
  const location = client.submissionLocation(submission.id)
  if (!location)
    throw new ActionError(`The service listed a submission with an id the action does not accept; follow it in Partner Center.`)
  return location
}

function followRunning(client: ProductIngestionClient, subject: Subject, running: Submission): SubmissionRef {
  log.info(`A go-live of ${subject.offer} is already running (${running.id}): following it instead of starting another.`)
  return follow(client, running)
}

/**
 * Something in progress the action cannot name: a go-live (target live) is a definite answer (it
 * runs, and no second one may start); anything else is an answer the action cannot read. Undefined
 * for any other decision.
 */
function unnamedInProgress(decision: Decision): Error | undefined {
  if (decision.kind === 'running-unusable') {
    return new ActionError(
      `A go-live of the product is already running, but the service lists it under an id the action does not accept (${decision.running.shown}), so it cannot be followed. No second go-live was started; follow it in Partner Center.`
    )
  }
  if (decision.kind !== 'in-progress-unusable') return undefined
  const { busy } = decision
  return new UnexpectedAnswerError(
    `Listing the product's submissions failed: it lists a submission in progress (status '${serviceText(busy.status, 40)}', id ${busy.shown}) without an id the action accepts (submission/<product id>/<digits>), so the action can neither follow it nor rule out that it is a go-live. Wait for it to finish in Partner Center, then run the step again.`
  )
}

/**
 * The go-live a request that got no clear answer may have started, as the listing shows it. Other
 * previews are left out (a publish is no go-live, and a newer one published meanwhile must not hide
 * the go-live of the preview sent behind its verdict), so the verdict is about `sent` and the live
 * entries. Only `ready` (live has an older preview or nothing) or a publish of `sent` in progress
 * is "none started" (undefined). A go-live running, or ended already since the look before sending
 * (the preview live now, its result unknown, or a failure that is not `known`, the failure seen
 * before sending with retry-failed), is followed (its read says how it ended), never sent again.
 * Anything else may be a go-live the action cannot follow: the offer ends in the verdict's words.
 */
async function findStarted(
  client: ProductIngestionClient,
  productGuid: string,
  sent: Submission,
  known?: ListedSubmission
): Promise<SubmissionRef | undefined> {
  const listing = await client.listSubmissions(productGuid)
  const decision = decide(listing.filter((s) => s.targetType !== 'preview' || (isUsable(s) && sameSubmission(s, sent))))
  const unnamed = unnamedInProgress(decision)
  if (unnamed) throw unnamed
  switch (decision.kind) {
    case 'ready':
      return undefined
    case 'follow':
      return follow(client, decision.running)
    case 'live':
    case 'live-unknown':
      return follow(client, decision.live)
    case 'in-progress':
      // A publish of the preview sent is no go-live; an entry of another or no target may be one.
      if (decision.busy.targetType === 'preview') return undefined
      throw new ActionError(
        `A submission in progress whose target is not a preview (${decision.busy.id}, to ${decision.busy.targetType ? serviceText(decision.busy.targetType, 40) : 'an unknown target'}, ${serviceText(decision.busy.status, 40)}) may be the go-live this request started: it is not sent again. Wait for it to finish in Partner Center, then run the step again.`
      )
    case 'live-failed':
      if (known && JSON.stringify(known.body) === JSON.stringify(decision.failed.body)) return undefined
      if (isUsable(decision.failed)) return follow(client, decision.failed)
      // A failed go-live listed under an id the action cannot follow: said as it is, never sent again.
      throw new ActionError(decision.say)
    case 'live-unusable':
      // A go-live that cannot be read: never "none started".
      throw new ActionError(decision.say)
    default:
      // The preview sent is no longer listed as it was: whether live has it is unknown.
      throw new ActionError(
        `The preview sent (${sent.id}) is no longer listed as a succeeded preview, so whether its go-live started is unknown; it is not sent again. ${decision.say}`
      )
  }
}

export async function startGoLive(
  client: ProductIngestionClient,
  subject: Subject,
  options: StartOptions,
  rules: GoLiveRules = {}
): Promise<Started> {
  const { backoff, signal, deadline, progress } = options
  const productGuid = await claimedProduct(client, subject, rules)
  const look = {
    label: subject.offer,
    where: "the product's submissions",
    request: 'The go-live request',
    backoff,
    signal,
    deadline,
    progress
  }
  // A re-run must not start a second go-live: look before sending the request. The dry run decides alike.
  const decision = decide(await client.listSubmissions(productGuid), rules)
  if (decision.kind === 'follow') return { location: followRunning(client, subject, decision.running), how: 'attached' }
  if (decision.kind === 'live') {
    log.info(`${subject.offer} is live already with its newest preview (${decision.live.id}): nothing to take live, no request sent.`)
    // The entry as the service sent it, not one the action assembles.
    return { location: follow(client, decision.live), how: 'live', operation: parseSubmissionStatus(decision.live.body ?? {}) }
  }
  const unnamed = unnamedInProgress(decision)
  if (unnamed) throw unnamed
  if (decision.kind !== 'ready') {
    throw new ActionError(`${subject.offer} cannot go live now: ${decision.say.charAt(0).toLowerCase()}${decision.say.slice(1)}`)
  }

  if (decision.retrying) log.info(`${decision.say}.`)
  const find = (): Promise<SubmissionRef | undefined> => findStarted(client, productGuid, decision.preview, decision.retrying)
  log.info(`Sending the go-live request for ${subject.offer}: taking ${decision.preview.id} live.`)
  const preview = decision.preview.id
  const answer = await triggerGoLive(() => client.requestGoLive(productGuid, preview), find, look)
  if ('how' in answer) return answer
  if (answer.conflict === 'not-latest') {
    throw new ActionError(
      `The go-live request was refused: a newer preview of ${subject.offer} was published meanwhile ("The submission cannot be pushed to as its not the latest"). Re-run the step to take that newer preview live.`
    )
  }
  // 'in-progress': something started meanwhile. If it is a go-live, follow it; else say what runs.
  const meanwhile = decide(await client.listSubmissions(productGuid))
  if (meanwhile.kind === 'follow') return { location: followRunning(client, subject, meanwhile.running), how: 'attached' }
  throw (
    unnamedInProgress(meanwhile) ??
    new ActionError(
      `The go-live request was refused: a submission of ${subject.offer} is already in progress ("An In Progress submission already exists"). Wait for it to finish in Partner Center, then run the step again.`
    )
  )
}
