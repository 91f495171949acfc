/**
 * Hostile and odd inputs against the engine: huge single lines, runs of one character,
 * deeply nested JSON, 100k short lines. Each is scanned in the same time order as ordinary
 * text of the same size (a ratio measured in the same test, not a duration), and a token
 * placed inside is still found at the right place.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Scanner } from '@kernel-secrets/core';
import { randomToken } from './support/tokens.js';

const scanner = new Scanner();

function fastest(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Ordinary source text of `size` characters, the yardstick for each case. */
function ordinary(size: number): string {
  const unit = 'import { fetchConstructs } from "./api";\nconst headers = { "Content-Type": "application/json" };\n';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

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

const CASES: { name: string; make: (token: string) => string }[] = [
  { name: '10 MB single-line minified file', make: (t) => minified(10 * MB, t) },
  { name: '1 MB line of one repeated character', make: (t) => `${'a'.repeat(MB)}\nKERNEL_TOKEN=${t}\n` },
  { name: '1 MB of one repeated token character glued to the token', make: (t) => `KERNEL_TOKEN=${t} ${'='.repeat(MB)}` },
  { name: 'deeply nested JSON (50k levels)', make: (t) => nestedJson(50_000, t) },
  { name: 'a file of 100k short lines', make: (t) => `${'x\n'.repeat(100_000)}token = "${t}"\n${'y\n'.repeat(100)}` },
  { name: 'NUL bytes around the token', make: (t) => `\u0000\u0000KERNEL_TOKEN=${t}\u0000\n` },
  { name: 'a BOM at the start', make: (t) => `\uFEFFKERNEL_TOKEN=${t}\n` },
];

describe('hostile inputs', () => {
  it.each(CASES)('$name: token found, linear time', ({ make }) => {
    const token = randomToken();
    const text = make(token);
    const { findings } = scanner.scan(text);
    expect(findings.some((f) => text.slice(f.offset, f.endOffset) === token)).toBe(true);

    const yardstick = ordinary(text.length);
    const base = Math.max(
      2,
      fastest(() => scanner.scan(yardstick)),
    );
    const took = fastest(() => scanner.scan(text));
    // Same time order: a super-linear pattern on megabytes would be orders of magnitude off.
    expect(took / base).toBeLessThan(20);
  });

  it('reports the right line on CRLF and CR-only files', () => {
    const token = randomToken();
    for (const eol of ['\r\n', '\r', '\n']) {
      const text = ['a', 'b', `KERNEL_TOKEN=${token}`, 'c'].join(eol);
      expect(scanner.scan(text).findings.map((f) => [f.line, f.column])).toEqual([[3, 14]]);
    }
  });
});
