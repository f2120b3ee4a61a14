// Reads a JWT's claims without verifying it: only to explain things (expiry, OIDC subject).
import { isObject } from '../lookup.js'

export type JwtClaims = Record<string, unknown>

export function decodeJwtClaims(token: string): JwtClaims | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return isObject(claims) ? claims : undefined
  } catch {
    return undefined
  }
}

/** When the token expires, if it says. */
export function jwtExpiry(token: string): Date | undefined {
  const exp = decodeJwtClaims(token)?.exp
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1_000) : undefined
}
