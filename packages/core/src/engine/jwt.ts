/** JWT validation: a JWT-shaped string counts only if its header decodes to JSON with `alg`. */

export interface JwtVerdict {
  /** Seconds since the epoch, when the payload has a numeric `exp`. */
  exp?: number;
  /** The well-known jwt.io sample token and similar documentation examples. */
  isExample: boolean;
}

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

/** Returns undefined when `value` is not a JWT. */
export function inspectJwt(value: string): JwtVerdict | undefined {
  const parts = value.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeSegment(parts[0]!);
  if (!isObject(header) || typeof header['alg'] !== 'string') return undefined;
  const payload = decodeSegment(parts[1]!);
  if (!isObject(payload)) return undefined;
  const exp = typeof payload['exp'] === 'number' ? payload['exp'] : undefined;
  // jwt.io's sample (sub 1234567890, John Doe) appears in countless docs and tests.
  const isExample = payload['sub'] === '1234567890' || payload['name'] === 'John Doe';
  return exp === undefined ? { isExample } : { exp, isExample };
}
