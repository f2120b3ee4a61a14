// One offer's kept lines: in the order written, bounded in lines and characters per offer and for
// the whole step, the first and the newest kept when cut, with a note of how many were left out.
import { describe, expect, it } from '@jest/globals'
import { KeptLines, keptShare, PER_OFFER, PER_STEP, type KeptLine } from '../../src/report/kept-lines.js'
import { MAX_LINE } from '../../src/report/log.js'

const line = (i: number, width = 0): KeptLine => ({ text: `line ${i} ${'x'.repeat(width)}`.trimEnd(), debug: false })
const texts = (lines: KeptLine[]) => lines.map((l) => l.text)
const chars = (lines: KeptLine[]) => lines.reduce((sum, l) => sum + l.text.length, 0)
const NOTE = /^… (\d+) more lines? of this offer left out here/

describe('KeptLines', () => {
  it('keeps every line in the order written while they fit, debug ones marked', () => {
    const kept = new KeptLines({ lines: 10, chars: 1000 })
    for (let i = 1; i <= 10; i++) kept.add({ text: `line ${i}`, debug: i === 3 })
    expect(texts(kept.lines())).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`))
    expect(kept.lines().filter((l) => l.debug)).toEqual([{ text: 'line 3', debug: true }])
    expect(kept.omitted).toBe(0)
  })

  it('past its lines: the first half and the newest, and a note of exactly those left out between', () => {
    const kept = new KeptLines({ lines: 10, chars: 100_000 })
    for (let i = 1; i <= 1000; i++) kept.add(line(i))
    const lines = texts(kept.lines())
    expect(lines).toEqual([
      ...[1, 2, 3, 4, 5].map((i) => `line ${i}`),
      expect.stringMatching(NOTE),
      ...[996, 997, 998, 999, 1000].map((i) => `line ${i}`)
    ])
    expect(NOTE.exec(lines[5] as string)?.[1]).toBe('990')
    expect(kept.omitted).toBe(990)
  })

  it('past its characters: never more than its share, the newest line always kept', () => {
    const limits = { lines: 1000, chars: 10_000 }
    const kept = new KeptLines(limits)
    for (let i = 1; i <= 500; i++) kept.add(line(i, 300 + (i % 7) * 100))
    const lines = kept.lines()
    const [note] = lines.filter((l) => NOTE.test(l.text))
    expect(chars(lines) - (note?.text.length ?? 0)).toBeLessThanOrEqual(limits.chars)
    expect(lines.at(-1)?.text).toMatch(/^line 500 /)
    expect(lines[0]?.text).toMatch(/^line 1 /)
    // What is kept is what was written, in order: numbers rise, and those left out are one run.
    const numbers = lines.filter((l) => l !== note).map((l) => Number(/^line (\d+)/.exec(l.text)?.[1]))
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(numbers.length + kept.omitted).toBe(500)
    const gap = numbers.findIndex((n, i) => i > 0 && n !== (numbers[i - 1] as number) + 1)
    expect(numbers[gap]! - numbers[gap - 1]! - 1).toBe(kept.omitted)
  })

  it('a line too long for the head goes to the tail, and the order stays the order written', () => {
    const kept = new KeptLines({ lines: 100, chars: 2000 })
    kept.add(line(1))
    kept.add(line(2, 1500))
    kept.add(line(3))
    expect(texts(kept.lines()).map((t) => t.slice(0, 6))).toEqual(['line 1', 'line 2', 'line 3'])
  })
})

describe('keptShare: the step-wide bound', () => {
  it('a few offers keep up to PER_OFFER each; 256 share PER_STEP, with room for whole lines', () => {
    expect(keptShare(2)).toEqual(PER_OFFER)
    const share = keptShare(256)
    expect(share.lines * 256).toBeLessThanOrEqual(PER_STEP.lines)
    expect(share.chars * 256).toBeLessThanOrEqual(PER_STEP.chars)
    // Half a share (the head, or the tail) holds a longest line, and a story's start.
    expect(share.chars / 2).toBeGreaterThanOrEqual(MAX_LINE)
    expect(share.lines).toBeGreaterThanOrEqual(32)
  })

  it('256 offers in a long wait of longest lines keep at most the step-wide bound', () => {
    const share = keptShare(256)
    const offers = Array.from({ length: 256 }, () => new KeptLines(share))
    const longest = 'y'.repeat(MAX_LINE)
    for (let round = 0; round < 200; round++) for (const kept of offers) kept.add({ text: longest, debug: false })
    const all = offers.flatMap((kept) => kept.lines().filter((l) => !NOTE.test(l.text)))
    expect(all.length).toBeLessThanOrEqual(PER_STEP.lines)
    expect(chars(all)).toBeLessThanOrEqual(PER_STEP.chars)
    // And each still has its start and its end.
    for (const kept of offers) expect(kept.omitted).toBeGreaterThan(0)
  })
})
