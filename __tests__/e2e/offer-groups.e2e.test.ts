// The log of a step of several offers, end to end (issue 19, item 5): at the end, one collapsible
// group per offer with its whole story in the order written (also the lines that do not name it,
// such as a retry of its status read), and no other offer's; failed offers first; the error lines
// outside the groups, after them; service text inside a group still unable to end it or annotate.
// One offer: no group. The bundle against both API emulators.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { succeedingGoLive } from '../../emulator/scenarios.js'
import { cppFleet, piaFleet, type FleetApi } from '../helpers/fleet-apis.js'
import { errorLines } from '../helpers/fleet-results.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'

interface Group {
  title: string
  lines: string[]
  /** Where its `::group::` and `::endgroup::` lines stand in stdout. */
  at: number
  end: number
}

/** stdout as the runner folds it: the groups (never nested, each closed) and the lines outside them. */
function groupsOf(run: RunResult): { groups: Group[]; outside: Array<{ line: string; at: number }> } {
  const groups: Group[] = []
  const outside: Array<{ line: string; at: number }> = []
  let open: Group | undefined
  run.stdout.split('\n').forEach((line, at) => {
    if (line.startsWith('::group::')) {
      expect([line, open?.title]).toEqual([line, undefined])
      groups.push((open = { title: line.slice('::group::'.length), lines: [], at, end: -1 }))
    } else if (line === '::endgroup::') {
      expect([at, open]).toEqual([at, expect.anything()])
      ;(open as Group).end = at
      open = undefined
    } else if (open) open.lines.push(line)
    else outside.push({ line, at })
  })
  expect(open).toBeUndefined()
  return { groups, outside }
}

/** A line as its group tells it again: an annotation as the runner shows it, so it is not made twice. */
const asTold = (line: string): string =>
  line.startsWith('::warning::') ? `Warning: ${line.slice('::warning::'.length).replace(/%25/g, '%')}` : line

/** Whether `part` is in `whole` in the same order (not necessarily side by side). */
function inOrder(part: string[], whole: string[]): boolean {
  let at = 0
  for (const line of part) {
    while (at < whole.length && whole[at] !== line) at++
    if (at++ >= whole.length) return false
  }
  return true
}

describe.each([
  ['Cloud Partner Portal', cppFleet],
  ['Product Ingestion', piaFleet]
])('%s', (_name, start) => {
  let api: FleetApi
  beforeAll(async () => {
    api = await start()
  })
  afterAll(() => api.close())
  beforeEach(() => api.reset())

  const run = (offers: string[], debug = false): Promise<RunResult> =>
    runAction({ inputs: api.inputs(offers.join('\n'), { 'poll-interval': '20ms', wait: 'true' }), env: api.env, debug })

  it('four offers, two failing: a group each, failed first, each its own whole story; the error lines after the groups', async () => {
    // One status read of vm-ok answered 503: the retry's line does not name the offer, yet is its story.
    await api.add('vm-ok', 'succeeds', { on: 'read', kind: 'status', status: 503 })
    await api.add('vm-fails', 'fails')
    await api.add('vm-running', 'running')
    await api.add('vm-refused', 'refused')
    const ids = ['vm-ok', 'vm-fails', 'vm-running', 'vm-refused']
    const result = await run(ids, true)
    expect(result.exitCode).toBe(1)

    const { groups, outside } = groupsOf(result)
    expect(groups.map((g) => g.title)).toEqual([
      'contoso/vm-fails: failed',
      'contoso/vm-refused: not started',
      'contoso/vm-ok: succeeded',
      'contoso/vm-running: succeeded'
    ])
    const before = result.stdout.split('\n').slice(0, groups[0]?.at).map(asTold)
    // Product Ingestion's lines name some offers without the publisher (`for vm-refused:`).
    const names = (id: string) => new RegExp(`(?<![\\w-])${id}(?![\\w-])`)
    for (const group of groups) {
      const id = /^contoso\/([^:]+):/.exec(group.title)?.[1] as string
      const tag = (line: unknown) => [id, line]
      // Its lines and no other offer's; never an annotation or any command but debug (step debug is on).
      expect(group.lines.length).toBeGreaterThan(1)
      for (const line of group.lines) {
        for (const other of ids.filter((o) => o !== id)) expect(tag(line)).not.toEqual(tag(expect.stringMatching(names(other))))
        if (line.startsWith('::')) expect(tag(line)).toEqual(tag(expect.stringMatching(/^::debug::/)))
      }
      // Told again as written, in order; and every line before the groups that names it is there.
      expect(tag(String(inOrder(group.lines, before)))).toEqual(tag('true'))
      const naming = before.filter((line) => names(id).test(line))
      expect(naming.length).toBeGreaterThan(0)
      expect(tag(String(inOrder(naming, group.lines)))).toEqual(tag('true'))
    }
    const story = (title: string) => groups.find((g) => g.title === title)?.lines ?? []
    // The retry of vm-ok's read (its request's debug line too) is in its group alone.
    const retried = (lines: string[]) => lines.filter((line) => /HTTP 503/.test(line))
    expect(retried(story('contoso/vm-ok: succeeded'))).toEqual([
      expect.stringMatching(/^::debug::GET \S+ -> HTTP 503$/),
      expect.stringMatching(/^Reading the \S.*: HTTP 503; retrying in /)
    ])
    for (const group of groups.filter((g) => !g.title.startsWith('contoso/vm-ok:'))) expect(retried(group.lines)).toEqual([])
    // The failure's warnings, as text, in the failed offer's group.
    const warned = story('contoso/vm-fails: failed').filter((line) => line.startsWith('Warning: contoso/vm-fails: '))
    expect(warned.length).toBeGreaterThan(0)
    for (const line of warned) expect(line).toMatch(api.reasons.fails)

    // The error lines: outside every group, after the last, one per failed offer in input order.
    const errors = outside.filter((o) => o.line.startsWith('::error::'))
    expect(errors.map((e) => e.line)).toEqual([
      expect.stringMatching(new RegExp(`^::error::contoso/vm-fails: .*${api.reasons.fails.source}`)),
      expect.stringMatching(new RegExp(`^::error::contoso/vm-refused: .*${api.reasons.refused.source}`))
    ])
    expect(errorLines(result)).toHaveLength(2)
    expect(Math.min(...errors.map((e) => e.at))).toBeGreaterThan(Math.max(...groups.map((g) => g.end)))
  })

  it('one offer: its log is its story, with no group', async () => {
    await api.add('vm-fails', 'fails')
    const result = await run(['vm-fails'])
    expect(result.exitCode).toBe(1)
    expect(errorLines(result)).toEqual([expect.stringMatching(api.reasons.fails)])
    expect(result.stdout).toContain('Operation status: running -> failed')
    expect(result.stdout).not.toMatch(/^::(end)?group::/m)
  })
})

describe('Cloud Partner Portal: service text in a group', () => {
  let api: FleetApi
  beforeAll(async () => {
    api = await cppFleet()
  })
  afterAll(() => api.close())

  it('cannot end the group, open another or annotate; debug lines are kept only with step debug on', async () => {
    // made-up: a read whose message plants workflow commands, as a hostile service may send.
    const [, running] = succeedingGoLive() as [Record<string, unknown>, Record<string, unknown>]
    const planted = { ...running, messages: [{ messageHtml: '<p>::endgroup::</p>\n::group::x\n::error::planted', level: 'information' }] }
    await api.add('vm-ok', 'succeeds', {
      on: 'read',
      after: 1,
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(planted)
    })
    await api.add('vm-other', 'succeeds')
    const result = await runAction({
      inputs: api.inputs('vm-ok\nvm-other', { 'poll-interval': '20ms', wait: 'true' }),
      env: api.env
    })
    expect(result.exitCode).toBe(0)
    // Two groups and only two: the planted text opened and closed none.
    const { groups } = groupsOf(result)
    expect(groups.map((g) => g.title)).toEqual(['contoso/vm-ok: succeeded', 'contoso/vm-other: succeeded'])
    const [ok, other] = groups as [Group, Group]
    expect(ok.lines.filter((line) => line.includes('planted'))).toEqual([
      'contoso/vm-ok: Message: : :endgroup:: ::group::x ::error::planted'
    ])
    expect(other.lines.join('\n')).not.toContain('planted')
    expect(errorLines(result)).toEqual([])
    for (const group of groups) expect(group.lines.filter((line) => line.startsWith('::'))).toEqual([])
  })
})
