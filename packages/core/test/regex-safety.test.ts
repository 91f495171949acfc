/**
 * Every built-in pattern runs in linear time. Two checks: a static one (scslre, the analysis
 * behind eslint-plugin-regexp's no-super-linear-backtracking, finds no super-linear
 * quantifier), and a dynamic one: 1 MB pathological inputs (long runs of the characters a
 * pattern repeats, no match at the end) are scanned in time comparable to 1 MB of ordinary
 * text measured in the same test. The bound is a ratio, not a duration, and generous: a
 * quadratic pattern on 1 MB would be ~10⁵ times slower, not a few times.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_CANDIDATE } from '../src/engine/known.js';
import { SIBLING_NAME } from '../src/engine/binding.js';
import { Scanner, TEXT_DETECTORS, resolveConfig, type TextDetector } from '../src/index.js';
import { TEMPLATE_SHAPES } from '../src/catalogue/placeholders.js';
import { BENIGN_SHAPES } from '../src/catalogue/benign-shapes.js';
import { randomToken } from '../../../test/support/tokens.js';

const { analyse } = createRequire(import.meta.url)('scslre') as {
  analyse: (l: { source: string; flags: string }, o?: object) => { reports: unknown[] };
};

const MB = 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

/** Inputs built from what the patterns repeat: token characters, separators, keywords. */
const PATHOLOGICAL: Record<string, string> = {
  'one token char': fill('a'),
  'token chars after a keyword': `KERNEL_TOKEN=${fill('A')}`,
  'bearer then a run': `Authorization: Bearer ${fill('Ab1')}`,
  'repeated keyword': fill('kernel_token'),
  'repeated keyword and separator': fill('KERNEL_TOKEN= '),
  'repeated quote opener': fill('token="'),
  'repeated bearer': fill('bearer '),
  'JWT-like run without dots': `eyJ${fill('A')}`,
  'JWT-like dots': fill('eyJhbGciOi.'),
  spaces: fill(' '),
  'tabs after a name': `token${fill('\t')}`,
  newlines: fill('\n'),
  'query params': fill('?token=&'),
  'name: value lines': fill('- name: KERNEL_TOKEN\n'),
  kernelclient: fill('KernelClient('),
  equals: fill('='),
  'escaped quotes': fill('\\"'),
  'value fields': fill('"value": "'),
  'name fields': fill('name: KERNEL_TOKEN, '),
  flags: fill('--token '),
  'long runs after a name': `token = ${fill('Ab1-')}`,
};

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

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

  it('1 MB pathological inputs scan in time comparable to 1 MB of ordinary text', () => {
    const token = randomToken();
    const config = resolveConfig({ formats: [{ id: 'pat', prefix: 'kpat_', pattern: 'kpat_[A-Za-z0-9]{40}' }] });
    const scanner = new Scanner({ config, known: { values: [token], fingerprints: [] } });
    const ordinary = fill('const headers = { "Content-Type": "application/json" }; // fetch the constructs\nexport const x = 1;\n');
    scanner.scan(ordinary); // warm up
    const baseline = Math.max(
      5,
      Math.min(
        time(() => scanner.scan(ordinary)),
        time(() => scanner.scan(ordinary)),
      ),
    );
    const slow: string[] = [];
    for (const [name, input] of Object.entries(PATHOLOGICAL)) {
      const t = Math.min(
        time(() => scanner.scan(input)),
        time(() => scanner.scan(input)),
      );
      if (t > baseline * 30) slow.push(`${name}: ${t.toFixed(0)} ms vs ${baseline.toFixed(0)} ms baseline`);
    }
    expect(slow).toEqual([]);
  });

  it('still finds a token at the end of a pathological input', () => {
    const token = randomToken();
    const input = `${fill('token="')}\nKERNEL_TOKEN=${token}\n`;
    const { findings } = new Scanner().scan(input);
    expect(findings.some((f) => input.slice(f.offset, f.endOffset) === token)).toBe(true);
  });
});
