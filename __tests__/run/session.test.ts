// The part of a run every offer shares: each offer's service gets the session's one transport,
// token source, throttle and list budget, and the poll interval only where the run waits (an API may
// warn of reads too often, once a step), never for a dry run or a run that does not wait.
import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'
import type { ServiceOptions } from '../../src/apis/api-descriptor.js'
import type { GoLiveService } from '../../src/apis/go-live-service.js'
import type { Config } from '../../src/inputs.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { Session } = await import('../../src/run/session.js')
const { productIngestion } = await import('../../src/apis/product-ingestion/descriptor.js')
const { watchForCancellation } = await import('../../src/wait/cancellation.js')

/** The options each offer's service was made with, through the real descriptor's other parts. */
async function servicesMade(settings: Partial<Config>, offers: string[]): Promise<ServiceOptions[]> {
  const made: ServiceOptions[] = []
  const api = { ...productIngestion, createService: (options: ServiceOptions) => (made.push(options), {} as GoLiveService) }
  const config = {
    api: 'product-ingestion',
    publisher: '',
    offers,
    maxParallel: 4,
    auth: { kind: 'token', token: 'a-static-token' },
    wait: true,
    dryRun: false,
    timeoutMs: 60_000,
    pollIntervalMs: 60_000,
    requestTimeoutMs: 30_000,
    baseUrl: new URL('https://graph.microsoft.com/rp/product-ingestion'),
    apiVersion: '2022-07-01',
    ...settings
  } as Config
  const cancellation = watchForCancellation()
  const session = new Session(config, api, cancellation, Date.now() + 60_000)
  try {
    await session.signIn()
    for (const offer of offers) session.serviceFor({ publisher: '', offer })
  } finally {
    session.dispose()
    cancellation.dispose()
  }
  return made
}

describe('Session.serviceFor', () => {
  it('shares one transport, token source, throttle and list budget between the offers', async () => {
    const [a, b] = await servicesMade({}, ['vm-a', 'vm-b'])
    expect(a?.transport).toBe(b?.transport)
    expect(a?.tokens).toBe(b?.tokens)
    expect(a?.throttle).toBeDefined()
    expect(a?.throttle).toBe(b?.throttle)
    // What every offer's lists hold at once is bounded for the step, not per offer (issue 19).
    expect(a?.lists).toBeDefined()
    expect(a?.lists).toBe(b?.lists)
  })

  it('gives the poll interval to the first service of a run that waits, so the API warns once a step', async () => {
    const made = await servicesMade({ pollIntervalMs: 10_000 }, ['vm-a', 'vm-b'])
    expect(made.map((o) => o.pollIntervalMs)).toEqual([10_000, undefined])
  })

  it.each([
    ['a dry run', { dryRun: true }],
    ['a run that does not wait', { wait: false }]
  ])('gives no poll interval to %s: it polls nothing', async (_what, settings) => {
    const made = await servicesMade({ pollIntervalMs: 10_000, ...settings }, ['vm-a'])
    expect(made[0]?.pollIntervalMs).toBeUndefined()
  })
})
