/**
 * Hostile and odd inputs against the engine: huge single lines, runs of one character,
 * deeply nested JSON, 100k short lines. A token placed inside is still found at the right
 * place, and the work is linear: the regex work (searches and characters covered, counted by
 * test/support/regex-work.ts, no clock) on an input four times larger is about four times
 * larger, and every pattern that ran is free of super-linear backtracking. Timings are the
 * bench's job (bench/engine.mjs).
 */
import { describe, expect, it } from 'vitest';
import { Scanner } from '@kernel-secrets/core';
import { randomToken } from './support/tokens.js';
import { countRegexWork, linearGrowth, superLinear } from './support/regex-work.js';

const scanner = new Scanner();

function minified(size: number, token: string): string {
  const unit = 'function a(b,c){return b.map(function(d){return d+c})}var e={x:1,y:[2,3],z:"str"};';
  const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const mid = body.length >> 1;
  return `${body.slice(0, mid)};var k={kernelToken:"${token}"};${body.slice(mid)}`;
}

function nestedJson(depth: number, token: string): string {
  return '{"a":'.repeat(depth) + `{"kernel_token":"${token}"}` + '}'.repeat(depth);
}

const MB = 1024 * 1024;

/** Each case at its full size (`n` = 1) and scaled down by `n` for the growth check. */
const CASES: { name: string; make: (token: string, n?: number) => string }[] = [
  { name: '10 MB single-line minified file', make: (t, n = 1) => minified((10 * MB) / n, t) },
  { name: '1 MB line of one repeated character', make: (t, n = 1) => `${'a'.repeat(MB / n)}\nKERNEL_TOKEN=${t}\n` },
  { name: '1 MB of one repeated token character glued to the token', make: (t, n = 1) => `KERNEL_TOKEN=${t} ${'='.repeat(MB / n)}` },
  { name: 'deeply nested JSON (50k levels)', make: (t, n = 1) => nestedJson(50_000 / n, t) },
  { name: 'a file of 100k short lines', make: (t, n = 1) => `${'x\n'.repeat(100_000 / n)}token = "${t}"\n${'y\n'.repeat(100)}` },
];

describe('hostile inputs', () => {
  it.each(CASES)('$name: token found', ({ make }) => {
    const token = randomToken();
    const text = make(token);
    const { findings } = scanner.scan(text);
    expect(findings.some((f) => text.slice(f.offset, f.endOffset) === token)).toBe(true);
  });

  it.each(CASES)('$name: linear regex work', ({ make }) => {
    const token = randomToken();
    // A tenth and four tenths of the full size: linear work grows 4×, quadratic 16×.
    const small = countRegexWork(() => scanner.scan(make(token, 40)));
    const large = countRegexWork(() => scanner.scan(make(token, 10)));
    expect(large.chars, 'the counter saw the scan').toBeGreaterThan(0);
    expect(linearGrowth(small, large, 4)).toBeUndefined();
    expect(superLinear(large.patterns)).toEqual([]);
  });

  it.each([
    { name: 'NUL bytes around the token', make: (t: string) => `\u0000\u0000KERNEL_TOKEN=${t}\u0000\n` },
    { name: 'a BOM at the start', make: (t: string) => `\uFEFFKERNEL_TOKEN=${t}\n` },
  ])('$name: token found', ({ make }) => {
    const token = randomToken();
    const text = make(token);
    expect(scanner.scan(text).findings.some((f) => text.slice(f.offset, f.endOffset) === token)).toBe(true);
  });

  it('reports the right line on CRLF and CR-only files', () => {
    const token = randomToken();
    for (const eol of ['\r\n', '\r', '\n']) {
      const text = ['a', 'b', `KERNEL_TOKEN=${token}`, 'c'].join(eol);
      expect(scanner.scan(text).findings.map((f) => [f.line, f.column])).toEqual([[3, 14]]);
    }
  });
});
