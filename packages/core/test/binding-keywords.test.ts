/**
 * The binding detector judges a token run only when a binding keyword is within reach
 * (catalogue/binding-rules.ts BINDING_KEYWORDS, engine/keyword-near.ts). That gate is sound only
 * if every name, flag, header and call the engine accepts holds one of the keywords; these tests
 * fail when a catalogue word is added that none covers, and when the region walk finds other
 * runs than a gate over all runs would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINDING_KEYWORDS } from '../src/catalogue/binding-rules.js';
import {
  BEARER_CALLS,
  BEARER_CALLS_SECOND_ARGUMENT,
  CREDENTIAL_FLAGS,
  CREDENTIAL_HEADERS,
  CREDENTIAL_WORDS,
  KERNEL_SDK_NAMES,
  KERNEL_WORDS,
} from '../src/catalogue/bindings.js';
import { GENERIC_CREDENTIAL_NAMES, KERNEL_CREDENTIAL_NAMES } from '../src/catalogue/credential-names.js';
import { HOST_WINDOW, LOOK_BEHIND, tokenRuns } from '../src/engine/binding.js';
import { regionsNear } from '../src/engine/keyword-near.js';
import { KeywordSet } from '../src/engine/keyword-set.js';
import { isGenericName, isKernelName } from '../src/engine/names.js';
import { Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

/** `api_key` in the case styles names are written in. */
function spellings(name: string): string[] {
  const words = name.split(/[-_.\s]+|(?<=[a-z])(?=[A-Z])/).map((w) => w.toLowerCase());
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [
    words.join('_'),
    words.join('_').toUpperCase(),
    words.join('-'),
    words.join('.'),
    words[0]! + words.slice(1).map(cap).join(''),
    words.map(cap).join(''),
  ];
}

const holdsKeyword = (name: string) => BINDING_KEYWORDS.some((k) => name.toLowerCase().includes(k));

describe('binding keywords cover every accepted name', () => {
  const names = [
    ...GENERIC_CREDENTIAL_NAMES,
    ...KERNEL_CREDENTIAL_NAMES,
    ...CREDENTIAL_FLAGS,
    ...CREDENTIAL_HEADERS,
    ...BEARER_CALLS,
    ...BEARER_CALLS_SECOND_ARGUMENT,
    ...KERNEL_SDK_NAMES,
  ];
  it.each(names)('%s, in every case style, holds a keyword', (name) => {
    for (const spelled of spellings(name)) expect(holdsKeyword(spelled), spelled).toBe(true);
  });

  it('every name the name judge accepts holds a keyword (words from the catalogue, any order and case)', () => {
    const word = fc.constantFrom(...KERNEL_WORDS, ...CREDENTIAL_WORDS, 'api', 'access', 'prod', 'x', 'my');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('_', '-', '.', ''), fc.boolean(), (words, sep, upper) => {
        const name = upper ? words.join(sep).toUpperCase() : words.join(sep);
        if (isKernelName(name) || isGenericName(name)) expect(holdsKeyword(name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the region walk finds exactly the runs the gate lets through', () => {
  const keywords = new KeywordSet(BINDING_KEYWORDS, BINDING_KEYWORDS);
  const piece = fc.oneof(
    fc.constantFrom(' ', '\n', '=', '"', 'token', 'Kernel', '(', 'x', 'value: '),
    fc.stringMatching(/^[A-Za-z0-9_./-]{1,60}$/),
    fc.constantFrom(' '.repeat(300), 'a'.repeat(700)),
  );
  it('on random texts of runs, keywords and gaps', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const { positions } = keywords.scan(text);
        const gated = tokenRuns(text, 20).filter(([s, e]) => positions.some((k) => s - LOOK_BEHIND <= k && k < e + HOST_WINDOW));
        expect(tokenRuns(text, 20, regionsNear(positions, LOOK_BEHIND, HOST_WINDOW, text.length))).toEqual(gated);
      }),
      { numRuns: 500 },
    );
  });
  it('at the edges of the window, on both sides', () => {
    const run = 'a'.repeat(20);
    const runs = (text: string) => tokenRuns(text, 20, regionsNear(keywords.scan(text).positions, LOOK_BEHIND, HOST_WINDOW, text.length));
    // A keyword HOST_WINDOW - 1 characters after the run's end is in reach, one further is not.
    expect(runs(`${run}${' '.repeat(HOST_WINDOW - 1)}token`)).toEqual([[0, 20]]);
    expect(runs(`${run}${' '.repeat(HOST_WINDOW)}token`)).toEqual([]);
    // A run starting LOOK_BEHIND characters after the keyword is in reach, one further is not.
    expect(runs(`token${' '.repeat(LOOK_BEHIND - 5)}${run}`)).toEqual([[LOOK_BEHIND, LOOK_BEHIND + 20]]);
    expect(runs(`token${' '.repeat(LOOK_BEHIND - 4)}${run}`)).toEqual([]);
  });
});

describe('the gate keeps the far bindings', () => {
  const scanner = new Scanner();
  it('a value field whose sibling names the credential just under the sibling window back', () => {
    const token = randomToken();
    const text = `{"name": "KERNEL_TOKEN", "note": "${'n'.repeat(300)}", "value": "${token}"}`;
    const findings = scanner.scan(text).findings;
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['name-value-pair', text.indexOf(token) + 1]]);
  });
  it('URL user-info whose only keyword is the Kernel host after the value', () => {
    const token = randomToken();
    const text = `remote = "https://ci:${token}@kernel.asimov.com/org/repo.git"`;
    expect(scanner.scan(text).findings.map((f) => [f.rule, f.column])).toEqual([['url-userinfo', text.indexOf(token) + 1]]);
  });
});
