/**
 * decodeBase64Blobs tells from a run's characters alone when it cannot decode to text, and then
 * decodes nothing. That shortcut must never drop a blob: its answer (the blobs, and the budget
 * it leaves) is held here to the plainest version, which decodes every run that mixes cases and
 * digits and counts the printable bytes. The texts are base64 of bytes whose share of
 * unprintable ones sits right around the 95% line, in both alphabets, padded or not, with a
 * character lost at the start (every alignment), next to runs that cannot be text at all.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { base64Runs, decodeBase64Blobs } from '../src/engine/base64-layers.js';
import { KeywordSet } from '../src/engine/keyword-set.js';

const KEYWORDS = ['token', 'kernel', 'secret'];

/** The oracle: the same runs and budget, every mixed run decoded and its bytes counted. */
function decodeEveryRun(text: string, budget: { bytes: number }, nested: boolean): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const [start, end] of base64Runs(text)) {
    if (budget.bytes <= 0) break;
    const run = text.slice(start, end);
    if (!/[0-9]/.test(run) || !/[a-z]/.test(run) || !/[A-Z]/.test(run)) continue;
    const decoded = Buffer.from(run, /[-_]/.test(run) ? 'base64url' : 'base64').toString('latin1');
    budget.bytes -= decoded.length;
    let printable = 0;
    for (const ch of decoded) {
      const c = ch.charCodeAt(0);
      if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
    }
    if (decoded.length < 16 || printable / decoded.length <= 0.95) continue;
    const lower = decoded.toLowerCase();
    if (!KEYWORDS.some((k) => lower.includes(k)) && !(nested && /[A-Za-z0-9+/_-]{32}/.test(decoded))) continue;
    out.push({ start, end, text: decoded });
  }
  return out;
}

const printable = fc.integer({ min: 32, max: 126 });
const unprintable = fc.oneof(fc.integer({ min: 0, max: 31 }), fc.integer({ min: 127, max: 255 }));
/** Bytes of a text with `bad` unprintable bytes at random places, maybe holding a keyword. */
const textBytes = fc
  .record({
    length: fc.integer({ min: 20, max: 400 }),
    share: fc.double({ min: 0, max: 0.12, noNaN: true }),
    keyword: fc.option(fc.constantFrom(...KEYWORDS, 'KERNEL_TOKEN=')),
    seed: fc.array(fc.tuple(printable, unprintable, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 400, maxLength: 400 }),
  })
  .map(({ length, share, keyword, seed }) => {
    const bytes = seed.slice(0, length).map(([p, u, roll]) => (roll < share ? u : p));
    if (keyword) bytes.splice(length >> 1, keyword.length, ...Buffer.from(keyword));
    return Buffer.from(bytes);
  });
/** How a run is written: alphabet, padding kept or not, 0-3 characters lost at its start. */
const encoded = fc
  .record({ bytes: textBytes, url: fc.boolean(), pad: fc.boolean(), lost: fc.integer({ min: 0, max: 3 }) })
  .map(({ bytes, url, pad, lost }) => {
    let s = bytes.toString(url ? 'base64url' : 'base64');
    if (!pad) s = s.replace(/=+$/, '');
    return s.slice(lost);
  });
const text = fc.array(fc.oneof(encoded, fc.constantFrom('Unexpected_token_0_1005_and_more_words', ' ', '\n', ': "', '"')), {
  minLength: 1,
  maxLength: 12,
});

describe('base64 blobs judged before decoding', () => {
  it('gives the blobs and the budget that decoding every run gives', () => {
    const set = new KeywordSet(KEYWORDS);
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 3000 }), fc.boolean(), (pieces, bytes, nested) => {
        const t = pieces.join(' ');
        const want = { bytes };
        const expected = decodeEveryRun(t, want, nested);
        for (const cover of [undefined, set.scan(t, 30).base64Cover]) {
          const got = { bytes };
          expect(decodeBase64Blobs(t, KEYWORDS, got, nested, cover)).toEqual(expected);
          expect(got.bytes).toBe(want.bytes);
        }
      }),
      { numRuns: 1000 },
    );
  });

  /** How many runs decodeBase64Blobs decodes for `text` (Buffer.from calls), and what it returns. */
  function decodes(text: string): { calls: number; blobs: number } {
    const spy = vi.spyOn(Buffer, 'from');
    try {
      const blobs = decodeBase64Blobs(text, KEYWORDS, { bytes: 1e6 }, false).length;
      return { calls: spy.mock.calls.length, blobs };
    } finally {
      spy.mockRestore();
    }
  }

  it.each([400, 401, 402])('decodes a run of %i bytes with as many unprintable ones as text allows, not one more', (length) => {
    // Text needs more than 95% printable: 19 of 400 may be unprintable, 20 of 401 and of 402.
    const most = length - (Math.floor(0.95 * length) + 1);
    const blob = (bad: number) => {
      const bytes = Buffer.alloc(length, 'a');
      bytes.write('KERNEL_TOKEN=', 100);
      for (let i = 0; i < bad; i++) bytes[3 * i] = 0x01; // the first byte of a group each
      return bytes.toString('base64');
    };
    expect(decodes(`data: ${blob(most)}`)).toEqual({ calls: 1, blobs: 1 });
    expect(decodes(`data: ${blob(most + 1)}`)).toEqual({ calls: 0, blobs: 0 });
  });

  it('decodes text whose groups start with tabs and line breaks', () => {
    // Every group's first byte is a tab, line feed or return: the values 2 and 3, not 8 and up.
    const env = Array.from({ length: 40 }, (_, i) => `${'\t\n\r'[i % 3]}k${i % 10}`).join('') + 'KERNEL_TOKEN=x';
    expect(decodes(`data: ${Buffer.from(env).toString('base64')}`)).toEqual({ calls: 1, blobs: 1 });
  });

  it('decodes no identifier or word run', () => {
    const names = Array.from({ length: 50 }, (_, i) => `"Unexpected_token_in_JSON_at_position_${1000 + i}": "x",`).join('\n');
    expect(decodes(names)).toEqual({ calls: 0, blobs: 0 });
  });
});
