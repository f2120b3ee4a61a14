// The links a CPP status names (`previewLinks`, `liveLinks`: `{displayText, uri}`), kept only when
// they are safe to show as links: absolute https URLs with no credentials, white space or control
// characters, of bounded length, and a bounded number of them. Anything else is left out, silently:
// a link is a courtesy, never a reason to fail.
import { isObject } from '../lookup.js'
import { serviceText } from '../report/safe-text.js'

export interface Link {
  /** The service's words for it: one clean line of at most MAX_TEXT characters. */
  text: string
  /**
   * An absolute https URL, rebuilt by the URL parser, with no credentials; `()[]<>"'` and the like
   * percent-encoded, so that it cannot end a Markdown link or an HTML attribute early.
   */
  url: string
}

export interface OperationLinks {
  preview: Link[]
  live: Link[]
}

export const MAX_LINKS = 20
export const MAX_URL = 2_000
const MAX_TEXT = 100
/** Entries looked at per list: a hostile list of a million entries costs this many, not a million. */
const MAX_SCANNED = 200

// White space, controls (C0, C1) and format characters (bidi overrides, zero-width): never in a link.
const UNSAFE = /[\s\p{Cc}\p{Cf}]/u
// Characters that end or break a Markdown link or an HTML attribute, percent-encoded in the path,
// query and fragment (the URL parser leaves several of them as they are).
const BREAKS_OUT = /[()[\]<>"'`{}|\\^]/g

/** The URL of a link, rebuilt, or undefined when it is not one to show. */
export function safeLinkUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_URL || UNSAFE.test(raw)) return undefined
  let url: URL
  try {
    url = new URL(raw) // no base: a relative reference is refused
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return undefined
  const rest = `${url.pathname}${url.search}${url.hash}`.replace(
    BREAKS_OUT,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  const href = `${url.origin}${rest}`
  return href.length <= MAX_URL ? href : undefined
}

/** The safe links of one list (`previewLinks` or `liveLinks`); [] when it is missing or not a list. */
function linksOf(value: unknown): Link[] {
  if (!Array.isArray(value)) return []
  const links: Link[] = []
  for (const entry of value.slice(0, MAX_SCANNED)) {
    if (!isObject(entry)) continue
    const url = safeLinkUrl(entry.uri)
    if (!url) continue
    const text = typeof entry.displayText === 'string' ? serviceText(entry.displayText, MAX_TEXT) : ''
    links.push({ text: text || serviceText(url, MAX_TEXT), url })
    if (links.length === MAX_LINKS) break
  }
  return links
}

/** The links of a CPP status body; empty lists when it names none. */
export function parseLinks(body: Record<string, unknown>): OperationLinks {
  return { preview: linksOf(body.previewLinks), live: linksOf(body.liveLinks) }
}

/** No links: what an answer that has none (a Product Ingestion job) carries. */
export const noLinks = (): OperationLinks => ({ preview: [], live: [] })
