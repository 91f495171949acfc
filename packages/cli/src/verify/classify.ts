/**
 * Kernel's answer → live / not live / unknown. Only what Kernel documents counts as an answer:
 * 401 means the token is wrong, expired or revoked; 403 means Kernel knows the token but it
 * lacks a scope, so it is live; a 2xx means it works. Everything else (rate limits, redirects,
 * server errors, no answer at all) is unknown: never reported as "not live".
 */
import type { Liveness, LivenessVerdict } from './liveness.js';

interface StatusRule {
  matches(status: number): boolean;
  verdict: LivenessVerdict;
  reason(status: number): string;
}

const STATUS_RULES: readonly StatusRule[] = [
  { matches: (s) => s >= 200 && s < 300, verdict: 'live', reason: (s) => `HTTP ${s}: Kernel accepted it` },
  { matches: (s) => s === 401, verdict: 'not-live', reason: () => 'HTTP 401: wrong, expired or revoked' },
  { matches: (s) => s === 403, verdict: 'live', reason: () => 'HTTP 403: a valid token that lacks a scope' },
  { matches: (s) => s === 429, verdict: 'unknown', reason: () => 'HTTP 429: rate limited, try again later' },
  {
    matches: (s) => s >= 300 && s < 400,
    verdict: 'unknown',
    reason: (s) => `HTTP ${s}: a redirect, not followed (it would carry the token elsewhere)`,
  },
];

export function classifyStatus(status: number, endpoint: string): Liveness {
  const rule = STATUS_RULES.find((r) => r.matches(status));
  return rule
    ? { verdict: rule.verdict, reason: rule.reason(status), status, endpoint }
    : { verdict: 'unknown', reason: `HTTP ${status}: not an answer Kernel documents`, status, endpoint };
}

/** A request that got no status: only node's error code is kept (a message could quote the request). */
export function classifyFailure(failure: { timeoutMs: number } | { code: unknown }, endpoint: string): Liveness {
  if ('timeoutMs' in failure) return { verdict: 'unknown', reason: `no answer within ${failure.timeoutMs} ms`, endpoint };
  const code = typeof failure.code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(failure.code) ? ` (${failure.code})` : '';
  return { verdict: 'unknown', reason: `network error${code}`, endpoint };
}

/** What a header can carry: visible ASCII. Anything else is not sent (node would throw, quoting nothing useful). */
export function sendableToken(token: string): boolean {
  return /^[\x21-\x7e]{1,4096}$/.test(token);
}
