// The Cloud Partner Portal API as the registry knows it: defaults, input rules, locations, service.
import { Apis, Inputs } from '../../constants.js'
import { InputError } from '../../errors.js'
import type { ApiDescriptor } from '../api-descriptor.js'
import { VERSION_PATTERN, canonicalOperationLocation, sameOffer, VERSION_QUERY } from './locations.js'
import { cppService } from './service.js'

const RESOURCE = 'https://cloudpartner.azure.com'

export const cloudPartnerPortal: ApiDescriptor = {
  api: Apis.CloudPartnerPortal,
  displayName: 'CPP API',
  defaults: { baseUrl: 'https://cloudpartner.azure.com', version: '2017-10-31' },
  version: { query: VERSION_QUERY, pattern: VERSION_PATTERN },
  signIn: { scope: `${RESOURCE}/.default`, resource: RESOURCE, audiences: [RESOURCE, `${RESOURCE}/`] },
  // The publisher names every CPP path; the API lives at the root of its origin.
  inputs: { publisher: 'required', baseUrlPath: false },
  hints: { operationLocation: 'a path starting with /api/' },
  parseOperationLocation(raw, { subject, baseUrl, apiVersion }) {
    const location = canonicalOperationLocation(raw, baseUrl, apiVersion)
    // A CPP location names its offer: one of another offer is refused before anything is sent.
    if (!sameOffer(location, subject)) {
      throw new InputError(
        Inputs.OperationLocation,
        `belongs to ${location.publisher}/${location.offer}, not to ${subject.publisher}/${subject.offer} (inputs '${Inputs.Publisher}' and '${Inputs.Offer}')`
      )
    }
    return location
  },
  createService: cppService
}
