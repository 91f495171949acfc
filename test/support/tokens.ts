/**
 * Test tokens, generated at run time so that no realistic token is ever committed.
 * Shared by every test suite; nothing here is a real credential.
 */
import { randomBytes } from 'node:crypto';
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

/** A structurally valid, unsigned-looking JWT with the given payload. */
export function randomJwt(payload: Record<string, unknown> = { sub: randomToken(12), scope: 'read write' }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}.${randomBytes(32).toString('base64url')}`;
}

/**
 * fast-check arbitrary of tokens as an issuer makes them: 24–64 characters drawn uniformly
 * from base62 (`noBias`: fast-check's default bias towards small, repetitive values would
 * produce `AAAAB1AA…`, which no issuer emits and the engine rightly calls low-entropy).
 */
export const tokenArbitrary = fc
  .noBias(fc.array(fc.integer({ min: 0, max: 61 }), { minLength: 24, maxLength: 64 }))
  .map((idx) => idx.map((i) => BASE62[i]).join(''));
