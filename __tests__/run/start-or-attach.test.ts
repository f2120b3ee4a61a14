// Starting is one step: a given location is checked and followed (nothing is started); else the
// service starts the go-live or finds the one running, and a final state in its answer is kept.
import { describe, expect, it, jest } from '@jest/globals'
import type { GoLiveService, OperationRef, Started } from '../../src/apis/go-live-service.js'
import { startOrAttach } from '../../src/run/start-or-attach.js'
import { parseOperation } from '../../src/wait/operation.js'

const ref: OperationRef = {
  kind: 'cpp-operation',
  url: new URL('https://cloudpartner.azure.com/api/operations/contoso$vm$2$preview?api-version=2017-10-31'),
  id: 'contoso$vm$2$preview'
}

function fakeService(started: Started) {
  const service = {
    start: jest.fn(async (onSending?: () => void) => {
      onSending?.()
      return started
    }),
    checkGiven: jest.fn(async (_given: OperationRef) => undefined),
    readOperation: jest.fn(),
    dryRun: jest.fn()
  }
  return service as typeof service & GoLiveService
}

describe('startOrAttach', () => {
  it('checks a given location against the offer and follows it, starting nothing', async () => {
    const service = fakeService({ location: ref, how: 'started' })
    const onSending = jest.fn()
    expect(await startOrAttach(service, ref, onSending)).toEqual({ location: ref, how: 'given' })
    expect(service.checkGiven).toHaveBeenCalledWith(ref)
    expect(service.start).not.toHaveBeenCalled()
    expect(onSending).not.toHaveBeenCalled()
  })

  it('keeps the state of an answer that already says how the go-live ended, or that it is live', async () => {
    const failed = parseOperation({ status: 'failed' })
    expect(await startOrAttach(fakeService({ location: ref, how: 'started', operation: failed }), undefined, () => undefined)).toEqual({
      location: ref,
      how: 'started',
      known: failed
    })
    const live = parseOperation({ status: 'succeeded' })
    expect((await startOrAttach(fakeService({ location: ref, how: 'live', operation: live }), undefined, () => undefined)).known).toBe(live)
  })

  it('leaves a go-live still running to be followed, and tells when the request goes out', async () => {
    const onSending = jest.fn()
    const running = parseOperation({ status: 'running' })
    expect(await startOrAttach(fakeService({ location: ref, how: 'started', operation: running }), undefined, onSending)).toEqual({
      location: ref,
      how: 'started'
    })
    expect(onSending).toHaveBeenCalledTimes(1)
  })
})
