/** The only forms in which a secret leaves the engine: a SHA-256 fingerprint and a short preview. */
import { lazyCrypto } from './lazy-crypto.js';

/** SHA-256 hex of the value (UTF-8). Stable across files and moves; safe to store and print. */
export function fingerprint(value: string): string {
  return lazyCrypto().createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Characters of a secret that a preview may show. Four of a 40-character token leave ~216 bits unknown. */
export const PREVIEW_CHARS = 4;

/** `eyJh…(212 chars)`. Values shorter than 12 characters show no characters at all. */
export function preview(value: string): string {
  const shown = value.length >= 12 ? value.slice(0, PREVIEW_CHARS) : '';
  return `${shown}…(${value.length} chars)`;
}

/** Replace the characters of [start, end) with `*`, keeping the first PREVIEW_CHARS, for code frames. */
export function maskSpan(line: string, start: number, end: number): string {
  const keep = end - start >= 12 ? PREVIEW_CHARS : 0;
  const masked = '*'.repeat(Math.max(0, Math.min(end, line.length) - start - keep));
  return line.slice(0, start + keep) + masked + line.slice(end);
}
