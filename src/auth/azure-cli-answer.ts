// The Azure CLI's answer to `az account get-access-token --output json`, read: the token (masked the
// moment it is found, before anything can fail and print) and its expiry. The answer is never quoted:
// it holds a token. Its shape: __tests__/fixtures/azure-cli-docs.ts.
import { BEARER_TOKEN, maskSecret } from './auth-config.js'
import { ActionError } from '../errors.js'
import { jwtExpiry } from './jwt.js'
import { isObject } from '../lookup.js'

export interface AzureCliToken {
  accessToken: string
  expiresOn: Date
}

// `expiresOn` is the machine's local time, "2023-10-31 21:59:10.000000" (no offset); `expires_on`
// (Azure CLI 2.54.0 and later) is POSIX seconds, and preferred: local time is ambiguous when DST ends.
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/

function localTime(text: string): Date | undefined {
  const parts = LOCAL_TIME.exec(text)
  if (!parts) return undefined
  const [year, month, day, hours, minutes, seconds] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const ms = Math.floor(Number(`0.${parts[7] ?? '0'}`) * 1_000)
  const date = new Date(year, month - 1, day, hours, minutes, seconds, ms)
  return Number.isNaN(date.getTime()) ? undefined : date
}

function expiry(answer: Record<string, unknown>, token: string): Date | undefined {
  const posix = answer.expires_on
  const seconds = typeof posix === 'number' ? posix : typeof posix === 'string' && /^\d+$/.test(posix) ? Number(posix) : NaN
  if (Number.isSafeInteger(seconds) && seconds > 0) return new Date(seconds * 1_000)
  if (typeof answer.expiresOn === 'string') {
    const local = localTime(answer.expiresOn.trim())
    if (local) return local
  }
  // Neither readable: the token's own `exp`, when it is a JWT.
  return jwtExpiry(token)
}

export function parseAzureCliToken(stdout: string, resource: string): AzureCliToken {
  const what = `The Azure CLI's answer to az account get-access-token --resource ${resource}`
  let answer: unknown
  try {
    answer = JSON.parse(stdout)
  } catch {
    answer = undefined
  }
  const token = isObject(answer) ? answer.accessToken : undefined
  if (typeof token === 'string' && token.trim()) maskSecret(token)
  if (!isObject(answer)) throw new ActionError(`${what} is not the JSON object it writes (the answer is not shown: it may hold a token).`)
  if (typeof token !== 'string' || !token) throw new ActionError(`${what} has no accessToken.`)
  if (!BEARER_TOKEN.test(token)) {
    throw new ActionError(`${what} holds an accessToken that is not one line of token characters (not shown: it is a secret).`)
  }
  const expiresOn = expiry(answer, token)
  if (!expiresOn) throw new ActionError(`${what} says neither when its token expires (expires_on, expiresOn) nor does the token.`)
  return { accessToken: token, expiresOn }
}
