import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { ProgressLog } = await import('../../src/report/progress-log.js')
const { parseOperation } = await import('../../src/wait/operation.js')

const op = (status: string, live: string, extra: Record<string, unknown> = {}) =>
  parseOperation({
    status,
    steps: [
      { id: 'prep', stepName: 'Preparation', status: 'complete' },
      { id: 'live', stepName: 'Live', status: live, estimatedTimeFrame: '~2-5 days', progressPercentage: 30, ...extra }
    ]
  })

describe('ProgressLog', () => {
  beforeEach(() => core.reset())

  it('logs changes at info and every poll at debug only', () => {
    const log = new ProgressLog()
    log.observe(op('running', 'inProgress'))
    log.observe(op('running', 'inProgress'))
    log.observe(op('running', 'inProgress'))
    log.observe(op('succeeded', 'complete'))
    expect(core.logged('info')).toEqual([
      'Operation status: running',
      "Now at step 'Live' (inProgress, 30%, estimated ~2-5 days)",
      'Operation status: running -> succeeded',
      "Step 'Live': inProgress -> complete"
    ])
    expect(core.logged('debug')).toHaveLength(4)
  })

  it('shows each service message once; errors as warnings while the go-live runs', () => {
    const log = new ProgressLog()
    const messages = [{ messageHtml: '<b>Image</b> rejected', level: 'error' }]
    log.observe(op('running', 'inProgress', { messages }))
    log.observe(op('running', 'inProgress', { messages }))
    expect(core.logged('warning')).toEqual(['The service reported an error: Live: Image rejected'])
    expect(core.logged('error')).toEqual([])
  })

  it('warns once per unknown status spelling', () => {
    const log = new ProgressLog()
    log.observe(op('publishing', 'inProgress'))
    log.observe(op('publishing', 'inProgress'))
    expect(core.logged('warning')).toEqual([
      "The service reported an operation status the action does not know ('publishing'); treating it as still running."
    ])
  })

  it('with a prefix, names the offer at the start of every line it writes; without one, as before', () => {
    // The prefix is given whole (outputs.ts linePrefix: the label and ': ' with several offers).
    const labelled = new ProgressLog('contoso/vm: ')
    const plain = new ProgressLog()
    const messages = [{ messageHtml: 'Image rejected', level: 'error' }]
    for (const log of [labelled, plain]) {
      log.observe(op('publishing', 'inProgress', { messages }))
      log.observe({ ...op('succeeded', 'complete'), started: '2026-11-20T10:00:00.4220588Z' })
    }
    const infos = core.logged('info')
    const half = infos.length / 2
    expect(infos.slice(0, half)).toEqual([
      'contoso/vm: Operation status: publishing',
      "contoso/vm: Now at step 'Live' (inProgress, 30%, estimated ~2-5 days)",
      'contoso/vm: Operation status: publishing -> succeeded',
      "contoso/vm: Step 'Live': inProgress -> complete",
      'contoso/vm: Started at 2026-11-20T10:00:00.4220588Z'
    ])
    expect(infos.slice(half)).toEqual(infos.slice(0, half).map((line) => line.replace('contoso/vm: ', '')))
    expect(core.logged('warning')).toEqual([
      "contoso/vm: The service reported an operation status the action does not know ('publishing'); treating it as still running.",
      'contoso/vm: The service reported an error: Live: Image rejected',
      "The service reported an operation status the action does not know ('publishing'); treating it as still running.",
      'The service reported an error: Live: Image rejected'
    ])
    expect(core.logged('debug')[0]).toMatch(/^contoso\/vm: Poll 1: status publishing/)
  })
})
