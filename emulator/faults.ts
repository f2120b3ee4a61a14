// Faults both emulators can be told to play on matching requests: an error status with any body,
// a reset before or after acting, no answer at all, or extra headers on a normal answer.
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface FaultMatch {
  method?: 'GET' | 'POST'
  /** A substring of the request path. */
  path?: string
  /** How many matching requests it hits (default 1). */
  times?: number
  /** How many matching requests pass untouched before it hits (default 0): a fault mid-wait. */
  after?: number
}

export type Fault = FaultMatch &
  (
    | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string; contentType?: string }
    /** The socket is destroyed before the request is acted on. */
    | { kind: 'reset' }
    /** The request is acted on (a POST starts the go-live), then the socket is destroyed. */
    | { kind: 'reset-after-accept' }
    /** No answer, ever (until the emulator closes). */
    | { kind: 'hang' }
    /** Answer normally, with these extra headers (a `Retry-After` on a 200, say). */
    | { kind: 'headers'; headers: Record<string, string> }
  )

/** What is left for the emulator to do after a fault was applied. */
export interface FaultEffect {
  /** The fault answered (or dropped) the request: nothing more to do. */
  done: boolean
  extraHeaders: Record<string, string>
  /** Act on the request, then destroy the socket instead of answering. */
  resetAfter: boolean
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
    const effect: FaultEffect = { done: false, extraHeaders: {}, resetAfter: false }
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
      case 'reset-after-accept':
        return { ...effect, resetAfter: true }
      default:
        return effect
    }
  }
}
