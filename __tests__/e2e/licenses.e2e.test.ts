// The bundle's third-party notices (scripts/licenses.ts): every package whose ES modules webpack
// concatenated into dist/ has its notice in dist/licenses.txt (ncc's own --license missed them).
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const DIST = join(import.meta.dirname, '..', '..', 'dist')

describe('dist/licenses.txt', () => {
  it('has a notice for each package concatenated into the bundle, the HTML parser among them', () => {
    const bundle = readdirSync(DIST)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(DIST, f), 'utf8'))
      .join('\n')
    const concatenated = new Set(
      [...bundle.matchAll(/CONCATENATED MODULE: \.\/(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1] as string)
    )
    expect([...concatenated]).toEqual(expect.arrayContaining(['@actions/core', 'htmlparser2', 'entities']))
    const named = new Set(
      readFileSync(join(DIST, 'licenses.txt'), 'utf8')
        .split(/\n\n+/)
        .map((notice) => notice.split('\n')[0])
    )
    expect([...concatenated].filter((name) => !named.has(name))).toEqual([])
  })
})
