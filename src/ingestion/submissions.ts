// What a product's submissions say about going live (pia-api.md, "Submissions").
import type { PiaSubmission } from './client.js'

export interface SubmissionState {
  /** Something runs: any entry whose status is not `completed`. */
  inProgress: PiaSubmission[]
  /** A go-live under way: an in-progress `live` entry. */
  runningLive?: PiaSubmission
  /** The newest preview that completed successfully: what a go-live takes live. */
  preview?: PiaSubmission
  /** The newest completed live entry. */
  live?: PiaSubmission
  /** The newest preview entry, whatever its result. */
  latestPreview?: PiaSubmission
}

const newestFirst = (a: PiaSubmission, b: PiaSubmission): number =>
  (Date.parse(b.created ?? '') || 0) - (Date.parse(a.created ?? '') || 0) || b.number - a.number

const completed = (s: PiaSubmission): boolean => s.status?.toLowerCase() === 'completed'
const succeeded = (s: PiaSubmission): boolean => s.result?.toLowerCase() === 'succeeded'

export function submissionState(submissions: PiaSubmission[]): SubmissionState {
  // A draft has no status: it is not in progress, it is just not published.
  const published = submissions.filter((s) => s.targetType !== 'draft' && s.status !== undefined).sort(newestFirst)
  const state: SubmissionState = { inProgress: published.filter((s) => !completed(s)) }
  const runningLive = state.inProgress.find((s) => s.targetType === 'live')
  const previews = published.filter((s) => s.targetType === 'preview')
  const preview = previews.find((s) => completed(s) && succeeded(s))
  const live = published.find((s) => s.targetType === 'live' && completed(s))
  if (runningLive) state.runningLive = runningLive
  if (preview) state.preview = preview
  if (live) state.live = live
  if (previews[0]) state.latestPreview = previews[0]
  return state
}

/** Live already has the newest preview: right after a go-live, both carry the same id. */
export function isAlreadyLive(state: SubmissionState): boolean {
  return state.preview !== undefined && state.live !== undefined && succeeded(state.live) && state.live.id === state.preview.id
}
