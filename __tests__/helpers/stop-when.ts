// Ending a step early once it has done what a test says it must never do: a step that would
// otherwise run on for a minute (signing in again and again, sending past its deadline) is killed
// at its first wrong request, and the test fails on what the server saw, not on jest's timeout.
import type { RunningAction, RunResult } from '../../scripts/run-action.js'

/**
 * The step's result: it ran to its end, or was SIGKILLed as soon as `violated` held (checked every
 * few ms). A step the test gave up on is killed too, so no child outlives its test.
 */
export async function resultUnless(running: RunningAction, violated: () => boolean): Promise<RunResult> {
  let ended = false
  void running.result.then(() => (ended = true))
  try {
    while (!ended) {
      if (violated()) {
        running.child.kill('SIGKILL')
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    return await running.result
  } finally {
    if (!ended) running.child.kill('SIGKILL')
  }
}
