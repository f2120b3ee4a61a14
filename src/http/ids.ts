// Id patterns more than one part of the action checks: written once, so they cannot drift apart.

/** A GUID, in any case: an Entra ID client or tenant id, a CPP operation id. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
