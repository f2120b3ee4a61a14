import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../../src/wait/duration.js'

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['15m', 900_000],
    ['6h', 21_600_000],
    ['2d', 172_800_000],
    ['1h30m', 5_400_000],
    ['1d2h3m4s5ms', 93_784_005],
    ['90', 90_000],
    ['1.5', 1_500],
    ['1.5h', 5_400_000],
    [' 10S ', 10_000]
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', 'abc', '10x', '5m5m', '-5s', 'h', '1h 30m', '30s10', '1e3'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })

  it('reads zero, which callers refuse as not positive', () => {
    expect(parseDuration('0s')).toBe(0)
  })
})

describe('formatDuration', () => {
  it.each([
    [450, '450ms'],
    [5_000, '5s'],
    [125_000, '2m 5s'],
    [5_400_000, '1h 30m'],
    [90_061_000, '1d 1h']
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
