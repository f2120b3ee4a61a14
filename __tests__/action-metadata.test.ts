// action.yml checked against the rules of GitHub's metadata schema, and the repository's
// workflows checked against action.yml: a typo in an input name or a wrong `runs.using` fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { ROOT } from '../scripts/run-action.js'

type Json = Record<string, unknown>
const metadata = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Json
const inputs = metadata.inputs as Record<string, Json>
const outputs = metadata.outputs as Record<string, Json>
const featherIcons = Object.keys(createRequire(import.meta.url)('feather-icons/dist/icons.json') as Json)
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']

const keysOf = (value: unknown): string[] => Object.keys((value ?? {}) as Json)

describe('action.yml', () => {
  it('has only the keys the metadata schema allows, and the required ones', () => {
    expect(keysOf(metadata).filter((k) => !['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'].includes(k))).toEqual(
      []
    )
    expect(typeof metadata.name).toBe('string')
    expect(typeof metadata.author).toBe('string')
    expect(typeof metadata.description).toBe('string')
  })

  it('has a one-line description that fits the Marketplace (125 characters)', () => {
    const description = metadata.description as string
    expect(description).not.toContain('\n')
    expect(description.length).toBeLessThanOrEqual(125)
  })

  it('declares inputs with valid names and only the allowed keys', () => {
    for (const [name, input] of Object.entries(inputs)) {
      expect([name, /^[a-zA-Z_][a-zA-Z0-9_-]*$/.test(name)]).toEqual([name, true])
      expect([name, keysOf(input).filter((k) => !['description', 'required', 'default', 'deprecationMessage'].includes(k))]).toEqual([
        name,
        []
      ])
      expect([name, typeof input.description]).toEqual([name, 'string'])
      if ('required' in input) expect([name, typeof input.required]).toEqual([name, 'boolean'])
      if (input.required === true) expect([name, input.default]).toEqual([name, undefined])
    }
  })

  it('declares outputs with a description only (value is for composite actions)', () => {
    for (const [name, output] of Object.entries(outputs)) expect([name, keysOf(output)]).toEqual([name, ['description']])
  })

  it('runs a committed JavaScript bundle on node24', () => {
    const runs = metadata.runs as Json
    expect(keysOf(runs).filter((k) => !['using', 'main', 'pre', 'post', 'pre-if', 'post-if'].includes(k))).toEqual([])
    expect(runs.using).toBe('node24')
    expect(existsSync(join(ROOT, runs.main as string))).toBe(true)
  })

  it('brands itself with a Feather icon and a color GitHub knows', () => {
    const branding = metadata.branding as Json
    expect(keysOf(branding).sort()).toEqual(['color', 'icon'])
    expect(featherIcons).toContain(branding.icon)
    expect(BRANDING_COLORS).toContain(branding.color)
  })
})

describe('workflows that use this action (uses: ./)', () => {
  const dir = join(ROOT, '.github', 'workflows')
  const steps = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((file) => {
      const workflow = parse(readFileSync(join(dir, file), 'utf8')) as { jobs: Record<string, { steps?: Json[] }> }
      return Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).filter((s) => s.uses === './').map((step) => ({ file, step })))
    })

  it('exist', () => {
    expect(steps.length).toBeGreaterThan(0)
  })

  it('pass only inputs action.yml declares, and every required one', () => {
    const required = Object.entries(inputs)
      .filter(([, i]) => i.required === true)
      .map(([n]) => n)
    for (const { file, step } of steps) {
      const given = keysOf(step.with)
      expect([file, step.name, given.filter((k) => !(k in inputs))]).toEqual([file, step.name, []])
      expect([file, step.name, required.filter((k) => !given.includes(k))]).toEqual([file, step.name, []])
    }
  })
})
