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

  it('README workflows pass outputs to run: scripts through env: only, and use the action by its one name', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] as string) as unknown)
    const runs: string[] = []
    const uses: string[] = []
    const ifs: string[] = []
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit)
      if (!node || typeof node !== 'object') return
      for (const [key, value] of Object.entries(node)) {
        if (key === 'run' && typeof value === 'string') runs.push(value)
        if (key === 'uses' && typeof value === 'string') uses.push(value)
        if (key === 'if' && typeof value === 'string') ifs.push(value)
        visit(value)
      }
    }
    blocks.forEach(visit)
    expect(runs.length).toBeGreaterThan(3)
    expect(runs.filter((run) => run.includes('${{'))).toEqual([])
    const ours = uses.filter((u) => !/^(actions|azure)\//.test(u) && u !== './')
    expect(ours.length).toBeGreaterThan(5)
    expect(ours.filter((u) => !/^your-org\/azure-marketplace-go-live@v1$/.test(u))).toEqual([])
    // The release-triggered workflow with an approval, and a condition on one offer's entry in results.
    expect(blocks.some((b) => JSON.stringify(b).includes('"release"') && JSON.stringify(b).includes('"environment"'))).toBe(true)
    expect(ifs.some((c) => c.includes('fromJSON(steps.golive.outputs.results)'))).toBe(true)
  })

  it('one name everywhere: package, action.yml, license', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }
    expect(pkg.name).toBe('azure-marketplace-go-live')
    expect(actionYml).toMatch(/^author: 'azure-marketplace-go-live maintainers'$/m)
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('azure-marketplace-go-live maintainers')
  })

  it('runs the committed bundle on node24', () => {
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
