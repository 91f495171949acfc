/**
 * Key/value rows of a committed SQLite file (`settings(key, value)` holding `kernel_token`),
 * rendered as text the binding reader already understands. A row's text cells are stored one
 * after the other with no separator (`kernel_tokenAbC…` in the printable runs), so the name and
 * the value cannot be told apart there; reading the b-tree leaf cells gives each cell alone.
 * Each row with two or more text cells becomes one line `('kernel_token', '…')`, the shape of a
 * SQL VALUES list, in whichever text encoding the database declares (UTF-8, UTF-16 LE or BE).
 * Only rows stored whole in their page are read (no overflow pages: a token row is short); every
 * read is bounds-checked, so a damaged file is just skipped.
 */

import { MAX_CELLS, MAX_ROWS, valuesLine } from './rows.js';

const MAGIC = 'SQLite format 3\0';
/** b-tree page type of a table leaf. */
const TABLE_LEAF = 0x0d;
interface Decoder {
  decode(bytes: Uint8Array): string;
}
/** The header's text encoding (offset 56, big-endian): 1 UTF-8, 2 UTF-16 LE, 3 UTF-16 BE. */
const ENCODINGS: Readonly<Record<number, Decoder>> = {
  1: new TextDecoder('utf-8'),
  2: new TextDecoder('utf-16le'),
  3: new TextDecoder('utf-16be'),
};

export function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

/** A SQLite varint at `at`: [value, next offset], or undefined past the end. */
function varint(bytes: Uint8Array, at: number, end: number): [number, number] | undefined {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    if (at + i >= end) return undefined;
    const b = bytes[at + i]!;
    if (i === 8) return [v * 256 + b, at + 9];
    v = v * 128 + (b & 0x7f);
    if (b < 0x80) return [v, at + i + 1];
  }
  return undefined;
}

/** Bytes a value of serial type `t` takes. */
function serialSize(t: number): number {
  if (t >= 12) return Math.floor((t - 12) / 2);
  return [0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0][t]!;
}

/** The text cells of one record payload [at, end), or undefined when it does not parse. */
function recordTexts(bytes: Uint8Array, at: number, end: number, decoder: Decoder): string[] | undefined {
  const head = varint(bytes, at, end);
  if (!head) return undefined;
  const headerEnd = at + head[0];
  if (headerEnd > end) return undefined;
  const texts: string[] = [];
  let p = head[1];
  let body = headerEnd;
  for (let n = 0; p < headerEnd && n < MAX_CELLS; n++) {
    const t = varint(bytes, p, headerEnd);
    if (!t) return undefined;
    p = t[1];
    const size = serialSize(t[0]);
    if (body + size > end) return undefined;
    if (t[0] >= 13 && t[0] % 2 === 1) texts.push(decoder.decode(bytes.subarray(body, body + size)));
    body += size;
  }
  return texts;
}

/** One line per table row with two or more text cells: `('name', 'value')`. '' when there are none. */
export function sqliteRows(bytes: Uint8Array): string {
  if (!isSqlite(bytes)) return '';
  const raw = (bytes[16]! << 8) | bytes[17]!;
  const pageSize = raw === 1 ? 65536 : raw;
  const usable = pageSize - bytes[20]!;
  const decoder = bytes[56] === 0 && bytes[57] === 0 && bytes[58] === 0 ? ENCODINGS[bytes[59]!] : undefined;
  if (pageSize < 512 || usable < 480 || !decoder) return '';
  const maxLocal = usable - 35;
  const lines: string[] = [];
  for (let page = 0; page * pageSize < bytes.length && lines.length < MAX_ROWS; page++) {
    const base = page * pageSize;
    const header = page === 0 ? 100 : 0;
    const end = Math.min(bytes.length, base + pageSize);
    if (base + header + 8 > end || bytes[base + header] !== TABLE_LEAF) continue;
    const cells = (bytes[base + header + 3]! << 8) | bytes[base + header + 4]!;
    for (let c = 0; c < cells && lines.length < MAX_ROWS; c++) {
      const ptr = base + header + 8 + 2 * c;
      if (ptr + 2 > end) break;
      const cell = base + ((bytes[ptr]! << 8) | bytes[ptr + 1]!);
      const size = varint(bytes, cell, end);
      const rowid = size && varint(bytes, size[1], end);
      if (!size || !rowid || size[0] > maxLocal || rowid[1] + size[0] > end) continue;
      const texts = recordTexts(bytes, rowid[1], rowid[1] + size[0], decoder);
      const line = texts && valuesLine(texts);
      if (line) lines.push(line);
    }
  }
  return lines.join('\n');
}
