// Faults both emulators can be told to play on matching requests: an error status with any body,
// a reset before or after acting, no answer at all, a normal answer held back, or extra headers on
// a normal answer.
import type { IncomingMessage, ServerResponse } from 'node:http'

interface FaultMatch {
  method?: 'GET' | 'POST'
  /** A substring of the request path. */
  path?: string
  /** How many matching requests it hits (default 1). */
  times?: number
  /** How many matching requests pass untouched before it hits (default 0): a fault mid-wait. */
  after?: number
}

/** What replaces the answer to a request that was acted on (a POST that started the go-live). */
type AfterAccept =
  /** The socket is destroyed instead of answering. */
  | { kind: 'reset-after-accept' }
  /** No answer, ever: the client's request timeout ends it. */
  | { kind: 'hang-after-accept' }
  /** An error answer all the same (a 500 from a gateway whose backend did the work). */
  | { kind: 'status-after-accept'; status: number; body?: string; contentType?: string }

export type Fault = FaultMatch &
  (
    | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string; contentType?: string }
    /** The socket is destroyed before the request is acted on (the request itself was read). */
    | { kind: 'reset' }
    /** No answer, ever (until the emulator closes). */
    | { kind: 'hang' }
    /** Answer normally, with these extra headers (a `Retry-After` on a 200, say). */
    | { kind: 'headers'; headers: Record<string, string> }
    /** Act on the request at once, but send the whole answer (status line and headers too) only after `ms`. */
    | { kind: 'delay'; ms: number }
    | AfterAccept
  )

/** What is left for the emulator to do after a fault was applied. */
export interface FaultEffect {
  /** The fault answered (or dropped) the request: nothing more to do. */
  done: boolean
  extraHeaders: Record<string, string>
  /** Act on the request, then play this instead of answering. */
  afterAccept?: AfterAccept
}

/** Plays what replaces the answer of a request that was acted on; false when nothing does. */
export function answerAfterAccept(effect: FaultEffect, req: IncomingMessage, res: ServerResponse): boolean {
  const after = effect.afterAccept
  switch (after?.kind) {
    case 'reset-after-accept':
      req.socket.destroy()
      return true
    case 'hang-after-accept':
      return true
    case 'status-after-accept':
      res.writeHead(after.status, { 'content-type': after.contentType ?? 'text/plain' })
      res.end(after.body ?? '')
      return true
    default:
      return false
  }
}

/**
 * Holds back what the handler answers by `ms`: Node sends the status line and headers with the
 * first body bytes or `end()`, so deferring `end()` defers all of it (the handler never writes
 * before it ends).
 */
export function holdAnswer(res: ServerResponse, ms: number): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  res.end = ((...args: unknown[]) => {
    const timer = setTimeout(() => {
      if (!res.destroyed) end(...args)
    }, ms)
    res.once('close', () => clearTimeout(timer))
    return res
  }) as ServerResponse['end']
}

export class FaultBook {
  private readonly faults: Array<Fault & { left: number; skip: number }> = []

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1, skip: fault.after ?? 0 })
  }

  clear(): void {
    this.faults.length = 0
  }

  /** Takes the first fault matching the request (counting it down) and plays its part. */
  apply(req: IncomingMessage, res: ServerResponse, path: string): FaultEffect {
    const index = this.faults.findIndex((f) => (!f.method || f.method === req.method) && (!f.path || path.includes(f.path)))
    let fault = index < 0 ? undefined : (this.faults[index] as Fault & { left: number; skip: number })
    if (fault && fault.skip > 0) {
      fault.skip--
      fault = undefined
    } else if (fault && --fault.left <= 0) this.faults.splice(index, 1)
    const effect: FaultEffect = { done: false, extraHeaders: {} }
    switch (fault?.kind) {
      case 'reset':
        req.socket.destroy()
        return { ...effect, done: true }
      case 'hang':
        return { ...effect, done: true }
      case 'status':
        res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'text/plain', ...(fault.headers ?? {}) })
        res.end(fault.body ?? '')
        return { ...effect, done: true }
      case 'headers':
        return { ...effect, extraHeaders: fault.headers }
      case 'delay':
        holdAnswer(res, fault.ms)
        return effect
      case 'reset-after-accept':
      case 'hang-after-accept':
      case 'status-after-accept':
        return { ...effect, afterAccept: fault }
      default:
        return effect
    }
  }
}
