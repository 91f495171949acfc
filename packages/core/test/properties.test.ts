/**
 * Property tests: for random tokens in every context the token is found; placeholders and
 * environment references never are; and no string the engine returns for printing contains
 * the raw token.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_VALUES, Scanner, type Finding } from '../src/index.js';
import { tokenArbitrary } from '../../../test/support/tokens.js';

/** Each context is a function of the token; the token must be found at exactly its position. */
const CONTEXTS: ((t: string) => string)[] = [
  (t) => `KERNEL_TOKEN=${t}`,
  (t) => `export KERNEL_API_TOKEN="${t}"`,
  (t) => `kernel_token: '${t}'`,
  (t) => `{"kernelApiKey": "${t}"}`,
  (t) => `ENV KERNEL_TOKEN ${t}`,
  (t) => `client = KernelClient(token="${t}")`,
  (t) => `new KernelClient({ token: '${t}' })`,
  (t) => `const access_token = "${t}";`,
  (t) => `api_token = '${t}'`,
  (t) => `https://kernel.asimov.com/api/v1/constructs?token=${t}`,
  (t) => `[kernel]\ntoken = ${t}`,
  (t) => `curl -H "Authorization: Bearer ${t}" https://kernel.asimov.com`,
  (t) => `{ "Authorization": "Bearer ${t}" }`,
  (t) => `"    \\"KERNEL_TOKEN\\": \\"${t}\\"\\n",`,
];

/** Surrounding noise that must not change the verdict (each ends or starts at a boundary). */
const before = fc.constantFrom('', '\n', 'x = 1\n', '# config\n', '  ', '\r\n');
const after = fc.constantFrom('', '\n', '\nx = 1\n', ' # config\n', '  ', '\r\n');

function printable(f: Finding): string {
  return [f.message, f.remediation, f.preview, f.rule, f.detector, f.fingerprint].join('\n');
}

describe('properties', () => {
  it('a random token in each context is found at its position', () => {
    fc.assert(
      fc.property(tokenArbitrary, fc.integer({ min: 0, max: CONTEXTS.length - 1 }), before, after, (token, i, pre, post) => {
        const body = CONTEXTS[i]!(token);
        const text = pre + body + post;
        const at = text.indexOf(token);
        const { findings } = new Scanner().scan(text);
        expect(findings.map((f) => [f.offset, f.endOffset])).toEqual([[at, at + token.length]]);
      }),
      { numRuns: 400 },
    );
  });

  it('placeholders and environment references in those contexts are never reported', () => {
    const references = [
      '$KERNEL_TOKEN',
      '${KERNEL_TOKEN}',
      '${{ secrets.KERNEL_TOKEN }}',
      'process.env.KERNEL_TOKEN',
      '<token>',
      '{{ token }}',
      '%KERNEL_TOKEN%',
      'YOUR_TOKEN',
      'your_token_here',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...references, ...PLACEHOLDER_VALUES), fc.integer({ min: 0, max: CONTEXTS.length - 1 }), (value, i) => {
        expect(new Scanner().scan(CONTEXTS[i]!(value)).findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('nothing the engine returns for printing contains the raw token', () => {
    const scanner = new Scanner();
    fc.assert(
      fc.property(tokenArbitrary, fc.integer({ min: 0, max: CONTEXTS.length - 1 }), (token, i) => {
        const { findings } = scanner.scan(CONTEXTS[i]!(token), { path: 'src/app.ts' });
        expect(findings.length).toBeGreaterThan(0);
        for (const f of findings) {
          const text = printable(f);
          expect(text.includes(token)).toBe(false);
          // Not even a long piece of it: at most the first four characters are shown.
          expect(text.includes(token.slice(4, 16))).toBe(false);
          expect(JSON.stringify(f).includes(token)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
