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
  DryRun: 'dry-run',
  MaxParallel: 'max-parallel',
  RetryFailed: 'retry-failed'
} as const

export const Outputs = {
  OperationLocation: 'operation-location',
  OperationId: 'operation-id',
  Status: 'status',
  Operation: 'operation',
  OfferStatus: 'offer-status',
  Results: 'results'
} as const

/** The `api` input's values: the API a go-live goes through (src/apis/registry.ts has what each needs). */
export const Apis = {
  CloudPartnerPortal: 'cloud-partner-portal',
  ProductIngestion: 'product-ingestion'
} as const
export type Api = (typeof Apis)[keyof typeof Apis]

/** The `api` input's default: the token's audience chooses, or each offer is looked up (Product Ingestion first). */
export const API_AUTO = 'auto'

export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'
export const USER_AGENT = 'azure-marketplace-go-live/1'
