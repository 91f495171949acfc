/** Bounds of the live check, apart from the client so that parsing the command line loads no HTTP code. */

export const DEFAULT_VERIFY_TIMEOUT_MS = 5000;
export const MAX_VERIFY_TIMEOUT_MS = 120_000;
/** At most this many requests at once: a scan with many findings must not hammer the API. */
export const VERIFY_CONCURRENCY = 4;
