// Several offers in one step, with fake services: one offer's failure never stops the others, the
// limiter holds the Go Live requests to max-parallel, `results` follows every record and end, and
// the step ends with the aggregate status and one error line per failed offer.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { GoLiveService, OperationRef, Started } from '../../src/apis/go-live-service.js'
import type { ServiceOptions } from '../../src/apis/api-descriptor.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { cloudPartnerPortal } = await import('../../src/apis/cloud-partner-portal/descriptor.js')
const { canonicalOperationLocation } = await import('../../src/apis/cloud-partner-portal/locations.js')
const { ActionError, CancelledError, DeadlineError } = await import('../../src/errors.js')
const { parseOperation } = await import('../../src/wait/operation.js')

/** Each offer's fake service, by offer id; the descriptor hands them out. */
let services: Record<string, GoLiveService> = {}
const created: ServiceOptions[] = []
const fakeCpp = {
  ...cloudPartnerPortal,
  createService: (options: ServiceOptions) => {
    created.push(options)
    return services[options.subject.offer] as GoLiveService
  }
}
jest.unstable_mockModule('../../src/apis/registry.js', () => ({ apiDescriptor: () => fakeCpp, allApis: () => [fakeCpp] }))
const { Fleet } = await import('../../src/run/fleet.js')
const { run } = await import('../../src/main.js')
type Config = import('../../src/inputs.js').Config
type Session = import('../../src/run/session.js').Session
type OfferRun = import('../../src/run/offer-run.js').OfferRun
type Lane = import('../../src/run/fleet.js').Lane

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const BASE = new URL('https://cloudpartner.azure.com')
const ref = (offer: string): OperationRef =>
  canonicalOperationLocation(`/api/publishers/contoso/offers/${offer}/operations/${GUID}`, BASE, '2017-10-31')

/** A service whose start answers `start`, and whose reads answer `reads` in turn (the last repeats). */
function service(start: (onSending?: () => void) => Promise<Started>, reads: Array<Record<string, unknown>> = []): GoLiveService {
  let read = 0
  return {
    start,
    readOperation: async () => ({ operation: parseOperation(reads[Math.min(read++, reads.length - 1)]) }),
    checkGiven: async () => undefined,
    dryRun: async () => ({ offerStatus: 'waitingForPublisherReview', verdict: 'ready', message: 'A go-live would start now.' })
  }
}
const started = (offer: string) => async (onSending?: () => void) => {
  onSending?.()
  return { location: ref(offer), how: 'started' as const }
}

const results = () => JSON.parse(core.outputs.results as string) as Array<Record<string, string>>

beforeEach(() => {
  core.reset()
  services = {}
  created.length = 0
})

describe('run with several offers (fake services)', () => {
  const inputs = (offer: string, more: Record<string, string> = {}) => ({
    publisher: 'contoso',
    offer,
    token: 'secret-token',
    wait: 'true',
    'poll-interval': '1ms',
    ...more
  })

  it('one refused POST and one failed go-live stop no other offer: results per offer, aggregate, one error line each', async () => {
    services = {
      'vm-a': service(started('vm-a'), [{ status: 'running' }, { status: 'running' }, { status: 'succeeded' }]),
      'vm-b': service(async () => {
        throw new ActionError("The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress.'")
      }),
      'vm-c': service(started('vm-c'), [
        { status: 'failed', steps: [{ stepName: 'Live', status: 'failed', messages: [{ level: 'Error', messageHtml: 'no VM image' }] }] }
      ])
    }
    core.inputs = inputs('vm-a\nvm-b, vm-c')
    await run()
    expect(results()).toEqual([
      {
        offer: 'vm-a',
        status: 'succeeded',
        'operation-location': ref('vm-a').url.href,
        'operation-id': GUID,
        'offer-status': '',
        error: ''
      },
      {
        offer: 'vm-b',
        status: 'not started',
        'operation-location': '',
        'operation-id': '',
        'offer-status': '',
        error: "The CPP API refused the Go Live request (409 Conflict): 'Another operation is in progress.'"
      },
      {
        offer: 'vm-c',
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
    expect(new Set(created.map((o) => (o as { throttle?: unknown }).throttle)).size).toBe(1)
    expect(created.filter((o) => o.pollIntervalMs !== undefined)).toHaveLength(1)
    // Progress lines name the offer.
    expect(core.logged('info')).toContain('contoso/vm-a: Operation status: running -> succeeded')
    expect(core.logged('info')).toContain('The go-live of contoso/vm-a succeeded.')
  })

  it('is `running` while any go-live goes on, and a timed-out wait fails the step, naming the offer', async () => {
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

  it('an offer whose wait fails for another reason than the timeout is `failed`, so the step fails with a `failed` aggregate', async () => {
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
    expect(core.failures).toHaveLength(1)
    expect(results().map((r) => [r.offer, r.status, r['operation-location']])).toEqual([
      ['vm-a', 'succeeded', ref('vm-a').url.href],
      ['vm-b', 'failed', ref('vm-b').url.href]
    ])
    // The step fails exactly when the aggregate is `failed` (or a wait timed out).
    expect(core.outputs.status).toBe('failed')
  })

  it('names the offer in the lines of its wait: a missed poll and the read after it', async () => {
    const { ServiceUnavailableError } = await import('../../src/errors.js')
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

  it('a dry run of several: each offer status in results; the step outputs stay empty', async () => {
    services = { 'vm-a': service(started('vm-a')), 'vm-b': service(started('vm-b')) }
    core.inputs = inputs('vm-a,vm-b', { 'dry-run': 'true' })
    await run()
    expect(results().map((r) => [r.status, r['offer-status']])).toEqual([
      ['not started', 'waitingForPublisherReview'],
      ['not started', 'waitingForPublisherReview']
    ])
    expect(core.outputs.status).toBeUndefined()
    expect(core.outputs['offer-status']).toBeUndefined()
    expect(core.failures).toEqual([])
    expect(core.logged('notice')).toContain('contoso/vm-b: Offer status: waitingForPublisherReview. A go-live would start now.')
  })

  it('a failed sign-in is one error line, and every offer says why it was not started', async () => {
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
    expect(created).toHaveLength(0)
    const why = results().map((r) => [r.status, r.error])
    expect(why).toEqual([
      ['not started', expect.stringMatching(/^.{20,300}$/)],
      ['not started', why[0]?.[1]]
    ])
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

describe('Fleet', () => {
  const config = (offers: string[], over: Partial<Config> = {}): Config =>
    ({ publisher: 'contoso', offers, maxParallel: 3, wait: false, dryRun: false, timeoutMs: 60_000, pollIntervalMs: 1, ...over }) as Config
  const session = {
    serviceFor: (subject: { offer: string }) => services[subject.offer],
    throttle: { waitMs: () => 0 }
  } as unknown as Session
  const step = (cfg: Config, signal = new AbortController().signal) => ({
    config: cfg,
    cancellation: { signal, setDeadline: () => undefined, dispose: () => undefined },
    deadline: Date.now() + 60_000
  })
  /** The story's start part, as main.ts tells it. */
  const start = async (offer: OfferRun, lane: Lane) => {
    const { location, how } = await lane.limit(() => lane.service.start(offer.sending))
    offer.record(location, how)
  }

  it('sends at most max-parallel Go Live requests at once, in input order', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `vm-${i}`)
    let running = 0
    let peak = 0
    const order: string[] = []
    for (const id of ids) {
      services[id] = service(async () => {
        order.push(id)
        peak = Math.max(peak, ++running)
        await new Promise((resolve) => setTimeout(resolve, 2))
        running--
        return { location: ref(id), how: 'started' }
      })
    }
    const fleet = new Fleet(config(ids), 0)
    await fleet.run(session, start, step(config(ids)))
    expect(peak).toBe(3)
    expect(order).toEqual(ids)
    expect(fleet.offers.map((o) => o.facts.result)).toEqual(ids.map(() => 'accepted'))
  })

  it('rewrites results each time an operation is recorded or an offer ends', async () => {
    const snapshots: string[][] = []
    const setOutput = core.module.setOutput as jest.Mock<(name: string, value: string) => void>
    setOutput.mockImplementation((name, value) => {
      core.outputs[name] = value
      if (name === 'results') snapshots.push((JSON.parse(value) as Array<{ status: string }>).map((r) => r.status))
    })
    services = {
      'vm-a': service(started('vm-a')),
      'vm-b': service(async () => {
        throw new ActionError('refused')
      })
    }
    const cfg = config(['vm-a', 'vm-b'], { maxParallel: 1 })
    await new Fleet(cfg, 0).run(session, start, step(cfg))
    // vm-a recorded, vm-a ended, vm-b ended (refused).
    expect(snapshots).toEqual([
      ['accepted', 'not started'],
      ['accepted', 'not started'],
      ['accepted', 'not started']
    ])
    expect(results()[1]).toMatchObject({ status: 'not started', error: 'refused' })
  })

  it('on cancellation, offers still in line send nothing and every recorded location stays in results', async () => {
    const controller = new AbortController()
    const ids = ['vm-a', 'vm-b', 'vm-c', 'vm-d']
    for (const id of ids) {
      services[id] = service(async (onSending) => {
        onSending?.()
        if (id === 'vm-b') controller.abort(new CancelledError('SIGTERM'))
        return { location: ref(id), how: 'started' }
      })
    }
    const cfg = config(ids, { maxParallel: 1 })
    const fleet = new Fleet(cfg, 0)
    await fleet.run(session, start, step(cfg, controller.signal))
    const all = fleet.results.flush()
    expect(all.map((r) => [r.status, r['operation-location']])).toEqual([
      ['accepted', ref('vm-a').url.href],
      ['accepted', ref('vm-b').url.href],
      ['not started', ''],
      ['not started', '']
    ])
    expect(all[2]?.error).toBe(
      'Received SIGTERM: the workflow is being cancelled, before any Go Live request was sent: nothing was started.'
    )
  })

  it('says an offer still in line when the timeout passes was not started', async () => {
    const controller = new AbortController()
    services = {
      'vm-a': service(async () => {
        controller.abort(new DeadlineError())
        return { location: ref('vm-a'), how: 'started' }
      }),
      'vm-b': service(started('vm-b'))
    }
    const cfg = config(['vm-a', 'vm-b'], { maxParallel: 1, timeoutMs: 3_600_000 })
    const fleet = new Fleet(cfg, 0)
    await fleet.run(session, start, step(cfg, controller.signal))
    expect(fleet.offers[1]?.failure).toBe(
      'The timeout (1h) passed before the go-live of contoso/vm-b was started: nothing was sent; run the step again to take it live.'
    )
  })

  it('counts an offer whose request went out unanswered as `failed` (it may have started), and a refusal as `not started`', async () => {
    const { OutcomeUnknownError } = await import('../../src/http/lost-answers.js')
    const after = (error: Error) => async (onSending?: () => void) => {
      onSending?.()
      throw error
    }
    services = {
      'vm-a': service(after(new OutcomeUnknownError('The Go Live request got no clear answer: HTTP 500. The go-live may have started.'))),
      'vm-b': service(after(new ActionError("The CPP API refused the Go Live request (400 Bad Request): 'no plan'."))),
      'vm-c': service(after(new CancelledError('SIGTERM'))),
      'vm-d': service(after(new TypeError('x is not a function'))),
      // Refused before anything was sent.
      'vm-e': service(async () => {
        throw new ActionError('vm-e cannot go live now: publish to preview first.')
      })
    }
    const cfg = config(['vm-a', 'vm-b', 'vm-c', 'vm-d', 'vm-e'])
    const fleet = new Fleet(cfg, 0)
    await fleet.run(session, start, step(cfg))
    expect(fleet.results.flush().map((r) => r.status)).toEqual(['failed', 'not started', 'failed', 'failed', 'not started'])
  })

  it('keeps a fault of the action in one offer to that offer', async () => {
    services = {
      'vm-a': service(async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'id')")
      }),
      'vm-b': service(started('vm-b'))
    }
    const cfg = config(['vm-a', 'vm-b'])
    const fleet = new Fleet(cfg, 0)
    await fleet.run(session, start, step(cfg))
    expect(fleet.offers.map((o) => [o.facts.result, o.failure])).toEqual([
      ['not started', "Unexpected error: Cannot read properties of undefined (reading 'id')."],
      ['accepted', undefined]
    ])
  })
})
