// dist/licenses.txt from webpack's stats (scripts/licenses.ts): every package with code in the
// bundle, concatenated ES modules included, which ncc's own --license missed.
import { describe, expect, it } from '@jest/globals'
import { bundledPackages, licensesText } from '../scripts/licenses.ts'

describe('bundledPackages', () => {
  it('finds the packages of every emitted module, inside concatenations too, and no dropped module', () => {
    // made-up: the shape of `ncc build --stats-out`, cut to the fields read.
    const stats = {
      modules: [
        {
          name: './src/index.ts + 3 modules',
          chunks: [792],
          modules: [
            { name: './src/index.ts' },
            { name: './node_modules/htmlparser2/dist/Parser.js' },
            { name: './node_modules/@actions/core/lib/core.js' },
            { name: './node_modules/a/node_modules/@s/b/index.js' }
          ]
        },
        { name: './node_modules/tunnel/lib/tunnel.js', chunks: [792] },
        {
          name: './node_modules/@azure/msal-node/dist/index.mjs + 1 modules',
          chunks: [669],
          modules: [{ name: './node_modules/@azure/msal-common/dist/x.mjs' }]
        },
        { name: './node_modules/domhandler/dist/index.js', chunks: [] },
        { name: 'external "node:fs"', chunks: [792] }
      ]
    }
    expect(bundledPackages(stats)).toEqual([
      'node_modules/@actions/core',
      'node_modules/@azure/msal-common',
      'node_modules/@azure/msal-node',
      'node_modules/a/node_modules/@s/b',
      'node_modules/htmlparser2',
      'node_modules/tunnel'
    ])
  })
})

describe('licensesText', () => {
  it('gives each package its name, its license and its license file, by name', () => {
    const text = licensesText(['node_modules/htmlparser2', 'node_modules/entities'])
    expect(text.indexOf('entities\nBSD-2-Clause\nCopyright (c) Felix Böhm')).toBe(0)
    expect(text).toMatch(/\n\nhtmlparser2\nMIT\nCopyright 2010, 2011, Chris Winberry/)
    expect(text).toContain('Redistributions in binary form must reproduce the above copyright notice')
  })
})
