/**
 * What a credential becomes: a fixed marker that keeps no character of it (less than the
 * scanner's own preview, which keeps four), with the auth scheme kept so a log still tells
 * `Bearer` from `Basic`. And the scrubbing of strings that carry credentials inside them: raw
 * HTTP header blocks (Node's `request._header`), `Bearer …` in messages, `?token=…` in URLs and
 * `"apiKey":"…"` in JSON bodies.
 *
 * Every pattern is linear: no nested or overlapping unbounded quantifiers, bounded lengths, and
 * a cheap `includes` prefilter before any of them runs.
 */
import type { Matchers } from './names.js';

export const REDACTED = '[REDACTED]';

/** Schemes kept in front of the marker (`Bearer [REDACTED]`); any other value is masked whole. */
const SCHEME = /^(bearer|basic|token|digest|negotiate|apikey|api-key|jwt|kernel)([ \t]{1,8})\S/i;

/** A credential string → the marker, after its auth scheme if it has one. Empty strings stay empty (they hold nothing). */
export function maskCredentialString(value: string): string {
  if (value === '') return value;
  const scheme = SCHEME.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

/**
 * A value stored under a credential name. Strings lose their secret, arrays (Node's multi-value
 * headers, `[name, value]` pairs) lose every element that is not itself a header or field
 * name; `null`, `undefined` and booleans say only "present/absent" and stay; anything else
 * (numbers, objects) becomes the marker.
 */
export function maskCredential(value: unknown, names: Matchers): unknown {
  if (typeof value === 'string') return maskCredentialString(value);
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    // `Array.isArray` is true for a Proxy of an array too; its elements are read like any others.
    const out: unknown[] = [];
    const length = Math.min(value.length, MAX_MASKED_ELEMENTS);
    for (let i = 0; i < length; i++) {
      let element: unknown;
      try {
        element = value[i];
      } catch {
        element = REDACTED;
      }
      out.push(typeof element === 'string' && names.isCredential(element) ? element : maskCredential(element, names));
    }
    return out;
  }
  return REDACTED;
}

/** A header value array longer than this is not a header; the rest is dropped (it is a credential's slot anyway). */
const MAX_MASKED_ELEMENTS = 64;

// ─── Credentials inside longer strings ────────────────────────────────────────────────────────

/** `Bearer <token>` anywhere: the token is 8–4096 characters of the RFC 6750 token68 alphabet. */
const INLINE_BEARER = /\b(bearer)[ \t]{1,8}[A-Za-z0-9._~+/-]{8,4096}={0,8}/gi;

/** A header line in a raw HTTP message (`GET / HTTP/1.1\r\nAuthorization: Bearer …\r\n`): name, then the rest of the line. */
const HEADER_LINE = /(^|\n)([ \t]{0,16})([A-Za-z0-9-]{1,64})([ \t]{0,16}:)([^\r\n]{0,16384})/g;

/** `name=value` in a query string, a form body or a cookie; the name decides. */
const PARAMETER = /(^|[?&;\s])([A-Za-z0-9_.-]{1,64})=([^&#;\s"']{1,4096})/g;

/** `"name": "value"` in a JSON text (an axios `config.data` body); the name decides. */
const JSON_MEMBER = /"([A-Za-z0-9_.-]{1,64})"([ \t]{0,8}:[ \t]{0,8})"((?:[^"\\]|\\.){0,4096})"/g;

/**
 * A copy of `text` with every credential it carries masked. Strings without a `:`, `=` or the
 * word bearer are returned as they are (most strings: messages, URLs without queries).
 */
export function scrubString(text: string, names: Matchers): string {
  if (text.length < 8) return text;
  let out = text;
  if (out.includes(':')) {
    out = out.replace(HEADER_LINE, (whole, start: string, indent: string, name: string, colon: string, value: string) =>
      names.isHeader(name) ? `${start}${indent}${name}${colon} ${maskCredentialString(value.trim())}` : whole,
    );
  }
  if (out.includes('=')) {
    out = out.replace(PARAMETER, (whole, start: string, name: string) =>
      names.isCredential(name) ? `${start}${name}=${REDACTED}` : whole,
    );
  }
  if (out.includes('"') && out.includes(':')) {
    out = out.replace(JSON_MEMBER, (whole, name: string, colon: string, value: string) =>
      names.isCredential(name) ? `"${name}"${colon}"${maskCredentialString(value)}"` : whole,
    );
  }
  if (/bearer/i.test(out)) out = out.replace(INLINE_BEARER, (_whole, scheme: string) => `${scheme} ${REDACTED}`);
  return out;
}
