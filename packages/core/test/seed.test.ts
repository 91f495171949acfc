/**
 * Kernel's own Authentication page (shared/seed/authentication.md) is the reference document:
 * as written it holds only placeholders and must give zero findings; with every placeholder
 * replaced by a random token, every replaced site must be found.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

const SEED = resolve(import.meta.dirname, '../../../../shared/seed/authentication.md');
const seed = readFileSync(SEED, 'utf8');
const PLACEHOLDER = /YOUR_TOKEN|your_token_here|your_token/g;

describe('Kernel Authentication page', () => {
  it('has placeholders at the expected sites (guards the test itself)', () => {
    expect(seed.match(PLACEHOLDER)?.length).toBe(5);
  });

  it('gives zero findings as written', () => {
    const { findings, suppressed } = new Scanner().scan(seed, { path: 'authentication.md' });
    expect(findings).toEqual([]);
    expect(suppressed).toEqual([]);
  });

  it('finds every placeholder site once it holds a random 40-character token', () => {
    const sites: { offset: number; token: string }[] = [];
    let shift = 0;
    const replaced = seed.replace(PLACEHOLDER, (match, offset: number) => {
      const token = randomToken(40);
      sites.push({ offset: offset + shift, token });
      shift += token.length - match.length;
      return token;
    });
    const { findings } = new Scanner().scan(replaced, { path: 'authentication.md' });
    expect(findings.map((f) => ({ offset: f.offset, endOffset: f.endOffset }))).toEqual(
      sites.map((s) => ({ offset: s.offset, endOffset: s.offset + s.token.length })),
    );
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
});
