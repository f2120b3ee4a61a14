// When a CPP go-live started and ended. The API sends no start or end time: an operation (and the
// offer status, which has its shape) lists the publishing steps, and their messages carry the times
// the service reported them (7 fractional digits). The go-live's own steps are those after the
// `publisher-signoff` step (signing off is what starts a go-live; the steps before it are the
// publish, maybe days older); a body that lists no sign-off step is taken as the go-live's own, its
// top-level messages too. Started is the first time they name; Ended, once the operation has ended,
// the last. Both lie within the go-live: it began at or before Started and ended at or after Ended.
import type { Operation, OperationStep } from '../../wait/operation.js'
import { earliestTime, latestTime } from '../../wait/service-time.js'
import { isTerminal } from '../../wait/status.js'

/** The `publisher-signoff` step, by id or name, in any case (Learn's sample names it by id, SUSE's by name). */
export const isSignOffStep = (step: OperationStep): boolean =>
  [step.id, step.name].some((name) => name.toLowerCase() === 'publisher-signoff')

/** The times of the messages of the go-live's part of the operation. */
function goLiveTimes(operation: Operation): string[] {
  const signOff = operation.steps.findIndex(isSignOffStep)
  const steps = signOff === -1 ? operation.steps : operation.steps.slice(signOff + 1)
  const messages = [...(signOff === -1 ? operation.messages : []), ...steps.flatMap((step) => step.messages)]
  return messages.flatMap((m) => (m.timestamp === undefined ? [] : [m.timestamp]))
}

/**
 * The operation with `started` and, once it has ended, `ended` set from the times its go-live's
 * steps report. `alsoEnded`: another time the service gives for its end (the listed go-live's
 * `changedTime` of an offer live already), taken when it is the later one.
 */
export function withGoLiveTimes(operation: Operation, alsoEnded?: string): Operation {
  const times = goLiveTimes(operation)
  const started = earliestTime(times)
  const ended = isTerminal(operation.state) ? latestTime([...times, alsoEnded]) : undefined
  const timed: Operation = { ...operation }
  delete timed.started
  delete timed.ended
  if (started) timed.started = started
  if (ended) timed.ended = ended
  return timed
}
