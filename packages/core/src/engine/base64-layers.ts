/**
 * Base64 blobs that hide a whole credential file: a Kubernetes Secret whose `.env` key holds
 * `KERNEL_TOKEN=…` encoded, a data blob in a notebook. Such blobs are decoded and scanned
 * again, to a bounded depth and a bounded number of decoded bytes per text, so memory and
 * time stay linear in the input.
 */
import { AsciiSet, charRuns } from './char-runs.js';

/** How many layers of base64 inside base64 are opened. */
export const MAX_BASE64_DEPTH = 2;
/** Decoded bytes examined per scanned text, across all its blobs. */
export const MAX_DECODED_BYTES = 4 * 1024 * 1024;
/** Shortest blob worth decoding: shorter ones cannot hold a name, a separator and a token. */
const MIN_BLOB = 32;

/** Longest blob decoded; longer runs are skipped (bounds memory per blob). */
const MAX_BLOB = 1024 * 1024;

/** Characters of standard and URL-safe base64 (padding handled separately). */
/** The 62 base64 characters both alphabets share, in value order (`+`/`-` are 62, `/`/`_` 63). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64_CHARS = new AsciiSet(`${ALPHABET}+/_-`);

/**
 * Runs this long may complete a blob: up to two `=` of padding can follow. Every maximal run of
 * at least this many base64 characters is found (the keyword pass's WebAssembly module finds
 * the same ones: engine/wasm-keywords.ts).
 */
export const BASE64_RUN_KEEP = MIN_BLOB - 2;

/** Whether no unit of text[start, end) is above 0xFF (all are what the module's bytes say). */
function oneByte(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/**
 * A unit above 0xFF somewhere in the text. V8 keeps a string that has none in one byte per
 * character and answers this for it without reading it (no such character can match), so a
 * text of code is not read again span by span (that loop was most of base64Runs' time).
 */
const WIDE_UNIT = /[\u0100-\uffff]/;

/**
 * [start, end) of each maximal run of base64 characters (plus up to two `=` of padding) that
 * is long enough to be a blob. Without `cover`, found by the skip-ahead run finder
 * (char-runs.ts): on ordinary code it touches a fraction of the characters; a regex cannot skip
 * like this. With `cover` (flat [start, end) pairs from the keyword pass, each holding whole
 * runs), only the characters inside the cover are looked at again.
 */
export function base64Runs(text: string, cover?: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  const n = text.length;
  let runs: [number, number][];
  if (cover) {
    runs = [];
    const wide = WIDE_UNIT.test(text);
    for (let p = 0; p < cover.length; p += 2) {
      const start = cover[p]!;
      const end = cover[p + 1]!;
      // A span is a run unless a unit above 0xFF (whose low byte read as base64) sits in it.
      if (!wide || oneByte(text, start, end)) runs.push([start, end]);
      else for (const run of charRuns(text, BASE64_RUN_KEEP, BASE64_CHARS, start, end, BASE64_RUN_KEEP)) runs.push(run);
    }
  } else {
    runs = charRuns(text, BASE64_RUN_KEEP, BASE64_CHARS, 0, n, BASE64_RUN_KEEP);
  }
  for (const [start, end] of runs) {
    let padded = end;
    while (padded < n && padded - end < 2 && text.charCodeAt(padded) === 61) padded++; // '=' padding
    const len = padded - start;
    // A run glued to other token characters (the `.` of a JWT, more `=`) is not a standalone blob.
    const glued = padded < n && /[.~=]/.test(text.charAt(padded));
    if (len >= MIN_BLOB && len <= MAX_BLOB && !glued) out.push([start, padded]);
  }
  return out;
}

export interface DecodedBlob {
  start: number;
  end: number;
  text: string;
}

/** The share of printable bytes above which decoded bytes are text. */
const TEXT_SHARE = 0.95;

/** Mostly printable text (tabs and line breaks allowed): what an encoded config file decodes to. */
function isText(s: string): boolean {
  let printable = 0;
  for (let i = 0; i < s.length; i++) if (printableByte(s.charCodeAt(i))) printable++;
  return printable / s.length > TEXT_SHARE;
}

const NESTED_BLOB = /[A-Za-z0-9+/_-]{32}/;

/** Value of each base64 character (both alphabets); -1 for any other code below 128. */
const SEXTET = new Int8Array(128).fill(-1);
for (const [i, c] of [...ALPHABET].entries()) SEXTET[c.charCodeAt(0)] = i;
SEXTET[43] = SEXTET[45] = 62; // '+' and '-'
SEXTET[47] = SEXTET[95] = 63; // '/' and '_'

/** Whether a decoded byte is printable or a tab, line feed or return (what isText counts). */
const printableByte = (b: number) => (b >= 32 && b < 127) || b === 9 || b === 10 || b === 13;
/** Whether a byte whose top six bits are `v` may be one (the low two bits come from the next character). */
const mayBePrintableTop = (v: number) => (v >= 8 && v <= 31) || v === 2 || v === 3;

/** The end of the run [start, end) without its `=` padding. */
function bodyEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === 61) end--;
  return end;
}

/**
 * Whether the run text[start, body) (its `=` padding left off), which decodes to `decoded`
 * bytes, may decode to text, told from its characters alone. In each group of four, the first
 * decoded byte is the first character's six bits and two more, and the third is the third
 * character's last two bits and the fourth character. Those bytes that cannot be printable are
 * counted; once they alone fail isText's own comparison, nothing is decoded. An identifier
 * (`Unexpected_token_0_1005`: its lower-case letters and digits have values of 26 and up) fails
 * at once; half of the full scan's base64 time was decoding such runs. It never says no to a
 * run isText accepts (base64-blob-text.test.ts holds it to decoding).
 */
function mayDecodeToText(text: string, start: number, body: number, decoded: number): boolean {
  let bad = 0;
  for (let g = start; g + 1 < body; g += 4) {
    let more = mayBePrintableTop(SEXTET[text.charCodeAt(g)]!) ? 0 : 1;
    if (g + 3 < body && !printableByte(((SEXTET[text.charCodeAt(g + 2)]! & 3) << 6) | SEXTET[text.charCodeAt(g + 3)]!)) more++;
    if (more > 0 && (decoded - (bad += more)) / decoded <= TEXT_SHARE) return false;
  }
  return true;
}

/** Whether text[start, end) holds a digit, a lower-case and an upper-case letter, as a blob's characters do. */
function mixesCasesAndDigits(text: string, start: number, end: number): boolean {
  let seen = 0;
  for (let i = start; i < end && seen !== 7; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) seen |= 1;
    else if (c >= 97 && c <= 122) seen |= 2;
    else if (c >= 65 && c <= 90) seen |= 4;
  }
  return seen === 7;
}

/**
 * Decoded text of each base64 blob in `text` that decodes to readable text containing one of
 * `keywords` (or, when `nested` layers may still be opened, another blob). Stops once
 * `budget.bytes` is spent. `cover`: see base64Runs.
 */
export function decodeBase64Blobs(
  text: string,
  keywords: readonly string[],
  budget: { bytes: number },
  nested: boolean,
  cover?: readonly number[],
): DecodedBlob[] {
  const out: DecodedBlob[] = [];
  for (const [start, end] of base64Runs(text, cover)) {
    if (budget.bytes <= 0) break;
    // Identifiers, hex hashes and words are not blobs; a blob mixes cases and digits.
    if (!mixesCasesAndDigits(text, start, end)) continue;
    const body = bodyEnd(text, start, end);
    // What Buffer decodes the run to (a lone last character gives nothing).
    const length = Math.floor(((body - start) * 3) / 4);
    if (!mayDecodeToText(text, start, body, length)) {
      // Charged as if decoded, so the budget stops the same blobs whichever way a run is judged.
      budget.bytes -= length;
      continue;
    }
    const run = text.slice(start, end);
    const decoded = Buffer.from(run, run.includes('-') || run.includes('_') ? 'base64url' : 'base64').toString('latin1');
    budget.bytes -= decoded.length;
    if (decoded.length < MIN_BLOB / 2 || !isText(decoded)) continue;
    const lower = decoded.toLowerCase();
    if (!keywords.some((k) => lower.includes(k)) && !(nested && NESTED_BLOB.test(decoded))) continue;
    out.push({ start, end, text: decoded });
  }
  return out;
}
