/**
 * One test for the whole catalogue: every detector entry (TEXT_DETECTORS) and binding rule
 * (BINDING_RULES) carries its examples, and each is run here. In a `found` example every slot
 * must be reported by that entry, at the slot's line, column and span; a `quiet` example must
 * give nothing. Slots are filled at run time (`{token}`, `{hex}`, `{jwt}`), so no token is
 * committed. A new shape is an entry plus its examples; nothing here changes.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig, Scanner } from '../src/index.js';
import { EXAMPLE_ENTRIES as ENTRIES, fill } from './support/examples.js';

const scanner = new Scanner({ config: resolveConfig({ credentialNames: ['LAB_PAT'] }) });

describe('catalogue examples', () => {
  it.each(ENTRIES)('%s has found examples and quiet ones', (_id, examples) => {
    expect(examples.found.length).toBeGreaterThan(0);
    expect(examples.quiet.length).toBeGreaterThan(0);
  });

  it.each(ENTRIES)('%s: each found example is reported by it, at the slot', (id, examples) => {
    // Results name the example by index, never its text (it holds a token).
    const wrong = examples.found.flatMap((template, i) => {
      const { text, sites } = fill(template);
      const found = scanner.scan(text).findings.map((f) => ({
        line: f.line,
        column: f.column,
        length: f.endOffset - f.offset,
        rule: `${f.detector}/${f.rule}`,
      }));
      return JSON.stringify(found) === JSON.stringify(sites.map((s) => ({ ...s, rule: id }))) ? [] : [i];
    });
    expect(wrong).toEqual([]);
  });

  it.each(ENTRIES)('%s: each quiet example gives nothing', (_id, examples) => {
    const loud = examples.quiet.flatMap((template, i) => (scanner.scan(fill(template).text).findings.length > 0 ? [i] : []));
    expect(loud).toEqual([]);
  });
});
