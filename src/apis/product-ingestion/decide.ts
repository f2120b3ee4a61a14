// The one verdict on a product's submissions: what a go-live would do now. The dry run and the real
// run both decide with decide() and nothing else, so they cannot disagree (pia-api.md, "Submissions").
import { serviceText } from '../../report/safe-text.js'
import type { Submission } from './client.js'
import { newestFirst, sameSubmission } from './submissions.js'

/** What a go-live does now, with `say`: the reason in words (a sentence that names no offer). */
export type Decision =
  /** A go-live runs already: follow it. */
  | { kind: 'follow'; running: Submission; say: string }
  /** Another submission (a publish) runs: a go-live would be refused. */
  | { kind: 'in-progress'; busy: Submission; say: string }
  | { kind: 'no-preview'; say: string }
  /** The newest preview failed: nothing goes live, not even an older preview that succeeded. */
  | { kind: 'preview-failed'; preview: Submission; say: string }
  /** The newest preview has no result the action knows (or no status): nothing goes live yet. */
  | { kind: 'preview-unfinished'; preview: Submission; say: string }
  /** Live carries the newest preview already. */
  | { kind: 'live'; live: Submission; say: string }
  /** A go-live of the newest preview completed with no result the action knows: not taken live twice. */
  | { kind: 'live-unknown'; live: Submission; say: string }
  /** Take `preview` live (its id byte for byte as the service sent it). */
  | { kind: 'ready'; preview: Submission; say: string }

const lower = (value: string | undefined): string | undefined => value?.toLowerCase()
const quoted = (value: string | undefined): string => (value === undefined ? 'none' : `'${serviceText(value, 40)}'`)

export function decide(submissions: Submission[]): Decision {
  // A draft is never published nor in progress, whatever it says.
  const published = submissions.filter((s) => s.targetType !== 'draft').sort(newestFirst)
  const inProgress = published.filter((s) => s.status !== undefined && lower(s.status) !== 'completed')
  const running = inProgress.find((s) => s.targetType === 'live')
  if (running) return { kind: 'follow', running, say: `A go-live is already running (${running.id})` }
  const busy = inProgress[0]
  if (busy) {
    const target = busy.targetType ? serviceText(busy.targetType, 40) : 'an unknown target'
    return {
      kind: 'in-progress',
      busy,
      say: `Another submission is in progress (${busy.id}, to ${target}, ${serviceText(busy.status, 40)}): wait for it to finish in Partner Center, then go live.`
    }
  }

  const preview = published.find((s) => s.targetType === 'preview')
  if (!preview) return { kind: 'no-preview', say: 'There is no preview submission: publish to preview first, then go live.' }
  const result = lower(preview.result)
  if (lower(preview.status) === 'completed' && result === 'failed') {
    return {
      kind: 'preview-failed',
      preview,
      say: `The newest preview submission (${preview.id}) failed, so nothing goes live (an older preview is not taken live in its place): fix it in Partner Center and publish a new preview, then go live.`
    }
  }
  if (lower(preview.status) !== 'completed' || result !== 'succeeded') {
    return {
      kind: 'preview-unfinished',
      preview,
      say: `The newest preview submission (${preview.id}) has not finished (status ${quoted(preview.status)}, result ${quoted(preview.result)}): wait until it succeeded in Partner Center, then go live.`
    }
  }

  const live = published.find((s) => s.targetType === 'live')
  // The same submission however its id is spelled: a GUID's case or a leading zero is no new preview.
  if (live && sameSubmission(live, preview)) {
    const liveResult = lower(live.result)
    // Live already only when the entry says it ended and succeeded, as the preview must (a result
    // without a status is read as still going: parseSubmissionStatus).
    const ended = lower(live.status) === 'completed'
    if (ended && liveResult === 'succeeded') {
      return { kind: 'live', live, say: `Live already has the newest preview (${live.id}): publish a new preview to go live again.` }
    }
    // Unknown is never success, and never a reason to send the go-live a second time either.
    if (liveResult !== 'failed' && liveResult !== 'cancelled' && liveResult !== 'canceled') {
      const what = ended ? 'completed with no result the action knows' : 'has no status the action knows'
      return {
        kind: 'live-unknown',
        live,
        say: `The go-live of the newest preview (${live.id}) ${what} (status ${quoted(live.status)}, result ${quoted(live.result)}): check it in Partner Center before going live again.`
      }
    }
  }
  const now = live ? `live has ${live.id}` : 'nothing is live yet'
  return { kind: 'ready', preview, say: `The newest preview (${preview.id}) is ready to go live (${now})` }
}
