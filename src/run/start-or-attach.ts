// The go-live an offer's run follows: the one given as input, or the one the service starts (or
// finds already running; it never starts two).
import type { GoLiveService, OperationRef, Started } from '../apis/go-live-service.js'
import type { Operation } from '../wait/operation.js'
import { isTerminal } from '../wait/status.js'

/** How the go-live came to be followed: as the service says (Started), or `given` as input. */
export type How = Started['how'] | 'given'

/** The go-live to follow, or one already over (`known`: live already, or ended in the answer). */
export type Attached =
  { location: OperationRef; how: How; known?: undefined } | { location?: OperationRef | undefined; how: How; known: Operation }

export async function startOrAttach(service: GoLiveService, given: OperationRef | undefined): Promise<Attached> {
  if (given) {
    // Before any read: a location of another offer is refused, never followed.
    await service.checkGiven(given)
    return { location: given, how: 'given' }
  }
  const started = await service.start()
  if (started.how === 'live') return { location: started.location, how: 'live', known: started.operation }
  const { location, how, operation } = started
  return operation && isTerminal(operation.state) ? { location, how, known: operation } : { location, how }
}
