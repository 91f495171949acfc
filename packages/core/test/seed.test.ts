/**
 * Kernel's documented token usage is the reference text. The project's own fixture
 * (fixtures/kernel-auth-docs.md: the header, cURL, requests, SDK and environment-variable
 * snippets of Kernel's Authentication page, with its placeholders) is always checked; the
 * shared copy of the page itself (shared/seed/authentication.md, outside this repository)
 * is an extra check when it is present. As written each gives zero findings; with every
 * placeholder replaced by a random token, every replaced site must be found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

const PLACEHOLDER = /YOUR_TOKEN|your_token_here|your_token/g;

// The shared page sits next to the checkout (../shared) or next to the folder of worktrees.
const SHARED_PAGE = ['../../../../shared', '../../../../../shared']
  .map((dir) => resolve(import.meta.dirname, dir, 'seed/authentication.md'))
  .find((path) => existsSync(path));

const SOURCES = [
  { name: 'the fixture of Kernel’s documented token usage', path: resolve(import.meta.dirname, 'fixtures/kernel-auth-docs.md') },
  ...(SHARED_PAGE ? [{ name: 'Kernel’s Authentication page (shared copy)', path: SHARED_PAGE }] : []),
];

describe.each(SOURCES)('$name', ({ path }) => {
  const text = readFileSync(path, 'utf8');

  it('has placeholders at the expected sites (guards the test itself)', () => {
    // Authorization header, cURL, KernelClient(token=…), the commented export, the export.
    expect(text.match(PLACEHOLDER)?.length).toBe(5);
  });

  it('gives zero findings as written', () => {
    const { findings, suppressed } = new Scanner().scan(text, { path: 'authentication.md' });
    expect(findings).toEqual([]);
    expect(suppressed).toEqual([]);
  });

  it('finds every placeholder site once it holds a random 40-character token', () => {
    const sites: { offset: number; token: string }[] = [];
    let shift = 0;
    const replaced = text.replace(PLACEHOLDER, (match, offset: number) => {
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
