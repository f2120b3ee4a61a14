// Every offer of a step, one or many, with fake services: one offer's failure never stops the others,
// the limiter holds the go-live requests to max-parallel, `results` follows every move (a request on
// its way says `unknown` before it goes), and the step ends with `status` (the one offer's own, or
// the aggregate), one error line per offer with an error, and one summary table.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import { cppRef, GUID } from '../helpers/refs.js'
import type { GoLiveService, Started } from '../../src/apis/go-live-service.js'
import type { ServiceOptions } from '../../src/apis/api-descriptor.js'
import type { TriggerProgress } from '../../src/http/api-client.js'
import type { Operation } from '../../src/wait/operation.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { cloudPartnerPortal } = await import('../../src/apis/cloud-partner-portal/descriptor.js')
const { ActionError, CancelledError, DeadlineError, ServiceUnavailableError } = await import('../../src/errors.js')
const { MAY_HAVE_STARTED, OutcomeUnknownError } = await import('../../src/http/lost-answers.js')
const { parseOperation } = await import('../../src/wait/operation.js')

/** Each offer's fake service, by offer id; the descriptor hands them out. */
let services: Record<string, GoLiveService> = {}
const created: ServiceOptions[] = []
const fakeCpp = {
  ...cloudPartnerPortal,
  createService: (options: ServiceOptions) => {
    created.push(options)
    // The offer's progress reaches a service through its options, as the session hands them.
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
const { Fleet } = await import('../../src/run/fleet.js')
const { goLive } = await import('../../src/run/go-live.js')
const { statusOf } = await import('../../src/run/outcome.js')
const { run } = await import('../../src/main.js')
type Config = import('../../src/inputs.js').Config
type Session = import('../../src/run/session.js').Session
type Cancellation = import('../../src/wait/cancellation.js').Cancellation

const ref = (offer: string) => cppRef(offer)
type Start = (progress?: TriggerProgress) => Promise<Started>

/** A service whose start is `start`, and whose reads answer `reads` in turn (the last repeats). */
function service(start: Start, reads: Array<Record<string, unknown> | Operation> = []): GoLiveService {
  let read = 0
  return {
    start,
    readOperation: async () => {
      const next = reads[Math.min(read++, reads.length - 1)]
      return { operation: next && 'state' in next ? (next as Operation) : parseOperation(next) }
    },
    checkGiven: async () => undefined,
    dryRun: async () => ({ offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'A go-live would start now.' }),
    findOffer: async () => true
  }
}
/** Sent and accepted. */
const started = (offer: string) => async (progress?: TriggerProgress) => {
  progress?.sending()
  return { location: ref(offer), how: 'started' as const }
}
/** Sent, and refused with a definite answer (as triggerGoLive tells it). */
const refusedWith = (error: Error) => async (progress?: TriggerProgress) => {
  progress?.sending()
  progress?.refused()
  throw error
}
/** Sent, its answer lost, and the go-live not found: the look's error. */
const lostAnswer = async (progress?: TriggerProgress): Promise<Started> => {
  progress?.sending()
  progress?.maybeStarted()
  throw new OutcomeUnknownError(
    `${MAY_HAVE_STARTED} The Go Live request got no clear answer: HTTP 500, and no running go-live was listed in 7 looks over 1m 1s.`
  )
}
/** Sent, then `error` before any answer (a cancellation, a fault). */
const sentThen = (error: Error) => async (progress?: TriggerProgress) => {
  progress?.sending()
  throw error
}

const results = () => JSON.parse(core.outputs.results as string) as Array<Record<string, string>>
const summary = () => {
  const calls = (core.module.summary as { addRaw: jest.Mock }).addRaw.mock.calls
  return String(calls[calls.length - 1]?.[0])
}
let signalListeners: Record<'SIGINT' | 'SIGTERM', NodeJS.SignalsListener[]>

beforeEach(() => {
  core.reset()
  services = {}
  created.length = 0
  process.env.GITHUB_STEP_SUMMARY = '/dev/null'
  signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
})
afterEach(() => {
  delete process.env.GITHUB_STEP_SUMMARY
  // Each run watches for SIGINT/SIGTERM: its handlers go with it.
  for (const name of ['SIGINT', 'SIGTERM'] as const)
    for (const listener of process.listeners(name)) if (!signalListeners[name].includes(listener)) process.removeListener(name, listener)
})

const inputs = (offer: string, more: Record<string, string> = {}) => ({
  publisher: 'contoso',
  offer,
  token: 'secret-token',
  wait: 'true',
  'poll-interval': '1ms',
  ...more
})

describe('run with several offers (fake services)', () => {
  it('one refused request and one failed go-live stop no other offer: results per offer, aggregate, one error line each', async () => {
    services = {
      'vm-a': service(started('vm-a'), [{ status: 'running' }, { status: 'running' }, { status: 'succeeded' }]),
      'vm-b': service(
        refusedWith(new ActionError("The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress.'"))
      ),
      'vm-c': service(started('vm-c'), [
        { status: 'failed', steps: [{ stepName: 'Live', status: 'failed', messages: [{ level: 'Error', messageHtml: 'no VM image' }] }] }
      ])
    }
    core.inputs = inputs('vm-a\nvm-b, vm-c')
    await run()
    expect(results()).toEqual([
      {
        offer: 'vm-a',
        api: 'cloud-partner-portal',
        status: 'succeeded',
        'operation-location': ref('vm-a').url.href,
        'operation-id': GUID,
        'offer-status': '',
        error: ''
      },
      {
        offer: 'vm-b',
        api: 'cloud-partner-portal',
        status: 'not started',
        'operation-location': '',
        'operation-id': '',
        'offer-status': '',
        error: "The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress.'"
      },
      {
        offer: 'vm-c',
        api: 'cloud-partner-portal',
        status: 'failed',
        'operation-location': ref('vm-c').url.href,
        'operation-id': GUID,
        'offer-status': '',
        error: 'The go-live failed: Live: no VM image'
      }
    ])
    expect(core.outputs.status).toBe('failed')
    expect(core.failures).toEqual([
      "contoso/vm-b: The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress.'",
      'contoso/vm-c: The go-live failed: Live: no VM image'
    ])
    // The single-offer outputs stay empty with several.
    for (const name of ['operation-location', 'operation-id', 'operation', 'offer-status']) expect(core.outputs[name]).toBeUndefined()
    // One sign-in's tokens and one transport for every offer; the poll-interval warning at most once.
    expect(created).toHaveLength(3)
    expect(new Set(created.map((o) => o.tokens)).size).toBe(1)
    expect(new Set(created.map((o) => o.transport)).size).toBe(1)
    expect(new Set(created.map((o) => o.throttle)).size).toBe(1)
    expect(created.filter((o) => o.pollIntervalMs !== undefined)).toHaveLength(1)
    // Progress lines name the offer.
    expect(core.logged('info')).toContain('contoso/vm-a: Operation status: running -> succeeded')
    expect(core.logged('info')).toContain('The go-live of contoso/vm-a succeeded.')
    // One table, a row per offer with its status.
    const table = summary()
    expect(table).toContain('**Result:** ❌ failed: 1 succeeded, 1 not started, 1 failed.')
    expect(table).toContain('| contoso/vm-b | ⛔ not started |')
  })

  it('a request that went out unanswered is `unknown`, and so is the aggregate when nothing failed', async () => {
    services = { 'vm-a': service(started('vm-a'), [{ status: 'succeeded' }]), 'vm-b': service(lostAnswer) }
    core.inputs = inputs('vm-a,vm-b')
    await run()
    expect(results().map((r) => [r.offer, r.status])).toEqual([
      ['vm-a', 'succeeded'],
      ['vm-b', 'unknown']
    ])
    expect(results()[1]?.error).toMatch(/^The go-live may have started: run the step again to follow it/)
    expect(core.outputs.status).toBe('unknown')
    expect(core.failures).toEqual([expect.stringMatching(/^contoso\/vm-b: The go-live may have started/)])
  })

  it('a go-live that ended with a result the action cannot read is `unknown`, not `failed`', async () => {
    // made-up: an ended job whose result the action does not know.
    const unreadable = { ...parseOperation({ status: 'completed' }), state: 'unknown' as const, unknownReason: "its result is 'mystery'" }
    services = { 'vm-a': service(started('vm-a'), [{ status: 'succeeded' }]), 'vm-b': service(started('vm-b'), [unreadable]) }
    core.inputs = inputs('vm-a,vm-b')
    await run()
    expect(results().map((r) => r.status)).toEqual(['succeeded', 'unknown'])
    expect(results()[1]?.error).toMatch(/^The go-live's outcome is unknown: its result is 'mystery'/)
    expect(core.outputs.status).toBe('unknown')
  })

  it('is `running` while any go-live goes on; a timed-out wait keeps `running` and fails the step, naming the offer', async () => {
    services = {
      'vm-a': service(started('vm-a'), [{ status: 'succeeded' }]),
      'vm-b': service(started('vm-b'), [{ status: 'running' }])
    }
    core.inputs = inputs('vm-a,vm-b', { timeout: '50ms', 'poll-interval': '5ms' })
    await run()
    expect(results().map((r) => [r.offer, r.status])).toEqual([
      ['vm-a', 'succeeded'],
      ['vm-b', 'running']
    ])
    expect(core.outputs.status).toBe('running')
    expect(core.failures).toEqual([
      'contoso/vm-b: Timed out after 50ms waiting for the go-live of contoso/vm-b. The go-live goes on at the service; nothing was cancelled: run the step again to follow it.'
    ])
  })

  it('a wait that breaks off for another reason keeps the last known state, with the error, and the step fails', async () => {
    services = {
      'vm-a': service(started('vm-a'), [{ status: 'succeeded' }]),
      'vm-b': {
        ...service(started('vm-b')),
        readOperation: async () => {
          throw new ActionError("The CPP API refused the status read (404 Not Found): 'operation not found'.", { resumable: false })
        }
      }
    }
    core.inputs = inputs('vm-a,vm-b')
    await run()
    expect(results().map((r) => [r.offer, r.status, r['operation-location'], r.error])).toEqual([
      ['vm-a', 'succeeded', ref('vm-a').url.href, ''],
      ['vm-b', 'accepted', ref('vm-b').url.href, "The CPP API refused the status read (404 Not Found): 'operation not found'."]
    ])
    // Never `failed` for a go-live that may be fine: the aggregate is its state, and the error fails the step.
    expect(core.outputs.status).toBe('accepted')
    expect(core.failures).toHaveLength(1)
  })

  it('names the offer in the lines of its wait: a missed poll and the read after it', async () => {
    let reads = 0
    services = {
      'vm-a': service(started('vm-a'), [{ status: 'succeeded' }]),
      'vm-b': {
        ...service(started('vm-b')),
        readOperation: async () => {
          if (reads++ === 0) throw new ServiceUnavailableError('Reading the operation status failed: HTTP 503.')
          return { operation: parseOperation({ status: 'succeeded' }) }
        }
      }
    }
    core.inputs = inputs('vm-a,vm-b')
    await run()
    expect(core.failures).toEqual([])
    expect(core.outputs.status).toBe('succeeded')
    expect(core.logged('warning')).toContain(
      'contoso/vm-b: Poll 1 missed: Reading the operation status failed: HTTP 503. Trying again at the next poll.'
    )
    expect(core.logged('info')).toContain('contoso/vm-b: Poll 2 read the status again after 1 missed poll.')
  })

  it('without waiting: `accepted`, no failure, and one line on how to check later', async () => {
    services = { 'vm-a': service(started('vm-a')), 'vm-b': service(started('vm-b')) }
    core.inputs = inputs('vm-a,vm-b', { wait: 'false' })
    await run()
    expect(core.outputs.status).toBe('accepted')
    expect(core.failures).toEqual([])
    expect(core.logged('info').filter((l) => l.startsWith('Not waiting'))).toEqual([
      'Not waiting (wait: false). To check on the go-lives later, run this step again with the same offers: it follows each one still running and starts none twice.'
    ])
  })

  it('a dry run of several: each offer status in results, `not started` as the status, no single-offer output', async () => {
    services = { 'vm-a': service(started('vm-a')), 'vm-b': service(started('vm-b')) }
    core.inputs = inputs('vm-a,vm-b', { 'dry-run': 'true' })
    await run()
    expect(results().map((r) => [r.status, r['offer-status'], r.error])).toEqual([
      ['not started', 'waitingForPublisherReview', ''],
      ['not started', 'waitingForPublisherReview', '']
    ])
    expect(core.outputs.status).toBe('not started')
    expect(core.outputs['offer-status']).toBeUndefined()
    expect(core.failures).toEqual([])
    expect(core.logged('notice')).toContain('contoso/vm-b: Offer status: waitingForPublisherReview. A go-live would start now.')
    expect(summary()).toContain('**Result:** 2 × ✅ a go-live would start now.')
  })

  it('a failed sign-in is one error line, no service is made, and every offer says nothing was sent', async () => {
    // Nothing listens on port 9 of loopback: every sign-in request fails at once.
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
    expect(core.failures[0]).toMatch(/: nothing was sent\.$/)
    expect(created).toHaveLength(0)
    const why = results().map((r) => [r.status, r.error])
    expect(why).toEqual([
      ['not started', expect.stringMatching(/^.{20,300}$/)],
      ['not started', why[0]?.[1]]
    ])
    expect(why[0]?.[1]).toContain('nothing was sent')
    expect(core.outputs.status).toBe('failed')
    // Refused inputs: no results at all, they would name nothing validated.
    core.reset()
    services = {}
    core.inputs = inputs('vm-a,vm-a')
    await run()
    expect(core.failures).toEqual(["Input 'offer' names 'vm-a' twice: give each offer once"])
    expect(core.outputs).toEqual({})
  })
})

describe('run with one offer: a fleet of one', () => {
  it('records the location at once, and `status` is the offer’s own', async () => {
    services = { vm: service(started('vm'), [{ status: 'running' }, { status: 'succeeded' }]) }
    core.inputs = inputs('vm')
    await run()
    expect(core.outputs['operation-location']).toBe(ref('vm').url.href)
    expect(core.outputs['operation-id']).toBe(GUID)
    expect(JSON.parse(core.outputs.operation as string)).toMatchObject({ status: 'succeeded' })
    expect(results()).toEqual([
      {
        offer: 'vm',
        api: 'cloud-partner-portal',
        status: 'succeeded',
        'operation-location': ref('vm').url.href,
        'operation-id': GUID,
        'offer-status': '',
        error: ''
      }
    ])
    expect(core.outputs.status).toBe('succeeded')
    expect(summary()).toContain('| contoso/vm | ✅ succeeded |')
  })

  it.each([
    ['refused', 'not started', refusedWith(new ActionError('The Go Live request failed: HTTP 403 Forbidden.'))],
    ['lost', 'unknown', lostAnswer],
    ['cancelled on its way', 'unknown', sentThen(new CancelledError('SIGTERM'))]
  ])('%s: `status` equals results[0].status (%s), and no location is named', async (_what, status, start) => {
    services = { vm: service(start) }
    core.inputs = inputs('vm')
    await run()
    expect(results()[0]?.status).toBe(status)
    expect(core.outputs.status).toBe(status)
    expect(core.outputs['operation-location']).toBeUndefined()
    // One error line, not prefixed with the offer.
    expect(core.failures).toEqual([results()[0]?.error])
    expect(summary()).toContain(`| contoso/vm | ${status === 'unknown' ? '❓' : '⛔'} ${status} |`)
  })

  it('a timed-out wait says how to follow the go-live with operation-location', async () => {
    services = { vm: service(started('vm'), [{ status: 'running' }]) }
    core.inputs = inputs('vm', { timeout: '50ms', 'poll-interval': '5ms' })
    await run()
    expect(core.outputs.status).toBe('running')
    expect(core.failures).toEqual([
      `Timed out after 50ms waiting for the go-live of contoso/vm. The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${ref('vm').url.href} (add wait: true to wait for it).`
    ])
  })
})

describe('Fleet', () => {
  const config = (offers: string[], over: Partial<Config> = {}): Config =>
    ({
      publisher: 'contoso',
      offers,
      maxParallel: 3,
      wait: false,
      dryRun: false,
      timeoutMs: 60_000,
      pollIntervalMs: 1,
      operationLocation: undefined,
      targets: [{ descriptor: fakeCpp, baseUrl: new URL('https://cloudpartner.azure.com'), apiVersion: '2017-10-31' }],
      ...over
    }) as Config
  const session = {
    // As the session does: the offer's progress reaches its service (here, its fake start).
    serviceFor: async (subject: { offer: string }, _target: unknown, progress?: TriggerProgress) => {
      const fake = services[subject.offer] as GoLiveService & { start: Start }
      return { ...fake, start: () => fake.start(progress) }
    },
    throttle: { waitMs: () => 0 }
  } as unknown as Session
  const step = (signal = new AbortController().signal): Cancellation => ({
    signal,
    cancelled: new AbortController().signal,
    deadline: Date.now() + 60_000,
    setDeadline: () => undefined,
    dispose: () => undefined
  })
  const runFleet = async (cfg: Config, signal?: AbortSignal) => {
    const fleet = new Fleet(cfg, 0)
    await fleet.run(session, goLive, cfg, step(signal))
    return fleet
  }

  it('sends at most max-parallel go-live requests at once, in input order', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `vm-${i}`)
    let running = 0
    let peak = 0
    const order: string[] = []
    for (const id of ids) {
      services[id] = service(async (progress) => {
        progress?.sending()
        order.push(id)
        peak = Math.max(peak, ++running)
        await new Promise((resolve) => setTimeout(resolve, 2))
        running--
        return { location: ref(id), how: 'started' }
      })
    }
    const fleet = await runFleet(config(ids))
    expect(peak).toBe(3)
    expect(order).toEqual(ids)
    expect(fleet.offers.map((o) => statusOf(o.outcome))).toEqual(ids.map(() => 'accepted'))
  })

  it('rewrites results at every move: a request on its way is `unknown` before it goes out', async () => {
    const snapshots: string[][] = []
    const setOutput = core.module.setOutput as jest.Mock<(name: string, value: string) => void>
    setOutput.mockImplementation((name, value) => {
      core.outputs[name] = value
      if (name === 'results') snapshots.push((JSON.parse(value) as Array<{ status: string }>).map((r) => r.status))
    })
    services = { 'vm-a': service(started('vm-a')), 'vm-b': service(refusedWith(new ActionError('refused'))) }
    await runFleet(config(['vm-a', 'vm-b'], { maxParallel: 1 }))
    // Each offer's statuses as written, in order (repeats dropped): the two offers' moves interleave.
    const of = (i: number) => snapshots.map((statuses) => statuses[i]).filter((status, n, all) => n === 0 || status !== all[n - 1])
    expect(of(0)).toEqual(['unknown', 'accepted'])
    expect(of(1)).toEqual(['not started', 'unknown', 'not started'])
    // Every move was written: two for vm-a, three for vm-b (on its way, refused, ended with its error).
    expect(snapshots).toHaveLength(5)
    expect(results()[1]).toMatchObject({ status: 'not started', error: 'refused' })
    setOutput.mockImplementation((name, value) => void (core.outputs[name] = String(value)))
  })

  it('while a go-live request is in flight, the last written results says `unknown`: a kill then leaves no `not started`', async () => {
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    let sent!: () => void
    const onItsWay = new Promise<void>((resolve) => (sent = resolve))
    services = {
      vm: service(async (progress) => {
        progress?.sending()
        sent()
        await answered
        return { location: ref('vm'), how: 'started' }
      })
    }
    const cfg = config(['vm'])
    const fleet = new Fleet(cfg, 60_000)
    const running = fleet.run(session, goLive, cfg, step())
    await onItsWay
    expect(results()[0]?.status).toBe('unknown')
    answer()
    await running
    // Named: written at once, with the single-offer outputs.
    expect(results()[0]).toMatchObject({ status: 'accepted', 'operation-location': ref('vm').url.href })
    expect(core.outputs['operation-location']).toBe(ref('vm').url.href)
  })

  it('writes the single-offer outputs only with one offer', async () => {
    services = { 'vm-a': service(started('vm-a')), 'vm-b': service(started('vm-b')) }
    await runFleet(config(['vm-a', 'vm-b']))
    expect(core.outputs['operation-location']).toBeUndefined()
    expect(results().map((r) => r.status)).toEqual(['accepted', 'accepted'])
  })

  it('on cancellation, offers still in line send nothing and every recorded location stays in results', async () => {
    const controller = new AbortController()
    const ids = ['vm-a', 'vm-b', 'vm-c', 'vm-d']
    for (const id of ids) {
      services[id] = service(async (progress) => {
        progress?.sending()
        if (id === 'vm-b') controller.abort(new CancelledError('SIGTERM'))
        return { location: ref(id), how: 'started' }
      })
    }
    const fleet = await runFleet(config(ids, { maxParallel: 1 }), controller.signal)
    const all = fleet.results.flush()
    expect(all.map((r) => [r.status, r['operation-location']])).toEqual([
      ['accepted', ref('vm-a').url.href],
      ['accepted', ref('vm-b').url.href],
      ['not started', ''],
      ['not started', '']
    ])
    expect(all[2]?.error).toBe(
      'Received SIGTERM: the workflow is being cancelled, before the go-live request of contoso/vm-c was sent: nothing was sent.'
    )
  })

  it('says an offer still in line when the timeout passes was not started: nothing was sent', async () => {
    const controller = new AbortController()
    services = {
      'vm-a': service(async (progress) => {
        progress?.sending()
        controller.abort(new DeadlineError())
        return { location: ref('vm-a'), how: 'started' }
      }),
      'vm-b': service(started('vm-b'))
    }
    const fleet = await runFleet(config(['vm-a', 'vm-b'], { maxParallel: 1, timeoutMs: 3_600_000 }), controller.signal)
    expect(fleet.results.flush().map((r) => [r.status, r.error])).toEqual([
      ['accepted', ''],
      [
        'not started',
        'The timeout (1h) passed before the go-live of contoso/vm-b was started: nothing was sent; run the step again to take it live.'
      ]
    ])
  })

  it('counts an offer whose request went out unanswered as `unknown` (it may have started), and a refusal as `not started`', async () => {
    services = {
      'vm-a': service(lostAnswer),
      'vm-b': service(refusedWith(new ActionError("The CPP API refused the Go Live request (400 Bad Request): 'no plan'."))),
      'vm-c': service(sentThen(new CancelledError('SIGTERM'))),
      'vm-d': service(sentThen(new TypeError('x is not a function'))),
      // Refused before anything was sent.
      'vm-e': service(async () => {
        throw new ActionError('contoso/vm-e cannot go live now, so no Go Live request was sent: publish to preview first.')
      })
    }
    const fleet = await runFleet(config(['vm-a', 'vm-b', 'vm-c', 'vm-d', 'vm-e']))
    const all = fleet.results.flush()
    expect(all.map((r) => r.status)).toEqual(['unknown', 'not started', 'unknown', 'unknown', 'not started'])
    for (const r of [all[0], all[2], all[3]]) expect(r?.error).toMatch(/^The go-live may have started: run the step again to follow it/)
    expect(all[4]?.error).toMatch(/Nothing was sent\.$/)
  })

  it('keeps a fault of the action in one offer to that offer', async () => {
    services = {
      'vm-a': service(async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'id')")
      }),
      'vm-b': service(started('vm-b'))
    }
    const fleet = await runFleet(config(['vm-a', 'vm-b']))
    expect(fleet.results.flush().map((r) => [r.status, r.error])).toEqual([
      ['not started', "Unexpected error: Cannot read properties of undefined (reading 'id'). Nothing was sent."],
      ['accepted', '']
    ])
  })
})
