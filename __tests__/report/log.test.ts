import { describe, expect, it, jest } from '@jest/globals'
import { createCoreMock } from '../helpers/core-mock.js'

const core = createCoreMock()
jest.unstable_mockModule('@actions/core', () => core.module)
const { CUT, log, MAX_LINE } = await import('../../src/report/log.js')

/** A command's line as @actions/core prints it: `::name::` and the data with %, CR and LF escaped. */
const commandLine = (name: string, data: string) => `::${name}::${data.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`

describe('log: every line bounded', () => {
  it('prints short lines as they are', () => {
    core.reset()
    log.info('Operation status: running')
    log.warning('Poll 2 missed: HTTP 404. Trying again at the next poll.')
    expect(core.lines).toEqual(['info: Operation status: running', 'warning: Poll 2 missed: HTTP 404. Trying again at the next poll.'])
  })

  it('cuts a 3 MB info line to the cap, saying it was cut', () => {
    core.reset()
    log.info(`Operation status: ${'x'.repeat(3_000_000)}`)
    const [line] = core.logged('info')
    expect(line).toHaveLength(MAX_LINE)
    expect(line?.startsWith('Operation status: xxx')).toBe(true)
    expect(line?.endsWith(`x${CUT}`)).toBe(true)
  })

  it('keeps a line of exactly the cap whole, and cuts one a character longer', () => {
    core.reset()
    log.info('y'.repeat(MAX_LINE))
    log.info('y'.repeat(MAX_LINE + 1))
    const [whole, cut] = core.logged('info')
    expect(whole).toBe('y'.repeat(MAX_LINE))
    expect(cut).toBe(`${'y'.repeat(MAX_LINE - CUT.length)}${CUT}`)
  })

  it.each([
    ['warning', (m: string) => log.warning(m)],
    ['notice', (m: string) => log.notice(m)],
    ['error', (m: string) => log.fail(m)]
  ] as const)('counts the escapes of a %s command: a line of percent signs stays under the cap', (name, write) => {
    core.reset()
    write(`The offer status '${'%'.repeat(100_000)}' is not one the action knows`)
    const data = name === 'error' ? (core.failures[0] as string) : (core.logged(name)[0] as string)
    const printed = commandLine(name, data)
    expect(printed.length).toBeLessThanOrEqual(MAX_LINE)
    expect(printed.length).toBeGreaterThan(MAX_LINE - 3)
    expect(data.endsWith(`%${CUT}`)).toBe(true)
  })

  it('bounds a multi-line annotation of the action’s own as one line, its line breaks counted', () => {
    core.reset()
    log.warning(Array.from({ length: 5_000 }, (_, i) => `line ${i}`).join('\n'))
    const data = core.logged('warning')[0] as string
    expect(data.startsWith('line 0\nline 1\n')).toBe(true)
    expect(commandLine('warning', data).length).toBeLessThanOrEqual(MAX_LINE)
    expect(data.endsWith(CUT)).toBe(true)
  })

  it('cuts every debug line, and bounds how many lines one message can print', () => {
    core.reset()
    log.debug(`${'a'.repeat(10_000)}\n${'b'.repeat(10)}`)
    expect(core.logged('debug')).toEqual([`${'a'.repeat(MAX_LINE - '::debug::'.length - CUT.length)}${CUT}`, 'bbbbbbbbbb'])
    core.reset()
    log.info('z\n'.repeat(1_000_000))
    expect(core.logged('info').length).toBeLessThan(10_000)
    expect(core.logged('info').at(-1)).toMatch(/^z?… \(cut\)$/)
  })

  it('never ends a cut line in half a character', () => {
    core.reset()
    log.info(`x${'😀'.repeat(5_000)}`)
    const line = core.logged('info')[0] as string
    expect(line.length).toBeLessThanOrEqual(MAX_LINE)
    expect(line.endsWith(`😀${CUT}`)).toBe(true)
    expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })

  it('says a line was cut also when what was left out was only control characters', () => {
    core.reset()
    log.info(`start${'\u0007'.repeat(100_000)}end`)
    expect(core.logged('info')).toEqual([`start ${CUT}`])
  })

  it('still breaks planted workflow commands at the start of each line', () => {
    core.reset()
    log.info(`::stop-commands::x\n##[error]y${'z'.repeat(MAX_LINE)}`)
    const [first, second] = core.logged('info')
    expect(first).toBe(': :stop-commands::x')
    expect(second?.startsWith('# #[error]yzzz')).toBe(true)
    expect(second?.length).toBe(MAX_LINE)
  })
})

describe('log.fault', () => {
  it("writes the stack of a fault of the action's own to the debug log, and nothing for words meant for the user", async () => {
    const { ActionError } = await import('../../src/errors.js')
    core.reset()
    log.fault(new ActionError('The service refused it.'))
    expect(core.logged('debug')).toEqual([])
    log.fault(new TypeError("Cannot read properties of undefined (reading 'x')"))
    expect(core.logged('debug')[0]).toBe("TypeError: Cannot read properties of undefined (reading 'x')")
    expect(core.logged('debug')[1]).toMatch(/^\s*at /)
  })
})
