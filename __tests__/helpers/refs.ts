// Go-live locations as the services name them, rebuilt by each API's locations.ts: a CPP operation
// and a Product Ingestion live submission whose number is past 2^53.
import type { OperationRef } from '../../src/apis/go-live-service.js'
import { canonicalOperationLocation } from '../../src/apis/cloud-partner-portal/locations.js'
import { submissionLocation } from '../../src/apis/product-ingestion/locations.js'

export const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'

/** The CPP operation of offer `offer` of publisher contoso. */
export const cppRef = (offer = 'vm'): OperationRef =>
  canonicalOperationLocation(
    `/api/publishers/contoso/offers/${offer}/operations/${GUID}`,
    new URL('https://cloudpartner.azure.com'),
    '2017-10-31'
  )

/** A live submission, numbered as the Product Ingestion API numbers them. */
export function piaRef(): OperationRef {
  const ref = submissionLocation(
    new URL('https://graph.microsoft.com/rp/product-ingestion'),
    `submission/${GUID}/1152921515689848683`,
    '2022-07-01'
  )
  if (!ref) throw new Error('the submission id is valid')
  return ref
}
