/** Allow directives reach exactly one line. */
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

const scanner = new Scanner();
const lines = (text: string) => scanner.scan(text).findings.map((f) => f.line);

describe('allow directives', () => {
  it.each([
    ['//', (t: string) => `const token = "${t}"; // kernel-secrets-allow: test vector`],
    ['#', (t: string) => `KERNEL_TOKEN=${t} # kernel-secrets-allow`],
    ['<!-- -->', (t: string) => `Authorization: Bearer ${t} <!-- kernel-secrets-allow: docs sample -->`],
    ['--', (t: string) => `UPDATE cfg SET token = '${t}'; -- kernel-secrets-allow: seed data`],
  ])('silences its own line (%s)', (_syntax, make) => {
    const result = scanner.scan(make(randomToken()));
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((f) => f.suppressedBy)).toEqual(['directive']);
  });

  it('allow-next-line silences only the next line', () => {
    const text = [`# kernel-secrets-allow-next-line`, `KERNEL_TOKEN=${randomToken()}`, `KERNEL_API_KEY=${randomToken()}`].join('\n');
    expect(lines(text)).toEqual([3]);
  });

  it('allow-next-line does not silence its own line', () => {
    expect(lines(`KERNEL_TOKEN=${randomToken()} # kernel-secrets-allow-next-line`)).toEqual([1]);
  });

  it('a marker in prose reaches no other line', () => {
    const text = [
      'Use `kernel-secrets-allow` to silence a line.',
      `KERNEL_TOKEN=${randomToken()}`,
      'Write kernel-secrets-allow-next-line above a line,',
      'and the line after that is silenced.',
      `KERNEL_API_KEY=${randomToken()}`,
    ].join('\n');
    expect(lines(text)).toEqual([2, 5]);
  });

  it('a look-alike word is not a directive', () => {
    expect(lines(`KERNEL_TOKEN=${randomToken()} # kernel-secrets-allowed`)).toEqual([1]);
  });
});
