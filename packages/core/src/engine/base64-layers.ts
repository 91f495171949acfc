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
const BASE64_CHARS = new AsciiSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-');

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
    for (let p = 0; p < cover.length; p += 2) {
      const start = cover[p]!;
      const end = cover[p + 1]!;
      // A span is a run unless a unit above 0xFF (whose low byte read as base64) sits in it.
      if (oneByte(text, start, end)) runs.push([start, end]);
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

/** Mostly printable text (tabs and line breaks allowed): what an encoded config file decodes to. */
function isText(s: string): boolean {
  let printable = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable / s.length > 0.95;
}

const NESTED_BLOB = /[A-Za-z0-9+/_-]{32}/;

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
    const run = text.slice(start, end);
    // Identifiers, hex hashes and words are not blobs; a blob mixes cases and digits.
    if (!/[0-9]/.test(run) || !/[a-z]/.test(run) || !/[A-Z]/.test(run)) continue;
    const decoded = Buffer.from(run, run.includes('-') || run.includes('_') ? 'base64url' : 'base64').toString('latin1');
    budget.bytes -= decoded.length;
    if (decoded.length < MIN_BLOB / 2 || !isText(decoded)) continue;
    const lower = decoded.toLowerCase();
    if (!keywords.some((k) => lower.includes(k)) && !(nested && NESTED_BLOB.test(decoded))) continue;
    out.push({ start, end, text: decoded });
  }
  return out;
}
