// The end of a step of several offers (fake services): one group per offer with its whole story,
// the lines its part wrote in the order written (also those that do not name it, and a fault's stack),
// offer's; failed first (failed, canceled, unknown, refused, still going with an error, the rest),
// the input order within each; the error lines outside the groups, after them. One offer: no group.
import { beforeEach, afterEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppRef, GUID } from '../helpers/refs.js'
import type { GoLiveService, Started } from '../../src/apis/go-live-service.js'
import type { ServiceOptions } from '../../src/apis/api-descriptor.js'
import type { TriggerProgress } from '../../src/http/api-client.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { cloudPartnerPortal } = await import('../../src/apis/cloud-partner-portal/descriptor.js')
const { ActionError } = await import('../../src/errors.js')
const { MAY_HAVE_STARTED, OutcomeUnknownError } = await import('../../src/http/lost-answers.js')
const { parseOperation } = await import('../../src/wait/operation.js')
const { log } = await import('../../src/report/log.js')

type Start = (progress?: TriggerProgress) => Promise<Started>
let services: Record<string, GoLiveService & { start: Start }> = {}
const fakeCpp = {
  ...cloudPartnerPortal,
  createService: (options: ServiceOptions) => {
    const fake = services[options.subject.offer] as GoLiveService & { start: Start }
    return { ...fake, start: () => fake.start(options.progress) }
  }
}
jest.unstable_mockModule('../../src/apis/registry.js', () => ({
  apiDescriptor: () => fakeCpp,
  allApis: () => [fakeCpp],
  lookupOrder: () => [fakeCpp],
  apiWithoutAudience: () => fakeCpp
}))
const { run } = await import('../../src/main.js')

/** A service that says it sends (a line without the offer's name, as a deep module may write), then `start`s; reads answer `reads` in turn. */
function service(
  start: Start,
  reads: Array<Record<string, unknown>> = [],
  dryRun: 'ready' | 'blocked' = 'ready'
): GoLiveService & { start: Start } {
  let read = 0
  return {
    start: async (progress?: TriggerProgress) => {
      log.info('Sending the Go Live request.')
      return start(progress)
    },
    readOperation: async () => {
      const next = reads[Math.min(read++, reads.length - 1)]
      // A fault, as a read that breaks off the wait (the offer keeps `accepted`, with the error).
      if (next?.refuse)
        throw new ActionError("The CPP API refused the status read (404 Not Found): 'operation not found'.", { resumable: false })
      return { operation: parseOperation(next) }
    },
    checkGiven: async () => undefined,
    findOffer: async () => true,
    dryRun: async () =>
      dryRun === 'ready'
        ? { offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'A go-live would start now.' }
        : { offerStatus: 'neverPublished', verdict: 'blocked', message: 'Nothing to take live.' }
  }
}
const started = (offer: string) => async (progress?: TriggerProgress) => {
  progress?.sending()
  return { location: cppRef(offer), how: 'started' as const }
}
const refused = async (progress?: TriggerProgress): Promise<Started> => {
  progress?.sending()
  progress?.refused()
  throw new ActionError("The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress.'")
}
const lost = async (progress?: TriggerProgress): Promise<Started> => {
  progress?.sending()
  progress?.maybeStarted()
  log.warning('The Go Live request got no clear answer: HTTP 500.')
  throw new OutcomeUnknownError(`${MAY_HAVE_STARTED} No running go-live was listed in 7 looks over 1m 1s.`)
}
const failing = {
  status: 'failed',
  steps: [{ stepName: 'Live', status: 'failed', messages: [{ level: 'Error', messageHtml: 'no VM image' }] }]
}

/** The lines the fake services write without naming the offer, as the group shows them. */
const UNNAMED = ['info: Sending the Go Live request.', 'info: Warning: The Go Live request got no clear answer: HTTP 500.']

/** The log as a list of groups (title and lines) and the lines outside them, in order; groups never nest. */
function groupsOf(lines: string[]) {
  const groups: Array<{ title: string; lines: string[]; at: number }> = []
  const outside: Array<{ line: string; at: number }> = []
  let open: (typeof groups)[number] | undefined
  lines.forEach((line, at) => {
    if (line.startsWith('group: ')) {
      expect(open).toBeUndefined()
      groups.push((open = { title: line.slice('group: '.length), lines: [], at }))
    } else if (line === 'endgroup') {
      expect(open).toBeDefined()
      open = undefined
    } else if (open) open.lines.push(line)
    else outside.push({ line, at })
  })
  expect(open).toBeUndefined()
  return { groups, outside }
}

beforeEach(() => {
  core.reset()
  ;(core.module.isDebug as jest.Mock).mockReturnValue(false)
  services = {}
  process.env.GITHUB_STEP_SUMMARY = '/dev/null'
  // The error lines in the log's order too, to see where they stand against the groups.
  ;(core.module.setFailed as jest.Mock).mockImplementation((message: unknown) => {
    core.failures.push(String(message))
    core.lines.push(`error: ${String(message)}`)
  })
})
afterEach(() => {
  delete process.env.GITHUB_STEP_SUMMARY
  for (const name of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(name)
})

const inputs = (offer: string, more: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer,
  api: 'cloud-partner-portal',
  token: 'secret-token',
  wait: 'true',
  'poll-interval': '1ms',
  ...more
})

describe('one group per offer at the end of a step of several', () => {
  it('failed first, each group its offer’s whole story in order and no other’s, the error lines after the groups', async () => {
    services = {
      'vm-ok-1': service(started('vm-ok-1'), [{ status: 'running' }, { status: 'succeeded' }]),
      'vm-slow': service(started('vm-slow'), [{ status: 'running' }]),
      'vm-refused': service(refused),
      'vm-fails-1': service(started('vm-fails-1'), [{ status: 'running' }, failing]),
      'vm-lost': service(lost),
      'vm-broken': service(started('vm-broken'), [{ refuse: true }]),
      'vm-canceled': service(started('vm-canceled'), [{ status: 'canceled' }]),
      'vm-ok-2': service(started('vm-ok-2'), [{ status: 'succeeded' }]),
      'vm-fails-2': service(started('vm-fails-2'), [failing])
    }
    const ids = Object.keys(services)
    core.inputs = inputs(ids.join('\n'), { timeout: '300ms', 'poll-interval': '5ms' })
    await run()

    const { groups, outside } = groupsOf(core.lines)
    expect(groups.map((g) => g.title)).toEqual([
      'contoso/vm-fails-1: failed',
      'contoso/vm-fails-2: failed',
      'contoso/vm-canceled: canceled',
      'contoso/vm-lost: unknown',
      'contoso/vm-refused: not started',
      'contoso/vm-slow: running',
      'contoso/vm-broken: accepted',
      'contoso/vm-ok-1: succeeded',
      'contoso/vm-ok-2: succeeded'
    ])
    const before = core.lines.slice(0, groups[0]?.at)
    for (const group of groups) {
      const id = /^contoso\/([^:]+):/.exec(group.title)?.[1] as string
      const label = `contoso/${id}`
      // Its story begins with the line its service wrote, which does not name it; the lost answer's
      // warning does not either (UNNAMED); every other line names it, and no other offer.
      expect([label, group.lines[0]]).toEqual([label, 'info: Sending the Go Live request.'])
      const named = group.lines.filter((line) => !UNNAMED.includes(line))
      for (const line of named) expect([label, line]).toEqual([label, expect.stringContaining(label)])
      for (const other of ids.filter((o) => o !== id)) expect(group.lines.join('\n')).not.toContain(`contoso/${other}:`)
      // Nothing lost: every line that names it before the groups, in the same order (warnings as the
      // runner shows them; debug lines are kept only with step debug on, which is off here).
      const told = before
        .filter((line) => !line.startsWith('debug: '))
        .filter((line) => line.includes(`${label}:`) || line.includes(`${label}.`) || line.includes(`${label} `))
        .map((line) => line.replace(/^warning: /, 'info: Warning: '))
      expect([label, named]).toEqual([label, told])
    }
    // The stories themselves, for two of them.
    const story = (title: string) => groups.find((g) => g.title === title)?.lines
    expect(story('contoso/vm-fails-1: failed')).toEqual([
      'info: Sending the Go Live request.',
      `info: Go-live started for contoso/vm-fails-1. Operation location: ${cppRef('vm-fails-1').url.href}`,
      expect.stringMatching(/^info: contoso\/vm-fails-1: Operation status: running; \d+ms elapsed, \d+ms left before the timeout$/),
      'info: contoso/vm-fails-1: Operation status: running -> failed',
      'info: Warning: contoso/vm-fails-1: The service reported an error: Live: no VM image'
    ])
    expect(story('contoso/vm-lost: unknown')).toEqual([
      'info: Sending the Go Live request.',
      'info: Warning: The Go Live request got no clear answer: HTTP 500.'
    ])
    expect(story('contoso/vm-lost: unknown')?.[1]).not.toContain('contoso/vm-lost')

    // The error lines: outside the groups, after the last one, one per offer with an error, in input order.
    const errors = outside.filter((o) => o.line.startsWith('error: '))
    expect(errors.map((e) => /^error: contoso\/([^:]+):/.exec(e.line)?.[1])).toEqual([
      'vm-slow',
      'vm-refused',
      'vm-fails-1',
      'vm-lost',
      'vm-broken',
      'vm-canceled',
      'vm-fails-2'
    ])
    expect(Math.min(...errors.map((e) => e.at))).toBeGreaterThan(Math.max(...groups.map((g) => g.at)))
    for (const id of ids) expect([id, core.logged('group').filter((t) => t.startsWith(`contoso/${id}:`)).length]).toEqual([id, 1])
  })

  it('a dry run: titled by its verdict, the blocked first', async () => {
    services = {
      'vm-a': service(started('vm-a')),
      'vm-b': service(started('vm-b'), [], 'blocked'),
      'vm-c': service(started('vm-c'))
    }
    core.inputs = inputs('vm-a,vm-b,vm-c', { 'dry-run': 'true' })
    await run()
    const { groups } = groupsOf(core.lines)
    expect(groups.map((g) => g.title)).toEqual([
      'contoso/vm-b: blocked (dry run)',
      'contoso/vm-a: ready (dry run)',
      'contoso/vm-c: ready (dry run)'
    ])
    expect(groups[0]?.lines).toEqual([
      'info: Dry run: reading the status of contoso/vm-b; no Go Live request is sent.',
      'info: Warning: contoso/vm-b: Offer status: neverPublished. Nothing to take live.'
    ])
  })

  it('a fault of the action’s own: its stack, written as the offer’s part fails, is in its group (step debug on)', async () => {
    const fault = new Error('disk on fire')
    services = {
      'vm-a': service(started('vm-a'), [{ status: 'succeeded' }]),
      'vm-b': service(async () => {
        throw fault
      })
    }
    ;(core.module.isDebug as jest.Mock).mockReturnValue(true)
    core.inputs = inputs('vm-a,vm-b')
    await run()
    const { groups } = groupsOf(core.lines)
    expect(groups.map((g) => g.title)).toEqual(['contoso/vm-b: not started', 'contoso/vm-a: succeeded'])
    const stack = (fault.stack as string).split('\n')[0] as string
    expect(stack).toBe('Error: disk on fire')
    expect(groups[0]?.lines).toContain(`debug: ${stack}`)
    expect(groups[1]?.lines.join('\n')).not.toContain('disk on fire')
    expect(core.failures).toEqual([expect.stringMatching(/^contoso\/vm-b: Unexpected error: disk on fire\. Nothing was sent\.$/)])
  })

  it('one offer: its log is its story, no group', async () => {
    services = { vm: service(started('vm'), [{ status: 'running' }, failing]) }
    core.inputs = inputs('vm')
    await run()
    expect(core.failures).toEqual(['The go-live failed: Live: no VM image'])
    expect(core.logged('group')).toEqual([])
    expect(core.lines.filter((l) => l === 'endgroup')).toEqual([])
  })

  it('a step that ended before any offer began (a refused sign-in): no group', async () => {
    core.inputs = {
      ...inputs('vm-a,vm-b'),
      token: '',
      'client-id': GUID,
      'tenant-id': GUID,
      'client-secret': 'a-secret',
      'authority-host': 'https://127.0.0.1:9'
    }
    await run()
    expect(core.failures).toHaveLength(1)
    expect(core.logged('group')).toEqual([])
  })
})
