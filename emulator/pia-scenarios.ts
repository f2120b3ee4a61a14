// Configure-status bodies as the Product Ingestion API sends them, for the emulator to play back one
// status read at a time (the last one repeats).
import type { Body } from './scenarios.ts'

const NOT_ENDED = '0001-01-01T00:00:00'
const at = (minute: number): string => new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString()

function job(jobStatus: string, jobResult: string, extra: Body = {}): Body {
  return {
    $schema: 'https://schema.mp.microsoft.com/schema/configure-status/2022-03-01-preview2',
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
