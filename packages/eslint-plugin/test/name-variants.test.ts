/**
 * The rule names credentials exactly as core's text scanner does (core `createCredentialNameMatcher`
 * answers from engine/names.ts): every variant of a Kernel name is a credential slot, in any
 * order, case style and with qualifiers; names of files, paths and URLs are not. Run with real
 * ESLint; tokens generated at run time.
 */
import { Scanner } from '@kernel-secrets/core';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { randomToken } from '../../../test/support/tokens.js';
import rule from '../src/rules/no-hardcoded-token.js';

const linter = new Linter({ configType: 'flat' });
const config = [
  { plugins: { 'kernel-secrets': { rules: { 'no-hardcoded-token': rule } } }, rules: { 'kernel-secrets/no-hardcoded-token': 'error' } },
];

function reportedColumns(code: string): number[] {
  return linter.verify(code, config as unknown as Linter.Config[], { filename: 'variants.js' }).map((m) => m.column);
}

const REPORTED = ['KERNEL_AUTH_TOKEN', 'KERNEL_TOKEN_PROD', 'PROD_KERNEL_TOKEN', 'ASIMOV_TOKEN', 'asimovApiKey', 'kernelPassword'];
const QUIET = ['KERNEL_TOKEN_FILE', 'kernelTokenPath', 'KERNEL_TOKEN_URL', 'kernelVersion', 'userToken'];

describe('no-hardcoded-token follows core name variants', () => {
  const scanner = new Scanner();
  it.each(REPORTED)('%s = literal is reported, as the CLI reports it', (name) => {
    const token = randomToken();
    const code = `const ${name} = "${token}";`;
    expect(reportedColumns(code)).toEqual([code.indexOf(token)]);
    expect(scanner.scan(code).findings.map((f) => f.column)).toEqual([code.indexOf(token) + 1]);
  });
  it.each(QUIET)('%s = literal is not a credential slot, as in the CLI', (name) => {
    const code = `const ${name} = "${randomToken()}";`;
    expect(reportedColumns(code)).toEqual([]);
    expect(scanner.scan(code).findings).toEqual([]);
  });
});
