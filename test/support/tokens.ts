/**
 * Test tokens, generated at run time so that no realistic token is ever committed.
 * Shared by every test suite; nothing here is a real credential.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random base62 token of `length` characters (crypto-random; 40 by default, like the seed tests). */
export function randomToken(length = 40): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

/** A random base64url-charset token, possibly with `-`, `_` and `.`, as bearer tokens often are. */
export function randomUrlSafeToken(length = 48): string {
  return randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);
}

const encodeJson = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A structurally valid, unsigned-looking JWT with the given payload. */
export function randomJwt(payload: Record<string, unknown> = { sub: randomToken(12), scope: 'read write' }): string {
  return `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson(payload)}.${randomBytes(32).toString('base64url')}`;
}

const HMAC_HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;

/** A JWT signed with HMAC under `key`, as a test suite writes its vectors (`secret: 'a-secret'`). */
export function signedJwt(
  key: string | Buffer,
  alg: keyof typeof HMAC_HASH = 'HS256',
  payload: Record<string, unknown> = { sub: randomToken(12) },
): string {
  const input = `${encodeJson({ alg, typ: 'JWT' })}.${encodeJson(payload)}`;
  return `${input}.${createHmac(HMAC_HASH[alg], key).update(input).digest('base64url')}`;
}

/**
 * fast-check arbitrary of tokens as an issuer makes them: 24–64 characters drawn uniformly
 * from base62 (`noBias`: fast-check's default bias towards small, repetitive values would
 * produce `AAAAB1AA…`, which no issuer emits and the engine rightly calls low-entropy).
 */
export const tokenArbitrary = fc
  .noBias(fc.array(fc.integer({ min: 0, max: 61 }), { minLength: 24, maxLength: 64 }))
  .map((idx) => idx.map((i) => BASE62[i]).join(''));
