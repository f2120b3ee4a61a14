// What the Product Ingestion API emulator plays: a product's submissions per state, and
// configure-status bodies played back one status read at a time (the last one repeats).
import type { ProductSetup } from './pia-emulator.ts'
import type { Body } from './scenarios.ts'

/**
 * Real-shaped submission numbers: 19-digit decimals past 2^53 (Number() rounds them). Learn's own
 * sample pairs `live` with the newer `preview`; the last two are newer still.
 */
export const SUBMISSION_NUMBERS = {
  live: '1152921515689847470',
  preview: '1152921515689848683',
  failedPreview: '1152921515689849796',
  publishing: '1152921515689850212'
} as const

/** A product's submissions in the state `setup` names; `created` gives each published one its time. */
export function submissionsFor(guid: string, setup: ProductSetup, created: () => string): Body[] {
  const { live, preview, failedPreview, publishing } = SUBMISSION_NUMBERS
  // Both $schema hosts, as the service returns them: the older one on drafts and previews.
  const host = (targetType: string) =>
    targetType === 'live' ? 'https://schema.mp.microsoft.com/schema' : 'https://product-ingestion.azureedge.net/schema'
  const entry = (n: string, targetType: string, status?: string, result?: string): Body => ({
    $schema: `${host(targetType)}/submission/2022-03-01-preview2`,
    id: `submission/${guid}/${n}`,
    product: `product/${guid}`,
    target: { targetType },
    lifecycleState: 'generallyAvailable',
    ...(status ? { status, result, created: created() } : {})
  })
  const list = [entry('0', 'draft')]
  const state = setup.state ?? 'ready'
  if (state === 'no-preview') return list
  list.push(entry(live, 'preview', 'completed', 'succeeded'), entry(live, 'live', 'completed', 'succeeded'))
  if (state === 'ready' || state === 'preview-failed') list.push(entry(preview, 'preview', 'completed', 'succeeded'))
  if (state === 'preview-failed') list.push(entry(failedPreview, 'preview', 'completed', 'failed'))
  if (setup.publishRunning) list.push(entry(publishing, 'preview', 'running', 'pending'))
  if (setup.runningGoLive !== undefined) list.push(entry(preview, 'live', 'running', 'pending'))
  return list
}

const NOT_ENDED = '0001-01-01T00:00:00'
// Both hosts, as the service returns them: Learn's configure answer still names the older one.
const SCHEMA = 'https://schema.mp.microsoft.com/schema/configure-status/2022-03-01-preview2'
const OLD_SCHEMA = 'https://product-ingestion.azureedge.net/schema/configure-status/2022-03-01-preview2'
// 7 fractional digits, as the service writes `created` (pia-api.md; its jobStart sample has 6).
const at = (minute: number): string => `${new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString().slice(0, 19)}.4220588Z`

function job(jobStatus: string, jobResult: string, extra: Body = {}): Body {
  return {
    $schema: jobStatus === 'notStarted' ? OLD_SCHEMA : SCHEMA,
    jobStatus,
    jobResult,
    jobStart: at(0),
    jobEnd: jobStatus === 'completed' ? at(42) : NOT_ENDED,
    errors: [],
    ...extra
  }
}

/** A go-live job that runs and succeeds. */
export function succeedingJob(): Body[] {
  return [job('notStarted', 'pending'), job('running', 'pending'), job('running', 'pending'), job('completed', 'succeeded')]
}

/** A go-live job that fails certification: the nested errors of pia-api.md. */
export function failedCertificationJob(): Body[] {
  return [
    job('running', 'pending'),
    job('completed', 'failed', {
      errors: [
        {
          resourceId: 'submission/2d541119',
          code: 'internalServerError',
          message: 'Operation failed',
          details: [
            {
              code: 'invalidState',
              message: 'Certification',
              details: [{ code: 'invalidState', message: 'Issues found during Certification.' }]
            }
          ]
        }
      ]
    })
  ]
}

/** A go-live job that is cancelled (spelled `cancelled`). */
export function cancelledJob(): Body[] {
  return [
    job('running', 'pending'),
    job('completed', 'cancelled', { errors: [{ code: 'operationCanceled', message: 'The job was cancelled.' }] })
  ]
}

/** A go-live job that never ends. */
export function endlessJob(): Body[] {
  return [job('running', 'pending')]
}
