// One registry of APIs: each `api` input value has one descriptor that holds all the action knows of
// it, its location parser tags what it parses with its kind, and nothing outside src/apis/ reaches
// into an API's folder or asks which API it is.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Apis } from '../../src/constants.js'
import { InputError } from '../../src/errors.js'
import { allApis, apiDescriptor } from '../../src/apis/registry.js'
import { baseUrlProblem } from '../../src/http/urls.js'

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const SRC = new URL('../../src/', import.meta.url).pathname

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

describe('the API registry', () => {
  it('has one descriptor per api input value, named by it', () => {
    for (const api of Object.values(Apis)) expect(apiDescriptor(api).api).toBe(api)
    expect(allApis().map((d) => d.api)).toEqual(Object.values(Apis))
  })

  it.each(allApis().map((d) => [d.api, d] as const))('%s: its defaults pass its own input rules', (_, d) => {
    expect(baseUrlProblem(new URL(d.defaults.baseUrl), d.inputs.baseUrlPath)).toBeUndefined()
    expect(d.version.pattern.test(d.defaults.version)).toBe(true)
    expect(d.signIn.audiences).toContain(d.signIn.resource)
    expect(d.signIn.scope).toBe(`${d.signIn.resource}/.default`)
  })

  it('parses operation locations into references tagged with their kind', () => {
    const cpp = apiDescriptor('cloud-partner-portal')
    const cppSettings = { subject: { publisher: 'contoso', offer: 'vm' }, baseUrl: new URL(cpp.defaults.baseUrl), apiVersion: '2017-10-31' }
    expect(cpp.parseOperationLocation(`/api/publishers/contoso/offers/vm/operations/${GUID}`, cppSettings)).toMatchObject({
      kind: 'cpp-operation',
      id: GUID
    })
    const pia = apiDescriptor('product-ingestion')
    const piaSettings = { subject: { publisher: '', offer: 'vm' }, baseUrl: new URL(pia.defaults.baseUrl), apiVersion: '2022-07-01' }
    expect(pia.parseOperationLocation(`/rp/product-ingestion/configure/${GUID}/status`, piaSettings)).toMatchObject({
      kind: 'job',
      id: GUID
    })
    expect(pia.parseOperationLocation(`/rp/product-ingestion/submission/${GUID}/1152921515689848683`, piaSettings)).toMatchObject({
      kind: 'submission',
      id: `submission/${GUID}/1152921515689848683`
    })
  })

  it('refuses a CPP location of another offer in the parser, naming both', () => {
    const cpp = apiDescriptor('cloud-partner-portal')
    const settings = { subject: { publisher: 'contoso', offer: 'vm' }, baseUrl: new URL(cpp.defaults.baseUrl), apiVersion: '2017-10-31' }
    const parse = () => cpp.parseOperationLocation(`/api/publishers/contoso/offers/other/operations/${GUID}`, settings)
    expect(parse).toThrow(InputError)
    expect(parse).toThrow('belongs to contoso/other, not to contoso/vm')
  })

  it('is the only way in: no module outside src/apis/ imports an API folder or compares API names', () => {
    const apiFolders = allApis().map((d) => `/${d.api}/`)
    const names = Object.values(Apis).map((name) => `'${name}'`)
    const comparison = new RegExp(`[!=]==?\\s*(Apis\\.|${names.join('|')})|(Apis\\.\\w+|${names.join('|')})\\s*[!=]==?`)
    const offenders = sources(SRC)
      .filter((path) => !relative(SRC, path).startsWith('apis/'))
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8')
        const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string)
        const reaches = imports.filter((target) => apiFolders.some((folder) => target.includes(folder)))
        return [...reaches, ...(comparison.test(text) ? ['compares API names'] : [])].map((what) => `${relative(SRC, path)}: ${what}`)
      })
    expect(offenders).toEqual([])
  })
})
