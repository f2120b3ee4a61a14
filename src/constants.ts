// Input and output names are the action's public interface: workflows depend on them.
export const Inputs = {
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

export const DEFAULT_BASE_URL = 'https://cloudpartner.azure.com'
export const DEFAULT_API_VERSION = '2017-10-31'
export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'
/** The Entra ID scope of the CPP API (the v1 resource https://cloudpartner.azure.com). */
export const CPP_SCOPE = 'https://cloudpartner.azure.com/.default'
export const USER_AGENT = 'cpp-go-live-action/1'
