/** Whole-name credential matching, as the ESLint rules use it. */
import { describe, expect, it } from 'vitest';
import { createCredentialNameMatcher, NOT_CREDENTIAL_NAMES } from '../src/index.js';

describe('createCredentialNameMatcher', () => {
  const names = createCredentialNameMatcher(['ASIMOV_PAT']);

  it.each([
    'token',
    'apiKey',
    'Authorization',
    'access_token',
    'KERNEL_TOKEN',
    'kernelToken',
    'DEFAULT_KERNEL_TOKEN',
    'myKernelApiKey',
    'legacyAsimovPat',
    'x-api-key',
  ])('%s is a credential name', (name) => expect(names.isCredentialName(name)).toBe(true));

  it.each([
    'tokenizer',
    'max_tokens',
    'userToken',
    'csrfTokenHeaderName',
    'kernelTokenPath',
    'mykerneltoken',
    'tokenCount',
    ...NOT_CREDENTIAL_NAMES,
  ])('%s is not', (name) => expect(names.isCredentialName(name)).toBe(false));
});
