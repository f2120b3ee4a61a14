// The one verdict on a product's submissions: what a go-live would do now. The dry run and the real
// run both decide with decide() and nothing else, so they cannot disagree (pia-api.md, "Submissions").
// It reads the whole listing, entries whose id the action cannot use included. The rules as a table
// (listing -> verdict): README.md in this folder.
import { serviceText } from '../../report/safe-text.js'
import { isUsable, type ListedSubmission, type Submission, type UnusableSubmission } from './listing.js'
import { compareAge, mayBeNewer, newestFirst, sameSubmission } from './submissions.js'

export interface DecideOptions {
  /** The `retry-failed` input: a go-live of the newest preview that failed is sent once more. */
  retryFailed?: boolean | undefined
}

/** What a go-live does now, with `say`: the reason in words (a sentence that names no offer). */
export type Decision =
  /** A go-live runs already: follow it. */
  | { kind: 'follow'; running: Submission; say: string }
  /** A go-live runs under an id the action cannot use: it cannot be followed, and no other may start. */
  | { kind: 'running-unusable'; running: UnusableSubmission; say: string }
  /** Something else runs under an id the action cannot use: it may be a go-live. */
  | { kind: 'in-progress-unusable'; busy: UnusableSubmission; say: string }
  /** Another submission (a publish) runs: a go-live would be refused. */
  | { kind: 'in-progress'; busy: Submission; say: string }
  | { kind: 'no-preview'; say: string }
  /** The newest preview succeeded under an id the action cannot use: nothing goes live, not an older preview either. */
  | { kind: 'preview-unusable'; preview: UnusableSubmission; say: string }
  /** The newest preview failed: nothing goes live, not even an older preview that succeeded. */
  | { kind: 'preview-failed'; preview: ListedSubmission; say: string }
  /** The newest preview has no result the action knows (or no status): nothing goes live yet. */
  | { kind: 'preview-unfinished'; preview: ListedSubmission; say: string }
  /** A live entry that may be newer than the newest preview has an unusable id: whether live has it is unknown. */
  | { kind: 'live-unusable'; live: UnusableSubmission; say: string }
  /** The go-live of the newest preview failed: not sent again without retry-failed. */
  | { kind: 'live-failed'; preview: Submission; failed: ListedSubmission; say: string }
  /** Live carries the newest preview already. */
  | { kind: 'live'; live: Submission; say: string }
  /** A go-live of the newest preview completed with no result the action knows: not taken live twice. */
  | { kind: 'live-unknown'; live: Submission; say: string }
  /** Take `preview` live (its id byte for byte as the service sent it); `retrying`: its failed go-live, sent once more. */
  | { kind: 'ready'; preview: Submission; retrying?: ListedSubmission; say: string }

const lower = (value: string | undefined): string | undefined => value?.toLowerCase()
const quoted = (value: string | undefined): string => (value === undefined ? 'none' : `'${serviceText(value, 40)}'`)
const ended = (s: ListedSubmission): boolean => lower(s.status) === 'completed'
// A submission's result is pending, succeeded or failed; a cancelled go-live is not re-sent either.
const FAILED = new Set(['failed', 'cancelled', 'canceled'])
const failed = (s: ListedSubmission): boolean => FAILED.has(lower(s.result) ?? '')
const createdText = (s: ListedSubmission): string => (s.created === undefined ? 'no created time' : `created ${serviceText(s.created, 40)}`)

/** An entry as messages name it: a usable id as validated; an unusable one by what its id is, and when. */
function named(s: ListedSubmission): string {
  return isUsable(s) ? s.id : `id ${s.shown}, ${createdText(s)}`
}

/** The newest of entries, as far as they can be told apart (those that cannot keep their order). */
function newestOf<T extends ListedSubmission>(entries: T[]): T | undefined {
  return [...entries].sort((a, b) => compareAge(a, b) ?? 0)[0]
}

/** The preview entry a verdict is about: the newest one, or one that may be newer than the newest usable one. */
function whichPreview(entry: ListedSubmission, usable: Submission | undefined): string {
  if (entry === usable || !usable || compareAge(entry, usable) === -1) return `The newest preview submission (${named(entry)})`
  return `A preview submission that may be newer than ${usable.id} (${named(entry)})`
}

/** A failed go-live of `preview` (`failure`: its live entry): blocked, or sent once more with retry-failed. */
function failedGoLive(preview: Submission, failure: ListedSubmission, options: DecideOptions): Decision {
  // `created` is when that submission was created, not when it failed: the listing gives no end time.
  const when =
    failure.created === undefined
      ? 'no created time listed'
      : `the submission was created ${serviceText(failure.created, 40)}; the listing gives no end time`
  const entry = isUsable(failure) ? `${failure.id} (${when})` : `with id ${failure.shown} (${when})`
  const outcome = `${ended(failure) ? 'completed with' : 'has no status, and'} result ${quoted(failure.result)}`
  if (options.retryFailed) {
    return {
      kind: 'ready',
      preview,
      retrying: failure,
      say: `The newest preview (${preview.id}) goes live once more on purpose: its go-live failed (live submission ${entry} ${outcome}), and retry-failed: true sends it once more`
    }
  }
  return {
    kind: 'live-failed',
    preview,
    failed: failure,
    say: `The go-live of the newest preview (${preview.id}) failed: its live submission ${entry} ${outcome}. A re-run does not send it again: fix the cause in Partner Center and publish a new preview, or set retry-failed: true to send it once more.`
  }
}

export function decide(listing: ListedSubmission[], options: DecideOptions = {}): Decision {
  // A draft is never published nor in progress, whatever it says.
  const published = listing.filter((s) => s.targetType !== 'draft')
  const usable = published.filter(isUsable).sort(newestFirst)
  const unusable = published.filter((s): s is UnusableSubmission => !isUsable(s))

  const inProgress = (s: ListedSubmission): boolean => s.status !== undefined && lower(s.status) !== 'completed'
  const running = usable.find((s) => inProgress(s) && s.targetType === 'live')
  if (running) return { kind: 'follow', running, say: `A go-live is already running (${running.id})` }
  // Something in progress that cannot be named could be a go-live: never read as "nothing runs".
  const unnamed = unusable.filter(inProgress)
  const unnamedLive = unnamed.find((s) => s.targetType === 'live')
  if (unnamedLive) {
    return {
      kind: 'running-unusable',
      running: unnamedLive,
      say: `A go-live is already running, listed under an id the action does not accept (${unnamedLive.shown}): the action cannot follow it and would start no other; follow it in Partner Center.`
    }
  }
  const unnamedBusy = unnamed[0]
  if (unnamedBusy) {
    return {
      kind: 'in-progress-unusable',
      busy: unnamedBusy,
      say: `Another submission is in progress (status ${quoted(unnamedBusy.status)}, id ${unnamedBusy.shown}) under an id the action does not accept, so the action can neither follow it nor rule out that it is a go-live: wait for it to finish in Partner Center, then go live.`
    }
  }
  const busy = usable.find(inProgress)
  if (busy) {
    const target = busy.targetType ? serviceText(busy.targetType, 40) : 'an unknown target'
    return {
      kind: 'in-progress',
      busy,
      say: `Another submission is in progress (${busy.id}, to ${target}, ${serviceText(busy.status, 40)}): wait for it to finish in Partner Center, then go live.`
    }
  }

  // The newest preview, whatever its id: an unusable one that may be newer than the newest usable
  // one stands in its way (dropping it would take an older preview live).
  const preview = usable.find((s) => s.targetType === 'preview')
  const rival = newestOf(unusable.filter((s) => s.targetType === 'preview' && (!preview || mayBeNewer(s, preview))))
  const newest = rival ?? preview
  if (!newest) return { kind: 'no-preview', say: 'There is no preview submission: publish to preview first, then go live.' }
  const which = whichPreview(newest, preview)
  const result = lower(newest.result)
  if (ended(newest) && result === 'failed') {
    return {
      kind: 'preview-failed',
      preview: newest,
      say: `${which} failed, so nothing goes live (an older preview is not taken live in its place): fix it in Partner Center and publish a new preview, then go live.`
    }
  }
  if (!ended(newest) || result !== 'succeeded') {
    return {
      kind: 'preview-unfinished',
      preview: newest,
      say: `${which} has not finished (status ${quoted(newest.status)}, result ${quoted(newest.result)}): wait until it succeeded in Partner Center, then go live.`
    }
  }
  if (rival || !preview) {
    const entry = rival ?? (newest as UnusableSubmission)
    return {
      kind: 'preview-unusable',
      preview: entry,
      say: `${which} cannot be taken live: ${entry.problem}. Nothing goes live (not an older preview either): fix it in Partner Center and publish a new preview, then run the step again.`
    }
  }

  // A live entry that may be the go-live of this preview (not older than it, nor than the newest
  // usable live entry) but has an unusable id: failed, it is a failed go-live; else unknown.
  const live = usable.find((s) => s.targetType === 'live')
  const liveRival = newestOf(unusable.filter((s) => s.targetType === 'live' && mayBeNewer(s, preview) && (!live || mayBeNewer(s, live))))
  if (liveRival) {
    if (failed(liveRival)) return failedGoLive(preview, liveRival, options)
    const after = compareAge(liveRival, preview) === -1 ? 'newer than' : 'that may be newer than'
    return {
      kind: 'live-unusable',
      live: liveRival,
      say: `A live submission (${named(liveRival)}) ${after} the newest preview (${preview.id}) cannot be read: ${liveRival.problem}, so the action cannot tell whether live carries that preview: check it in Partner Center before going live again.`
    }
  }
  if (!live) return { kind: 'ready', preview, say: `The newest preview (${preview.id}) is ready to go live (nothing is live yet)` }
  // The same submission however its id is spelled: a GUID's case or a leading zero is no new preview.
  const same = sameSubmission(live, preview)
  // Live already only when the entry says it ended and succeeded, as the preview must (a result
  // without a status is read as still going: parseSubmissionStatus).
  if (same && ended(live) && lower(live.result) === 'succeeded') {
    return { kind: 'live', live, say: `Live already has the newest preview (${live.id}): publish a new preview to go live again.` }
  }
  // A go-live of this preview that failed (listed under its id, or created after it): never re-sent
  // on every run of a scheduled workflow; retry-failed sends it once more on purpose.
  if ((same || compareAge(live, preview) === -1) && failed(live)) return failedGoLive(preview, live, options)
  // Unknown is never success, and never a reason to send the go-live a second time either.
  if (same) {
    const what = ended(live) ? 'completed with no result the action knows' : 'has no status the action knows'
    return {
      kind: 'live-unknown',
      live,
      say: `The go-live of the newest preview (${live.id}) ${what} (status ${quoted(live.status)}, result ${quoted(live.result)}): check it in Partner Center before going live again.`
    }
  }
  return { kind: 'ready', preview, say: `The newest preview (${preview.id}) is ready to go live (live has ${live.id})` }
}
