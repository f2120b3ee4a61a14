// An offer's lines, kept while its part runs (log.within) and told again in its group (log.group):
// kept by whose part wrote them, through awaits, the fleet's limiter and pacer, and timers, never
// another offer's; annotations kept as text, so the group does not annotate twice; debug kept only
// when shown; a group's title one safe line that no `::` can turn into another command.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { log, MAX_LINE } = await import('../../src/report/log.js')
const { KeptLines } = await import('../../src/report/kept-lines.js')
const { createLimiter } = await import('../../src/run/limit.js')
const { Pacer } = await import('../../src/wait/pacer.js')

const roomy = () => new KeptLines({ lines: 1000, chars: 1_000_000 })
const texts = (kept: InstanceType<typeof KeptLines>) => kept.lines().map((l) => l.text)
const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

beforeEach(() => {
  core.reset()
  ;(core.module.isDebug as jest.Mock).mockReturnValue(false)
})

describe('log.within: the lines of an offer’s part are kept for it', () => {
  it('keeps what its part writes, in order, and nothing written outside it', async () => {
    const kept = roomy()
    log.info('The step begins.')
    await log.within(kept, async () => {
      log.info('contoso/vm-a: Operation status: running')
      await tick()
      log.info('The go-live of contoso/vm-a succeeded.')
    })
    log.info('The step ends.')
    expect(texts(kept)).toEqual(['contoso/vm-a: Operation status: running', 'The go-live of contoso/vm-a succeeded.'])
    // Each line is written once, as before.
    expect(core.logged('info')).toHaveLength(4)
  })

  it('keeps each part’s own lines apart, through interleaved awaits, a limiter of one place, the pacer and timers', async () => {
    const limit = createLimiter(1)
    const pacer = new Pacer(2)
    const part = (name: string) => async () => {
      // The second in line starts when the first frees the place: in the first's call, its own scope.
      await limit(async () => {
        log.info(`${name}: Sending the Go Live request.`)
        await tick()
      })
      const member = pacer.join()
      try {
        for (let poll = 1; poll <= 3; poll++) {
          await member.turn()
          log.info(`${name}: Poll ${poll}`)
          await new Promise<void>((resolve) => setTimeout(() => (log.debug(`${name}: timer ${poll}`), resolve()), 1))
        }
      } finally {
        member.leave()
      }
      log.warning(`${name}: done`)
    }
    ;(core.module.isDebug as jest.Mock).mockReturnValue(true)
    const stories = { a: roomy(), b: roomy(), c: roomy() }
    await Promise.all(Object.entries(stories).map(([name, kept]) => log.within(kept, part(name))))
    for (const [name, kept] of Object.entries(stories)) {
      expect(texts(kept)).toEqual([
        `${name}: Sending the Go Live request.`,
        `${name}: Poll 1`,
        `${name}: timer 1`,
        `${name}: Poll 2`,
        `${name}: timer 2`,
        `${name}: Poll 3`,
        `${name}: timer 3`,
        `Warning: ${name}: done`
      ])
    }
    // The parts did run side by side: the log interleaves them.
    const polls = core
      .logged('info')
      .filter((l) => l.includes(': Poll'))
      .map((l) => l[0])
    expect(polls.indexOf('c')).toBeLessThan(polls.lastIndexOf('a'))
  })

  it('keeps a warning or a notice as the runner shows it, once annotated; debug only when step debug is on', async () => {
    const kept = roomy()
    await log.within(kept, async () => {
      log.warning('contoso/vm-a: Poll 2 missed: HTTP 503.\nTrying again.')
      log.notice('contoso/vm-a: Offer status: waitingForPublisherReview.')
      log.debug('GET /api/publishers/contoso/offers/vm-a -> 200')
      ;(core.module.isDebug as jest.Mock).mockReturnValue(true)
      log.debug('GET /api/publishers/contoso/offers/vm-a -> 202')
    })
    expect(kept.lines()).toEqual([
      { text: 'Warning: contoso/vm-a: Poll 2 missed: HTTP 503.', debug: false },
      { text: 'Trying again.', debug: false },
      { text: 'Notice: contoso/vm-a: Offer status: waitingForPublisherReview.', debug: false },
      { text: 'GET /api/publishers/contoso/offers/vm-a -> 202', debug: true }
    ])
    expect(core.logged('warning')).toHaveLength(1)
    expect(core.logged('notice')).toHaveLength(1)
  })

  it('keeps lines made safe and bounded: a planted command is broken, a flood is one cut line', async () => {
    const kept = roomy()
    await log.within(kept, async () => {
      log.info('::endgroup::')
      log.warning(`::group::${'w'.repeat(100_000)}`)
    })
    const [planted, flood] = texts(kept)
    expect(planted).toBe(': :endgroup::')
    expect(flood?.startsWith('Warning: : :group::www')).toBe(true)
    expect(flood?.length).toBeLessThanOrEqual(MAX_LINE)
  })
})

describe('log.group: an offer’s kept lines told again', () => {
  it('opens a group, writes the lines as kept (debug ones as debug), and closes it', async () => {
    const kept = roomy()
    ;(core.module.isDebug as jest.Mock).mockReturnValue(true)
    await log.within(kept, async () => {
      log.info('contoso/vm-b: Operation status: running')
      log.debug('GET /x -> 200')
      log.warning('contoso/vm-b: Poll 2 missed.')
    })
    core.reset()
    log.group('contoso/vm-b: failed', kept.lines())
    expect(core.lines).toEqual([
      'group: contoso/vm-b: failed',
      'info: contoso/vm-b: Operation status: running',
      'debug: GET /x -> 200',
      'info: Warning: contoso/vm-b: Poll 2 missed.',
      'endgroup'
    ])
  })

  it('written inside an offer’s part, keeps nothing of itself', async () => {
    const kept = roomy()
    await log.within(kept, async () => {
      log.info('one')
      log.group('contoso/vm-c: succeeded', kept.lines())
    })
    expect(texts(kept)).toEqual(['one'])
  })

  it('a title is one line without `::`, however it was made, and bounded', () => {
    log.group('::endgroup::\n::error::x:::y', [])
    log.group(`a${':'.repeat(50)}${'b'.repeat(10_000)}`, [])
    const [planted, long] = core.logged('group')
    expect(planted).not.toContain('::')
    expect(planted).not.toMatch(/[\r\n]/)
    expect(planted).toBe(': :endgroup: : : :error: :x: : :y')
    expect(long).not.toContain('::')
    expect(long?.length).toBeLessThanOrEqual(200)
  })
})
