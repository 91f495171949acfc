/** Bytes → text for odd encodings, and the only forms a secret may be printed in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, fingerprint, maskSpan, preview, Scanner } from '../src/index.js';
import { printableRuns, utf16Runs } from '../src/text/decode.js';
import { randomToken } from '../../../test/support/tokens.js';

const scanner = new Scanner();

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('decodeBytes', () => {
  const token = randomToken();
  const line = `KERNEL_TOKEN=${token}\n`;

  it.each([
    ['UTF-8', Buffer.from(line), 'utf8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]), 'utf8'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]), 'utf16le'],
    ['UTF-16 LE without BOM', Buffer.from(line, 'utf16le'), 'utf16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(line)]), 'utf16be'],
    ['UTF-16 BE without BOM', utf16be(line), 'utf16be'],
    [
      'binary with an embedded token',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), Buffer.from(line), Buffer.from([0, 0xff, 0])]),
      'binary',
    ],
    ['invalid UTF-8 around it', Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from(`\n${line}`)]), 'utf8'],
  ])('%s: token still found', (_name, bytes, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    const { findings } = scanner.scan(decoded.text);
    expect(findings.map((f) => decoded.text.slice(f.offset, f.endOffset))).toEqual([token]);
  });
});

describe('printableRuns (a binary file as its printable runs, like `strings -n 8`)', () => {
  it('is every run of 8+ printable ASCII characters or tabs, in order, one per line, from any view of the bytes', () => {
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x09), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), fc.nat(4), (bytes, offset) => {
        const backing = new Uint8Array(bytes.length + offset + 2).fill(0x41);
        backing.set(bytes, offset);
        const view = backing.subarray(offset, offset + bytes.length);
        const expected = Buffer.from(bytes)
          .toString('latin1')
          .split(/[^\x20-\x7e\t]/)
          .filter((run) => run.length >= 8)
          .join('\n');
        expect(printableRuns(view)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The plain reading utf16Runs must agree with: every byte tried as a run's start, left to right. */
function everyUtf16Run(bytes: number[]): string {
  const unit = (i: number) => i + 1 < bytes.length && bytes[i + 1] === 0 && ((bytes[i]! >= 0x20 && bytes[i]! < 0x7f) || bytes[i] === 9);
  const runs: string[] = [];
  for (let i = 0; i < bytes.length;) {
    let end = i;
    while (unit(end)) end += 2;
    if (end - i >= 16) runs.push(Buffer.from(bytes.slice(i, end)).toString('utf16le'));
    i = end > i ? end : i + 1;
  }
  return runs.join('\n');
}

describe('utf16Runs (the UTF-16 LE strings of a binary file, like `strings -el -n 8`)', () => {
  it('is every run of 8+ printable ASCII characters each followed by a zero byte, in order, from any view of the bytes', () => {
    const unit = fc.oneof(
      fc.tuple(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0)),
      fc.tuple(fc.constant(0x09), fc.constant(0)),
      // A control character or a byte above 0x7E in UTF-16 LE: it ends a run.
      fc.tuple(fc.integer({ min: 0, max: 255 }), fc.constant(0)),
      fc.tuple(fc.integer({ min: 0, max: 255 })),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 200 }), fc.nat(4), (units, offset) => {
        const bytes = units.flat();
        const backing = new Uint8Array(bytes.length + offset + 2).fill(0x41);
        backing.set(bytes, offset);
        const view = backing.subarray(offset, offset + bytes.length);
        expect(utf16Runs(view)).toBe(everyUtf16Run(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('a token in a UTF-16 string of a binary (a .NET literal, a Windows resource) is found, once', () => {
    const token = randomToken();
    const junk = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 0xff, 0xff, 0, 0]);
    const bytes = Buffer.concat([junk, Buffer.from(`Authorization: Bearer ${token}`, 'utf16le'), junk, Buffer.from('x'.repeat(600))]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('binary');
    const { findings } = scanner.scan(decoded.text);
    expect(findings.map((f) => decoded.text.slice(f.offset, f.endOffset) === token)).toEqual([true]);
    // Without the UTF-16 runs there is nothing to find: the one-byte runs hold no character of it.
    expect(printableRuns(bytes).includes(token.slice(0, 8))).toBe(false);
  });
});

describe('redaction', () => {
  it('previews at most four characters and the length', () => {
    const t = randomToken(212);
    expect(preview(t)).toBe(`${t.slice(0, 4)}…(212 chars)`);
    expect(preview('short-value')).toBe('…(11 chars)');
  });

  it('fingerprints with SHA-256 hex', () => {
    expect(fingerprint('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('masks a span in a code frame, keeping only the preview characters', () => {
    const t = randomToken(40);
    const line = `KERNEL_TOKEN=${t} # prod`;
    const masked = maskSpan(line, 13, 53);
    expect(masked).toBe(`KERNEL_TOKEN=${t.slice(0, 4)}${'*'.repeat(36)} # prod`);
    expect(masked.includes(t.slice(4))).toBe(false);
  });
});
