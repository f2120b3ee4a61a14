// One CPP emulator per test file, reset before each test, and CPP clients on it whose sockets are
// closed after each test. Source modules load on demand, after the test file mocked @actions/core.
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import type { CppClient } from '../../src/apis/cloud-partner-portal/client.js'
import type { BackoffSettings } from '../../src/http/retry.js'
import type { TokenProvider } from '../../src/auth/token-provider.js'
import type { CoreMock } from './core-mock.js'

export interface ClientOptions {
  token?: string
  tokens?: TokenProvider
  requestTimeoutMs?: number
  backoff?: BackoffSettings
}

export interface CppFixture {
  readonly emulator: CppEmulator
  client(options?: ClientOptions): Promise<CppClient>
}

export function cppFixture(core: CoreMock): CppFixture {
  let emulator: CppEmulator | undefined
  const disposables: Array<{ dispose(): void }> = []
  beforeAll(async () => {
    emulator = await startCppEmulator()
  })
  afterAll(() => emulator?.close())
  beforeEach(() => {
    core.reset()
    emulator?.reset()
  })
  afterEach(() => {
    for (const transport of disposables.splice(0)) transport.dispose()
  })
  return {
    get emulator() {
      return emulator as CppEmulator
    },
    async client(options = {}) {
      const { CppClient } = await import('../../src/apis/cloud-partner-portal/client.js')
      const { createTransport } = await import('../../src/http/transport.js')
      const { staticTokenProvider } = await import('../../src/auth/static-token.js')
      const transport = createTransport(options.requestTimeoutMs ?? 2_000)
      disposables.push(transport)
      return new CppClient({
        baseUrl: new URL((emulator as CppEmulator).url),
        apiVersion: '2017-10-31',
        transport,
        tokens: options.tokens ?? staticTokenProvider(options.token ?? DEFAULT_TOKEN, 'https://cloudpartner.azure.com'),
        backoff: options.backoff ?? { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 }
      })
    }
  }
}
