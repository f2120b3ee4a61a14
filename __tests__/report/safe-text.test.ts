import { describe, expect, it } from '@jest/globals'
import { serviceText } from '../../src/report/safe-text.js'

describe('serviceText: a bounded quote of service text', () => {
  it('keeps a short string as one clean line', () => {
    expect(serviceText('  Offer\nvalidation\tfailed  ')).toBe('Offer validation failed')
  })

  it('cuts a 3 MB string to its bound, with an ellipsis', () => {
    const quoted = serviceText('s'.repeat(3_000_000), 60)
    expect(quoted).toBe(`${'s'.repeat(59)}…`)
  })

  it('says it cut also when the part it looked at folds to little (white space, control characters)', () => {
    expect(serviceText(`running${' '.repeat(1_000_000)}tail`, 60)).toBe('running…')
  })

  it('never ends in half of a surrogate pair', () => {
    const quoted = serviceText('😀'.repeat(100), 60)
    expect(quoted.length).toBeLessThanOrEqual(60)
    expect(quoted).toMatch(/😀…$/)
  })
})
