/**
 * The catalogue's examples with their slots filled at run time (`{token}`, `{hex}`, `{jwt}`),
 * so no token is ever committed. Shared by the catalogue test (each example is found where it
 * says) and the history prefilter's property test (mayFind never clears a found example).
 */
import { randomBytes } from 'node:crypto';
import { BINDING_RULES, TEXT_DETECTORS, type DetectorExamples } from '../../src/index.js';
import { randomJwt, randomToken } from '../../../../test/support/tokens.js';

const SLOTS: Record<string, () => string> = {
  '{token}': () => randomToken(),
  '{hex}': () => randomBytes(20).toString('hex'),
  '{jwt}': () => randomJwt({ sub: randomToken(12), exp: Math.floor(Date.now() / 1000) + 3600 }),
};

export interface Site {
  line: number;
  column: number;
  length: number;
}

/** The example with its slots filled, and where each filled value sits. */
export function fill(template: string): { text: string; sites: Site[] } {
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

/** Every catalogue entry (text detectors and binding rules) with its examples, as `detector/id`. */
export const EXAMPLE_ENTRIES: [string, DetectorExamples][] = [
  ...TEXT_DETECTORS.map((d) => [`${d.detector}/${d.id}`, d.examples] as [string, DetectorExamples]),
  ...Object.entries(BINDING_RULES).map(([id, r]) => [`${r.detector}/${id}`, r.examples] as [string, DetectorExamples]),
];
