import { describe, expect, it } from '@jest/globals'
import { apiUrl, baseUrlProblem, isLoopbackHost } from '../../src/http/urls.js'

describe('apiUrl', () => {
  it('puts a path on the base origin with the api-version query, keeping a literal $', () => {
    const url = apiUrl('/api/operations/contoso$vm$2$preview', new URL('https://cloudpartner.azure.com'), '2017-10-31')
    expect(url.href).toBe('https://cloudpartner.azure.com/api/operations/contoso$vm$2$preview?api-version=2017-10-31')
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
