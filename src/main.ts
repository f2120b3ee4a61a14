// The story of one run: read the inputs, sign in once, take each offer live (or report a dry run),
// and leave the outputs and a summary whatever happened. Each step is a module of src/run/. The
// step's part (inputs, its one deadline, sign-in, transport, cancellation, outputs) is run(); the
// offers go side by side in a fleet, one offer being a fleet of one (src/run/go-live.ts).
import { getConfig, type Config } from './inputs.js'
import { stepFailureText } from './run/ending.js'
import { Fleet } from './run/fleet.js'
import { dryRun, goLive } from './run/go-live.js'
import { announce, guarded, writeStepEnd } from './run/outputs.js'
import { Session } from './run/session.js'
import { watchForCancellation } from './wait/cancellation.js'

export async function run(): Promise<void> {
  const startedAt = Date.now()
  const cancellation = watchForCancellation()
  let config: Config | undefined
  let session: Session | undefined
  let fleet: Fleet | undefined
  let stepError: string | undefined
  try {
    config = getConfig()
    // The step's one deadline: sign-in, pre-checks, requests and waits of every offer end by it.
    cancellation.setDeadline(startedAt + config.timeoutMs)
    fleet = new Fleet(config)
    session = new Session(config, cancellation)
    announce(config)
    await session.signIn()
    // Each offer's failure stays its own (its outcome); only a failure of the step lands below.
    await fleet.run(session, config.dryRun ? dryRun : goLive, config, cancellation)
  } catch (error) {
    // Also before the inputs are read: an input refused is its message; a fault of ours, a fault.
    stepError = stepFailureText(error)
  } finally {
    // Each on its own: a failure in one must not undo the others (see run/outputs.ts).
    await guarded('close the connections', () => session?.dispose())
    await writeStepEnd({
      offers: fleet?.offers ?? [],
      results: fleet?.results,
      stepError,
      dryRun: config?.dryRun,
      wait: config?.wait,
      elapsedMs: Date.now() - startedAt
    })
    cancellation.dispose()
  }
}
