// Starting is one step: a given location is checked and followed (nothing is started); else the
// service starts the go-live or finds the one running (telling the offer as its request goes is the
// service's: ServiceOptions.progress), and a final state in its answer is kept.
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
    start: jest.fn(async () => started),
    checkGiven: jest.fn(async (_given: OperationRef) => undefined),
    readOperation: jest.fn(),
    dryRun: jest.fn()
  }
  return service as typeof service & GoLiveService
}

describe('startOrAttach', () => {
  it('checks a given location against the offer and follows it, starting nothing', async () => {
    const service = fakeService({ location: ref, how: 'started' })
    expect(await startOrAttach(service, ref)).toEqual({ location: ref, how: 'given' })
    expect(service.checkGiven).toHaveBeenCalledWith(ref)
    expect(service.start).not.toHaveBeenCalled()
  })

  it('refuses a given location of another offer before any read', async () => {
    const service = fakeService({ location: ref, how: 'started' })
    const refused = new Error("Input 'operation-location' names offer contoso/other")
    service.checkGiven.mockRejectedValueOnce(refused)
    await expect(startOrAttach(service, ref)).rejects.toBe(refused)
    expect(service.readOperation).not.toHaveBeenCalled()
    expect(service.start).not.toHaveBeenCalled()
  })

  it('keeps the state of an answer that already says how the go-live ended, or that it is live', async () => {
    const failed = parseOperation({ status: 'failed' })
    expect(await startOrAttach(fakeService({ location: ref, how: 'started', operation: failed }), undefined)).toEqual({
      location: ref,
      how: 'started',
      known: failed
    })
    const live = parseOperation({ status: 'succeeded' })
    expect((await startOrAttach(fakeService({ location: ref, how: 'live', operation: live }), undefined)).known).toBe(live)
    expect(await startOrAttach(fakeService({ how: 'live', operation: live }), undefined)).toEqual({
      location: undefined,
      how: 'live',
      known: live
    })
  })

  it('leaves a go-live still running to be followed', async () => {
    const running = parseOperation({ status: 'running' })
    const service = fakeService({ location: ref, how: 'started', operation: running })
    expect(await startOrAttach(service, undefined)).toEqual({ location: ref, how: 'started' })
    expect(service.start).toHaveBeenCalledTimes(1)
  })
})
