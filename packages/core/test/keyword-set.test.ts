/**
 * The keyword pass has two implementations: the regex alternation (short texts, and wherever
 * WebAssembly cannot run) and the WebAssembly module (long texts). A keyword the module missed
 * would switch detectors off for a file, so its answer must be the regex's exactly: the same
 * keywords present and the same offsets, on texts built to break it (any case, overlapping and
 * nested keywords, chunk edges, more matches than one call returns, characters above 0xFF whose
 * low byte is an ASCII letter).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordSet, WASM_MIN_TEXT } from '../src/engine/keyword-set.js';
import { WasmKeywordMatcher, chunks } from '../src/engine/wasm-keywords.js';
import { BINDING_KEYWORDS } from '../src/catalogue/binding-rules.js';
import { Scanner, TEXT_DETECTORS } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

/** The first edges between the chunks the matcher copies into the module (wasm-keywords.ts). */
const EDGES = [...chunks(300_000)].slice(0, 6).map(([, end]) => end);

/** The keywords the engine's scanner prefilters on: the detectors' and the binding detector's. */
const ENGINE_KEYWORDS = [...new Set([...TEXT_DETECTORS.flatMap((d) => d.keywords), ...BINDING_KEYWORDS])];

/** Keywords in random case, with characters that read as ASCII letters once their high byte is dropped. */
function randomCase(word: string, flips: number[]): string {
  return [...word].map((c, i) => (flips[i % flips.length]! % 3 === 0 ? c.toUpperCase() : c)).join('');
}
const TRAPS = ['\u0154', '\u016f', '\u0174', '\u0165', '\u016b', '\u0145', 'é', 'ſ', 'K', '😀', '\u0000', '\ud800'];

function piece(keywords: readonly string[]) {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keywords), fc.array(fc.nat(5), { minLength: 1, maxLength: 4 })).map(([k, flips]) => randomCase(k, flips)),
    // A keyword with one character swapped for a trap or cut short: near misses.
    fc
      .tuple(fc.constantFrom(...keywords), fc.nat(), fc.constantFrom(...TRAPS))
      .map(([k, i, t]) => k.slice(0, i % k.length) + t + k.slice((i % k.length) + 1)),
    fc.constantFrom(...keywords).map((k) => k.slice(0, -1)),
    fc.constantFrom(...TRAPS),
    fc.stringMatching(/^[A-Za-z0-9_.\- =:"'\n]{1,40}$/),
    fc.nat(3000).map((n) => 'x'.repeat(n)),
  );
}

function expectSameAsRegex(set: KeywordSet, text: string): void {
  const regex = set.scanWithRegex(text);
  const wasm = set.scan(text);
  expect([...wasm.present].sort()).toEqual([...regex.present].sort());
  expect(wasm.positions).toEqual(regex.positions);
  expect(set.anyIn(text)).toBe(regex.present.size > 0);
}

describe('the WebAssembly keyword pass', () => {
  it('compiles and runs here, so long texts really take it (a broken module would fall back in silence)', () => {
    expect(WasmKeywordMatcher.create(['token', 'kernel'])).toBeDefined();
    const set = new KeywordSet(ENGINE_KEYWORDS, ['token']);
    const long = `${'x'.repeat(WASM_MIN_TEXT)} Token`;
    expect(set.scan(long)).toEqual({ present: new Set(['token']), positions: [WASM_MIN_TEXT + 1] });
  });

  it('gives the regex answer on random texts, for the engine keywords', () => {
    const set = new KeywordSet(ENGINE_KEYWORDS, ['kernel', 'token', 'bearer', 'secret']);
    fc.assert(
      fc.property(fc.array(piece(ENGINE_KEYWORDS), { minLength: 1, maxLength: 120 }), (pieces) => {
        expectSameAsRegex(set, `${' '.repeat(WASM_MIN_TEXT)}${pieces.join('')}`);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the regex answer for random keyword sets (shared prefixes, keywords inside keywords)', () => {
    const keyword = fc.stringMatching(/^[a-z0-9_.-]{2,12}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(keyword, { minLength: 1, maxLength: 12 }).chain((ks) => {
          // Prefixes and extensions of the drawn keywords, so groups share first characters.
          const related = [...ks, ...ks.map((k) => k.slice(0, Math.max(2, k.length - 2))), ...ks.map((k) => `${k}s`)];
          return fc.tuple(fc.constant([...new Set(related)]), fc.array(piece(related), { minLength: 1, maxLength: 80 }));
        }),
        ([keywords, pieces]) => {
          expectSameAsRegex(new KeywordSet(keywords, keywords.slice(0, 3)), `${'-'.repeat(WASM_MIN_TEXT)}${pieces.join('')}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds keywords that straddle a chunk edge, in every position across it (growing chunks)', () => {
    const set = new KeywordSet(ENGINE_KEYWORDS, ENGINE_KEYWORDS);
    for (const k of ['authorization', 'token', 'eyj']) {
      for (let back = 0; back <= k.length; back++) {
        for (const edge of EDGES) {
          const at = edge - back;
          const text = `${'a'.repeat(at)}${k.toUpperCase()}${'a'.repeat(100)}`;
          expect(set.scan(text).positions, `${k} at ${edge} - ${back}`).toEqual([at]);
          expectSameAsRegex(set, text);
        }
      }
    }
  });

  it('feeds a text in chunks that cover it once, growing from 4 KiB to 64 KiB', () => {
    const list = [...chunks(300_000)];
    expect(list[0]).toEqual([0, 4096]);
    for (let i = 1; i < list.length; i++) expect(list[i]![0]).toBe(list[i - 1]![1]);
    expect(list.at(-1)![1]).toBe(300_000);
    expect(Math.max(...list.map(([s, e]) => e - s))).toBe(64 * 1024);
  });

  it('returns every match when one chunk holds more than one call reports (4,096)', () => {
    const set = new KeywordSet(ENGINE_KEYWORDS, ['token']);
    const text = 'token;'.repeat(10_000);
    expect(set.scan(text).positions).toHaveLength(10_000);
    expectSameAsRegex(set, text);
  });

  it('does not report a keyword spelled with characters above 0xFF (their low byte is a letter)', () => {
    const set = new KeywordSet(ENGINE_KEYWORDS, ['token']);
    // U+0154 and U+0174 read as `T` and `t` when only the low byte is kept.
    const text = `${' '.repeat(WASM_MIN_TEXT)}\u0154oken \u0174OKEN tokeN`;
    expect(set.scan(text).positions).toEqual([WASM_MIN_TEXT + 12]);
  });

  it('keeps the regex for keywords the module cannot hold', () => {
    expect(WasmKeywordMatcher.create(['k'])).toBeUndefined();
    expect(WasmKeywordMatcher.create(['clé'])).toBeUndefined();
    const set = new KeywordSet(['clé', 'k'], ['k']);
    expect(set.scan(`${' '.repeat(WASM_MIN_TEXT)}CLÉ K`)).toEqual({ present: new Set(['clé', 'k']), positions: [WASM_MIN_TEXT + 4] });
  });

  it('lets the scanner find a token in a long file as in a short one', () => {
    const scanner = new Scanner();
    const filler = 'const framework = keyArray.map((x) => x);\n'.repeat(200);
    const line = `KERNEL_TOKEN=${randomToken()}\n`;
    const detectors = (text: string) => scanner.scan(text).findings.map((f) => f.detector);
    expect(detectors(line)).toHaveLength(1);
    expect(detectors(`${filler}${line}${filler}`)).toEqual(detectors(line));
  });
});
