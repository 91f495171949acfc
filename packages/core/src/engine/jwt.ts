/**
 * JWT judgement: is a JWT-shaped string a bearer credential, or a test vector? Shared by the
 * text scanner (whole files) and `Scanner.checkValue` (the ESLint rule, which passes the file
 * as `surroundings`), so the hook and the linter give the same answer for the same value.
 *
 * A JWT counts when its header decodes to JSON with `alg`, its payload to a JSON object, and
 * its registered time claims (`exp`, `nbf`, `iat`) are numbers (RFC 7519 NumericDate; an issuer
 * never writes `"nbf": "tomorrow"`). It is a test vector, not a credential, when:
 * - it is jwt.io's documentation sample (sub 1234567890, John Doe);
 * - it is unsecured (`alg: none`, empty signature): anyone can mint it;
 * - its signature is shorter than its `alg` ever produces (a hand-made `.signature` suffix);
 * - its HMAC signature verifies with a quoted string of the same file: a test suite signs
 *   its vectors with `secret: 'a-secret'` next to them; a leaked token's key is not in the file.
 * A JWT-shaped value with a JSON segment that fails those checks is a deliberately broken
 * fixture (`invalidToken = 'ssyJhbGci…'`). None of these exemptions applies in a file that
 * mentions Kernel (a Kernel name, `KernelClient`, kernel.asimov.com): a Kernel token may be a
 * JWT, and there a missed token costs more than a test vector reported.
 */
import { lazyCrypto } from './lazy-crypto.js';
import { mentionsKernel } from './names.js';

export interface JwtVerdict {
  /** Seconds since the epoch, when the payload has a numeric `exp`. */
  exp?: number;
  /** The well-known jwt.io sample token and similar documentation examples. */
  isExample: boolean;
  /** The header's `alg`. */
  alg: string;
}

/** What a JWT is judged to be. */
export type JwtJudgement =
  /** A bearer credential (reported; `exp` lowers an expired one to a warning). */
  | { kind: 'token'; exp?: number }
  /** A test vector or a broken fixture (not reported). */
  | { kind: 'fixture'; reason: string };

/** The file a value comes from, as the JWT judgement needs it (built once per file). */
export interface SigningContext {
  /** The file mentions Kernel: no JWT is exempted there (computed on first use). */
  kernel(): boolean;
  /**
   * Quoted strings of the file, and the bytes of those spelled in hex: the keys a test suite
   * signs its vectors with (`'a-secret'`, `Buffer.from('cefb…', 'hex')`). Computed on first use.
   */
  keys(): readonly (string | Buffer)[];
  /**
   * Takes one HMAC verification from the file's budget; false once spent. A file of thousands
   * of JWTs and hundreds of strings stays linear: past the budget its JWTs are reported.
   */
  spend(): boolean;
}

/** HMAC algorithms whose signature can be checked against a key found in the file. */
const HMAC_HASH: Readonly<Record<string, string>> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
/**
 * Fewest signature bytes each algorithm produces (RSA: a 1024-bit key, the smallest in use).
 * A shorter signature was cut by hand (`…iat":1616161616}.signature`): no issuer sends one.
 */
const MIN_SIGNATURE_BYTES: Readonly<Record<string, number>> = {
  HS256: 32,
  HS384: 48,
  HS512: 64,
  RS256: 128,
  RS384: 128,
  RS512: 128,
  PS256: 128,
  PS384: 128,
  PS512: 128,
  ES256: 64,
  ES384: 96,
  ES512: 132,
  EdDSA: 64,
};
/** Registered claims that must be NumericDate when present. */
const TIME_CLAIMS = ['exp', 'nbf', 'iat'] as const;
/** Longest quoted string tried as a signing key, and how many distinct ones per file. */
const MAX_KEY_LENGTH = 256;
const MAX_KEYS = 512;
/** HMAC verifications per file (hono's largest JWT test file needs about 3,000). */
export const MAX_VERIFICATIONS = 16_384;
const QUOTES = new Set([34, 39, 96]);

function decodeSegment(segment: string): unknown {
  const json = Buffer.from(segment, 'base64url').toString('utf8').trim();
  // Cheap shape check first: JSON.parse throwing on every JWT-looking run is the slow path.
  if (!json.startsWith('{') || !json.endsWith('}')) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns undefined when `value` is not a well-formed JWT. */
export function inspectJwt(value: string): JwtVerdict | undefined {
  const parts = value.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeSegment(parts[0]!);
  if (!isObject(header) || typeof header['alg'] !== 'string') return undefined;
  const payload = decodeSegment(parts[1]!);
  if (!isObject(payload)) return undefined;
  if (TIME_CLAIMS.some((c) => c in payload && typeof payload[c] !== 'number')) return undefined;
  const exp = payload['exp'] as number | undefined;
  // jwt.io's sample (sub 1234567890, John Doe) appears in countless docs and tests.
  const isExample = payload['sub'] === '1234567890' || payload['name'] === 'John Doe';
  return exp === undefined ? { isExample, alg: header['alg'] } : { exp, isExample, alg: header['alg'] };
}

/** Two to four dot-separated segments, one of which decodes to a JSON object: a JWT someone broke. */
function isBrokenJwt(value: string): boolean {
  const parts = value.split('.');
  if (parts.length < 2 || parts.length > 4) return false;
  return parts.some((p) => p.length >= 8 && /^e[wy]/.test(p) && isObject(decodeSegment(p)));
}

function signedWithKey(value: string, alg: string, context: SigningContext): boolean {
  const hash = HMAC_HASH[alg];
  if (!hash) return false;
  const keys = context.keys();
  const dot = value.lastIndexOf('.');
  const signature = Buffer.from(value.slice(dot + 1), 'base64url');
  const input = value.slice(0, dot);
  for (const key of keys) {
    if (!context.spend()) return false;
    const { createHmac, timingSafeEqual } = lazyCrypto();
    const mac = createHmac(hash, key).update(input).digest();
    if (mac.length === signature.length && timingSafeEqual(mac, signature)) return true;
  }
  return false;
}

/**
 * Judges a JWT-shaped value. Undefined: not a JWT at all (neither well-formed nor broken), so
 * the caller's other checks decide. Without `context` (a value alone) no key can be found.
 */
export function judgeJwt(value: string, context?: SigningContext): JwtJudgement | undefined {
  const jwt = inspectJwt(value);
  if (!jwt) return !context?.kernel() && isBrokenJwt(value) ? { kind: 'fixture', reason: 'broken JWT' } : undefined;
  const token: JwtJudgement = jwt.exp === undefined ? { kind: 'token' } : { kind: 'token', exp: jwt.exp };
  if (jwt.isExample) return { kind: 'fixture', reason: 'documentation sample JWT' };
  if (context?.kernel()) return token;
  if (jwt.alg.toLowerCase() === 'none' && value.endsWith('.')) return { kind: 'fixture', reason: 'unsecured JWT' };
  const signatureBytes = Math.floor(((value.length - value.lastIndexOf('.') - 1) * 3) / 4);
  if (signatureBytes < (MIN_SIGNATURE_BYTES[jwt.alg] ?? 0)) return { kind: 'fixture', reason: 'JWT with a truncated signature' };
  if (context && signedWithKey(value, jwt.alg, context)) return { kind: 'fixture', reason: 'JWT signed with a key in the same file' };
  return token;
}

/** Hex-spelled keys are tried as their bytes too; at least 16 hex digits (8 bytes). */
const HEX_KEY = /^(?:[0-9a-fA-F]{2}){8,128}$/;

/** Distinct quoted strings (1–256 characters, one line, no escapes) of `text`, at most MAX_KEYS, then their hex bytes. */
function signingKeys(text: string): (string | Buffer)[] {
  const strings = quotedStrings(text);
  return [...strings, ...strings.filter((k) => HEX_KEY.test(k)).map((k) => Buffer.from(k, 'hex'))];
}

function quotedStrings(text: string): string[] {
  const keys = new Set<string>();
  const n = text.length;
  for (let i = 0; i < n && keys.size < MAX_KEYS; i++) {
    const q = text.charCodeAt(i);
    if (!QUOTES.has(q)) continue;
    let j = i + 1;
    while (j < n && j - i <= MAX_KEY_LENGTH + 1) {
      const c = text.charCodeAt(j);
      if (c === q || c === 10 || c === 92) break;
      j++;
    }
    if (j < n && text.charCodeAt(j) === q && j > i + 1) {
      keys.add(text.slice(i + 1, j));
      i = j;
    } else i = j - 1; // unterminated, too long or escaped: resume at the character that stopped the scan
  }
  return [...keys];
}

/** The signing context of one file: whether it mentions Kernel, and its quoted strings (lazily). */
export function signingContext(text: string): SigningContext {
  let kernel: boolean | undefined;
  let keys: readonly (string | Buffer)[] | undefined;
  let budget = MAX_VERIFICATIONS;
  return {
    kernel: () => (kernel ??= mentionsKernel(text)),
    keys: () => (keys ??= signingKeys(text)),
    spend: () => budget-- > 0,
  };
}
