// The step's bound on what its lists hold (issue 19): one listing within its allowance (all pages
// together), and every page being read, of every offer, within one shared budget: pages wait their
// turn, never exceed it, and a listing past its allowance is refused naming it and the limit.
import { describe, expect, it } from '@jest/globals'
import {
  ListBudget,
  ListTooLargeError,
  LISTING_BYTES,
  STEP_LIST_BYTES,
  FIRST_READ_BYTES,
  type PageRead
} from '../../src/http/list-budget.js'

/** A page of `bytes` bytes as a reader within a share sees it: too large for a smaller share. */
const pageOf =
  (bytes: number, shares: number[] = []) =>
  async (maxBytes: number): Promise<PageRead<number>> => {
    shares.push(maxBytes)
    return bytes > maxBytes ? 'too large' : { value: bytes, bytes }
  }

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('one listing', () => {
  it('the limits are what the comments say: a listing of 1 MiB, 8 of them at once, 32 first reads of 256 KiB', () => {
    expect([LISTING_BYTES, STEP_LIST_BYTES, FIRST_READ_BYTES]).toEqual([1024 * 1024, 8 * 1024 * 1024, 256 * 1024])
    expect(STEP_LIST_BYTES / FIRST_READ_BYTES).toBe(32)
  })

  it('reads real pages with the first share; past the allowance, all pages together, it is refused naming the list and the limit', async () => {
    const budget = new ListBudget(4096, 1000, 100)
    const shares: number[] = []
    const small = await budget.readList('Listing the x', async (page) => [await page(pageOf(60, shares)), await page(pageOf(90, shares))])
    expect(small).toEqual([60, 90])
    expect(shares).toEqual([100, 100])

    shares.length = 0
    const error = await budget
      .readList('Listing the product’s submissions', async (page) => {
        for (;;) await page(pageOf(300, shares))
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ListTooLargeError)
    expect((error as Error).message).toBe(
      'Listing the product’s submissions failed: the list is larger than 1000 bytes (all its pages together), far more than a real one (a few KB), so the action stopped reading it. Run the step again later, and report it if it persists.'
    )
    // The first page is read again with all that is left; later pages with all that is left at once;
    // the fourth does not fit in the 100 bytes left.
    expect(shares).toEqual([100, 1000, 700, 400, 100])
    // Every share was given back.
    expect(budget.available).toBe(4096)
  })

  it('names the limit in MiB, and refuses one page larger than the whole allowance', async () => {
    const budget = new ListBudget()
    const error = await budget.readList("Listing the offer's submissions", (page) => page(pageOf(3_900_000))).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /^Listing the offer's submissions failed: the list is larger than 1 MiB \(all its pages together\)/
    )
  })

  it('gives the share back when the read fails, and the failure is the reader’s', async () => {
    const budget = new ListBudget(4096, 1000, 100)
    const failing = budget.readList('Listing the x', (page) =>
      page(async () => {
        throw new Error('HTTP 500')
      })
    )
    await expect(failing).rejects.toThrow('HTTP 500')
    expect(budget.available).toBe(4096)
  })

  it('refuses limits that would make a page wait forever', () => {
    expect(() => new ListBudget(1000, 2000)).toThrow()
    expect(() => new ListBudget(1000, 500, 600)).toThrow()
    expect(() => new ListBudget(1000, 500, 0)).toThrow()
  })
})

describe('the step’s budget, shared by every offer', () => {
  /** Pages that end when told: what is held at once is watched through the budget itself. */
  function held(budget: ListBudget) {
    let most = 0
    const open: Array<() => void> = []
    const page =
      (bytes: number) =>
      (maxBytes: number): Promise<PageRead<number>> => {
        most = Math.max(most, budget.stepBytes - budget.available)
        if (bytes > maxBytes) return Promise.resolve('too large')
        return new Promise((resolve) => open.push(() => resolve({ value: bytes, bytes })))
      }
    return { page, open, most: () => most }
  }

  it('offers past the budget wait their turn and all get their lists; what is held never exceeds it', async () => {
    const budget = new ListBudget(400, 400, 100)
    const watch = held(budget)
    const lists = Array.from({ length: 10 }, (_, i) => budget.readList(`list ${i}`, (page) => page(watch.page(50))))
    await settle()
    // Four shares of 100 fit in 400: four pages are being read, six wait.
    expect(watch.open).toHaveLength(4)
    expect(budget.available).toBe(0)
    while (watch.open.length > 0) {
      watch.open.shift()?.()
      await settle()
    }
    expect(await Promise.all(lists)).toEqual(Array(10).fill(50))
    expect(watch.most()).toBeLessThanOrEqual(400)
    expect(budget.available).toBe(400)
  })

  it('a huge page waits for its large share in line: later small pages do not pass it forever, and it never exceeds the budget', async () => {
    const budget = new ListBudget(400, 400, 100)
    const watch = held(budget)
    const order: string[] = []
    const read = (name: string, bytes: number) =>
      budget.readList(name, (page) => page(watch.page(bytes))).then((v) => (order.push(name), v))
    const first = [read('a', 50), read('b', 50)]
    await settle()
    // `huge` is read with 100, too large: it asks for the whole 400 and waits for a and b.
    const huge = read('huge', 350)
    await settle()
    const after = read('c', 50)
    await settle()
    expect(watch.open).toHaveLength(2)
    watch.open.shift()?.()
    watch.open.shift()?.()
    await settle()
    // Now `huge` holds the whole budget; `c` waits behind it.
    expect(budget.available).toBe(0)
    expect(watch.open).toHaveLength(1)
    watch.open.shift()?.()
    await settle()
    watch.open.shift()?.()
    await Promise.all([...first, huge, after])
    expect(order).toEqual(['a', 'b', 'huge', 'c'])
    expect(watch.most()).toBeLessThanOrEqual(400)
  })

  it('a page still waiting when the step is cancelled ends with the reason and gives its place to the next', async () => {
    const budget = new ListBudget(200, 200, 100)
    const watch = held(budget)
    const holding = [budget.readList('a', (page) => page(watch.page(50))), budget.readList('b', (page) => page(watch.page(50)))]
    const controller = new AbortController()
    const cancelled = budget.readList('c', (page) => page(watch.page(50)), controller.signal)
    const next = budget.readList('d', (page) => page(watch.page(50)))
    await settle()
    controller.abort(new Error('Received SIGTERM'))
    await expect(cancelled).rejects.toThrow('Received SIGTERM')
    watch.open.shift()?.()
    await settle()
    // `d` took the share `a` gave back.
    expect(watch.open).toHaveLength(2)
    for (const end of watch.open.splice(0)) end()
    await expect(Promise.all([...holding, next])).resolves.toEqual([50, 50, 50])
    expect(budget.available).toBe(200)
  })
})
