import { describe, expect, it } from '@jest/globals'
import { baseUrlProblem, isLoopbackHost, offerOfLocation, operationIdOf, resolveOperationLocation, sameOrigin } from '../src/urls.js'

const base = new URL('https://cloudpartner.azure.com')

describe('resolveOperationLocation', () => {
  it('keeps an absolute Operation-Location and adds the missing api-version', () => {
    const url = resolveOperationLocation(
      'https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8',
      base,
      '2017-10-31'
    )
    expect(url.href).toBe(
      'https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31'
    )
  })

  it('resolves a relative Location of a migrated offer without doubling api-version', () => {
    const url = resolveOperationLocation('/api/publishers/contoso/offers/vm/operations/abc?api-version=2017-10-31', base, '2017-10-31')
    expect(url.href).toBe('https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/abc?api-version=2017-10-31')
  })

  it('keeps the literal $ of a non-migrated offer location', () => {
    const url = resolveOperationLocation('/api/operations/contoso$vm$2$preview?api-version=2017-10-31', base, '2017-10-31')
    expect(url.pathname).toBe('/api/operations/contoso$vm$2$preview')
    expect(url.href).not.toContain('%24')
  })

  it('appends api-version after an existing query', () => {
    const url = resolveOperationLocation('/api/operations/x?foo=bar', base, '2017-10-31')
    expect(url.search).toBe('?foo=bar&api-version=2017-10-31')
  })
})

describe('operationIdOf', () => {
  it('takes the last path segment, GUID or $ form', () => {
    expect(operationIdOf(new URL('https://h/api/publishers/p/offers/o/operations/56615b67?api-version=1'))).toBe('56615b67')
    expect(operationIdOf(new URL('https://h/api/operations/p$o$2$preview'))).toBe('p$o$2$preview')
    expect(operationIdOf(new URL('https://h/api/operations/p%24o%242%24preview'))).toBe('p$o$2$preview')
  })
})

describe('offerOfLocation', () => {
  it('names the offer of both location forms', () => {
    expect(offerOfLocation(new URL('https://h/api/publishers/pub/offers/off/operations/1'))).toEqual({ publisher: 'pub', offer: 'off' })
    expect(offerOfLocation(new URL('https://h/api/operations/pub$off$3$preview'))).toEqual({ publisher: 'pub', offer: 'off' })
    expect(offerOfLocation(new URL('https://h/api/other/1'))).toBeUndefined()
  })
})

describe('base URL rules', () => {
  it('accepts https origins and plain http on loopback only', () => {
    expect(baseUrlProblem(new URL('https://cloudpartner.azure.com'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://127.0.0.1:8080'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://localhost:1'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://[::1]:1'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://cloudpartner.azure.com'))).toMatch(/https/)
    expect(baseUrlProblem(new URL('http://127.0.0.1.evil.example'))).toMatch(/https/)
    expect(baseUrlProblem(new URL('https://cloudpartner.azure.com/api'))).toMatch(/without a path/)
    expect(baseUrlProblem(new URL('https://user:pw@cloudpartner.azure.com'))).toMatch(/credentials/)
  })

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.8.9.10')).toBe(true)
    expect(isLoopbackHost('128.0.0.1')).toBe(false)
  })

  it('compares origins including scheme and port', () => {
    expect(sameOrigin(new URL('https://a/x'), new URL('https://a'))).toBe(true)
    expect(sameOrigin(new URL('https://a:444/x'), new URL('https://a'))).toBe(false)
    expect(sameOrigin(new URL('http://a/x'), new URL('https://a'))).toBe(false)
  })
})
