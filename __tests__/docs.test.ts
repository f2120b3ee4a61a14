import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { Inputs, Outputs } from '../src/constants.js'
import { renderReadme } from '../scripts/docs.js'
import { ROOT } from '../scripts/run-action.js'

const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
const metadata = parse(actionYml) as {
  inputs: Record<string, { description?: string; default?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

describe('documentation and metadata', () => {
  it('README tables and usage block are what `npm run docs` generates from action.yml', () => {
    // The summary sample, a run of the bundle, is compared in __tests__/e2e/readme-summary.e2e.test.ts.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toBe(renderReadme(readme, actionYml))
  })

  it('action.yml declares exactly the inputs and outputs the code reads and writes', () => {
    expect(Object.keys(metadata.inputs).sort()).toEqual(Object.values(Inputs).sort())
    expect(Object.keys(metadata.outputs).sort()).toEqual(Object.values(Outputs).sort())
  })

  it('every input and output says what it takes', () => {
    for (const [name, input] of Object.entries(metadata.inputs)) {
      expect([name, (input.description ?? '').length > 30]).toEqual([name, true])
      if (input.default !== undefined) expect([name, typeof input.default]).toEqual([name, 'string'])
    }
    for (const [name, output] of Object.entries(metadata.outputs))
      expect([name, (output.description ?? '').length > 30]).toEqual([name, true])
  })

  it('runs the committed bundle on node24', () => {
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
