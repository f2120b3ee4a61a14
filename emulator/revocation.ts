// Tokens revoked at a moment of the request stream, their refusals held back: as when a token is
// revoked while a fleet's requests are in flight and the service's 401s come back spread over a
// while (issue 19: 31 refusals of one token spread over 300 ms once caused 10 token requests). Both
// API emulators keep one of these beside their set of accepted tokens.
import type { ServerResponse } from 'node:http'
import { holdAnswer } from './faults.ts'

export interface Revocation {
  /** The token is still accepted for this many more requests that bear it, then refused (default 0: at once). */
  afterRequests?: number
  /**
   * Each refusal of the token is held back by up to this many ms, spread evenly (the k-th by
   * frac(k × golden ratio) of it: no two close, the same on every run). Default 0: answered at once.
   */
  holdRefusalsMs?: number
}

const GOLDEN = (Math.sqrt(5) - 1) / 2

export class Revocations {
  private readonly planned = new Map<string, { left: number; holdMs: number }>()
  private readonly revoked = new Map<string, { holdMs: number; refusals: number }>()

  /** `token` is refused from the moment `revocation` names on. */
  revoke(token: string, revocation: Revocation = {}): void {
    this.planned.set(token, { left: revocation.afterRequests ?? 0, holdMs: revocation.holdRefusalsMs ?? 0 })
  }

  /** Counts a request that bears `token`: whether the token is revoked as of this request. */
  refuses(token: string): boolean {
    const plan = this.planned.get(token)
    if (plan && plan.left-- <= 0) {
      this.planned.delete(token)
      this.revoked.set(token, { holdMs: plan.holdMs, refusals: 0 })
    }
    return this.revoked.has(token)
  }

  /** A refusal of a revoked `token` (answered by `res`): held back by its share of the spread. */
  holdRefusal(token: string, res: ServerResponse): void {
    const revoked = this.revoked.get(token)
    if (!revoked) return
    const k = ++revoked.refusals
    if (revoked.holdMs > 0) holdAnswer(res, Math.round(((k * GOLDEN) % 1) * revoked.holdMs))
  }

  /** How many requests bearing `token` were refused since it was revoked. */
  refusals(token: string): number {
    return this.revoked.get(token)?.refusals ?? 0
  }

  clear(): void {
    this.planned.clear()
    this.revoked.clear()
  }
}
