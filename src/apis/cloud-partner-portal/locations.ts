// Operation locations come from the network (a 202's header, a submission's id) or from an earlier
// run's output. Either way they are parsed, checked part by part, and rebuilt from those parts: what
// is polled, written as an output and linked in the summary is only ever one of the CPP forms
//   {origin}/api/publishers/{publisher}/offers/{offer}/operations/{guid}?api-version={date}
//   {origin}/api/operations/{publisher}${offer}${n}${slot}?api-version={date}
// on the base-url origin: no other host, path, query, scheme or shell-significant character.
import type { OperationRef } from '../go-live-service.js'
import { isIdentifier, type Subject } from '../subject.js'
import { LocationProblem, locationVersion, parseLocationUrl, type VersionQuery } from '../../http/urls.js'
import { GUID } from '../../http/ids.js'

/** The query parameter of the version, and the versions it takes. */
export const VERSION_QUERY = 'api-version'
export const VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(-preview)?$/
const VERSION: VersionQuery = { name: VERSION_QUERY, pattern: VERSION_PATTERN, example: '2017-10-31' }
const SLOT_ID = /^([A-Za-z0-9][A-Za-z0-9._-]{0,127})\$([A-Za-z0-9][A-Za-z0-9._-]{0,127})\$(\d{1,9})\$([A-Za-z]{1,32})$/

/** An operation id the action accepts: a GUID, or the `publisher$offer$n$slot` form. */
export function isOperationId(id: string): boolean {
  return GUID.test(id) || (SLOT_ID.test(id) && !id.includes('..'))
}

/** The publisher and offer a `publisher$offer$n$slot` id names; undefined for any other id (a GUID names none). */
export function offerNamedBy(id: string): Subject | undefined {
  const slot = SLOT_ID.exec(id)
  return slot ? { publisher: slot[1] as string, offer: slot[2] as string } : undefined
}

/** A CPP operation location (a go-live or a submission, by its operation id), with the offer it names. */
export interface CppOperationRef extends OperationRef {
  kind: 'cpp-operation'
  publisher: string
  offer: string
}

export function isCppOperationRef(ref: OperationRef): ref is CppOperationRef {
  return ref.kind === 'cpp-operation'
}

/**
 * The URL of a request of the action's own: `path` (already encoded, `$` kept literal) on the base
 * URL's origin, with the version query.
 */
export function requestUrl(base: URL, path: string, version: string): URL {
  return new URL(`${base.origin}${path}?${VERSION_QUERY}=${encodeURIComponent(version)}`)
}

// Publisher and offer ids are case-insensitive on the service.
export function sameOffer(a: Subject, b: Subject): boolean {
  return a.publisher.toLowerCase() === b.publisher.toLowerCase() && a.offer.toLowerCase() === b.offer.toLowerCase()
}

/** The offer and id an operation path names, or undefined when it is not a CPP operation path. */
function parsePath(pathname: string): { publisher: string; offer: string; id: string } | undefined {
  let segments: string[]
  try {
    segments = pathname.split('/').map((s) => decodeURIComponent(s))
  } catch {
    return undefined
  }
  const [empty, api, ...rest] = segments
  if (empty !== '' || api !== 'api') return undefined
  if (rest.length === 6 && rest[0] === 'publishers' && rest[2] === 'offers' && rest[4] === 'operations') {
    const [, publisher, , offer, , id] = rest as [string, string, string, string, string, string]
    if (isIdentifier(publisher) && isIdentifier(offer) && isOperationId(id)) return { publisher, offer, id }
    return undefined
  }
  if (rest.length === 2 && rest[0] === 'operations') {
    const id = rest[1] as string
    const slot = SLOT_ID.exec(id)
    if (slot && isOperationId(id)) return { publisher: slot[1] as string, offer: slot[2] as string, id }
  }
  return undefined
}

/**
 * Parses an operation location (absolute, or a path on the base URL's origin) and rebuilds it from
 * its validated parts. Throws a LocationProblem saying what is wrong.
 */
export function canonicalOperationLocation(raw: string, baseUrl: URL, apiVersion: string): CppOperationRef {
  const url = parseLocationUrl(raw, baseUrl)
  const version = locationVersion(url, VERSION, apiVersion)
  const named = parsePath(url.pathname)
  if (!named) {
    throw new LocationProblem(
      'is not a CPP operation path (/api/publishers/{publisher}/offers/{offer}/operations/{GUID} or /api/operations/{publisher}${offer}${n}${slot})'
    )
  }
  const path = named.id.includes('$')
    ? `/api/operations/${named.id}`
    : `/api/publishers/${named.publisher}/offers/${named.offer}/operations/${named.id}`
  return { kind: 'cpp-operation', url: requestUrl(baseUrl, path, version), ...named }
}
