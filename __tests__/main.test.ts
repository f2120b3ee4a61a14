// The story of one run, where its steps cannot show it: a fault of the action's own while reading
// the inputs fails the step as a fault (with its stack in the debug log), not as a plain message.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from './helpers/core-mock.js'

const core = createCoreMock({ offer: 'vm' })
jest.unstable_mockModule('@actions/core', () => core.module)
const getConfig = jest.fn(() => {
  throw new TypeError("Cannot read properties of undefined (reading 'api')")
})
jest.unstable_mockModule('../src/inputs.js', () => ({ getConfig }))
const { run } = await import('../src/main.js')

beforeEach(() => core.reset())

describe('run', () => {
  it('fails a fault of the action before the inputs are read as one, with the stack in the debug log', async () => {
    await run()
    expect(core.failures).toEqual(["Unexpected error: Cannot read properties of undefined (reading 'api')."])
    const [first, second] = core.logged('debug')
    expect(first).toBe("TypeError: Cannot read properties of undefined (reading 'api')")
    expect(second).toMatch(/^\s*at /)
  })
})
