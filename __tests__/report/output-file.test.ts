// The outputs kept whole in the runner's output file: however often a value is written, the file
// holds one copy of each (the last), in the runner's file-command form, and what it held before.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCoreMock } from '../helpers/core-mock.js'
import { parseOutputFile } from '../../scripts/run-action.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { outputs } = await import('../../src/report/output-file.js')

let dir: string
let file: string
beforeEach(() => {
  core.reset()
  dir = mkdtempSync(join(tmpdir(), 'output-file-'))
  file = join(dir, 'set_output_1')
})
afterEach(() => {
  delete process.env.GITHUB_OUTPUT
  rmSync(dir, { recursive: true, force: true })
})

describe('outputs', () => {
  it('keeps one copy of each value however often it is written, and what the file held before', () => {
    writeFileSync(file, 'earlier=kept\n')
    process.env.GITHUB_OUTPUT = file
    const value = (n: number): string => JSON.stringify(Array.from({ length: 256 }, (_, i) => ({ offer: `offer-${i}`, n })))
    for (let n = 0; n < 200; n++) outputs.set('results', value(n))
    outputs.set('status', 'running')
    outputs.set('status', 'succeeded')
    const text = readFileSync(file, 'utf8')
    // One copy: the file is the size of the last values, not of 200 writes.
    expect(text.length).toBeLessThan(value(199).length + 500)
    expect(parseOutputFile(text)).toEqual({ earlier: 'kept', results: value(199), status: 'succeeded' })
    // Written beside it and renamed over it: nothing is left beside it.
    expect(readdirSync(dir)).toEqual(['set_output_1'])
    expect(core.module.setOutput).not.toHaveBeenCalled()
  })

  it('keeps a value with line breaks whole (the delimiter is new each time)', () => {
    process.env.GITHUB_OUTPUT = file
    outputs.set('operation', '{\n"status": "running"\n}')
    expect(parseOutputFile(readFileSync(file, 'utf8')).operation).toBe('{\n"status": "running"\n}')
  })

  it("without the runner's file (a local run), sets the output as @actions/core does", () => {
    outputs.set('status', 'accepted')
    expect(core.module.setOutput).toHaveBeenCalledWith('status', 'accepted')
  })
})
