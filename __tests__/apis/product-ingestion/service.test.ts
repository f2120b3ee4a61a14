import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { productIngestionService } = await import('../../../src/apis/product-ingestion/service.js')
const { staticTokenProvider } = await import('../../../src/auth/static-token.js')
const { createTransport } = await import('../../../src/http/transport.js')

const options = (baseUrl: string, pollIntervalMs?: number) => ({
  subject: { publisher: '', offer: 'contoso-vm' },
  baseUrl: new URL(baseUrl),
  apiVersion: '2022-07-01',
  transport: createTransport(1_000),
  tokens: staticTokenProvider('t', 'https://graph.microsoft.com'),
  backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {})
})

describe('productIngestionService', () => {
  beforeEach(() => core.reset())

  it('warns when a wait would read the real service more than once a minute', () => {
    productIngestionService(options('https://graph.microsoft.com/rp/product-ingestion', 20_000))
    expect(core.logged('warning')).toEqual([expect.stringMatching(/^poll-interval is 20s: Microsoft asks .* at most once a minute/)])
  })

  it('says nothing for loopback hosts, a minute or more, or a run that does not wait', () => {
    productIngestionService(options('http://127.0.0.1:8080/rp/product-ingestion', 20))
    productIngestionService(options('https://graph.microsoft.com/rp/product-ingestion', 60_000))
    productIngestionService(options('https://graph.microsoft.com/rp/product-ingestion'))
    expect(core.logged('warning')).toEqual([])
  })
})
