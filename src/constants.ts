// Input and output names are the action's public interface: workflows depend on them.
export const Inputs = {
  Api: 'api',
  Publisher: 'publisher',
  Offer: 'offer',
  Token: 'token',
  ClientId: 'client-id',
  TenantId: 'tenant-id',
  ClientSecret: 'client-secret',
  Audience: 'audience',
  AuthorityHost: 'authority-host',
  Wait: 'wait',
  Timeout: 'timeout',
  PollInterval: 'poll-interval',
  RequestTimeout: 'request-timeout',
  OperationLocation: 'operation-location',
  BaseUrl: 'base-url',
  ApiVersion: 'api-version',
  DryRun: 'dry-run'
} as const

export const Outputs = {
  OperationLocation: 'operation-location',
  OperationId: 'operation-id',
  Status: 'status',
  Operation: 'operation',
  OfferStatus: 'offer-status'
} as const

/** The `api` input's values: the API a go-live goes through. */
export const Apis = {
  CloudPartnerPortal: 'cloud-partner-portal',
  ProductIngestion: 'product-ingestion'
} as const
export type Api = (typeof Apis)[keyof typeof Apis]

/** Per API: where it lives, the version it is spoken in, and the Entra ID scope of its tokens. */
export const API_DEFAULTS: Record<Api, { baseUrl: string; version: string; scope: string; resource: string }> = {
  'cloud-partner-portal': {
    baseUrl: 'https://cloudpartner.azure.com',
    version: '2017-10-31',
    scope: 'https://cloudpartner.azure.com/.default',
    resource: 'https://cloudpartner.azure.com'
  },
  'product-ingestion': {
    baseUrl: 'https://graph.microsoft.com/rp/product-ingestion',
    version: '2022-07-01',
    scope: 'https://graph.microsoft.com/.default',
    resource: 'https://graph.microsoft.com'
  }
}
export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'
export const USER_AGENT = 'azure-marketplace-go-live-action/1'
