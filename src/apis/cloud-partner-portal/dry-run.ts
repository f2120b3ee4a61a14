// The dry run: whether a go-live would make sense now, from the offer's status. Sends no POST.
// Decides with decide(), as the real run does (decide.ts).
import type { DryRunReport } from '../go-live-service.js'
import type { CppClient, Submission } from './client.js'
import { isServiceUnavailable } from '../../http/service-error.js'
import type { Subject } from '../subject.js'
import { decide, dependsOnSubmissions, type Decision } from './decide.js'
import { messageOf } from '../../errors.js'
import { log } from '../../report/log.js'

export async function dryRun(client: CppClient, subject: Subject): Promise<DryRunReport> {
  const status = await client.getOfferStatus(subject)
  let submissions: Submission[] | undefined
  if (dependsOnSubmissions(status)) {
    try {
      submissions = await client.listSubmissions(subject)
    } catch (error) {
      if (!isServiceUnavailable(error)) throw error
      log.warning(`Could not tell whether the running operation is a go-live (${messageOf(error)}).`)
    }
  }
  return reportOf(decide(status, submissions))
}

function reportOf(decision: Decision): DryRunReport {
  const { say } = decision
  switch (decision.kind) {
    case 'follow':
      return { offerStatus: 'running', verdict: 'blocked', message: `${say}: the action would follow it instead of starting another.` }
    case 'ready':
      return { offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: `${say}: a go-live would start now.` }
    case 'blocked':
      return { offerStatus: decision.offerStatus, verdict: 'blocked', message: say }
    case 'live':
      return { offerStatus: 'succeeded', verdict: 'live', message: say }
    case 'unknown':
      return { offerStatus: 'unknown', verdict: 'unknown', message: say }
  }
}
