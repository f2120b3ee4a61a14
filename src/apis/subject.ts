// The offer a go-live is about, in the same shape for every API.

/** Publisher and offer ids: letters, digits, '-', '_', '.'; they become URL path segments. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

/** Whether `value` is a publisher or offer id the action accepts (IDENTIFIER, and no '..'). */
export function isIdentifier(value: string): boolean {
  return IDENTIFIER.test(value) && !value.includes('..')
}

export interface Subject {
  /** '' where the API finds the offer without it (the Product Ingestion API). */
  publisher: string
  offer: string
}

/** The offer as messages name it: with its publisher when one was given. */
export function subjectLabel(subject: Subject): string {
  return subject.publisher ? `${subject.publisher}/${subject.offer}` : subject.offer
}
