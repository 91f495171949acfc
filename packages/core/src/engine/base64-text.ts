/**
 * A credential-shaped value that is base64 of readable text (`aG9ubzph…` = `hono:ahotproject`,
 * a Basic `user:password` fixture) looks random to an entropy measure, but it is as random as
 * the text it encodes. Such a value is judged by the pieces of that text: it is a credential
 * when one of them is (`user:<random secret>`), and not when they are words or too short.
 *
 * Random bytes are rarely all printable (95 of 256 values: a 20-character token decodes to 15
 * bytes, all printable about once in 3 million), so real tokens are not decoded into text.
 * Fixtures are often corrupted on purpose by dropping a leading character
 * (`G9ubzph…`), which shifts every byte; decoding at the four 6-bit alignments recovers them.
 */

/** A whole value of base64 or base64url characters with optional padding, of a bounded length. */
const BASE64_VALUE = /^[A-Za-z0-9+/_-]{12,4096}={0,2}$/;
/** Shortest decoded text judged (shorter pieces are below every credential length anyway). */
const MIN_TEXT = 8;
/** Splits decoded text into the pieces a credential could be (between `:`, spaces, quotes, …). */
const PIECE_SEPARATOR = /[^A-Za-z0-9_\-.~+/=]+/;

function isPrintable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/**
 * The readable text `value` encodes, or undefined. `shift` leading `A`s (six zero bits each)
 * realign a value that lost characters at its start; the first `shift` decoded bytes then
 * mix padding bits with real ones and are dropped.
 */
export function base64Text(value: string): string | undefined {
  if (!BASE64_VALUE.test(value)) return undefined;
  let end = value.length;
  while (value.charCodeAt(end - 1) === 61) end--; // '=' padding (at most two, by BASE64_VALUE)
  const body = value.slice(0, end);
  const encoding = /[-_]/.test(body) ? 'base64url' : 'base64';
  for (let shift = 0; shift < 4; shift++) {
    const text = Buffer.from('A'.repeat(shift) + body, encoding)
      .toString('latin1')
      .slice(shift);
    if (text.length >= MIN_TEXT && isPrintable(text)) return text;
  }
  return undefined;
}

/** The pieces of decoded text that could each be a credential. */
export function textPieces(text: string): string[] {
  return text.split(PIECE_SEPARATOR).filter(Boolean);
}
