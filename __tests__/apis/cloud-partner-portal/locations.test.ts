import { describe, expect, it } from '@jest/globals'
import { canonicalOperationLocation, isOperationId, requestUrl } from '../../../src/apis/cloud-partner-portal/locations.js'
import { LocationProblem } from '../../../src/http/urls.js'

const base = new URL('https://cloudpartner.azure.com')
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const canonical = (raw: string) => canonicalOperationLocation(raw, base, '2017-10-31')
const problem = (raw: string): string => {
  try {
    canonical(raw)
  } catch (error) {
    if (error instanceof LocationProblem) return error.message
    throw error
  }
  throw new Error(`accepted ${raw}`)
}

describe('canonicalOperationLocation', () => {
  it('keeps an absolute Operation-Location and adds the missing api-version', () => {
    const ref = canonical(`https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/${GUID}`)
    expect(ref.url.href).toBe(`https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/${GUID}?api-version=2017-10-31`)
    expect(ref).toMatchObject({ kind: 'cpp-operation', id: GUID, publisher: 'contoso', offer: 'vm' })
  })

  it('resolves a relative Location of a migrated offer without doubling api-version', () => {
    const ref = canonical(`/api/publishers/contoso/offers/vm/operations/${GUID}?api-version=2017-10-31`)
    expect(ref.url.href).toBe(`https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/${GUID}?api-version=2017-10-31`)
  })

  it('keeps the literal $ of a non-migrated offer location, and reads %24 as $', () => {
    for (const raw of ['/api/operations/contoso$vm$2$preview', '/api/operations/contoso%24vm%242%24preview']) {
      const ref = canonical(raw)
      expect(ref.url.href).toBe('https://cloudpartner.azure.com/api/operations/contoso$vm$2$preview?api-version=2017-10-31')
      expect(ref).toMatchObject({ kind: 'cpp-operation', id: 'contoso$vm$2$preview', publisher: 'contoso', offer: 'vm' })
    }
  })

  it('drops a fragment and keeps a valid api-version it was given', () => {
    expect(canonical(`/api/publishers/p/offers/o/operations/${GUID}?api-version=2018-01-01#x`).url.href).toBe(
      `https://cloudpartner.azure.com/api/publishers/p/offers/o/operations/${GUID}?api-version=2018-01-01`
    )
  })

  it.each([
    ['https://exa mple.com/x', 'contains white space, a backslash or a control character'],
    ['/api/operations/p$o$1$preview\n::stop-commands::x', 'contains white space, a backslash or a control character'],
    ['https://evil.example/api/operations/p$o$1$preview', 'points to https://evil.example, not to https://cloudpartner.azure.com'],
    ['http://cloudpartner.azure.com/api/operations/p$o$1$preview', 'points to http://cloudpartner.azure.com'],
    ['https://cloudpartner.azure.com:444/api/operations/p$o$1$preview', 'points to https://cloudpartner.azure.com:444'],
    ['//evil.example/api/operations/p$o$1$preview', 'points to https://evil.example'],
    ['https://user:pw@cloudpartner.azure.com/api/operations/p$o$1$preview', 'contains credentials'],
    ['javascript:alert(1)', 'is neither an http(s) URL nor a path'],
    ['data:text/html,hi', 'is neither an http(s) URL nor a path'],
    ['file:///etc/passwd', 'is neither an http(s) URL nor a path'],
    ['/api/../../etc/passwd', "contains a '.' or '..' path segment"],
    ['/api/%2e%2e/etc/passwd', "contains a '.' or '..' path segment"],
    [`/api/publishers/other%2F..%2Fx/offers/o/operations/${GUID}`, 'contains an encoded slash, backslash or NUL'],
    ['/api/operations/p$o$1$preview?api-version=2017-10-31&redirect=x', 'has a query other than api-version'],
    ['/api/operations/p$o$1$preview?api-version=$(id)', 'has a version (api-version) that is not a date'],
    ['/etc/passwd', 'is not a CPP operation path'],
    ['/api/operations/p$o$1$preview/', 'is not a CPP operation path'],
    [`/api/publishers/p;rm/offers/o/operations/${GUID}`, 'is not a CPP operation path'],
    ['/api/publishers/p/offers/o/operations/$(touch%20x)', 'is not a CPP operation path'],
    ['/api/publishers/p/offers/o/operations/`id`', 'is not a CPP operation path'],
    [`/api/publishers/p/offers/o/operations/${'a'.repeat(3000)}`, 'is longer than 2048 characters']
  ])('refuses %s: %s', (raw, message) => {
    expect(problem(raw)).toContain(message)
  })

  it('only ever yields URLs of shell-inert characters', () => {
    const ref = canonical('/api/operations/Con.to_so$my-vm$12$preview')
    expect(ref.url.href).toMatch(/^https:\/\/[a-z.]+\/api\/operations\/[A-Za-z0-9._$-]+\?api-version=[0-9-]+$/)
  })
})

describe('isOperationId', () => {
  it('accepts a GUID or the publisher$offer$n$slot form, nothing else', () => {
    expect(isOperationId(GUID)).toBe(true)
    expect(isOperationId('contoso$vm$2$preview')).toBe(true)
    for (const id of ['1', 'x', '../x', 'contoso$vm$x$preview', 'a$b$1$preview;id', `${GUID}\n`, 'contoso$a..b$1$preview']) {
      expect(isOperationId(id)).toBe(false)
    }
  })
})

describe('requestUrl', () => {
  it('puts a path on the base origin with the api-version query, keeping a literal $', () => {
    const url = requestUrl(new URL('https://cloudpartner.azure.com'), '/api/operations/contoso$vm$2$preview', '2017-10-31')
    expect(url.href).toBe('https://cloudpartner.azure.com/api/operations/contoso$vm$2$preview?api-version=2017-10-31')
  })
})
