/**
 * Random tokens in random places, for the "never echo a secret" properties. Tokens come in the
 * shapes issuers use (base62, letters only, base64url) and in hostile ones: pieces that mean
 * something to regex replacement strings (`$&`, `$'`, `$1`), printf and format strings (`%s`,
 * `{0}`, `${x}`), regex syntax and quoting, interleaved with random characters so that every
 * 8-character window of a token is still unique to it. The known detector (the developer's own
 * token, from an environment variable) accepts any such value, so each is reportable.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { tokenArbitrary } from '../tokens.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE62 = `${LETTERS}0123456789`;
const URL_SAFE = `${BASE62}-_`;

const fromAlphabet = (alphabet: string, min: number, max: number) =>
  fc
    .noBias(fc.array(fc.integer({ min: 0, max: alphabet.length - 1 }), { minLength: min, maxLength: max }))
    .map((idx) => idx.map((i) => alphabet[i]).join(''));

/** Text with a meaning to String.replace, printf/util.format, template engines, regexes or shells. */
export const HOSTILE_PIECES = [
  '$&',
  "$'",
  '$`',
  '$1',
  '$$',
  '%s',
  '%d',
  '%o',
  '%j',
  '%%',
  '%n',
  '{0}',
  '{}',
  '${x}',
  '\\',
  '.*',
  '+?',
  '^',
  '|',
  '()',
  '[]',
  '"',
  "'",
  '`',
  '<',
  '>',
  '&amp;',
  '#',
  ';',
];

const hostileToken = fc
  .array(fc.tuple(fromAlphabet(BASE62, 3, 5), fc.constantFrom(...HOSTILE_PIECES)), { minLength: 5, maxLength: 10 })
  .map((parts) => parts.map(([random, piece]) => random + piece).join('') + 'Zq9');

export type TokenShape = 'base62' | 'letters' | 'base64url' | 'hostile';

/**
 * Gives `value` the text fast-check prints for it in a counterexample: a description, never
 * the token itself (test output must not hold a full token, generated or not).
 */
function describedAs<T extends object>(value: T, describe: (v: T) => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => describe(value), enumerable: false });
  return value;
}

export interface GeneratedToken {
  shape: TokenShape;
  value: string;
}

/** A token of a given shape, printed by fast-check as its description only. */
export function generatedToken(shape: TokenShape, value: string): GeneratedToken {
  return describedAs({ shape, value }, (t) => `<${t.shape} token, ${t.value.length} chars>`);
}

const token = (shape: TokenShape) => (value: string) => generatedToken(shape, value);

export const anyToken: fc.Arbitrary<GeneratedToken> = fc.oneof(
  tokenArbitrary.map(token('base62')),
  fromAlphabet(LETTERS, 24, 32).map(token('letters')),
  fromAlphabet(URL_SAFE, 32, 64).map(token('base64url')),
  hostileToken.map(token('hostile')),
);

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Lines a token sits in, as people write them. `{T}` is the token. */
export const TEXT_CONTEXTS: readonly string[] = [
  'KERNEL_TOKEN={T}',
  'export KERNEL_TOKEN="{T}"',
  "const client = new KernelClient({ token: '{T}' });",
  'Authorization: Bearer {T}',
  'curl -H "Authorization: Bearer {T}" https://kernel.asimov.com/api/v1/constructs',
  '{"kernel_token": "{T}", "region": "eu"}',
  'url = "https://kernel.asimov.com/api/v1/designs?token={T}&page=2"',
  '- name: KERNEL_TOKEN\n  value: {T}',
  'cached session {T} (expires tomorrow)',
  `${'x'.repeat(190)} {T} ${'y'.repeat(190)}`,
  '\t{T}\u001b[31m red \u202e reversed',
  'percent-encoded: {pct}',
  'JSON-escaped: "{json}"',
  'blob: {b64}',
];

export function placeToken(context: string, token: string): string {
  return context
    .replace('{T}', () => token)
    .replace('{pct}', () => encodeURIComponent(token))
    .replace('{json}', () => JSON.stringify(token).slice(1, -1))
    .replace('{b64}', () => Buffer.from(`KERNEL_TOKEN=${token}\n`).toString('base64'));
}

/** One token placed in one context, possibly on a line that is already committed, possibly allowed. */
export interface PlacedToken {
  shape: TokenShape;
  token: string;
  context: number;
  /** On a line of the base commit (shown as context in a staged report, not reported there). */
  committed: boolean;
  /** Its fingerprint is listed in allowedFingerprints. */
  allowed: boolean;
}

export const placedTokens: fc.Arbitrary<PlacedToken[]> = fc
  .array(
    fc.record({
      token: anyToken,
      context: fc.integer({ min: 0, max: TEXT_CONTEXTS.length - 1 }),
      committed: fc.boolean(),
      allowed: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    }),
    { minLength: 3, maxLength: 8 },
  )
  .map((list) =>
    list
      .map(({ token: t, ...rest }) =>
        describedAs(
          { ...rest, shape: t.shape, token: t.value },
          (p) =>
            `<${p.shape} token, ${p.token.length} chars, context #${p.context}${p.committed ? ', committed' : ''}${p.allowed ? ', allowed' : ''}>`,
        ),
      )
      // Distinct tokens, and none inside another (a window check would then be ambiguous).
      .filter((p, i, all) => all.findIndex((q) => q.token.includes(p.token) || p.token.includes(q.token)) === i),
  );
