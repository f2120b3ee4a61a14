// One verdict, end to end (issue 11, items 2 and 4): a job or submission that ends without a result
// the action knows fails the step as `unknown`; a read about another job, submission or product is a
// missed poll, never the outcome; an operation-location of another offer is refused before any read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, startCppEmulator, type CppEmulator } from '../../emulator/cpp-emulator.js'
import { startPiaEmulator, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { runAction } from '../../scripts/run-action.js'
import { onlyResults } from '../helpers/results-only.js'
import { onlyRow } from '../helpers/summary-rows.js'

let pia: PiaEmulator
let cpp: CppEmulator
beforeAll(async () => {
  pia = await startPiaEmulator()
  cpp = await startCppEmulator()
})
afterAll(async () => {
  await pia.close()
  await cpp.close()
})
beforeEach(() => {
  pia.reset()
  cpp.reset()
})

const inputs = (extra: Record<string, string> = {}) => ({
  api: 'product-ingestion',
  offer: 'contoso-vm',
  token: DEFAULT_TOKEN,
  'base-url': pia.url,
  'poll-interval': '20ms',
  ...extra
})
const posts = () => pia.requestsTo('POST', '/configure')
const jobReads = () => pia.requestsTo('GET', '/status')
const OTHER_JOB = '9f0b1b5e-7c2a-4e0e-9d59-2c1f3f7a8b10'
const OTHER_PRODUCT = '11111111-2222-3333-4444-555555555555'
const SCHEMA = 'https://product-ingestion.azureedge.net/schema/configure-status/2022-03-01-preview2'

const jobBody = (jobStatus: string, extra: Record<string, unknown> = {}) => ({
  $schema: SCHEMA,
  jobStatus,
  jobStart: '2022-03-01T13:32:43.1234567Z',
  jobEnd: jobStatus === 'completed' ? '2022-03-01T15:02:11.4220588Z' : '0001-01-01T00:00:00',
  errors: [],
  ...extra
})
const operationFailed = [{ resourceId: 'submission/2d541119', code: 'internalServerError', message: 'Operation failed' }]
const json = (body: unknown) => ({ kind: 'status' as const, status: 200, contentType: 'application/json', body: JSON.stringify(body) })

/** The id of the product's running live submission, as the emulator lists it (whatever its digits). */
async function runningLiveId(guid: string): Promise<string> {
  const response = await fetch(`${pia.url}/submission/${guid}?$version=2022-07-01`, {
    headers: { authorization: `Bearer ${DEFAULT_TOKEN}` }
  })
  const { value } = (await response.json()) as { value: Array<{ id: string; status?: string; target: { targetType: string } }> }
  pia.requests.length = 0
  return (value.find((s) => s.target.targetType === 'live' && s.status === 'running') as { id: string }).id
}

describe('unknown is never success', () => {
  it.each([
    // made-up: the service documents no completed job without a result; a broken one may send it.
    ['no result', {}, 'the job completed with no result'],
    ['an unknown result', { jobResult: 'xyz' }, "the job completed with result 'xyz', which the action does not know"]
  ])('a job completed with %s fails the step as unknown, in words, with the errors it listed', async (_name, result, reason) => {
    pia.addProduct({
      externalId: 'contoso-vm',
      progression: [jobBody('notStarted', { jobResult: 'pending' }), jobBody('completed', { ...result, errors: operationFailed })]
    })
    const run = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('unknown')
    expect(run.stdout).toContain(`::error::The go-live's outcome is unknown: ${reason}.`)
    expect(run.stdout).toContain('The service also reported: Operation failed')
    expect(run.stdout).not.toContain('goes on at the service')
    expect(onlyRow(run.summary)[1]).toBe('❓ unknown')
    expect(run.summary).toContain(reason)
    expect(run.summary).toContain('- Operation failed')
  })

  it('a followed live submission completed with no result fails the step as unknown', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm', runningGoLive: 5 })
    const id = await runningLiveId(guid)
    // made-up: completed without `result`.
    const body = { id, product: `product/${guid}`, target: { targetType: 'live' }, status: 'completed' }
    pia.injectFault({ method: 'GET', path: `/${id}`, ...json(body) })
    const run = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(run.exitCode).toBe(1)
    expect(posts()).toHaveLength(0)
    expect(run.outputs.status).toBe('unknown')
    expect(run.stdout).toContain("::error::The go-live's outcome is unknown: the submission completed with no result.")
  })

  it('a check with operation-location that reads a completed job with no result fails as unknown', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    const first = await runAction({ inputs: inputs() })
    expect(first.exitCode).toBe(0)
    // made-up: completed without `jobResult`.
    pia.injectFault({ method: 'GET', path: '/status', ...json(jobBody('completed', { jobId: first.outputs['operation-id'] })) })
    const check = await runAction({ inputs: inputs({ 'operation-location': first.outputs['operation-location'] as string }) })
    expect(check.exitCode).toBe(1)
    expect(check.outputs.status).toBe('unknown')
    expect(check.stdout).toContain("::error::The go-live's outcome is unknown: the job completed with no result.")
  })

  it.each([
    ['failed', { jobResult: 'failed', errors: operationFailed }, 'failed', '::error::The go-live failed: Operation failed'],
    ['with no result', {}, 'unknown', "::error::The go-live's outcome is unknown: the job completed with no result."]
  ])('a configure answer that already says completed %s fails the step with wait: false', async (_name, extra, status, line) => {
    pia.addProduct({ externalId: 'contoso-vm', progression: [jobBody('completed', extra)] })
    const run = await runAction({ inputs: inputs({ wait: 'false' }) })
    expect(run.exitCode).toBe(1)
    expect(posts()).toHaveLength(1)
    expect(jobReads()).toHaveLength(0)
    expect(run.outputs.status).toBe(status)
    expect(run.outputs['operation-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(run.outputs.operation as string)).toMatchObject({ jobStatus: 'completed', jobId: run.outputs['operation-id'] })
    expect(run.stdout).toContain(line)
  })

  it('a configure answer that says the job succeeded is the outcome: no status read needed', async () => {
    pia.addProduct({ externalId: 'contoso-vm', progression: [jobBody('completed', { jobResult: 'succeeded' })] })
    const run = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(jobReads()).toHaveLength(0)
  })
})

describe('already live is what the service said', () => {
  it('a live entry of the newest preview without a status is no "live already": the step fails as unknown, no POST', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm' })
    const id = `submission/${guid}/1152921515689848683`
    const created = '2022-02-04T20:07:22.4220588Z'
    // made-up: the live entry lacks `status` (missing fields happen); only its result says succeeded.
    const value = [
      { id, product: `product/${guid}`, target: { targetType: 'preview' }, status: 'completed', result: 'succeeded', created },
      { id, product: `product/${guid}`, target: { targetType: 'live' }, result: 'succeeded', created }
    ]
    pia.injectFault({ method: 'GET', path: `/submission/${guid}`, ...json({ value }) })
    const run = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(posts()).toHaveLength(0)
    expect(run.stdout).not.toContain('The go-live is still running')
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::contoso-vm cannot go live now: the go-live of the newest preview (${id}) has no status the action knows`
    )
  })
})

describe('an answer about something else is not a result', () => {
  it.each([
    ['jobId', { jobId: OTHER_JOB }],
    ['jobID', { jobID: OTHER_JOB }]
  ])('a job status naming another job (%s), even a failed one, is a missed poll', async (_name, id) => {
    pia.addProduct({ externalId: 'contoso-vm' })
    pia.injectFault({
      method: 'GET',
      path: '/status',
      ...json(jobBody('completed', { ...id, jobResult: 'failed', errors: operationFailed }))
    })
    const run = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toMatch(
      new RegExp(`::warning::Poll 1 missed: Reading the go-live job's status failed: the answer names another job \\('${OTHER_JOB}'\\)`)
    )
    expect(run.stdout).not.toContain('::error::')
    expect(JSON.parse(run.outputs.operation as string)).toMatchObject({ jobId: run.outputs['operation-id'], jobResult: 'succeeded' })
  })

  it.each([
    ['another product', (id: string) => ({ id, product: `product/${OTHER_PRODUCT}` }), 'names another product'],
    ['another submission', (id: string) => ({ id: `${id}1` }), 'names another submission'],
    ['another entry', (id: string) => ({ value: [{ id: id.replace(/[0-9a-f-]{36}/, OTHER_PRODUCT) }] }), 'names another submission'],
    ['two entries', (id: string) => ({ value: [{ id }, { id }] }), 'lists 2 entries']
  ])('a live submission read naming %s, even a failed one, is a missed poll', async (_name, make, said) => {
    const guid = pia.addProduct({ externalId: 'contoso-vm', runningGoLive: 1 })
    const id = await runningLiveId(guid)
    const failed = { target: { targetType: 'live' }, status: 'completed', result: 'failed' }
    const made = make(id) as { value?: object[] }
    const body = made.value ? { value: made.value.map((e) => ({ ...failed, ...e })) } : { ...failed, ...made }
    pia.injectFault({ method: 'GET', path: `/${id}`, ...json(body) })
    const run = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toMatch(new RegExp(`::warning::Poll 1 missed: Reading the live submission failed: the answer ${said}`))
    expect(JSON.parse(run.outputs.operation as string)).toMatchObject({ id, result: 'succeeded' })
  })
})

describe('an operation-location is checked against the offer where it can be', () => {
  it('refuses a submission of another product before any status read, naming both', async () => {
    const mine = pia.addProduct({ externalId: 'contoso-vm' })
    const theirs = pia.addProduct({ externalId: 'other-vm', runningGoLive: 1 })
    const id = await runningLiveId(theirs)
    const run = await runAction({ inputs: inputs({ 'operation-location': `${pia.url}/${id}`, wait: 'true' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::Input 'operation-location' names a submission of product ${theirs}, but offer 'contoso-vm' is product ${mine}`
    )
    expect(pia.requestsTo('GET', `/submission/${theirs}`)).toHaveLength(0)
    expect(onlyResults(run.outputs).error).not.toBe('')
  })

  it('refuses a submission URL for an offer the service does not know', async () => {
    const theirs = pia.addProduct({ externalId: 'other-vm', runningGoLive: 1 })
    const id = await runningLiveId(theirs)
    const run = await runAction({ inputs: inputs({ 'operation-location': `${pia.url}/${id}` }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::No product with the external id 'contoso-vm' was found")
    expect(pia.requestsTo('GET', `/submission/${theirs}`)).toHaveLength(0)
  })

  it.each([
    '/api/publishers/contoso/offers/other-vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8',
    '/api/operations/contoso$other-vm$2$production'
  ])('CPP: refuses %s, an operation of another offer, before any request', async (location) => {
    const run = await runAction({
      inputs: { publisher: 'contoso', offer: 'contoso-vm', token: DEFAULT_TOKEN, 'base-url': cpp.url, 'operation-location': location }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::Input 'operation-location' belongs to contoso/other-vm, not to contoso/contoso-vm")
    expect(cpp.requests).toHaveLength(0)
  })
})

describe('a status read that finds nothing says what was not found', () => {
  it('a job', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    const run = await runAction({ inputs: inputs({ 'operation-location': `${pia.url}/configure/${OTHER_JOB}/status` }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "Reading the go-live job's status failed: HTTP 404 Not Found (notFound: Job '9f0b1b5e-7c2a-4e0e-9d59-2c1f3f7a8b10' was not found.). The job was not found: the job id may be wrong or expired, or the service has not listed the new job yet."
    )
    expect(run.stdout).not.toContain('check the offer id')
  })

  it('a submission', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm' })
    // A real-shaped number the emulator does not know.
    const run = await runAction({ inputs: inputs({ 'operation-location': `${pia.url}/submission/${guid}/1152921515689849999` }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('Reading the live submission failed: HTTP 404 Not Found (notFound: Submission ')
    expect(run.stdout).toContain('The submission was not found: its id may be wrong, or the service has not listed it yet.')
    expect(run.stdout).not.toContain('check the offer id')
  })
})
