// A stand-in for @actions/core that records what the action logged, masked and output.
import { jest } from '@jest/globals'

export interface CoreMock {
  inputs: Record<string, string>
  lines: string[]
  outputs: Record<string, string>
  secrets: string[]
  failures: string[]
  module: Record<string, unknown>
  /** Every log line of a level, e.g. `logged('info')`; `group`: the titles of groups opened. */
  logged(level: 'info' | 'debug' | 'warning' | 'error' | 'notice' | 'group'): string[]
  reset(): void
}

export function createCoreMock(inputs: Record<string, string> = {}): CoreMock {
  const mock: CoreMock = {
    inputs,
    lines: [],
    outputs: {},
    secrets: [],
    failures: [],
    module: {},
    logged: (level) => mock.lines.filter((l) => l.startsWith(`${level}: `)).map((l) => l.slice(level.length + 2)),
    reset: () => {
      mock.lines.length = 0
      mock.failures.length = 0
      mock.secrets.length = 0
      for (const k of Object.keys(mock.outputs)) delete mock.outputs[k]
    }
  }
  const log = (level: string) => jest.fn((message: unknown) => void mock.lines.push(`${level}: ${String(message)}`))
  mock.module = {
    getInput: jest.fn((name: string) => (mock.inputs[name] ?? '').trim()),
    setSecret: jest.fn((secret: string) => void mock.secrets.push(secret)),
    setOutput: jest.fn((name: string, value: unknown) => void (mock.outputs[name] = String(value))),
    setFailed: jest.fn((message: unknown) => void mock.failures.push(String(message))),
    isDebug: jest.fn(() => false),
    info: log('info'),
    debug: log('debug'),
    warning: log('warning'),
    error: log('error'),
    notice: log('notice'),
    // A group as the runner reads it: `group: <title>` opens it, `endgroup` closes it.
    startGroup: log('group'),
    endGroup: jest.fn(() => void mock.lines.push('endgroup')),
    summary: { addRaw: jest.fn().mockReturnThis(), write: jest.fn(async () => undefined) }
  }
  return mock
}
