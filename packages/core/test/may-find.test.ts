/**
 * The history prefilter (`Scanner.mayFind`) may skip reading a file only when no finding can
 * start on its added lines. Property: for every catalogue example and every cross-line shape
 * below, with random tokens, and for every set of its lines taken as "the added lines" (all
 * subsets of a short example, else single lines, ranges and random sets), a scan of the whole
 * text that reports a finding on those lines means mayFind of those lines is true. Each set is
 * also tried with an unrelated keyword line added to the hunk (`// the token comes from …`):
 * a prefilter that judged keyword hunks by their own lines would have to hold there too.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolveConfig, Scanner } from '../src/index.js';
import { EXAMPLE_ENTRIES, fill } from './support/examples.js';
import { randomToken } from '../../../test/support/tokens.js';

const scanner = new Scanner({ config: resolveConfig({ credentialNames: ['LAB_PAT'] }) });

/** Values bound across lines, where the name or its context sits on a line that may be unchanged. */
const CROSS_LINE: string[] = [
  'KERNEL_TOKEN = (\n    "{token}"\n)',
  'KERNEL_TOKEN = (\n    "{hex}"\n)',
  'client = KernelClient(\n    "{token}",\n)',
  'client = KernelClient(\n    token=\n        "{hex}",\n)',
  'env:\n  - name: KERNEL_TOKEN\n    value: {hex}\n',
  'kernel_token: |\n  {token}\n',
  'args: ["--token",\n  "{hex}"]',
  'machine kernel.asimov.com\n  login lab\n  password {token}\n',
  'headers = {\n  "Authorization":\n    "Token {token}"\n}',
  'Authorization:\n  Token {token}',
  'KERNEL_TOKEN = (\n  "{token}"\n  "{token}"\n)',
  `KERNEL_TOKEN = ("${randomToken(8)}"\n  "${randomToken(8)}"\n  "${randomToken(8)}")`,
  `const KERNEL_TOKEN = "${randomToken(8)}" +\n  "${randomToken(8)}" +\n  "${randomToken(8)}";`,
  `KERNEL_TOKEN = (\n    "${randomToken(8)}"\n    "${randomToken(8)}"\n    "${randomToken(8)}"\n)`,
  `const KERNEL_TOKEN =\n  "${randomToken(9)}" +\n  "${randomToken(9)}" +\n  "${randomToken(9)}";`,
  'const KERNEL_TOKEN =\n  "{jwt}";',
  'ready = 1\nurl = "https://lab:{token}@kernel.asimov.com/api"\n',
  '{\n "cells": [\n  {\n   "cell_type": "code",\n   "outputs": [\n    {\n     "text": [\n      "{token}\\n"\n     ]\n    }\n   ],\n   "source": [\n    "print(os.environ[\\"KERNEL_TOKEN\\"])"\n   ]\n  }\n ]\n}\n',
  '{"cell_type": "code", "outputs": [{"text": ["{token}\\n"]}], "source": ["print(kernel_token)"]}',
  `LAB_PAT=\\\n  {token}`,
];

/** A Kubernetes Secret whose `.env` key is base64 of a KERNEL_TOKEN line (a blob the scan opens). */
function encodedEnv(): string {
  const env = Buffer.from(`KERNEL_TOKEN=${randomBytes(20).toString('base64url')}\nDEBUG=0\n`).toString('base64');
  return `apiVersion: v1\nkind: Secret\ndata:\n  .env: ${env}\n`;
}

const UNRELATED_KEYWORD = '// the token comes from the environment\n';

/** Sets of 1-based line numbers to treat as the added lines of a text with `n` lines. */
function lineSets(n: number): number[][] {
  const sets: number[][] = [];
  if (n <= 8) {
    for (let mask = 1; mask < 1 << n; mask++) sets.push([...Array(n).keys()].filter((i) => mask & (1 << i)).map((i) => i + 1));
    return sets;
  }
  for (let a = 1; a <= n; a++) for (let b = a; b <= n; b++) sets.push([...Array(b - a + 1).keys()].map((i) => a + i));
  for (let k = 0; k < 64; k++) sets.push([...Array(n).keys()].filter(() => Math.random() < 0.5).map((i) => i + 1));
  return sets.filter((s) => s.length > 0);
}

/** The sets (as strings) whose lines a scan reports a finding on while mayFind clears them. */
function missed(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const set of lineSets(lines.length)) {
    if (scanner.scan(text, { onlyLines: new Set(set) }).findings.length === 0) continue;
    // As the diff parser builds it: each added line, then a line break.
    const added = set.map((l) => `${lines[l - 1]}\n`).join('');
    if (!scanner.mayFind(added)) out.push(`lines ${set.join(',')}`);
    if (!scanner.mayFind(added + UNRELATED_KEYWORD)) out.push(`lines ${set.join(',')} + a keyword line`);
  }
  return out;
}

describe('mayFind never clears added lines a scan reports a finding on', () => {
  it.each(EXAMPLE_ENTRIES)('%s: every found example, every set of its lines', (_id, examples) => {
    // Failures name the example by index and the line set, never the text (it holds a token).
    const wrong = examples.found.flatMap((template, i) => missed(fill(template).text).map((m) => `example ${i}: ${m}`));
    expect(wrong).toEqual([]);
  });

  it.each(CROSS_LINE.map((t, i) => [i, t] as const))('cross-line shape %i', (_i, template) => {
    const { text } = fill(template);
    // The shape must be a finding at all, or the property would hold vacuously.
    expect(scanner.scan(text).findings.length).toBeGreaterThan(0);
    expect(missed(text)).toEqual([]);
  });

  it('a base64 blob the scan opens', () => {
    const text = encodedEnv();
    expect(scanner.scan(text).findings.length).toBeGreaterThan(0);
    expect(missed(text)).toEqual([]);
  });
});

describe('mayFind clears what cannot hold a finding', () => {
  it.each([
    ['code with no value', '    const source = axios.Cancel.source(config.signal);\n'],
    ['a path in a lockfile', '    "node_modules/@socket.io/component-emitter": {\n'],
    ['an integrity hash', `      "integrity": "sha512-${randomBytes(64).toString('base64')}",\n`],
    ['a resolved URL with its hash', `  resolved "https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#${randomBytes(20).toString('hex')}"\n`],
    ['a dotted identifier in code', '    return AxiosError.prototype.toJSON.call(this, config);\n'],
    ['a source map line', `{"version":3,"sources":["../lib/axios.js"],"names":["config"],"mappings":"AAAA,SAASA,KAAK"}\n`],
  ])('%s', (_name, text) => {
    expect(scanner.mayFind(text)).toBe(false);
  });
});
