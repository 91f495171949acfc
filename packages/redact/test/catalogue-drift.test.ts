/**
 * The redact package keeps its own copy of the credential names (it has no dependencies).
 * These tests compare every copy with its origin, so the linter that asks for `redact()` and
 * `redact()` itself cannot drift apart: change a list in core or in the rule's catalogue and
 * this fails until the redact package follows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from '@kernel-secrets/core';
import { AUTH_HEADER_NAMES as RULE_AUTH_HEADERS } from '../../eslint-plugin/src/catalogue/logging-flows.js';
import { isAuthHeaderName as ruleIsAuthHeader } from '../../eslint-plugin/src/logging/names.js';
import * as redact from '../src/index.js';

describe('the redact package names what the rule and the engine name', () => {
  it('auth headers = the rule catalogue AUTH_HEADER_NAMES', () => {
    expect([...redact.AUTH_HEADER_NAMES].sort()).toEqual([...RULE_AUTH_HEADERS].sort());
  });

  it('credential names = core KERNEL_, GENERIC_ and NOT_CREDENTIAL_NAMES', () => {
    expect([...redact.KERNEL_CREDENTIAL_NAMES]).toEqual([...core.KERNEL_CREDENTIAL_NAMES]);
    expect([...redact.GENERIC_CREDENTIAL_NAMES]).toEqual([...core.GENERIC_CREDENTIAL_NAMES]);
    expect([...redact.NOT_CREDENTIAL_NAMES]).toEqual([...core.NOT_CREDENTIAL_NAMES]);
    expect([...redact.KERNEL_WORDS]).toEqual([...core.KERNEL_WORDS]);
    expect([...redact.CREDENTIAL_WORDS]).toEqual([...core.CREDENTIAL_WORDS]);
    expect([...redact.NOT_CREDENTIAL_LAST_WORDS]).toEqual([...core.NOT_CREDENTIAL_LAST_WORDS]);
  });

  it('the extra names are credentials that core does not list (so they cannot hide a missing core name)', () => {
    const coreNames = core.createCredentialNameMatcher([]);
    for (const name of redact.EXTRA_FIELD_NAMES) expect(coreNames.isCredentialName(name), name).toBe(false);
    for (const name of redact.EXTRA_HEADER_NAMES) expect(ruleIsAuthHeader(name), name).toBe(false);
  });

  // Names built from the words credential names are made of, in every case style and with separators.
  const WORDS = [
    'kernel',
    'api',
    'token',
    'key',
    'access',
    'auth',
    'bearer',
    'secret',
    'pat',
    'x',
    'my',
    'default',
    'max',
    'tokens',
    'type',
    'url',
  ];
  const word = fc
    .tuple(fc.constantFrom(...WORDS), fc.constantFrom('lower', 'upper', 'title'))
    .map(([w, style]) => (style === 'upper' ? w.toUpperCase() : style === 'title' ? w.charAt(0).toUpperCase() + w.slice(1) : w));
  const name = fc
    .array(fc.tuple(word, fc.constantFrom('', '', '_', '-', '.', ' ')), { minLength: 1, maxLength: 5 })
    .map((parts) => parts.map(([w, sep], i) => (i === 0 ? w : sep + w)).join(''));
  const listed = fc.constantFrom(...core.KERNEL_CREDENTIAL_NAMES, ...core.GENERIC_CREDENTIAL_NAMES, ...core.NOT_CREDENTIAL_NAMES);

  it('isCredentialName answers exactly as core createCredentialNameMatcher([]) does', () => {
    const coreNames = core.createCredentialNameMatcher([]);
    // Spellings where a suffix match and core's word split once disagreed.
    for (const n of [
      'KERNELpat',
      'KERNELtoken',
      'DEFAULT_KERNEL_TOKEN',
      'APIKernelToken',
      'KERNEL_TOKEN_PROD',
      'kernelTokenFile',
      'asimovApiKey',
    ])
      expect(redact.isCredentialName(n), n).toBe(coreNames.isCredentialName(n));
    fc.assert(
      fc.property(fc.oneof(name, listed, fc.string({ maxLength: 24 })), (n) => {
        expect(redact.isCredentialName(n), n).toBe(coreNames.isCredentialName(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('normaliseName is core normaliseName', () => {
    fc.assert(
      fc.property(fc.oneof(name, fc.string()), (n) => {
        expect(redact.normaliseName(n)).toBe(core.normaliseName(n));
      }),
    );
  });

  it('isAuthHeaderName answers exactly as the rule does', () => {
    const headerish = fc.oneof(
      fc.constantFrom(
        ...RULE_AUTH_HEADERS,
        'Authorization',
        'X-API-Key',
        'xApiKey',
        'x_auth_token',
        'content-type',
        'x-request-id',
        'cookie',
      ),
      name,
    );
    fc.assert(
      fc.property(headerish, (h) => {
        expect(redact.isAuthHeaderName(h), h).toBe(ruleIsAuthHeader(h));
      }),
    );
  });
});
