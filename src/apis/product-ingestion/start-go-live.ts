// Taking a product's preview live without ever starting two go-lives: a running one is followed,
// a live that already has the preview is reported, and a configure request whose answer is lost is
// never sent again (the submissions are searched for the go-live it started).
import { ActionError } from '../../errors.js'
import { triggerGoLive } from '../../http/lost-answers.js'
import type { Started, StartOptions } from '../go-live-service.js'
import type { Subject } from '../subject.js'
import { log } from '../../report/log.js'
import { parseSubmissionStatus } from './operations.js'
import type { ProductIngestionClient, Submission } from './client.js'
import { decide } from './decide.js'
import type { SubmissionRef } from './locations.js'

/** The product id of the offer, or an error that says where the offer may live instead. */
export async function productOf(client: ProductIngestionClient, subject: Subject): Promise<string> {
  const guid = await client.findProduct(subject.offer)
  if (guid) return guid
  throw new ActionError(
    `No product with the external id '${subject.offer}' was found through the Product Ingestion API. Check 'offer' (the offer id shown in Partner Center); an offer integrated before the move to Partner Center goes live through the Cloud Partner Portal API instead (api: cloud-partner-portal).`
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

/** The go-live running now, if the submissions list one. */
async function findRunning(client: ProductIngestionClient, productGuid: string): Promise<SubmissionRef | undefined> {
  const decision = decide(await client.listSubmissions(productGuid))
  return decision.kind === 'follow' ? follow(client, decision.running) : undefined
}

export async function startGoLive(client: ProductIngestionClient, subject: Subject, options: StartOptions): Promise<Started> {
  const { backoff, signal, deadline, progress } = options
  const productGuid = await productOf(client, subject)
  const find = (): Promise<SubmissionRef | undefined> => findRunning(client, productGuid)
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
  const decision = decide(await client.listSubmissions(productGuid))
  if (decision.kind === 'follow') return { location: followRunning(client, subject, decision.running), how: 'attached' }
  if (decision.kind === 'live') {
    log.info(`${subject.offer} is live already with its newest preview (${decision.live.id}): nothing to take live, no request sent.`)
    // The entry as the service sent it, not one the action assembles.
    return { location: follow(client, decision.live), how: 'live', operation: parseSubmissionStatus(decision.live.body) }
  }
  if (decision.kind !== 'ready') {
    throw new ActionError(`${subject.offer} cannot go live now: ${decision.say.charAt(0).toLowerCase()}${decision.say.slice(1)}`)
  }

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
  throw new ActionError(
    `The go-live request was refused: a submission of ${subject.offer} is already in progress ("An In Progress submission already exists"). Wait for it to finish in Partner Center, then run the step again.`
  )
}
