import { describe, expect, it } from '@jest/globals'
import { baseUrlProblem, isLoopbackHost, locationVersion } from '../../src/http/urls.js'

describe('base URL rules', () => {
  it('accepts https origins and plain http on loopback only', () => {
    expect(baseUrlProblem(new URL('https://cloudpartner.azure.com'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://127.0.0.1:8080'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://localhost:1'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://[::1]:1'))).toBeUndefined()
    expect(baseUrlProblem(new URL('http://cloudpartner.azure.com'))).toMatch(/https/)
    expect(baseUrlProblem(new URL('http://127.0.0.1.evil.example'))).toMatch(/https/)
    expect(baseUrlProblem(new URL('https://cloudpartner.azure.com/api'))).toMatch(/without a path/)
    // With a path (the Product Ingestion API): a plain one, and still no credentials or query.
    expect(baseUrlProblem(new URL('https://graph.microsoft.com/rp/product-ingestion'), true)).toBeUndefined()
    expect(baseUrlProblem(new URL('https://u:p@graph.microsoft.com/rp/product-ingestion'), true)).toMatch(/credentials/)
    expect(baseUrlProblem(new URL('https://graph.microsoft.com/rp?x=1'), true)).toMatch(/query/)
    expect(baseUrlProblem(new URL('https://graph.microsoft.com/rp/$(id)'), true)).toMatch(/plain path/)
    expect(baseUrlProblem(new URL('http://graph.microsoft.com/rp'), true)).toMatch(/https/)
    expect(baseUrlProblem(new URL('https://user:pw@cloudpartner.azure.com'))).toMatch(/credentials/)
  })

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.8.9.10')).toBe(true)
    expect(isLoopbackHost('128.0.0.1')).toBe(false)
  })
})

describe('locationVersion: the one rule for the query of an operation location, whichever API', () => {
  const cpp = { name: 'api-version', pattern: /^\d{4}-\d{2}-\d{2}(-preview)?$/, example: '2017-10-31' }
  const pia = { name: '$version', pattern: /^\d{4}-\d{2}-\d{2}(-preview\d*)?$/, example: '2022-07-01' }
  const at = (query: string) => new URL(`https://cloudpartner.azure.com/api/operations/x${query}`)

  it('takes the version the location carries, or the fallback when it has no query', () => {
    expect(locationVersion(at('?api-version=2017-10-31'), cpp, '2020-01-01')).toBe('2017-10-31')
    expect(locationVersion(at('?$version=2022-03-01-preview2'), pia, '2022-07-01')).toBe('2022-03-01-preview2')
    expect(locationVersion(at(''), pia, '2022-07-01')).toBe('2022-07-01')
  })

  it('refuses any other query, a repeated version, and a version that is not a date', () => {
    expect(() => locationVersion(at('?api-version=2017-10-31&x=1'), cpp, '2017-10-31')).toThrow('has a query other than api-version')
    expect(() => locationVersion(at('?$version=2022-07-01&$version=2022-07-01'), pia, '2022-07-01')).toThrow(
      'has a query other than $version'
    )
    expect(() => locationVersion(at('?api-version=latest'), cpp, '2017-10-31')).toThrow(
      'has a version (api-version) that is not a date such as 2017-10-31'
    )
  })
})
