/**
 * Every built-in pattern runs in linear time. Two checks: a static one (scslre, the analysis
 * behind eslint-plugin-regexp's no-super-linear-backtracking, finds no super-linear
 * quantifier), and a dynamic one on pathological inputs (long runs of the characters a pattern
 * repeats, no match at the end): the regex work of a scan (searches and characters covered,
 * counted by test/support/regex-work.ts, no clock) grows linearly from 256 KB to 1 MB, and
 * every pattern that ran, built-in or compiled from the config, is free of super-linear
 * backtracking. Timings are the bench's job.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_CANDIDATE } from '../src/engine/known.js';
import { SIBLING_NAME } from '../src/engine/binding.js';
import { Scanner, TEXT_DETECTORS, resolveConfig, type TextDetector } from '../src/index.js';
import { TEMPLATE_SHAPES } from '../src/catalogue/placeholders.js';
import { BENIGN_SHAPES } from '../src/catalogue/benign-shapes.js';
import { randomToken } from '../../../test/support/tokens.js';
import { countRegexWork, linearGrowth, superLinear } from '../../../test/support/regex-work.js';

const { analyse } = createRequire(import.meta.url)('scslre') as {
  analyse: (l: { source: string; flags: string }, o?: object) => { reports: unknown[] };
};

const MB = 1024 * 1024;
const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Inputs built from what the patterns repeat: token characters, separators, keywords. */
const PATHOLOGICAL: Record<string, (size: number) => string> = {
  'one token char': (n) => fill('a', n),
  'token chars after a keyword': (n) => `KERNEL_TOKEN=${fill('A', n)}`,
  'bearer then a run': (n) => `Authorization: Bearer ${fill('Ab1', n)}`,
  'repeated keyword': (n) => fill('kernel_token', n),
  'repeated keyword and separator': (n) => fill('KERNEL_TOKEN= ', n),
  'repeated quote opener': (n) => fill('token="', n),
  'repeated bearer': (n) => fill('bearer ', n),
  'JWT-like run without dots': (n) => `eyJ${fill('A', n)}`,
  'JWT-like dots': (n) => fill('eyJhbGciOi.', n),
  spaces: (n) => fill(' ', n),
  'tabs after a name': (n) => `token${fill('\t', n)}`,
  newlines: (n) => fill('\n', n),
  'query params': (n) => fill('?token=&', n),
  'name: value lines': (n) => fill('- name: KERNEL_TOKEN\n', n),
  kernelclient: (n) => fill('KernelClient(', n),
  equals: (n) => fill('=', n),
  'escaped quotes': (n) => fill('\\"', n),
  'value fields': (n) => fill('"value": "', n),
  'name fields': (n) => fill('name: KERNEL_TOKEN, ', n),
  flags: (n) => fill('--token ', n),
  'long runs after a name': (n) => `token = ${fill('Ab1-', n)}`,
};

describe('regex safety', () => {
  const patterns: [string, RegExp][] = [
    ...TEXT_DETECTORS.map((d: TextDetector) => [d.id, d.pattern] as [string, RegExp]),
    ['fingerprint-candidate', FINGERPRINT_CANDIDATE],
    ['binding-sibling-name', SIBLING_NAME],
    ...TEMPLATE_SHAPES.map((p, i) => [`template-shape-${i}`, p] as [string, RegExp]),
    ...BENIGN_SHAPES.map((s) => [`benign-${s.id}`, s.pattern] as [string, RegExp]),
  ];

  it.each(patterns)('%s has no super-linear quantifier (static analysis)', (_id, pattern) => {
    expect(analyse({ source: pattern.source, flags: pattern.flags }, { assumeRejectingSuffix: true }).reports).toEqual([]);
  });

  it('every built-in quantifier is bounded', () => {
    for (const d of TEXT_DETECTORS) {
      // Drop character classes and escapes; what is left must have no `*` or `+` quantifier.
      const outside = d.pattern.source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'C');
      expect(outside, d.id).not.toMatch(/[*+]/);
    }
  });

  it.each(Object.keys(PATHOLOGICAL))('%s: linear regex work, only linear patterns', (name) => {
    const token = randomToken();
    const config = resolveConfig({ formats: [{ id: 'pat', prefix: 'kpat_', pattern: 'kpat_[A-Za-z0-9]{40}' }] });
    const scanner = new Scanner({ config, known: { values: [token], fingerprints: [] } });
    const make = PATHOLOGICAL[name]!;
    const small = countRegexWork(() => scanner.scan(make(MB / 4)));
    const large = countRegexWork(() => scanner.scan(make(MB)));
    expect(large.chars, 'the counter saw the scan').toBeGreaterThan(0);
    expect(linearGrowth(small, large, 4)).toBeUndefined();
    expect(superLinear(large.patterns)).toEqual([]);
  });

  it('still finds a token at the end of a pathological input', () => {
    const token = randomToken();
    const input = `${fill('token="')}\nKERNEL_TOKEN=${token}\n`;
    const { findings } = new Scanner().scan(input);
    expect(findings.some((f) => input.slice(f.offset, f.endOffset) === token)).toBe(true);
  });
});
