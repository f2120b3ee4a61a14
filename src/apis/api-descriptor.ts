// What the action knows of one API, in one place: registry.ts maps the `api` input to these.
// inputs.ts and the run read an API only through its descriptor, so they never ask which it is.
import type { ResourceAudiences } from '../auth/static-token.js'
import type { Api } from '../constants.js'
import type { ApiClientOptions } from '../http/api-client.js'
import type { GoLiveService, OperationRef } from './go-live-service.js'
import type { Subject } from './subject.js'

/** Where the API is and how it is spoken to, as the inputs give it (defaults filled in). */
interface ApiSettings {
  subject: Subject
  baseUrl: URL
  apiVersion: string
}

/**
 * What the offers of one step have taken live: a product or offer is taken live by one offer of a
 * step at most. `claim` records `key` (the API's name for what goes live, `product/<id>` say) for
 * the offer `label`, and returns the label of the offer that holds it already, or undefined.
 */
export interface GoLiveClaims {
  claim(key: string, label: string): string | undefined
}

/** What a service needs: the settings, and the sign-in, transport and throttle every offer of a step shares. */
export interface ServiceOptions extends ApiSettings, ApiClientOptions {
  baseUrl: URL
  /** Given when the run waits: how often it reads the operation (an API may warn of reads too often). */
  pollIntervalMs?: number | undefined
  /** Send a go-live whose last attempt failed once more (the `retry-failed` input; default false). */
  retryFailed?: boolean | undefined
  /** Shared by every offer of the step: what each has taken live (none: one offer alone). */
  claims?: GoLiveClaims | undefined
}

export interface ApiDescriptor {
  /** The `api` input value. */
  api: Api
  /** How messages name the API. */
  displayName: string
  defaults: { baseUrl: string; version: string }
  /** The version: its query parameter (`api-version`, `$version`) and the values it takes. */
  version: { query: string; pattern: RegExp }
  /** The Entra ID scope to ask for, and the resource its tokens are for (with their `aud` values). */
  signIn: ResourceAudiences & { scope: string }
  inputs: {
    /** Whether the `publisher` input must be given (else it may be left out). */
    publisher: 'required' | 'optional'
    /** Whether `base-url` may carry a path (else it is an origin). */
    baseUrlPath: boolean
  }
  hints: {
    /** The forms an `operation-location` input may take, for the error that refuses one. */
    operationLocation: string
  }
  /**
   * An `operation-location` input as this API's reference, rebuilt from validated parts. Throws a
   * LocationProblem when it is not one, and an InputError when it names another offer.
   */
  parseOperationLocation(raw: string, settings: ApiSettings): OperationRef
  createService(options: ServiceOptions): GoLiveService
}
