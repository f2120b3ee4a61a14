// One offer's own lines, kept as they are written so that the step's end can tell them again in
// that offer's group (run/offer-groups.ts). Bounded: 256 offers in a wait of days must not hold the
// whole log in memory. Each offer gets an equal share of a step-wide bound, at most PER_OFFER; when
// its lines pass its share, the first half and the newest lines are kept (what was sent, where it
// went; how it ended) and a note says how many in between were left out (the log above has them).

/** One kept line, exactly as it was written: `debug` ones go back through `::debug::`. */
export interface KeptLine {
  text: string
  debug: boolean
}

/** How much one offer keeps: lines, and characters over all of them. */
export interface KeptLimits {
  lines: number
  chars: number
}

/** The most one offer keeps, however few the offers. */
export const PER_OFFER: KeptLimits = { lines: 300, chars: 64 * 1024 }
/** The most the whole step keeps, over all its offers: 64 lines and 16 Ki characters each at 256 offers. */
export const PER_STEP: KeptLimits = { lines: 16 * 1024, chars: 4 * 1024 * 1024 }

/** One offer's share when the step has `offers` offers. */
export function keptShare(offers: number): KeptLimits {
  const n = Math.max(1, offers)
  return {
    lines: Math.min(PER_OFFER.lines, Math.floor(PER_STEP.lines / n)),
    chars: Math.min(PER_OFFER.chars, Math.floor(PER_STEP.chars / n))
  }
}

export class KeptLines {
  private readonly limits: KeptLimits
  /** The first lines, up to half the share: the start of the story. */
  private readonly head: KeptLine[] = []
  private headChars = 0
  /** Once a line went past the head, the head takes no more (the order stays the order written). */
  private headDone = false
  /** The newest lines after the head, within the rest of the share. */
  private readonly tail: KeptLine[] = []
  private tailChars = 0
  /** Lines left out between head and tail. */
  private leftOut = 0

  constructor(limits: KeptLimits) {
    this.limits = { lines: Math.max(2, limits.lines), chars: Math.max(2, limits.chars) }
  }

  add(line: KeptLine): void {
    const size = line.text.length
    const { lines, chars } = this.limits
    if (!this.headDone && this.head.length < Math.floor(lines / 2) && this.headChars + size <= Math.floor(chars / 2)) {
      this.head.push(line)
      this.headChars += size
      return
    }
    this.headDone = true
    this.tail.push(line)
    this.tailChars += size
    // The newest line stays even alone past the share: a line is bounded (log.ts, MAX_LINE).
    while (this.tail.length > 1 && (this.head.length + this.tail.length > lines || this.headChars + this.tailChars > chars)) {
      this.tailChars -= (this.tail.shift() as KeptLine).text.length
      this.leftOut++
    }
  }

  /** Lines left out so far. */
  get omitted(): number {
    return this.leftOut
  }

  /** The kept lines in the order written, with the note of those left out where they were. */
  lines(): KeptLine[] {
    if (this.leftOut === 0) return [...this.head, ...this.tail]
    const more = `… ${this.leftOut} more line${this.leftOut === 1 ? '' : 's'} of this offer left out here (the log above has every line as it was written).`
    return [...this.head, { text: more, debug: false }, ...this.tail]
  }
}
