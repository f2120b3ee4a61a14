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

/**
 * The API a `token` goes to with `api: auto` when its audience cannot be read (not a JWT): the CPP
 * API, the one every such token went to before there was a choice.
 */
export function apiWithoutAudience(): ApiDescriptor {
  return DESCRIPTORS['cloud-partner-portal']
}

/**
 * The order `api: auto` looks an offer up in with a sign-in: Product Ingestion first (newer offers
 * live only there), then the Cloud Partner Portal API.
 */
export function lookupOrder(): ApiDescriptor[] {
  return [DESCRIPTORS['product-ingestion'], DESCRIPTORS['cloud-partner-portal']]
}
