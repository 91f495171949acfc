import { Scanner } from '@kernel-secrets/core';
import { describe, expect, it } from 'vitest';
import { randomToken } from '../../../test/support/tokens.js';
import fc from 'fast-check';
import { hasLoneCr, scanContent } from '../src/scan/scan-content.js';

const scanner = new Scanner();

describe('scanContent', () => {
  it('reports findings on changed lines only, while context on unchanged lines still counts', () => {
    const token = randomToken();
    // The name is on an unchanged line, the value on the added one (Kubernetes env entry).
    const text = `env:\n  - name: KERNEL_TOKEN\n    value: ${token}\n`;
    const onValue = scanContent(scanner, Buffer.from(text), { path: 'k8s.yaml', changedLines: new Set([3]) });
    expect(onValue.findings.map((f) => f.line)).toEqual([3]);
    const elsewhere = scanContent(scanner, Buffer.from(text), { path: 'k8s.yaml', changedLines: new Set([1]) });
    expect(elsewhere.findings).toEqual([]);
  });

  it('masks every secret in the code frame, including ones on unchanged neighbouring lines', () => {
    const old = randomToken();
    const fresh = randomToken();
    const text = `KERNEL_TOKEN=${old}\nKERNEL_API_KEY=${fresh}\n`;
    const result = scanContent(scanner, Buffer.from(text), { path: '.env', changedLines: new Set([2]) });
    expect(result.findings).toHaveLength(1);
    const frame = result.findings[0]!.frame.map((l) => l.text).join('\n');
    expect(frame).toContain(`KERNEL_TOKEN=${old.slice(0, 4)}****`);
    expect(frame).not.toContain(old.slice(4, 12));
    expect(frame).not.toContain(fresh.slice(4, 12));
    expect(result.findings[0]!.frame[1]!.mark).toEqual([15, 55]);
  });

  it('reports every finding of a changed file whose lines do not match git’s (binary, UTF-16, lone CR)', () => {
    const token = randomToken();
    const binary = Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`KERNEL_TOKEN=${token}`), Buffer.from([0, 0])]);
    expect(scanContent(scanner, binary, { path: 'a.bin', changedLines: new Set([99]) }).findings).toHaveLength(1);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`x\nKERNEL_TOKEN=${token}\n`, 'utf16le')]);
    expect(scanContent(scanner, utf16, { path: 'a.ps1', changedLines: new Set([99]) }).findings).toHaveLength(1);
    const cr = Buffer.from(`a\rKERNEL_TOKEN=${token}\r`);
    expect(scanContent(scanner, cr, { path: 'mac.txt', changedLines: new Set([1]) }).findings).toHaveLength(1);
  });

  it('counts suppressed findings on changed lines', () => {
    const token = randomToken();
    const text = `KERNEL_TOKEN=${token} # kernel-secrets-allow: fixture\n`;
    expect(scanContent(scanner, Buffer.from(text), { path: 'f.env', changedLines: new Set([1]) }).suppressed).toEqual({
      directive: 1,
      fingerprint: 0,
    });
    expect(scanContent(scanner, Buffer.from(text), { path: 'f.env', changedLines: new Set([2]) }).suppressed).toEqual({
      directive: 0,
      fingerprint: 0,
    });
  });
});

describe('hasLoneCr (line numbers agree with git only without a lone CR)', () => {
  it('is true exactly when a CR is not followed by LF', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\r', '\n', 'a', ' ') }), (t) => {
        expect(hasLoneCr(t)).toBe(/\r(?!\n)/.test(t));
      }),
      { numRuns: 3000 },
    );
  });
});
