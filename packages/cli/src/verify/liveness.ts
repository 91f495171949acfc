/** What the opt-in live check (`kernel-secrets verify`, `scan --verify`) says about one token. */

/** `live`: Kernel accepted it (revoke it now); `not-live`: refused as wrong, expired or revoked; `unknown`: no answer to go by. */
export type LivenessVerdict = 'live' | 'not-live' | 'unknown';

export interface Liveness {
  verdict: LivenessVerdict;
  /** Why, in a few words (`HTTP 401: wrong, expired or revoked`, `no answer within 5000 ms`); never the token. */
  reason: string;
  /** The HTTP status the endpoint answered, when it answered. */
  status?: number;
  /** Where it was checked: the endpoint's origin, `https://kernel.asimov.com`. */
  endpoint: string;
}
