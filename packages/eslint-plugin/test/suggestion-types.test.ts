/**
 * no-hardcoded-token's suggestions still type-check under `strict`: each snippet is linted,
 * its one suggestion applied, and the result compiled by TypeScript with `strict: true`
 * (process.env declared as Node types it, `string | undefined`). A suggestion that put
 * `string | undefined` into a `string` slot would fail here.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { randomToken } from '../../../test/support/tokens.js';
import rule from '../src/rules/no-hardcoded-token.js';

const T = randomToken();
const PRELUDE =
  'declare const process: { env: Record<string, string | undefined> };\ndeclare class KernelClient { constructor(o: { token: string }); }\n';

const SNIPPETS: Record<string, string> = {
  'typed constant': `const apiKey: string = "${T}";`,
  'typed class field': `class A { private token: string = "${T}"; }`,
  'typed parameter default': `export function connect(apiKey: string = "${T}"): string { return apiKey; }`,
  'bearer template': `const headers: Record<string, string> = { Authorization: "Bearer ${T}" };`,
  'env fallback': `const token: string | undefined = process.env.KERNEL_TOKEN ?? "${T}";`,
};

function strictErrors(code: string): string[] {
  const file = 'snippet.ts';
  const host = ts.createCompilerHost({ strict: true, noEmit: true, lib: ['lib.es2022.d.ts'], types: [] });
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(file, PRELUDE + code, version) : read(name, version));
  const program = ts.createProgram([file], { strict: true, noEmit: true, lib: ['lib.es2022.d.ts'], types: [] }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('no-hardcoded-token suggestions under strict TypeScript', () => {
  it.each(Object.entries(SNIPPETS))('%s', (_name, code) => {
    expect(strictErrors(code), 'the snippet itself compiles').toEqual([]);
    const linter = new Linter({ configType: 'flat' });
    const [message, ...others] = linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { ks: { rules: { r: rule as unknown as Rule.RuleModule } } },
          languageOptions: { parser: tsParser },
          rules: { 'ks/r': 'error' },
        },
      ],
      'snippet.ts',
    );
    expect(others).toEqual([]);
    const suggestion = message?.suggestions?.[0];
    expect(suggestion, 'one suggestion').toBeDefined();
    const { range, text } = suggestion!.fix;
    const fixed = code.slice(0, range[0]) + text + code.slice(range[1]);
    expect(fixed).not.toContain(T);
    expect(strictErrors(fixed), fixed).toEqual([]);
  });
});
