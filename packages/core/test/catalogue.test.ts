/**
 * One test for the whole catalogue: every detector entry (TEXT_DETECTORS) and binding rule
 * (BINDING_RULES) carries its examples, and each is run here. In a `found` example every slot
 * must be reported by that entry, at the slot's line, column and span; a `quiet` example must
 * give nothing. Slots are filled at run time (`{token}`, `{hex}`, `{jwt}`), so no token is
 * committed. A new shape is an entry plus its examples; nothing here changes.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BINDING_RULES, resolveConfig, Scanner, TEXT_DETECTORS, type DetectorExamples } from '../src/index.js';
import { randomJwt, randomToken } from '../../../test/support/tokens.js';

const scanner = new Scanner({ config: resolveConfig({ credentialNames: ['LAB_PAT'] }) });

const SLOTS: Record<string, () => string> = {
  '{token}': () => randomToken(),
  '{hex}': () => randomBytes(20).toString('hex'),
  '{jwt}': () => randomJwt({ sub: randomToken(12), exp: Math.floor(Date.now() / 1000) + 3600 }),
};

interface Site {
  line: number;
  column: number;
  length: number;
}

/** The example with its slots filled, and where each filled value sits. */
function fill(template: string): { text: string; sites: Site[] } {
  const sites: Site[] = [];
  let text = '';
  for (const part of template.split(/(\{token\}|\{hex\}|\{jwt\})/)) {
    const make = SLOTS[part];
    if (!make) {
      text += part;
      continue;
    }
    const value = make();
    const lines = text.split(/\r\n|\r|\n/);
    sites.push({ line: lines.length, column: lines[lines.length - 1]!.length + 1, length: value.length });
    text += value;
  }
  return { text, sites };
}

const ENTRIES: [string, DetectorExamples][] = [
  ...TEXT_DETECTORS.map((d) => [`${d.detector}/${d.id}`, d.examples] as [string, DetectorExamples]),
  ...Object.entries(BINDING_RULES).map(([id, r]) => [`${r.detector}/${id}`, r.examples] as [string, DetectorExamples]),
];

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
