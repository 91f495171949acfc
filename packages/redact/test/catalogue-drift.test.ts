/**
 * The redact package has no dependencies, yet names credentials exactly as core does: its build
 * inlines core's `names` entry. These tests check that its names ARE core's (not copies), that
 * redact() masks every name core's matcher accepts, and that its auth header list (the rule's,
 * a copy) matches the rule's catalogue: change a list there and this fails until redact follows.
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

  it("credential names and the matcher are core's own objects, not copies (the bundle inlines them)", () => {
    expect(redact.KERNEL_CREDENTIAL_NAMES).toBe(core.KERNEL_CREDENTIAL_NAMES);
    expect(redact.GENERIC_CREDENTIAL_NAMES).toBe(core.GENERIC_CREDENTIAL_NAMES);
    expect(redact.NOT_CREDENTIAL_NAMES).toBe(core.NOT_CREDENTIAL_NAMES);
    expect(redact.normaliseName).toBe(core.normaliseName);
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

  it('isCredentialName answers as core createCredentialNameMatcher([]) does, and redact() masks what it names', () => {
    const coreNames = core.createCredentialNameMatcher([]);
    // Name variants core's word split decides (qualifiers, Asimov names, acronyms, `_FILE`).
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
        // The matcher is core's; what this checks is that redact() acts on its answer for every name.
        const masked = (redact.redact({ [n]: 'value-under-test' }) as Record<string, unknown>)[n];
        if (coreNames.isCredentialName(n)) expect(masked, n).toBe(redact.REDACTED);
      }),
      { numRuns: 2000 },
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
