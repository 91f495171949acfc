/** The `known` detector: the user's own token, in any context and encoding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, MAX_TOKEN_LENGTH, Scanner, TOKEN_CHAR } from '../src/index.js';
import { TOKEN_CHARS } from '../src/engine/char-runs.js';
import { FINGERPRINT_CANDIDATE, fingerprintRuns } from '../src/engine/known.js';
import { randomToken } from '../../../test/support/tokens.js';

describe('known tokens', () => {
  const token = `${randomToken(30)}/+${randomToken(10)}`; // '/' and '+' make every encoding differ
  const scanner = new Scanner({ known: { values: [token], fingerprints: [] } });

  const encodings: [string, string][] = [
    ['raw in prose', `my token is ${token} ok`],
    ['base64 blob', Buffer.from(`Authorization: Bearer ${token}\n`).toString('base64')],
    ['base64 at offset 1', Buffer.from(`x${token}`).toString('base64')],
    ['base64 at offset 2', Buffer.from(`xy${token}`).toString('base64')],
    ['base64url', Buffer.from(`{"t":"${token}"}`).toString('base64url')],
    ['percent-encoded', `https://x.test/?q=${encodeURIComponent(token)}`],
    ['JSON-escaped', JSON.stringify({ a: token }).replace(/\//g, '\\/')],
  ];

  it.each(encodings)('finds it %s', (_name, text) => {
    const { findings } = scanner.scan(`data: ${text}\n`);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.detector === 'known')).toBe(true);
    expect(findings[0]!.fingerprint).toBe(fingerprint(token));
  });

  it('is found under any name, with no keyword and no entropy filter', () => {
    const { findings } = scanner.scan(`const colour = "${token}";`);
    expect(findings.map((f) => f.detector)).toEqual(['known']);
  });

  it('matches by fingerprint alone, without knowing the value', () => {
    const other = randomToken(36);
    const byPrint = new Scanner({ known: { values: [], fingerprints: [fingerprint(other)] } });
    expect(byPrint.scan(`x ${other} y`).findings.map((f) => f.rule)).toEqual(['known/fingerprint']);
    expect(byPrint.scan(`token=${other}&a=1`).findings.map((f) => f.rule)).toEqual(['known/fingerprint']);
    expect(byPrint.scan(`x ${randomToken(36)} y`).findings).toEqual([]);
  });

  it('ignores known values too short to be tokens', () => {
    const s = new Scanner({ known: { values: ['abc'], fingerprints: [] } });
    expect(s.scan('abc abc abc').findings).toEqual([]);
  });

  it('checkValue flags the known token under an unrelated name', () => {
    expect(scanner.checkValue(token, 'plain')?.detector).toBe('known');
  });
});

describe('checkValue contexts', () => {
  const token = randomToken();
  const scanner = new Scanner();

  it('maps each context to the detector the text scanner would report', () => {
    expect(scanner.checkValue(token, 'credential')).toMatchObject({ detector: 'context', rule: 'credential-value' });
    expect(scanner.checkValue(token, 'authorization-header')).toMatchObject({ detector: 'authorization-header', rule: 'bearer' });
    expect(scanner.checkValue(token, 'kernel-client')).toMatchObject({ detector: 'context', rule: 'kernel-client' });
    expect(scanner.checkValue(token, 'plain')).toBeUndefined();
    expect(scanner.checkValue('YOUR_TOKEN', 'authorization-header')).toBeUndefined();
  });

  it('says when a known token was found in an encoded form', () => {
    const live = new Scanner({ known: { values: [token], fingerprints: [] } });
    expect(live.checkValue(token, 'plain')?.encoded).toBe(false);
    expect(live.checkValue(Buffer.from(token).toString('base64'), 'plain')?.encoded).toBe(true);
  });
});

describe('fingerprintRuns (the prefilter and the fingerprint check walk token runs without a regex)', () => {
  // Text made of token characters, separators and non-ASCII, in runs of every length around the
  // bounds (minLength, MIN_KNOWN_TOKEN_LENGTH, MAX_TOKEN_LENGTH).
  const piece = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'aZ09_-.~+/='), minLength: 0, maxLength: 30 }),
    fc.constantFrom(' ', '\n', '"', ':', 'é', '€', '\0', 'x'.repeat(MAX_TOKEN_LENGTH + 3), 'y'.repeat(MAX_TOKEN_LENGTH)),
  );
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

  it('finds exactly the runs FINGERPRINT_CANDIDATE matches that are long enough, cut at MAX_TOKEN_LENGTH like it', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (t, minLength) => {
        const byRegex = [...t.matchAll(new RegExp(FINGERPRINT_CANDIDATE.source, 'g'))]
          .filter((m) => m[0].length >= minLength)
          .map((m) => [m.index, m.index + m[0].length]);
        expect(fingerprintRuns(t, minLength)).toEqual(byRegex);
      }),
      { numRuns: 2000 },
    );
  });

  it('TOKEN_CHARS is the catalogue TOKEN_CHAR class', () => {
    for (let c = 0; c < 256; c++) {
      const ch = String.fromCharCode(c);
      expect(TOKEN_CHARS.at(ch, 0), `char ${c}`).toBe(new RegExp(`^${TOKEN_CHAR}$`).test(ch));
    }
  });
});
