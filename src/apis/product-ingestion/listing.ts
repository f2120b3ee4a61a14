// A product's submissions listing as decide() reads it: every entry of the product, those whose id
// the action can use and those it cannot. An entry with an unusable id is kept (never sent, never
// followed): dropping it would let an older preview look like the newest one (pia-api.md, "Ids are
// opaque strings").
import { isObject } from '../../lookup.js'
import { serviceText } from '../../report/safe-text.js'
import { parseSubmissionId } from './locations.js'
import { targetTypeOf } from './operations.js'

interface ListedFields {
  /** `draft`, `preview`, `live` in lower case; '' when the entry names none. */
  targetType: string
  status?: string
  result?: string
  created?: string
  /** A live entry as the service sent it (for the `operation` output); no other entry keeps its body. */
  body?: Record<string, unknown> | undefined
}

/** An entry whose id the action can send back and follow. */
export interface Submission extends ListedFields {
  /** `submission/<product guid>/<n>`, byte for byte as the service sent it (validated). */
  id: string
  /** The decimal digits after the last slash: opaque, compared as a big integer, never a JS number. */
  number: string
}

/** An entry of the product whose id the action cannot use: decide() sees it, nothing sends it. */
export interface UnusableSubmission extends ListedFields {
  /** Its id as messages quote it: service text made safe and bounded, or what it is (`none`). */
  shown: string
  /** Why the id cannot be used, as a clause ("it has no id"). */
  problem: string
  /** The digits its id ends in, when it ends in digits (to rank it); never sent anywhere. */
  number?: string
}

export type ListedSubmission = Submission | UnusableSubmission

export function isUsable(entry: ListedSubmission): entry is Submission {
  return !('problem' in entry)
}

/** What an id that is not a string is, for a message. */
function kindOf(id: unknown): string {
  if (Array.isArray(id)) return 'an array'
  return typeof id === 'object' ? 'an object' : `a ${typeof id}`
}

function shownId(id: unknown): string {
  if (id === undefined || id === null) return 'none'
  if (typeof id === 'number') return 'a bare JSON number'
  return typeof id === 'string' ? `'${serviceText(id, 80)}'` : kindOf(id)
}

// The digits an id ends in, its white space aside (bounded: only to rank it).
const TRAILING_DIGITS = /^submission\/[^/]*\/(\d{1,100})$/i

function idProblem(id: unknown): string {
  if (id === undefined || id === null) return 'it has no id'
  // JSON.parse has rounded it already: the digits the service meant are gone.
  if (typeof id === 'number') return 'its id is a bare JSON number, not a string (digits past 2^53 are lost in reading)'
  if (typeof id !== 'string') return `its id is ${kindOf(id)}, not a string`
  const trimmed = id.trim()
  if (trimmed !== id && parseSubmissionId(trimmed)) return 'its id has white space around it'
  const digits = TRAILING_DIGITS.exec(trimmed)?.[1]
  if (digits && digits.length > 30) return `its id's number has ${digits.length} digits, more than the 30 the action takes`
  return 'its id is not submission/<product id>/<digits>'
}

type Says = 'this' | 'other' | 'none'

/** Which product an entry's `product` field names: this one, another, or none (not a string). */
function productSays(product: unknown, guid: string): Says {
  if (typeof product !== 'string') return 'none'
  return product.toLowerCase() === `product/${guid}` ? 'this' : 'other'
}

/** Which product the GUID inside an entry's id names (`submission/<guid>/…`, white space aside). */
function idSays(id: unknown, guid: string): Says {
  if (typeof id !== 'string' || !/^\s*submission\//i.test(id)) return 'none'
  return id.trim().split('/')[1]?.toLowerCase() === guid ? 'this' : 'other'
}

/**
 * The listing's entries of the product `productGuid`. An entry is another product's (left out) when
 * its id or its `product` names another product and neither names this one. One that contradicts
 * itself (its id names one product, its `product` the other) may be this product's and cannot be
 * used: it is kept as unusable, never dropped (it may be the newest preview), never sent. A usable
 * id names the product itself; an entry naming no product is the product's. An entry that is not an
 * object says nothing (no target, no status) and is left out.
 */
export function parseListing(list: unknown[], productGuid: string): ListedSubmission[] {
  const guid = productGuid.toLowerCase()
  return list.flatMap((s: unknown): ListedSubmission[] => {
    if (!isObject(s)) return []
    const [byProduct, byId] = [productSays(s.product, guid), idSays(s.id, guid)]
    if (byProduct !== 'this' && byId !== 'this' && (byProduct === 'other' || byId === 'other')) return []
    const targetType = targetTypeOf(s) ?? ''
    // Only a live entry keeps its body (the `operation` output of an offer live already): a listing's
    // other entries are reduced to the fields decide() reads as the page is read.
    const fields: ListedFields = targetType === 'live' ? { targetType, body: s } : { targetType }
    for (const key of ['status', 'result', 'created'] as const) if (typeof s[key] === 'string') fields[key] = s[key] as string
    const digits = typeof s.id === 'string' ? TRAILING_DIGITS.exec(s.id.trim())?.[1] : undefined
    const unusable = (problem: string): ListedSubmission[] => [
      { ...fields, shown: shownId(s.id), problem, ...(digits ? { number: digits } : {}) }
    ]
    if (byProduct === 'other' && byId === 'this') return unusable('its id names this product but its product field names another')
    if (byProduct === 'this' && byId === 'other') return unusable('its id names another product but its product field names this one')
    const parsed = typeof s.id === 'string' ? parseSubmissionId(s.id) : undefined
    // As sent, byte for byte: it goes back to the service in the configure body.
    if (parsed) return [{ ...fields, id: s.id as string, number: parsed.number }]
    return unusable(idProblem(s.id))
  })
}
