/**
 * JWT test vectors and broken JWTs (issue 12: 50 of hono's test JWTs and 4 corrupted ones were
 * reported): a test suite signs its vectors with a key that sits in the same file; a leaked
 * token's key is not there. In a file that mentions Kernel every JWT is still reported.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { judgeJwt, Scanner, signingContext } from '../src/index.js';
import { MAX_VERIFICATIONS } from '../src/engine/jwt.js';
import { randomJwt, randomToken, signedJwt } from '../../../test/support/tokens.js';

const scanner = new Scanner();
const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A test file: the key passed to the verifier, the vector further down. */
const testFile = (key: string, jwt: string) => `app.use(jwt({ secret: '${key}', alg: 'HS256' }))\n\nconst token = '${jwt}'\n`;

describe('JWT test vectors', () => {
  it.each(['HS256', 'HS384', 'HS512'] as const)('a %s JWT signed with a key quoted in the same file is not reported', (alg) => {
    const key = `k-${randomToken(10)}`;
    const jwt = signedJwt(key, alg);
    expect(scanner.scan(testFile(key, jwt)).findings).toEqual([]);
    // The ESLint rule asks about the string alone and passes the file: same answer.
    expect(scanner.checkValue(jwt, 'credential', testFile(key, jwt))).toBeUndefined();
    expect(scanner.scan(`'${jwt}'`, { surroundings: testFile(key, jwt) }).findings).toEqual([]);
  });

  it('a key spelled in hex (Buffer.from(…, "hex")) counts as its bytes', () => {
    const key = randomBytes(32);
    const jwt = signedJwt(key);
    expect(scanner.scan(testFile(key.toString('hex'), jwt)).findings).toEqual([]);
  });

  it('the same JWT is reported when its key is not in the file, at the JWT', () => {
    const jwt = signedJwt(`k-${randomToken(10)}`);
    const text = testFile(`k-${randomToken(10)}`, jwt);
    const findings = scanner.scan(text).findings;
    expect(findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([['jwt', 'error', 3, 16]]);
    expect(scanner.checkValue(jwt, 'credential', text)?.rule).toBe('jwt');
  });

  it('in a file that mentions Kernel, a JWT signed with a key in the file is still reported', () => {
    const key = `k-${randomToken(10)}`;
    const jwt = signedJwt(key);
    for (const kernel of ['const KERNEL_TOKEN =', 'new KernelClient({ token })', 'fetch("https://kernel.asimov.com/api")']) {
      const text = `${kernel}\n${testFile(key, jwt)}`;
      expect(scanner.scan(text).findings.map((f) => [f.rule, f.line])).toEqual([['jwt', 4]]);
      expect(scanner.checkValue(jwt, 'kernel-client', text)?.rule).toBe('jwt');
    }
  });

  it('an unsecured JWT (alg none, empty signature) is not reported; with a signature it is', () => {
    const body = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: randomToken(12) })}`;
    expect(judgeJwt(`${body}.`)).toEqual({ kind: 'fixture', reason: 'unsecured JWT' });
    expect(scanner.scan(`const token = '${body}.'`).findings).toEqual([]);
    expect(judgeJwt(`${body}.${randomToken(43)}`)).toEqual({ kind: 'token' });
  });

  it('a signature shorter than its alg produces is a hand-made fixture; a full-length one is a token', () => {
    const input = `${enc({ alg: 'RS256', typ: 'JWT', kid: 'test-key-id' })}.${enc({ iss: 'svc@example.iam', iat: 1616161616 })}`;
    expect(judgeJwt(`${input}.signature`)).toEqual({ kind: 'fixture', reason: 'JWT with a truncated signature' });
    expect(scanner.scan(`access_token: '${input}.signature'`).findings).toEqual([]);
    expect(judgeJwt(`${input}.${randomBytes(256).toString('base64url')}`)).toEqual({ kind: 'token' });
  });

  it('a random-key JWT (as an issuer mints it) is a token, with its exp', () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const jwt = randomJwt({ sub: randomToken(8), exp });
    expect(judgeJwt(jwt, signingContext(`const a = 'x'\nconst t = '${jwt}'`))).toEqual({ kind: 'token', exp });
  });
});

describe('the verification budget keeps a file of many JWTs linear', () => {
  it('past MAX_VERIFICATIONS HMACs per file, further vectors are reported (fail closed)', () => {
    // 499 decoy strings before the key: each vector costs 500 verifications.
    const decoys = Array.from({ length: 499 }, (_, i) => `'decoy-${i}'`).join(', ');
    const key = `k-${randomToken(10)}`;
    const jwt = signedJwt(key);
    const exempt = Math.floor(MAX_VERIFICATIONS / 500);
    const lines = Array.from({ length: exempt + 5 }, () => `t('${jwt}')`).join('\n');
    const findings = scanner.scan(`const keys = [${decoys}, '${key}']\n${lines}\n`).findings;
    expect(findings.map((f) => f.line)).toEqual([1, 2, 3, 4, 5].map((n) => 1 + exempt + n));
  });
});

describe('broken JWTs', () => {
  const valid = () => signedJwt(randomBytes(16));

  it('a JWT with a corrupted header under a credential name is a fixture, not a token', () => {
    const corrupted = `ss${valid().slice(2)}`;
    expect(judgeJwt(corrupted)).toEqual({ kind: 'fixture', reason: 'broken JWT' });
    expect(scanner.scan(`const invalidToken = '${corrupted}'`).findings).toEqual([]);
    expect(scanner.checkValue(corrupted, 'credential', `const invalidToken = '${corrupted}'`)).toBeUndefined();
  });

  it('registered time claims that are not numbers make it no JWT (RFC 7519 NumericDate)', () => {
    const input = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ exp: 1_000_000_000, nbf: String(Date.now()) })}`;
    const jwt = `${input}.${randomToken(43)}`;
    expect(judgeJwt(jwt)).toEqual({ kind: 'fixture', reason: 'broken JWT' });
    expect(scanner.scan(`tok = '${jwt}'`).findings).toEqual([]);
  });

  it('a broken JWT under a Kernel name is still reported', () => {
    const corrupted = `ss${valid().slice(2)}`;
    const findings = scanner.scan(`const KERNEL_TOKEN = '${corrupted}'\n`).findings;
    expect(findings.map((f) => [f.detector, f.line, f.column])).toEqual([['context', 1, 23]]);
  });

  it('a random dotted token with no JSON segment is judged as any other value', () => {
    const dotted = `${randomToken(20)}.${randomToken(20)}.${randomToken(20)}`;
    expect(judgeJwt(dotted)).toBeUndefined();
    expect(scanner.checkValue(dotted, 'credential')).toBeDefined();
  });
});
