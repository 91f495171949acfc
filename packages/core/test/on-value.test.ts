/**
 * `onValue`: the one way a caller gets at a finding's value (the CLI's opt-in live check). It
 * sees each hit's fingerprint with the value matched, decoded from a base64 blob when the hit
 * was inside one; for an encoded form of a known token, the encoding (its hash is not the
 * fingerprint, so a caller can tell).
 */
import { describe, expect, it } from 'vitest';
import { fingerprint, Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

function seen(text: string, known: string[] = []): { fp: string; value: string }[] {
  const out: { fp: string; value: string }[] = [];
  const scanner = new Scanner({ known: { values: known, fingerprints: [] }, onValue: (fp, value) => out.push({ fp, value }) });
  scanner.scan(text);
  return out;
}

describe('ScannerOptions.onValue', () => {
  it('gets the value behind a context finding and one inside a base64 blob', () => {
    const plain = randomToken();
    const inner = randomToken();
    const text = `KERNEL_TOKEN=${plain}\nsecret: ${Buffer.from(`KERNEL_TOKEN=${inner}\n`).toString('base64')}\n`;
    const values = seen(text);
    expect(values.map((v) => v.fp === fingerprint(v.value))).toEqual([true, true]);
    expect(new Set(values.map((v) => v.fp))).toEqual(new Set([fingerprint(plain), fingerprint(inner)]));
  });

  it('for an escaped form of a known token: the escaped text, under the token’s fingerprint', () => {
    const token = `${randomToken(20)}/${randomToken(20)}`;
    const values = seen(`{"t": "${token.replace('/', '\\/')}"}`, [token]);
    expect(values).toHaveLength(1);
    expect(values[0]!.fp).toBe(fingerprint(token));
    expect(fingerprint(values[0]!.value) === values[0]!.fp).toBe(false);
  });

  it('is not called for text without findings', () => {
    expect(seen(`KERNEL_TOKEN=\${KERNEL_TOKEN}\nnothing here\n`)).toEqual([]);
  });
});
