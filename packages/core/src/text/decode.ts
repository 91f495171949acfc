/**
 * Bytes → text the detectors can read. Git blobs and files arrive as bytes in any encoding:
 * UTF-8 (with or without BOM), UTF-16 LE/BE (Windows editors, PowerShell output), or binary
 * (images, sqlite, .pyc) where a token can still sit in a printable run, and archives whose
 * members are decoded in turn (archive.ts).
 */
import {
  type ArchiveBudget,
  type ArchiveMember,
  gunzip,
  isGzip,
  isTarHeader,
  isZip,
  MAX_DEPTH,
  MAX_INFLATED,
  tarMembers,
  zipMembers,
} from './archive.js';
import { officePartText, workbookOf } from './office.js';
import { sqliteRows } from './sqlite.js';

export type TextEncodingKind = 'utf8' | 'utf16le' | 'utf16be' | 'binary';

export interface DecodedText {
  text: string;
  encoding: TextEncodingKind;
  /**
   * The parts of `text` that are archive members' own text (archive.ts), disjoint and in order,
   * each named by its path in the archive (`app.zip › config/.env` when nested). The text before
   * the first is the file's own; between them are the `==> name <==` lines. Scanned one by one
   * (`scanDecoded`), so one member's context (a key, a Kernel mention) never judges another's.
   */
  members?: MemberText[];
  /** Where the file's own text ends when it has `members` (the first `==> name <==` line follows). */
  ownEnd?: number;
}

export interface MemberText {
  name: string;
  start: number;
  end: number;
}

/** Bytes inspected to guess the encoding. */
const SNIFF_BYTES = 8192;
/** Shortest printable run kept from a binary file (as `strings -n 8`). */
const MIN_PRINTABLE_RUN = 8;

function utf16Guess(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // ASCII-range text in UTF-16 has a zero in every other byte.
  if (oddZero / pairs > 0.7 && evenZero / pairs < 0.1) return 'utf16le';
  if (evenZero / pairs > 0.7 && oddZero / pairs < 0.1) return 'utf16be';
  // Mostly non-ASCII text (Japanese comments, say) has zeros only in its ASCII part, and never in
  // the other half of a pair; accept it when it also decodes as plausible text.
  const sample = bytes.subarray(0, n);
  if (oddZero / pairs > 0.05 && evenZero / pairs < 0.01 && plausibleText(new TextDecoder('utf-16le').decode(sample))) return 'utf16le';
  if (evenZero / pairs > 0.05 && oddZero / pairs < 0.01 && plausibleText(new TextDecoder('utf-16be').decode(sample))) return 'utf16be';
  return undefined;
}

/** Text, not binary read as UTF-16: no invalid sequences and almost no control characters. */
function plausibleText(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad <= text.length / 100;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES)).includes(0) || bytes.includes(0);
}

/** Printable ASCII runs of a binary, one per line, so tokens embedded in it are scanned. */
export function printableRuns(bytes: Uint8Array): string {
  // A view, not a copy: each run is decoded straight from the file's bytes.
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const runs: string[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    // Skip what is not printable, then take the run that follows.
    while (i < n && !isPrintable(bytes[i]!)) i++;
    const start = i;
    while (i < n && isPrintable(bytes[i]!)) i++;
    if (i - start >= MIN_PRINTABLE_RUN) runs.push(view.toString('latin1', start, i));
  }
  return runs.join('\n');
}

/**
 * Runs of 8+ printable ASCII characters stored as UTF-16 LE (each character followed by a zero
 * byte), one per line: how Windows resources and .NET string literals hold text, which the
 * one-byte runs above never see (`strings -el`). Such a run has a zero between its characters,
 * so no character of it is also in a one-byte run. Big-endian runs are not read: each is also a
 * little-endian run one byte later, less its last character, which would report a token twice.
 */
export function utf16Runs(bytes: Uint8Array): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const runs: string[] = [];
  const n = bytes.length;
  const minBytes = 2 * MIN_PRINTABLE_RUN;
  let done = 0;
  // A run kept is at least minBytes long, so it covers a multiple of minBytes: only those
  // offsets are probed, and a probe inside a run finds the run's two ends.
  for (let p = 0; p < n; p += minBytes) {
    const c = bytes[p] === 0 ? p - 1 : p;
    if (c < done || !unitAt(bytes, c)) continue;
    let start = c;
    while (start - 2 >= done && unitAt(bytes, start - 2)) start -= 2;
    let end = c + 2;
    while (unitAt(bytes, end)) end += 2;
    if (end - start >= minBytes) runs.push(view.toString('utf16le', start, end));
    done = end;
    p = Math.ceil(end / minBytes) * minBytes - minBytes;
  }
  return runs.join('\n');
}

/** A printable character in UTF-16 LE at `i`: printable, then a zero. */
function unitAt(bytes: Uint8Array, i: number): boolean {
  return i + 1 < bytes.length && bytes[i + 1] === 0 && isPrintable(bytes[i]!);
}

function isPrintable(b: number): boolean {
  return (b >= 0x20 && b < 0x7f) || b === 0x09;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  return decodeWithin(bytes, { bytes: MAX_INFLATED }, 0);
}

/** A file's text, or an archive member's at `depth` (0: the committed file), within `budget`. */
function decodeWithin(bytes: Uint8Array, budget: ArchiveBudget, depth: number): DecodedText {
  if (isGzip(bytes) && depth < MAX_DEPTH) {
    // A gzip file is its payload (a tarball is then read as a tar). Its lines are not the file's.
    const payload = gunzip(bytes, budget, worthInflating);
    if (payload) return { ...decodeWithin(payload, budget, depth + 1), encoding: 'binary' };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  if (hasNul(bytes)) {
    const guess = utf16Guess(bytes);
    if (guess === 'utf16le') return { text: new TextDecoder('utf-16le').decode(bytes), encoding: guess };
    if (guess === 'utf16be') return { text: new TextDecoder('utf-16be').decode(bytes), encoding: guess };
    // Its one-byte runs, its UTF-16 LE runs, a SQLite file's rows as `('name', 'value')` lines
    // (its cells have no separator in the runs), and an archive's members the runs cannot show.
    // A tar is its files (and runs only past where its headers stop parsing).
    const tar = isTarHeader(bytes) && depth < MAX_DEPTH ? tarMembers(bytes) : undefined;
    const rest = tar ? bytes.subarray(tar.end) : bytes;
    const own = [printableRuns(rest), utf16Runs(rest), sqliteRows(rest)].filter((part) => part !== '').join('\n');
    const archive = membersText(
      tar ? tar.members : isZip(bytes) && depth < MAX_DEPTH ? zipMembers(bytes, budget, worthInflating) : [],
      budget,
      depth,
    );
    if (!archive) return { text: own, encoding: 'binary' };
    const shift = own.length + 1;
    const members = archive.members.map((m) => ({ ...m, start: m.start + shift, end: m.end + shift }));
    return { text: `${own}\n${archive.text}`, encoding: 'binary', members, ownEnd: own.length };
  }
  // Invalid UTF-8 sequences become U+FFFD; the ASCII around them (where tokens live) is kept.
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf8' };
}

/**
 * An archive's members (archive.ts), each decoded as a file of its own after a `==> name <==`
 * line that says which member the lines below come from; an office document's parts as their
 * text, not as markup (office.ts).
 */
function membersText(
  found: Iterable<ArchiveMember>,
  budget: ArchiveBudget,
  depth: number,
): { text: string; members: MemberText[] } | undefined {
  const decoded = [...found].map((m) => ({ name: m.name, file: decodeWithin(m.bytes, budget, depth + 1) }));
  const xmlOf = (file: DecodedText) => (file.encoding === 'utf8' ? file.text : undefined);
  const workbook = workbookOf(decoded.map((m) => ({ name: m.name, xml: xmlOf(m.file) })));
  let text = '';
  const members: MemberText[] = [];
  for (const m of decoded) {
    const name = printableName(m.name);
    const xml = xmlOf(m.file);
    const read = xml === undefined ? undefined : officePartText(m.name, xml, workbook);
    const inner: DecodedText = read === undefined ? m.file : { text: read, encoding: m.file.encoding };
    text += `${text === '' ? '' : '\n'}==> ${name} <==\n`;
    const start = text.length;
    members.push({ name, start, end: start + (inner.ownEnd ?? inner.text.length) });
    for (const n of inner.members ?? []) members.push({ name: `${name} › ${n.name}`, start: start + n.start, end: start + n.end });
    text += inner.text;
  }
  return members.length === 0 ? undefined : { text, members };
}

/**
 * Compressed content worth inflating, judged by its first bytes: text (where a token is written)
 * or an archive to open in turn. Compressed binaries (class files, shared libraries, images, BAM
 * files) are not: their printable runs are unrelated strings side by side, and reading them is
 * most of the cost of a vendored archive.
 */
function worthInflating(head: Uint8Array): boolean {
  if (isZip(head) || isGzip(head) || isTarHeader(head)) return true;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return !hasNul(head) || utf16Guess(head) !== undefined;
}

/** A member's name with control characters (a line break, a terminal escape) replaced. */
function printableName(name: string): string {
  let out = '';
  for (const ch of name) out += ch < ' ' || ch === '\x7f' ? '?' : ch;
  return out;
}
