/**
 * Base64 runs have two finders: the skip-ahead loop in JavaScript (short texts, and wherever
 * WebAssembly cannot run) and the keyword module's `runs` pass over the bytes it already holds
 * (long texts). A run the module missed would leave an encoded credential file unopened, so both
 * must give exactly the runs an obvious loop over the string gives: across chunk edges (a run
 * open at the end of one chunk goes on in the next), next to `=` padding and glue, and around
 * characters above 0xFF whose low byte reads as a base64 character.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Runs, BASE64_RUN_KEEP } from '../src/engine/base64-layers.js';
import { KeywordSet, WASM_MIN_TEXT } from '../src/engine/keyword-set.js';
import { chunks, WasmKeywordMatcher } from '../src/engine/wasm-keywords.js';
import { Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-';
const isB64 = (c: string) => B64.includes(c) && c !== '';

/** The oracle: every maximal run, then the same padding, length and glue rules, by the plainest loop. */
function obviousRuns(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < text.length;) {
    if (!isB64(text[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isB64(text[end]!)) end++;
    let padded = end;
    while (padded < text.length && padded - end < 2 && text[padded] === '=') padded++;
    const glued = padded < text.length && '.~='.includes(text[padded]!);
    if (padded - i >= 32 && padded - i <= 1024 * 1024 && !glued) out.push([i, padded]);
    i = end;
  }
  return out;
}

const set = new KeywordSet(['token', 'kernel', 'secret']);

/** Both finders' answers on `text` (the module's only when the text is long enough to take it). */
function bothFinders(text: string): { js: [number, number][]; module: [number, number][] | undefined } {
  const cover = set.scan(text, BASE64_RUN_KEEP).base64Cover;
  return { js: base64Runs(text), module: cover && base64Runs(text, cover) };
}

function expectObvious(text: string): void {
  const want = obviousRuns(text);
  const { js, module } = bothFinders(text);
  expect(js).toEqual(want);
  if (text.length >= WASM_MIN_TEXT) expect(module).toEqual(want);
}

// Characters above 0xFF whose low byte is a base64 character (Ł → A, ī → +, į → /, ş → _, ŭ → m) or not.
const TRAPS = ['\u0141', '\u012b', '\u012f', '\u015f', '\u016d', '\u012d', '😀', 'é', '\u00ff', '\u0000'];

const piece = fc.oneof(
  fc.integer({ min: 1, max: 120 }).chain((n) => fc.array(fc.constantFrom(...B64), { minLength: n, maxLength: n }).map((cs) => cs.join(''))),
  fc.constantFrom(' ', '.', '=', '==', '===', '~', '\n', ':', '"', ...TRAPS),
  fc.integer({ min: 28, max: 34 }).map((n) => 'Q'.repeat(n)), // right around the lengths that count
  fc.nat(5000).map((n) => ' '.repeat(n)),
);

describe('base64 runs', () => {
  it('the module pass runs here, so long texts really take it', () => {
    expect(WasmKeywordMatcher.create(['token'])).toBeDefined();
    expect(set.scan(`${' '.repeat(WASM_MIN_TEXT)}${'A1b2'.repeat(10)}`, BASE64_RUN_KEEP).base64Cover).toEqual([
      WASM_MIN_TEXT,
      WASM_MIN_TEXT + 40,
    ]);
    expect(set.scan('short', BASE64_RUN_KEEP).base64Cover).toBeUndefined();
  });

  it('both finders give the obvious runs on random texts (padding, glue, characters above 0xFF)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 80 }), (pieces) => {
        expectObvious(pieces.join(''));
        expectObvious(`${' '.repeat(WASM_MIN_TEXT)}${pieces.join('')}`);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a run across each chunk edge, at every position across it', () => {
    const edges = [...chunks(200_000)].slice(0, 5).map(([, end]) => end);
    for (const edge of edges) {
      for (const length of [30, 31, 32, 47, 100]) {
        for (let back = 0; back <= length; back += 1) {
          const run = 'aB3+'.repeat(30).slice(0, length);
          const text = `${' '.repeat(edge - back)}${run}${back % 3 === 0 ? '==' : ' '}${' '.repeat(40)}`;
          expectObvious(text);
        }
      }
    }
  });

  it('finds runs longer than a chunk, and a text that is one run', () => {
    const long = 'Zm9vYmFy'.repeat(30_000); // 240,000 characters, several chunks
    expectObvious(`${' '.repeat(600)}${long} x`);
    expectObvious(long);
    expect(bothFinders(long).module).toEqual([[0, long.length]]);
  });

  it('a character above 0xFF whose low byte reads as base64 ends a run (the module joins the bytes; the string decides)', () => {
    const half = 'Ab1'.repeat(12); // 36 characters
    const text = `${' '.repeat(WASM_MIN_TEXT)}${half}\u0141${half}`;
    const cover = set.scan(text, BASE64_RUN_KEEP).base64Cover!;
    expect(cover).toEqual([WASM_MIN_TEXT, WASM_MIN_TEXT + 73]); // one span of bytes
    expect(base64Runs(text, cover)).toEqual([
      [WASM_MIN_TEXT, WASM_MIN_TEXT + 36],
      [WASM_MIN_TEXT + 37, WASM_MIN_TEXT + 73],
    ]);
  });

  it('a pass that stops at a keyword marks its runs incomplete (they would not cover the text)', () => {
    const text = `${' '.repeat(WASM_MIN_TEXT)}token ${'QUJD'.repeat(20)}`;
    const matcher = WasmKeywordMatcher.create(['token'])!;
    const stopped = { keep: BASE64_RUN_KEEP, spans: [] as number[], complete: true };
    matcher.forEach(text, () => true, stopped);
    expect(stopped.complete).toBe(false);
    const whole = { keep: BASE64_RUN_KEEP, spans: [] as number[], complete: true };
    matcher.forEach(text, () => undefined, whole);
    expect(whole).toEqual({ keep: BASE64_RUN_KEEP, spans: [WASM_MIN_TEXT + 6, WASM_MIN_TEXT + 86], complete: true });
    // Runs inside one 16-byte block are not looked for: a shorter `keep` is refused.
    expect(() => matcher.forEach(text, () => undefined, { keep: 16, spans: [], complete: true })).toThrow(RangeError);
  });

  it('lets the scanner open a blob in a long file, across a chunk edge, as in a short one', () => {
    const token = randomToken();
    const blob = Buffer.from(`KERNEL_TOKEN=${token}\n`).toString('base64');
    const scanner = new Scanner();
    const short = scanner.scan(`data: ${blob}\n`).findings.map((f) => f.fingerprint);
    expect(short.length).toBe(1);
    const [, edge] = [...chunks(100_000)][2]!;
    const long = `${'// filler line\n'.repeat(Math.ceil(edge / 15))}`.slice(0, edge - 20) + `data: ${blob}\n`;
    expect(scanner.scan(long).findings.map((f) => f.fingerprint)).toEqual(short);
  });
});
