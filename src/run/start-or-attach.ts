// The go-live an offer's run follows: the one given as input, or the one the service starts (or
// finds already running; it never starts two).
import type { GoLiveService, OperationRef, Started } from '../apis/go-live-service.js'
import type { Operation } from '../wait/operation.js'
import { isTerminal } from '../wait/status.js'

/** How the go-live came to be followed: as the service says (Started), or `given` as input. */
export type How = Started['how'] | 'given'

export interface Attached {
  location: OperationRef
  how: How
  /** Its state when already known to be final: live already, or ended in the answer to the request. */
  known?: Operation
}

/** `onSending` is told just before the request that starts the go-live goes out. */
export async function startOrAttach(service: GoLiveService, given: OperationRef | undefined, onSending: () => void): Promise<Attached> {
  if (given) {
    // Before any read: a location of another offer is refused, never followed.
    await service.checkGiven(given)
    return { location: given, how: 'given' }
  }
  const { location, how, operation } = await service.start(onSending)
  const known = how === 'live' || (operation && isTerminal(operation.state)) ? operation : undefined
  return known ? { location, how, known } : { location, how }
}
