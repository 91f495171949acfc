/**
 * Questions about NAMES, answered from the catalogue and core: is this a credential, an auth
 * header, a sanitizer, a header object? No AST walking here, so every answer is cheap and the
 * same wherever a name appears (identifier, property key, string argument).
 */
import { normaliseName } from '@kernel-secrets/core';
import {
  AMBIGUOUS_CREDENTIAL_NAMES,
  AUTH_HEADER_NAMES,
  AUTH_VALUE_NAMES,
  HEADER_OBJECT_NAMES,
  HTTP_ERROR_NAMES,
  KERNEL_CLIENT_INSTANCE_NAMES,
  REQUEST_CONFIG_NAMES,
  SANITIZER_WORDS,
  type SourceKind,
} from '../catalogue/logging-flows.js';
import { createCredentialNameMatcher } from '@kernel-secrets/core';

// Core's lists only (no project extras): the same answer the text scanner gives.
const credentialNames = createCredentialNameMatcher([]);

/** Auth header names compared the way core compares names, so `Authorization`, `x-api-key` and `xApiKey` all match. */
const AUTH_HEADERS_NORMALISED: ReadonlySet<string> = new Set([...AUTH_HEADER_NAMES].map(normaliseName));

export function isAuthHeaderName(name: string): boolean {
  return AUTH_HEADERS_NORMALISED.has(normaliseName(name));
}

/** `token`, `apiKey`, `KERNEL_TOKEN`, `bearer`… but not `tokenizer`, `max_tokens`, `token_type`. */
export function isCredentialName(name: string): boolean {
  return credentialNames.isCredentialName(name);
}

/**
 * What a property, key or getter argument of this name holds: the Authorization value, a
 * token, the ambiguous word `token` (reported only with corroboration), or nothing known.
 */
export function credentialKindOfName(name: string): 'authorization' | 'token' | 'token-word' | undefined {
  if (isAuthHeaderName(name)) return 'authorization';
  if (isCredentialName(name)) return AMBIGUOUS_CREDENTIAL_NAMES.has(normaliseName(name)) ? 'token-word' : 'token';
  return undefined;
}

/** Whether `name` (normalised) contains one of `words`. */
export function nameContains(name: string, words: readonly string[]): boolean {
  const normalised = normaliseName(name);
  return words.some((word) => normalised.includes(word));
}

const sanitizerVerdicts = new Map<string, boolean>();

/** `redact`, `redactHeaders`, `maskToken`, `sanitizeConfig`, `omit`, `hashToken`: case-insensitive "contains". */
export function isSanitizerName(name: string): boolean {
  let verdict = sanitizerVerdicts.get(name);
  if (verdict === undefined) {
    const lower = name.toLowerCase();
    verdict = SANITIZER_WORDS.some((word) => lower.includes(word));
    sanitizerVerdicts.set(name, verdict);
  }
  return verdict;
}

/** Identifier names that are sources by themselves: `token`, `headers`, `authHeader`, `axiosError`, … */
const NAMED_SOURCES: readonly (readonly [ReadonlySet<string>, SourceKind])[] = [
  [HEADER_OBJECT_NAMES, 'headers'],
  [AUTH_VALUE_NAMES, 'authorization'],
  [REQUEST_CONFIG_NAMES, 'request-config'],
  [HTTP_ERROR_NAMES, 'http-error'],
  [KERNEL_CLIENT_INSTANCE_NAMES, 'kernel-client'],
];

export function sourceKindOfIdentifierName(name: string): SourceKind | undefined {
  const byCredential = credentialKindOfName(name);
  if (byCredential) return byCredential;
  const normalised = normaliseName(name);
  for (const [names, kind] of NAMED_SOURCES) if (names.has(normalised)) return kind;
  return undefined;
}

/** `isExpired()`, `hasScope()`: predicates return booleans, not the value. */
export function isPredicateName(name: string): boolean {
  const rest = name.startsWith('is') ? name.slice(2) : name.startsWith('has') ? name.slice(3) : '';
  const first = rest.charAt(0);
  return first !== '' && first === first.toUpperCase() && first !== first.toLowerCase();
}
