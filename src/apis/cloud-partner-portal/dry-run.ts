// The dry run: whether a go-live would make sense now, from the offer's status and submissions.
// Sends no POST. Decides with decide(), as the real run does (decide.ts), from the same reads.
import type { DryRunReport } from '../go-live-service.js'
import type { CppClient, Submission } from './client.js'
import { ListTooLargeError } from '../../http/list-budget.js'
import { isServiceUnavailable } from '../../http/service-error.js'
import { UnreachableError } from '../../http/unreachable.js'
import { decide, type DecideContext, type Decision } from './decide.js'
import { messageOf } from '../../errors.js'
import { log } from '../../report/log.js'

/**
 * The submissions are read whatever the status says: whether a go-live runs, which one took the
 * offer live, and whether the last one failed (then it is not sent again) all come from them.
 */
export async function dryRun(client: CppClient, context: DecideContext): Promise<DryRunReport> {
  const { subject } = context
  const status = await client.getOfferStatus(subject)
  let submissions: Submission[] | undefined
  try {
    submissions = await client.listSubmissions(subject)
  } catch (error) {
    // A list past its allowance may hide a go-live that runs or failed last: the real run refuses the
    // offer (pre-check.ts), so the dry run reports it blocked, never ready.
    if (error instanceof ListTooLargeError) {
      return {
        offerStatus: 'unknown',
        verdict: 'blocked',
        message: `${error.message} Without the list the action cannot tell whether a go-live runs or failed last: the real run refuses the offer, sending no Go Live request.`
      }
    }
    // The service's own trouble is passed over; one that cannot be reached ends the offer (pre-check.ts).
    if (!isServiceUnavailable(error) || error instanceof UnreachableError) throw error
    log.warning(`Could not read the offer's submissions (${messageOf(error)}): the verdict is the offer status's alone.`)
  }
  return reportOf(decide(status, submissions, context))
}

function reportOf(decision: Decision): DryRunReport {
  const { say } = decision
  switch (decision.kind) {
    case 'follow':
      return { offerStatus: 'running', verdict: 'blocked', message: `${say}: the action would follow it instead of starting another.` }
    case 'ready':
      return {
        offerStatus: decision.offerStatus ?? 'waitingForPublisherReview',
        verdict: 'ready',
        message: `${say}: a go-live would start now.`
      }
    case 'blocked':
      return { offerStatus: decision.offerStatus, verdict: 'blocked', message: say }
    case 'live':
      return { offerStatus: 'succeeded', verdict: 'live', message: say }
    case 'unknown':
      return { offerStatus: 'unknown', verdict: 'unknown', message: say }
  }
}
