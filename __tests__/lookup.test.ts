// Names that Object.prototype carries are not states, entities, units or results: a service that
// answers `constructor` or `__proto__` gets "unknown", never success (found by differential testing).
import { describe, expect, it } from '@jest/globals'
import { parseJobStatus } from '../src/apis/product-ingestion/operations.js'
import { htmlToText } from '../src/report/html.js'
import { operationOutput } from '../src/report/operation-output.js'
import { parseDuration } from '../src/wait/duration.js'
import { parseOperation } from '../src/wait/operation.js'
import { normaliseOperationStatus, normaliseStepStatus } from '../src/wait/status.js'

// made-up: hostile spellings no service documents; a proxy or a broken gateway can send them.
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

describe('tables keyed by service text take only their own entries', () => {
  it.each(PROTOTYPE_NAMES)('an operation or step status %s is unknown, still going: never success', (name) => {
    expect(normaliseOperationStatus(name)).toEqual({ state: 'running', known: false })
    expect(normaliseStepStatus(name)).toBeUndefined()
    expect(parseOperation({ status: name }).state).toBe('running')
  })

  it.each(PROTOTYPE_NAMES)('a completed job whose result is %s ends unknown', (name) => {
    expect(parseJobStatus({ jobStatus: 'completed', jobResult: name }).state).toBe('unknown')
  })

  it('an entity named after a prototype property stays as written', () => {
    expect(htmlToText('<p>a &constructor; b &amp; c</p>')).toBe('a &constructor; b & c')
  })

  it('a duration unit named after a prototype property is refused', () => {
    expect(parseDuration('5constructor')).toBeUndefined()
  })

  it('a `__proto__` key of the body stays a key of the operation output', () => {
    const body = JSON.parse('{"status":"succeeded","__proto__":{"polluted":true}}') as Record<string, unknown>
    const out = JSON.parse(operationOutput(parseOperation(body))) as Record<string, unknown>
    expect(Object.hasOwn(out, '__proto__')).toBe(true)
    expect(out.polluted).toBeUndefined()
  })
})
