// Every API the action speaks, by the `api` input's value (setup-node's installer-factory shape):
// adding one is a folder under src/apis/ with its descriptor, and a line here.
import type { Api } from '../constants.js'
import type { ApiDescriptor } from './api-descriptor.js'
import { cloudPartnerPortal } from './cloud-partner-portal/descriptor.js'
import { productIngestion } from './product-ingestion/descriptor.js'

const DESCRIPTORS: Readonly<Record<Api, ApiDescriptor>> = {
  'cloud-partner-portal': cloudPartnerPortal,
  'product-ingestion': productIngestion
}

export function apiDescriptor(api: Api): ApiDescriptor {
  return DESCRIPTORS[api]
}

/** Every API, in the order the `api` input lists them. */
export function allApis(): ApiDescriptor[] {
  return Object.values(DESCRIPTORS)
}
