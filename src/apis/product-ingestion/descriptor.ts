// The Product Ingestion API as the registry knows it: defaults, input rules, locations, service.
import { Apis } from '../../constants.js'
import type { ApiDescriptor } from '../api-descriptor.js'
import { canonicalOperationLocation, VERSION_PATTERN, VERSION_QUERY } from './locations.js'
import { productIngestionService } from './service.js'

const RESOURCE = 'https://graph.microsoft.com'

export const productIngestion: ApiDescriptor = {
  api: Apis.ProductIngestion,
  displayName: 'Product Ingestion API',
  defaults: { baseUrl: 'https://graph.microsoft.com/rp/product-ingestion', version: '2022-07-01' },
  version: { query: VERSION_QUERY, pattern: VERSION_PATTERN },
  // Microsoft Graph's app id is an audience of its tokens too.
  signIn: {
    scope: `${RESOURCE}/.default`,
    resource: RESOURCE,
    audiences: [RESOURCE, `${RESOURCE}/`, '00000003-0000-0000-c000-000000000000']
  },
  // The product is found by the offer id alone; the API lives under a path of its origin.
  inputs: { publisher: 'optional', baseUrlPath: true },
  hints: { operationLocation: 'a job status or submission URL under base-url' },
  // A job location names no product: the service checks a submission's against the offer (checkGiven).
  parseOperationLocation: (raw, { baseUrl, apiVersion }) => canonicalOperationLocation(raw, baseUrl, apiVersion),
  createService: productIngestionService
}
