/**
 * Which header and field names hold a credential. The credential names and the matcher are
 * `@kernel-secrets/core`'s own (its dependency-free `names` entry), inlined into this package's
 * build by `scripts/bundle-redact.mjs`, so the package still has no dependencies and cannot
 * disagree with the scanner about a name. The auth header list is the ESLint rule's;
 * `test/catalogue-drift.test.ts` checks it against the rule's catalogue.
 */
import * as core from '@kernel-secrets/core/names';

/** = eslint-plugin `catalogue/logging-flows.ts` `AUTH_HEADER_NAMES`: header names whose value is a credential. */
export const AUTH_HEADER_NAMES: readonly string[] = ['authorization', 'proxy-authorization', 'x-api-key', 'x-auth-token', 'x-access-token'];

// Re-declared with plain types so this package's .d.ts files never name @kernel-secrets/core.
/** Kernel's own names; they may end a longer name (`DEFAULT_KERNEL_TOKEN`). */
export const KERNEL_CREDENTIAL_NAMES: readonly string[] = core.KERNEL_CREDENTIAL_NAMES;
/** Credentials only as the whole name (`token`, not `userToken`). */
export const GENERIC_CREDENTIAL_NAMES: readonly string[] = core.GENERIC_CREDENTIAL_NAMES;
/** Contain "token" but hold none (`max_tokens`, `token_type`). */
export const NOT_CREDENTIAL_NAMES: readonly string[] = core.NOT_CREDENTIAL_NAMES;
/** Lower case, `-`, `_`, `.` and white space removed: the form names are compared in. */
export const normaliseName: (name: string) => string = core.normaliseName;

/**
 * Credentials that are not Kernel tokens but that no log should hold either: basic-auth and
 * OAuth client passwords, refresh tokens, session cookies. Masked by `redact()` only (the
 * scanner and the linter look for Kernel tokens), so they are kept apart from the lists above.
 */
export const EXTRA_FIELD_NAMES: readonly string[] = ['password', 'client_secret', 'refresh_token'];
export const EXTRA_HEADER_NAMES: readonly string[] = ['cookie'];

export interface Matchers {
  /** An auth header name (`Authorization`, `x-api-key`, also `xApiKey`): compared normalised, like the rule. */
  isHeader(name: string): boolean;
  /** An auth header name or a credential field name (`token`, `apiKey`, `KERNEL_TOKEN`, `myKernelToken`). */
  isCredential(name: string): boolean;
}

function normalisedSet(names: Iterable<string>): ReadonlySet<string> {
  return new Set([...names].map(normaliseName));
}

const AUTH_HEADERS = normalisedSet(AUTH_HEADER_NAMES);

/** The names `redact()` masks by default; `extraNames` are matched like Kernel's names, `extraHeaders` as whole names. */
export function createMatchers(extraNames: Iterable<string> = [], extraHeaders: Iterable<string> = []): Matchers {
  const headers = normalisedSet([...AUTH_HEADER_NAMES, ...EXTRA_HEADER_NAMES, ...extraHeaders]);
  const extraFields = normalisedSet(EXTRA_FIELD_NAMES);
  const fields = core.createCredentialNameMatcher(extraNames);
  const isHeader = (name: string) => headers.has(normaliseName(name));
  return {
    isHeader,
    isCredential: (name) => isHeader(name) || extraFields.has(normaliseName(name)) || fields.isCredentialName(name),
  };
}

const coreNames = core.createCredentialNameMatcher([]);

/** "Is this name a credential?": `@kernel-secrets/core`'s `createCredentialNameMatcher([])`. */
export function isCredentialName(name: string): boolean {
  return coreNames.isCredentialName(name);
}

/** "Is this an auth header name?" exactly as the ESLint rule answers it (normalised, so `X-Api-Key` and `xApiKey` too). */
export function isAuthHeaderName(name: string): boolean {
  return AUTH_HEADERS.has(normaliseName(name));
}
