/**
 * The `known` detector: the user's own live tokens, matched in any context and in the
 * encodings a token travels in. No keyword and no entropy filter: a hit is never a false positive.
 */
import { MAX_TOKEN_LENGTH, TOKEN_CHAR } from '../catalogue/detectors.js';
import { charRuns, TOKEN_CHARS } from './char-runs.js';
import { fingerprint } from './redact.js';

/** Known values shorter than this are ignored: an 8-character "token" would match everywhere. */
export const MIN_KNOWN_TOKEN_LENGTH = 8;

export interface KnownVariant {
  /** The exact text searched for. */
  text: string;
  /** Which encoding it is, e.g. `raw`, `base64`, `percent-encoded`. */
  form: string;
  /** Fingerprint of the raw token (what findings report). */
  fingerprint: string;
}

/**
 * Base64 of `token` as it appears inside a longer encoded blob: the characters that depend only
 * on the token's own bytes, for each of the three byte alignments it can start at.
 */
function embeddedBase64(token: string): string[] {
  const bytes = Buffer.from(token, 'utf8');
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString('base64');
    const first = Math.ceil((8 * shift) / 6);
    const last = Math.floor((8 * (shift + bytes.length)) / 6);
    if (last - first >= MIN_KNOWN_TOKEN_LENGTH) out.push(encoded.slice(first, last));
  }
  return out;
}

/** Characters Python's `urllib.parse.quote` leaves as they are (its default `safe='/'`). */
const PYTHON_QUOTE_SAFE = /[A-Za-z0-9_.~/-]/;
/** …and `quote_plus` (`safe=''`; a space becomes `+`). */
const PYTHON_QUOTE_PLUS_SAFE = /[A-Za-z0-9_.~-]/;

/** Percent-encodes the UTF-8 bytes of every character outside `safe` (upper-case hex). */
function percentEncode(text: string, safe: RegExp, plusForSpace: boolean): string {
  let out = '';
  for (const ch of text) {
    if (safe.test(ch)) out += ch;
    else if (ch === ' ' && plusForSpace) out += '+';
    else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Every form of `token` the detector searches for, without duplicates. */
export function knownVariants(token: string): KnownVariant[] {
  const fp = fingerprint(token);
  const forms: [string, string][] = [['raw', token]];
  for (const b64 of embeddedBase64(token)) {
    forms.push(['base64', b64]);
    forms.push(['base64url', b64.replace(/\+/g, '-').replace(/\//g, '_')]);
  }
  // JavaScript's encodeURIComponent, Python's quote() (keeps `/`, escapes `!*'()`) and
  // quote_plus() (`+` for space), each with upper- and lower-case hex digits.
  for (const encoded of [
    encodeURIComponent(token),
    percentEncode(token, PYTHON_QUOTE_SAFE, false),
    percentEncode(token, PYTHON_QUOTE_PLUS_SAFE, true),
  ]) {
    forms.push(['percent-encoded', encoded], ['percent-encoded', encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())]);
  }
  const json = JSON.stringify(token).slice(1, -1);
  forms.push(['JSON-escaped', json]);
  forms.push(['JS-escaped', json.replace(/\//g, '\\/')]);
  const seen = new Set<string>();
  const variants: KnownVariant[] = [];
  for (const [form, text] of forms) {
    if (seen.has(text)) continue;
    seen.add(text);
    variants.push({ text, form, fingerprint: fp });
  }
  return variants;
}

/**
 * The definition of a fingerprint candidate, as a regex: maximal runs of token characters. The
 * engine finds them with fingerprintRuns; the tests hold that to this (and check its linearity).
 */
export const FINGERPRINT_CANDIDATE = new RegExp(
  String.raw`(?<![A-Za-z0-9_\-.~+/=])${TOKEN_CHAR}{${MIN_KNOWN_TOKEN_LENGTH},${MAX_TOKEN_LENGTH}}`,
  'g',
);

/**
 * The candidates hashed against known fingerprints:
 * [start, end) of each maximal run of token characters at least `minLength` (and at least
 * MIN_KNOWN_TOKEN_LENGTH) long, in order, a run longer than MAX_TOKEN_LENGTH giving its first
 * MAX_TOKEN_LENGTH characters: FINGERPRINT_CANDIDATE's matches. The skip-ahead run finder
 * probes a fraction of the characters where the regex visits every one.
 */
export function fingerprintRuns(text: string, minLength: number): [number, number][] {
  const min = Math.max(minLength, MIN_KNOWN_TOKEN_LENGTH);
  const out: [number, number][] = [];
  for (const [start, end] of charRuns(text, min, TOKEN_CHARS, 0, text.length, min))
    out.push([start, Math.min(end, start + MAX_TOKEN_LENGTH)]);
  return out;
}

/**
 * The values inside a run worth hashing: the run itself, the run without trailing dots or
 * padding, and the part after an `=` (`token=abc` is one run of token characters).
 */
export function fingerprintCandidates(run: string): { value: string; start: number }[] {
  const out = [{ value: run, start: 0 }];
  const trimmed = run.replace(/[.=]+$/, '');
  if (trimmed !== run && trimmed.length >= MIN_KNOWN_TOKEN_LENGTH) out.push({ value: trimmed, start: 0 });
  const eq = run.indexOf('=');
  if (eq > 0 && eq < run.length - 1) {
    const rest = run.slice(eq + 1);
    if (rest.length >= MIN_KNOWN_TOKEN_LENGTH) out.push({ value: rest, start: eq + 1 });
  }
  return out;
}
