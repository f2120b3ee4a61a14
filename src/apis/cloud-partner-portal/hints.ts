// What to do about a failure of the CPP API, in its terms (publisher and offer ids, api-version). A
// 401's advice is the token source's (TokenProvider.rejectionHint), which the client gives instead.
import { ServiceError, transientHint, type Hint, type ServiceDetail } from '../../http/service-error.js'
import type { HttpResponse } from '../../http/transport.js'
import type { Subject } from '../subject.js'

const aboutVersion = (detail: ServiceDetail): boolean => /version/i.test(`${detail.code} ${detail.message}`)

function hintFor(status: number, subject: Subject, detail: ServiceDetail): string | undefined {
  switch (status) {
    case 400:
      return aboutVersion(detail)
        ? "Check the 'api-version' input (the CPP API answers to 2017-10-31)."
        : 'The service rejected the request as malformed.'
    case 403:
      return `The identity is not allowed to act for publisher '${subject.publisher}': add its service principal (the app registration) to the Partner Center account that owns the publisher, and check the publisher id.`
    case 404:
      return `Publisher '${subject.publisher}' or offer '${subject.offer}' was not found: check both ids (as shown in Partner Center) and that the offer exists for this publisher.`
    case 409:
      return 'Another operation is running on the offer; wait for it to finish, then run the step again.'
    case 422:
      return 'The service could not validate the offer for go-live: fix the issues it lists in Partner Center.'
    default:
      return transientHint(status)
  }
}

/**
 * Advice for a failed read of an operation's status. What may be wrong is the operation location,
 * not the publisher or offer id; the canonical location is quoted (it was rebuilt from validated
 * parts), so the step's error names it and says how to read it again.
 */
export function operationHintFor(status: number, location: URL, subject: Subject, detail: ServiceDetail): string | undefined {
  switch (status) {
    case 400:
      return aboutVersion(detail)
        ? hintFor(status, subject, detail)
        : `The service refused the status read of ${location.href} as malformed: check the operation location.`
    case 404:
      return `No operation was found at ${location.href}: the location may be wrong, or the service no longer keeps the operation. A dry run (dry-run: true) or Partner Center shows whether a go-live of ${subject.publisher}/${subject.offer} runs; a re-run with this operation-location reads it again.`
    case 403:
      return hintFor(status, subject, detail)
    default:
      return transientHint(status)
  }
}

/**
 * Whether the advice for a failed status read is about the location itself (operationHintFor names
 * it and says how to read it again), rather than about the go-live, which may go on.
 */
export function refusesLocation(status: number, detail: ServiceDetail): boolean {
  return status === 404 || (status === 400 && !aboutVersion(detail))
}

/** A failure of the CPP API in words; `hint` replaces the advice for its status when given. */
export function cppFailure(what: string, response: HttpResponse, subject: Subject, hint?: Hint): ServiceError {
  return new ServiceError(what, response, hint ?? ((detail) => hintFor(response.status, subject, detail)))
}
