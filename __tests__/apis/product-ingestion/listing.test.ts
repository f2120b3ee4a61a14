// A submissions listing as decide() reads it: the product's entries with a usable id byte for byte,
// the product's entries whose id cannot be used kept (saying why, quoted safely), other products'
// entries left out.
import { describe, expect, it } from '@jest/globals'
import { isUsable, parseListing } from '../../../src/apis/product-ingestion/listing.js'
import { piaGoLiveSubmissions } from '../../fixtures/suse-azure-img-utils.js'

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const OTHER = '11111111-2222-3333-4444-555555555555'
const N = '1152921515689848683'
const preview = { target: { targetType: 'preview' }, status: 'completed', result: 'succeeded', created: '2022-02-04T20:07:22.4220588Z' }

describe('parseListing', () => {
  it('keeps a usable id byte for byte, with its number as digits', () => {
    const [entry] = parseListing([{ ...preview, id: `submission/${GUID.toUpperCase()}/0${N}` }], GUID)
    expect(entry).toMatchObject({ id: `submission/${GUID.toUpperCase()}/0${N}`, number: `0${N}`, targetType: 'preview' })
    expect(isUsable(entry as never)).toBe(true)
  })

  it.each([
    ['no id', undefined, 'none', 'it has no id', undefined],
    ['null', null, 'none', 'it has no id', undefined],
    [
      'a bare JSON number',
      Number(N),
      'a bare JSON number',
      'its id is a bare JSON number, not a string (digits past 2^53 are lost in reading)',
      undefined
    ],
    ['an array', ['x'], 'an array', 'its id is an array, not a string', undefined],
    ['a trailing space', `submission/${GUID}/${N} `, `'submission/${GUID}/${N}'`, 'its id has white space around it', N],
    [
      '31 digits',
      `submission/${GUID}/${N}000000000000`,
      `'submission/${GUID}/${N}000000000000'`,
      "its id's number has 31 digits, more than the 30 the action takes",
      `${N}000000000000`
    ],
    [
      'letters in the number',
      `submission/${GUID}/${N}x`,
      `'submission/${GUID}/${N}x'`,
      'its id is not submission/<product id>/<digits>',
      undefined
    ]
  ])('keeps an entry of the product whose id is %s as unusable, saying why', (_name, id, shown, problem, number) => {
    // made-up, each: an id the action cannot use (real ones are 19-digit strings).
    const listed = parseListing([{ ...preview, ...(id === undefined ? {} : { id }), product: `product/${GUID}` }], GUID)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ shown, problem, targetType: 'preview', status: 'completed', result: 'succeeded' })
    expect(listed[0]?.number).toBe(number)
    expect(isUsable(listed[0] as never)).toBe(false)
  })

  it('quotes a hostile id as one bounded, clean line', () => {
    const [entry] = parseListing([{ ...preview, id: `x\r\n::error::planted${'y'.repeat(10_000)}` }], GUID)
    expect(entry).toMatchObject({ problem: 'its id is not submission/<product id>/<digits>' })
    const { shown } = entry as { shown: string }
    expect(shown).not.toMatch(/[\r\n]/)
    expect(shown.length).toBeLessThanOrEqual(82)
  })

  it("leaves out another product's entries, usable or not, and entries that are not objects", () => {
    const listed = parseListing(
      [
        { ...preview, id: `submission/${OTHER}/${N}` },
        { ...preview, id: `submission/${OTHER}/${N} ` },
        { ...preview, product: `product/${OTHER}` },
        null,
        42,
        'submission'
      ],
      GUID
    )
    expect(listed).toEqual([])
  })

  it.each([
    [
      'its id names another product, its product field this one',
      `submission/${OTHER}/${N}`,
      `product/${GUID}`,
      'its id names another product but its product field names this one'
    ],
    [
      'its id names this product, its product field another',
      `submission/${GUID}/${N}`,
      `product/${OTHER}`,
      'its id names this product but its product field names another'
    ],
    [
      'its id, unusable, names another product, its product field this one',
      `submission/${OTHER}/${N} `,
      `product/${GUID.toUpperCase()}`,
      'its id names another product but its product field names this one'
    ]
  ])('keeps an entry that contradicts itself (%s) as an unusable entry of the product, never dropped', (_name, id, product, problem) => {
    // made-up, each: no sample shows it; the entry may be this product's newest preview.
    const [entry, ...rest] = parseListing([{ ...preview, id, product }], GUID)
    expect(rest).toEqual([])
    expect(entry).toMatchObject({ shown: `'${id.trim()}'`, problem, number: N, targetType: 'preview' })
    expect(isUsable(entry as never)).toBe(false)
  })

  it("keeps SUSE's test_go_live_with_offer preview (its id inside target) as a preview without an id", () => {
    expect(parseListing(piaGoLiveSubmissions.value, GUID)).toEqual([
      // Reduced to what decide() reads: only a live entry keeps its body (the `operation` output).
      { targetType: 'preview', shown: 'none', problem: 'it has no id' }
    ])
  })
})

describe('parseListing keeps only what it needs', () => {
  it('keeps the body of a live entry (the operation output of an offer live already), and of no other', () => {
    const live = { id: `submission/${GUID}/1152921515689847470`, target: { targetType: 'live' }, status: 'completed', result: 'succeeded' }
    const preview = {
      id: `submission/${GUID}/1152921515689848683`,
      target: { targetType: 'preview' },
      status: 'completed',
      result: 'succeeded'
    }
    const [a, b] = parseListing([live, preview], GUID)
    expect(a?.body).toBe(live)
    expect(b).not.toHaveProperty('body')
  })
})
