/**
 * Issue 11, stretch family: a token split into literals joined by `+` or by implicit
 * concatenation, bound to a credential name. Reported from the first piece's first character
 * to the last piece's last, fingerprinted as the joined token (so a baseline or the live-token
 * check sees the real value). Tokens are random; assertions never print them.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint, Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

const scanner = new Scanner();

/** `parts` joined by each piece of `glue`, with the token split into as many pieces. */
function split(token: string, pieces: number): string[] {
  const size = Math.ceil(token.length / pieces);
  return Array.from({ length: pieces }, (_, i) => token.slice(i * size, (i + 1) * size));
}

function position(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

const SHAPES: [string, string, (p: string[]) => string][] = [
  ['Python implicit', 'kernel-variable', (p) => `KERNEL_TOKEN = "${p[0]}" "${p[1]}" "${p[2]}"`],
  ['Python wrapped in parentheses', 'credential-assignment', (p) => `token = (\n    "${p[0]}"\n    "${p[1]}"\n    "${p[2]}"\n)`],
  ['C adjacent literals', 'kernel-variable', (p) => `static const char *KERNEL_TOKEN = "${p[0]}"\n    "${p[1]}" "${p[2]}";`],
  ['JS +', 'kernel-variable', (p) => `const kernelToken = '${p[0]}' + '${p[1]}' + '${p[2]}';`],
  ['JS + at line ends', 'kernel-variable', (p) => `const kernelToken = '${p[0]}' +\n  '${p[1]}' +\n  '${p[2]}';`],
  ['Java +', 'credential-assignment', (p) => `String token = "${p[0]}" + "${p[1]}" + "${p[2]}";`],
  ['Kotlin call argument', 'kernel-client', (p) => `val client = KernelClient(token = "${p[0]}" + "${p[1]}" + "${p[2]}")`],
];

describe('literals split by + or implicit concatenation', () => {
  it.each(SHAPES)('%s: found at the first piece, spanning to the last', (_shape, rule, make) => {
    const token = randomToken();
    const pieces = split(token, 3);
    const text = make(pieces);
    const start = text.indexOf(pieces[0]!);
    const end = text.lastIndexOf(pieces[2]!) + pieces[2]!.length;
    const findings = scanner.scan(text).findings;
    expect(findings.map((f) => ({ rule: f.rule, line: f.line, column: f.column, offset: f.offset, endOffset: f.endOffset }))).toEqual([
      { rule, ...position(text, start), offset: start, endOffset: end },
    ]);
    expect(findings[0]!.fingerprint === fingerprint(token)).toBe(true);
  });

  it('stays quiet on joined words, short joins, separate list items and unbound joins', () => {
    const token = randomToken();
    const [a, b] = split(token, 2);
    const QUIET = [
      `KERNEL_TOKEN = "ab" + "cd"`,
      `token = "Bearer " + "placeholder-" + "value-goes-here"`,
      `names = ["${a}", "${b}"]`,
      `message = "${a}" + "${b}"`,
      `print("${a}" "${b}")`,
    ];
    expect(QUIET.flatMap((text, i) => (scanner.scan(text).findings.length > 0 ? [i] : []))).toEqual([]);
  });
});
