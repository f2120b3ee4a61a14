// A status read is a result only when it is about what the action follows. A body that names another
// job, another submission or product, or lists other entries (a gateway's cache, a mixed-up answer)
// is refused: the read fails as an unexpected answer, which costs one poll, never decides the wait,
// and never becomes the `operation` output.
import { ShapeError } from '../../errors.js'
import { type Operation } from '../../wait/operation.js'
import { isObject } from '../../lookup.js'
import { serviceText } from '../../report/safe-text.js'
import { parseJobStatus, parseSubmissionStatus, targetTypeOf } from './operations.js'
import { sameSubmissionId } from './locations.js'

/** A value the service named, quoted for a message: one clean, short line. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${serviceText(value.slice(0, 400), 100)}'` : `a ${value === null ? 'null' : typeof value}`
}

/** Ids are compared as the strings they are; only the GUIDs in them are case-insensitive. */
const same = (named: unknown, expected: string): boolean => typeof named === 'string' && named.toLowerCase() === expected.toLowerCase()
/** Whether a field names something other than `expected`; a field left out or null names nothing. */
const other = (named: unknown, expected: string): boolean => named !== undefined && named !== null && !same(named, expected)

/** Reads a job status, refused when it names another job than `jobId` (spelled jobId, jobID or jobid). */
export function followedJobParser(jobId: string): (json: unknown) => Operation {
  return (json) => {
    if (isObject(json)) {
      for (const key of ['jobId', 'jobID', 'jobid']) {
        if (other(json[key], jobId)) {
          throw new ShapeError(`names another job (${quoted(json[key])}), not the job followed (${jobId}); it is not taken as its status`)
        }
      }
    }
    return parseJobStatus(json)
  }
}

/**
 * Reads a live submission (`submission/<product guid>/<n>`), bare or as the one entry of `value`,
 * refused when it names another submission or product, lists other entries, or is not the live one.
 */
export function followedSubmissionParser(submissionId: string): (json: unknown) => Operation {
  const product = `product/${submissionId.split('/')[1] ?? ''}`
  const notIt = (why: string): ShapeError =>
    new ShapeError(`${why}, not the submission followed (${submissionId}); it is not taken as its status`)
  return (json) => {
    const list = isObject(json) && Array.isArray(json.value) ? json.value : undefined
    if (list && list.length !== 1) throw notIt(`lists ${list.length} entries`)
    const entry: unknown = list ? list[0] : json
    if (isObject(entry)) {
      const named = entry.id
      if (named !== undefined && named !== null && !(typeof named === 'string' && sameSubmissionId(named, submissionId)))
        throw notIt(`names another submission (${quoted(entry.id)})`)
      if (other(entry.product, product)) throw notIt(`names another product (${quoted(entry.product)})`)
      // The preview and the live submission share an id: only the live one is followed.
      const target = targetTypeOf(entry)
      if (target !== undefined && target !== 'live') {
        // Decided on the lower-case form; quoted as the service spelled it.
        const said = (entry.target as { targetType: string }).targetType
        throw new ShapeError(
          `is about a ${serviceText(said, 40)} submission, not the live one followed (${submissionId}); it is not taken as its status`
        )
      }
    }
    return parseSubmissionStatus(entry)
  }
}
