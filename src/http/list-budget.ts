// How much of the services' lists the step holds at once (issue 19). Every list the action reads (a
// product lookup, a product's or an offer's submissions) is read page by page within one listing's
// allowance, and every page being read or parsed holds its share of one budget the whole step
// shares: however many offers run and whatever the service sends, the lists never hold more. A
// page waits its turn for its share; a listing past its allowance is refused with a clear error.
import { ServiceUnavailableError } from '../errors.js'

const KiB = 1024
const MiB = 1024 * KiB

/**
 * One listing, all its pages together, in bytes as received. A real one is a few KB (one product,
 * or a handful of submissions of about 300 bytes each): 1 MiB is hundreds of times that, room for a
 * product with thousands of submissions, and still small enough to hold a few of at once.
 */
export const LISTING_BYTES = 1 * MiB

/**
 * The step's budget: the pages of every offer's lists read or parsed at once. Eight listings at
 * their allowance; parsed, JSON can grow about 20 times (a page of empty objects), so about 200 MB at
 * worst, well under the 600 MB a step of 32 offers must stay under whatever the service sends.
 */
export const STEP_LIST_BYTES = 8 * MiB

/**
 * The share a page is first read with. A real listing fits many times over (even a CPP offer's
 * history of a few hundred submissions), and 32 such shares fill the budget: as many offers as
 * max-parallel lets list at once, so real lists never wait for each other. A page that does not fit
 * is read again with all that is left of its listing's allowance, and so is every later page of that
 * listing: a huge page waits in line for its large share, neither passed over forever nor served
 * before the pages ahead of it.
 */
export const FIRST_READ_BYTES = 256 * KiB

const inWords = (bytes: number): string =>
  bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : bytes >= KiB && bytes % KiB === 0 ? `${bytes / KiB} KiB` : `${bytes} bytes`

/** A list the service sent is larger than a listing may be: the service's fault, nothing the action can use. */
export class ListTooLargeError extends ServiceUnavailableError {
  override name = 'ListTooLargeError'
}

/** A page as read within a share: what the caller kept of it and its size, or too large for the share. */
export type PageRead<T> = { value: T; bytes: number } | 'too large'

export class ListBudget {
  readonly stepBytes: number
  readonly listingBytes: number
  readonly firstReadBytes: number
  private free: number
  /** Pages waiting for their share, first come first served (a large share is not passed over forever). */
  private readonly line: Array<{ bytes: number; grant: () => void }> = []

  constructor(stepBytes = STEP_LIST_BYTES, listingBytes = LISTING_BYTES, firstReadBytes = FIRST_READ_BYTES) {
    // A listing that could never get its share would wait forever.
    if (!(listingBytes <= stepBytes && firstReadBytes <= listingBytes && firstReadBytes > 0)) {
      throw new Error(`A list budget of ${stepBytes} bytes cannot hold a listing of ${listingBytes} read ${firstReadBytes} at first`)
    }
    this.stepBytes = stepBytes
    this.listingBytes = listingBytes
    this.firstReadBytes = firstReadBytes
    this.free = stepBytes
  }

  /** Bytes of the budget no page holds now. */
  get available(): number {
    return this.free
  }

  /**
   * Reads one list: `read` is given a page reader, and every page it reads holds its share of the
   * budget from before its request until what it keeps of it is made (so a page's body and parsed
   * JSON are gone when the share is given back). `what` names the list in the error.
   */
  async readList<T>(
    what: string,
    read: (page: <P>(readPage: (maxBytes: number) => Promise<PageRead<P>>) => Promise<P>) => Promise<T>,
    signal?: AbortSignal
  ): Promise<T> {
    let received = 0
    let large = false
    const page = async <P>(readPage: (maxBytes: number) => Promise<PageRead<P>>): Promise<P> => {
      for (;;) {
        const left = this.listingBytes - received
        if (left <= 0) throw this.tooLarge(what)
        const share = large ? left : Math.min(this.firstReadBytes, left)
        const release = await this.take(share, signal)
        let read: PageRead<P>
        try {
          read = await readPage(share)
        } finally {
          release()
        }
        if (read !== 'too large') {
          received += read.bytes
          return read.value
        }
        if (share === left) throw this.tooLarge(what)
        large = true
      }
    }
    return read(page)
  }

  private tooLarge(what: string): ListTooLargeError {
    return new ListTooLargeError(
      `${what} failed: the list is larger than ${inWords(this.listingBytes)} (all its pages together), far more than a real one (a few KB), so the action stopped reading it. Run the step again later, and report it if it persists.`
    )
  }

  /** Waits its turn until `bytes` are free and holds them; the function returned gives them back (once). */
  private take(bytes: number, signal?: AbortSignal): Promise<() => void> {
    let given = false
    const release = (): void => {
      if (given) return
      given = true
      this.free += bytes
      this.serve()
    }
    if (this.line.length === 0 && bytes <= this.free) {
      this.free -= bytes
      return Promise.resolve(release)
    }
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const waiting = {
        bytes,
        grant: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve(release)
        }
      }
      const onAbort = (): void => {
        this.line.splice(this.line.indexOf(waiting), 1)
        // The one at the head may fit now that this one left the line.
        this.serve()
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.line.push(waiting)
    })
  }

  /** Gives the waiting pages their shares, in order, while they fit. */
  private serve(): void {
    for (let next = this.line[0]; next && next.bytes <= this.free; next = this.line[0]) {
      this.line.shift()
      this.free -= next.bytes
      next.grant()
    }
  }
}
