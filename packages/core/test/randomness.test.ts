/**
 * "Is this random?": values made of words, identifier pieces and paths are not secrets, however
 * credential-like the name they sit under; a random token of 20+ characters always is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, rejectCandidate, Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';
import { wordShare } from '../src/engine/word-share.js';

const scanner = new Scanner();

/** Fakes and demo values seen under credential names in real repositories (issues 11 and 12). */
const FAKES = [
  'sk-synthetic-api-key-do-not-use-1234567890abcdef',
  'sk-synthetic-outcome-token-1234567890',
  'sk-synthetic-gateway-main-first-0001',
  'sk-synthetic-never-real',
  'public-sdk-loopback-test-key',
  'test-api-key-no-headers',
  'demo-access-token-123',
  'DOWNSCOPED_CLIENT_ACCESS_TOKEN_0',
  'local-dev-token-please-rotate',
  'integration-test-bearer-credential',
  // openai-node's tests (issue 12 measurement): words with a short disambiguating suffix.
  'sk-test-azure-imds-secret-7f3e',
  'private-azure-customer-record-9a41',
  // vercel/ai's gateway tests: a slug of a product name, words and an acronym.
  'vercel-deployment-oidc-token',
];

/** Paths and URLs under credential-looking keys. */
const PATHS = ['/api/realtime/setup-b', '/bedrock/aws4_request', './config/kernel/token.json', 'https://kernel.asimov.com/api/v1/tokens'];

/** Every way the engine sees a value bound to a credential name. */
const BINDINGS: ((v: string) => string)[] = [
  (v) => `apiKey: '${v}',`,
  (v) => `token = "${v}"`,
  (v) => `const authorization = '${v}';`,
  (v) => `KERNEL_TOKEN=${v}`,
  (v) => `client = KernelClient(token="${v}")`,
];

describe('values made of words are not secrets', () => {
  it.each([...FAKES, ...PATHS])('%s is quiet under every credential name and in checkValue', (value) => {
    for (const bind of BINDINGS) expect(scanner.scan(bind(value)).findings).toEqual([]);
    expect(scanner.checkValue(value, 'credential')).toBeUndefined();
  });

  it('the two path shapes from real code stay quiet as written there', () => {
    expect(scanner.scan('ws = connect(token="/api/realtime/setup-b")').findings).toEqual([]);
    expect(scanner.scan("const signer = { authorization: '/bedrock/aws4_request' };").findings).toEqual([]);
  });

  it('names why: words, path', () => {
    expect(rejectCandidate('test-api-key-no-headers', DEFAULT_THRESHOLDS, { bound: true })).toBe('words');
    expect(rejectCandidate('/api/realtime/setup-b', DEFAULT_THRESHOLDS, { bound: true })).toBe('path');
  });

  it('a word prefix does not hide a random body', () => {
    const body = 'q8ZrX2mVt7LwKp3NdYc9Hs'; // kernel-secrets-allow: fixed letters of a test, not a credential
    expect(wordShare(`kernel_live_${body}`)).toBeLessThan(0.5);
    expect(scanner.checkValue(`kernel_live_${body}`, 'credential')).toBeDefined();
  });
});

describe('base64 of text is judged by the text', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  // hono's Basic-auth tests: base64 of `user:password` words (issue 12 measurement).
  const WORDS = ['hono-user-a:hono-password-a', 'hono:ahotproject', 'test-user@example.com:test-password'];

  it.each(WORDS)('base64 of %s is quiet under every credential name', (text) => {
    for (const bind of BINDINGS) expect(scanner.scan(bind(b64(text))).findings).toEqual([]);
    expect(rejectCandidate(b64(text), DEFAULT_THRESHOLDS, { bound: true })).toBe('base64 of text');
  });

  it('a fixture corrupted by dropping leading characters is decoded at its alignment', () => {
    for (const drop of [1, 2, 3]) expect(scanner.checkValue(b64('hono:acoolproject').slice(drop), 'credential')).toBeUndefined();
  });

  it('base64 of user:<random secret> is a credential, found at the encoded value', () => {
    const value = b64(`user:${randomToken(24)}`);
    expect(scanner.checkValue(value, 'credential')).toBeDefined();
    expect(scanner.scan(`const apiKey = '${value}'`).findings.map((f) => [f.line, f.column, f.endColumn])).toEqual([
      [1, 17, 17 + value.length],
    ]);
  });
});

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = `${BASE62}-_`;
const HEX = '0123456789abcdef';

/** Uniform random strings over `alphabet` (noBias: issuers draw uniformly, fast-check's bias repeats). */
function tokens(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .noBias(fc.array(fc.integer({ min: 0, max: alphabet.length - 1 }), { minLength, maxLength }))
    .map((idx) => idx.map((i) => alphabet[i]).join(''));
}

const FAMILIES: [string, fc.Arbitrary<string>][] = [
  ['base62, 20–64', tokens(BASE62, 20, 64)],
  ['base64url, 20–64', tokens(BASE64URL, 20, 64)],
  ['hex, 32–64', tokens(HEX, 32, 64)],
  ['hex, exactly 40 (a git SHA when unbound)', tokens(HEX, 40, 40)],
  ['hex, exactly 64 (a checksum when unbound)', tokens(HEX, 64, 64)],
];

describe('a random token bound to a name is always reported', () => {
  // 10,000 samples per family here; README.md gives the rate measured over a million.
  it.each(FAMILIES)('%s', (_name, arbitrary) => {
    const missed: string[] = [];
    fc.assert(
      fc.property(arbitrary, (token) => {
        if (scanner.checkValue(token, 'credential') === undefined)
          missed.push(rejectCandidate(token, DEFAULT_THRESHOLDS, { bound: true })!);
      }),
      { numRuns: 10_000 },
    );
    // Reasons only: a missed token itself must not reach the test output.
    expect(missed).toEqual([]);
  });

  it('and found in text at its position under a Kernel name', () => {
    fc.assert(
      fc.property(fc.oneof(...FAMILIES.map(([, a]) => a)), (token) => {
        const text = `KERNEL_TOKEN=${token}\n`;
        expect(scanner.scan(text).findings.map((f) => [f.offset, f.endOffset])).toEqual([[13, 13 + token.length]]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a bound hex value that is a well-known sample digest stays quiet', () => {
    // SHA-1 of "test" and SHA-256 of "": printed in countless docs.
    expect(scanner.checkValue('a94a8fe5ccb19ba61c4c0873d391e987982fbbd3', 'credential')).toBeUndefined();
    expect(scanner.checkValue('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'credential')).toBeUndefined();
  });
});
