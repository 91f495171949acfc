/**
 * Committed archives, member by member: the deflated members of a zip file (`.zip`, `.jar`,
 * `.whl`, `.docx`, `.xlsx`…), the payload of a gzip file (`.gz`, `.tgz`) and the files of a tar.
 * A zip's stored members are already visible in its printable runs; deflated bytes are not, so
 * a `.env` zipped into a deployment package or a token pasted into a document was never seen.
 * Each member is decoded like a file of its own (and may itself be an archive), within a budget
 * shared by the whole file, so a zip bomb costs at most MAX_INFLATED bytes and MAX_DEPTH levels:
 * a member larger than what is left is not inflated, and one that inflates past the size it
 * declares is cut there. Every read is bounds-checked: a damaged or encrypted member is
 * skipped, and the file is still scanned as its runs.
 */
/** Inflated bytes per committed file, over all its members and levels. */
export const MAX_INFLATED = 16 * 1024 * 1024;
/**
 * Compressed bytes inflated first, to see what a stream holds (text, an archive, or binary such
 * as a class file, a shared library, a BAM file) before it is inflated whole. Deflate inflates at
 * most 1,032 bytes per input byte, so the sniff's output stays under SNIFF_OUTPUT.
 */
const SNIFF_INPUT = 512;
const SNIFF_OUTPUT = 1024 * 1024;
/** Archives inside archives read: a zip in a zip in a tarball. */
export const MAX_DEPTH = 3;
/** Members read per archive. */
const MAX_MEMBERS = 10_000;

/** What one decode of a committed file may still inflate, over all its levels. */
export interface ArchiveBudget {
  bytes: number;
}

/** Whether a stream that begins with these (inflated) bytes is worth inflating whole. */
export type Wanted = (head: Uint8Array) => boolean;

/** A member's name and its bytes, as the archive holds them (inflated when it was deflated). */
export interface ArchiveMember {
  name: string;
  bytes: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Compression methods: stored, deflated. */
const STORED = 0;
const DEFLATED = 8;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === DEFLATED;
}

function zlib(): typeof import('node:zlib') {
  return process.getBuiltinModule('node:zlib');
}

/**
 * Inflates at most `limit` bytes (never more than the budget holds): undefined when the data is
 * not a valid stream or would inflate to more. The budget is charged what was inflated, `limit`
 * when the limit stopped it, so a bomb costs what its limit allows, and only once.
 */
function inflate(run: (limit: number) => Buffer, limit: number, budget: ArchiveBudget): Uint8Array | undefined {
  const cap = Math.min(limit, budget.bytes);
  if (cap <= 0) return undefined;
  try {
    const out = run(cap);
    budget.bytes -= out.length;
    return out;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') budget.bytes -= cap;
    return undefined;
  }
}

/** The first bytes a stream inflates to, from its first SNIFF_INPUT bytes; undefined if they do not inflate. */
function head(data: Uint8Array, gzip: boolean): Uint8Array | undefined {
  const z = zlib();
  const options = { finishFlush: z.constants.Z_SYNC_FLUSH, maxOutputLength: SNIFF_OUTPUT };
  const prefix = data.subarray(0, SNIFF_INPUT);
  try {
    return gzip ? z.gunzipSync(prefix, options) : z.inflateRawSync(prefix, options);
  } catch {
    return undefined;
  }
}

/** The payload of a gzip file (all its members), or undefined when it is unwanted or does not inflate. */
export function gunzip(bytes: Uint8Array, budget: ArchiveBudget, wanted: Wanted): Uint8Array | undefined {
  const start = head(bytes, true);
  if (!start || !wanted(start)) return undefined;
  return inflate((limit) => zlib().gunzipSync(bytes, { maxOutputLength: limit }), budget.bytes, budget);
}

/** The central directory's offset and entry count, from the end record (searched back over a comment). */
function centralDirectory(bytes: Uint8Array): { at: number; entries: number } | undefined {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (bytes[end] !== 0x50 || u32(bytes, end) !== END_OF_CENTRAL) continue;
    const at = u32(bytes, end + 16);
    if (at < bytes.length) return { at, entries: u16(bytes, end + 10) };
  }
  return undefined;
}

/**
 * The members of a zip file whose bytes its printable runs do not show, one at a time: deflated
 * members that are `wanted`, inflated, and stored members that are archives themselves (to be
 * opened in turn). Read from the central directory (its sizes are right even when a data
 * descriptor follows the data).
 */
export function* zipMembers(bytes: Uint8Array, budget: ArchiveBudget, wanted: Wanted): Generator<ArchiveMember> {
  const dir = centralDirectory(bytes);
  if (!dir) return;
  let p = dir.at;
  for (let i = 0; i < dir.entries && i < MAX_MEMBERS && budget.bytes > 0; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL_HEADER) break;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const size = u32(bytes, p + 20);
    const declared = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const local = u32(bytes, p + 42);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, Math.min(nameLength, bytes.length - p - 46)).toString('utf8');
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    // Encrypted members cannot be read; directories have no content.
    if (flags & 1 || name.endsWith('/') || local + 30 > bytes.length || u32(bytes, local) !== LOCAL_HEADER) continue;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + size > bytes.length) continue;
    const data = bytes.subarray(start, start + size);
    if (method === DEFLATED) {
      // A member larger than what is left is not inflated at all: the members after it still are.
      if (declared > budget.bytes) continue;
      const start = head(data, false);
      if (!start || !wanted(start)) continue;
      const out = inflate((limit) => zlib().inflateRawSync(data, { maxOutputLength: limit }), declared, budget);
      if (out) yield { name, bytes: out };
    } else if (method === STORED && (isZip(data) || isGzip(data))) yield { name, bytes: data };
  }
}

/**
 * The regular files of a tar file, each whole (a tar stores its members as they are), with long
 * names from GNU `L` entries and pax `path` records; and where reading stopped (the end, or a
 * header that does not parse), so the caller can still read what follows as runs.
 */
export function tarMembers(bytes: Uint8Array): { members: ArchiveMember[]; end: number } {
  const members: ArchiveMember[] = [];
  let longName: string | undefined;
  let at = 0;
  while (at + 512 <= bytes.length && members.length < MAX_MEMBERS && isTarHeader(bytes, at)) {
    const size = parseInt(cString(bytes, at + 124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0) break;
    const type = bytes[at + 156];
    const data = bytes.subarray(at + 512, Math.min(bytes.length, at + 512 + size));
    if (type === 0x4c) longName = cString(data, 0, data.length);
    else if (type === 0x78) longName = paxPath(data) ?? longName;
    else {
      // Regular files: '0', or NUL in old tars. Links, directories and devices have no content.
      if (type === 0x30 || type === 0) members.push({ name: longName ?? tarName(bytes, at), bytes: data });
      longName = undefined;
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return { members, end: Math.min(at, bytes.length) };
}

/** A ustar header's name: its `prefix` field, a slash, and its `name` field. */
function tarName(bytes: Uint8Array, at: number): string {
  const prefix = cString(bytes, at + 345, 155);
  const name = cString(bytes, at, 100);
  return prefix ? `${prefix}/${name}` : name;
}

/** The `path` record of a pax extended header (`27 path=some/long/name\n`). */
function paxPath(data: Uint8Array): string | undefined {
  const text = Buffer.from(data.buffer, data.byteOffset, data.length).toString('utf8');
  const at = text.indexOf(' path=');
  if (at === -1) return undefined;
  const end = text.indexOf('\n', at);
  return text.slice(at + 6, end === -1 ? text.length : end);
}

/** A NUL-terminated field of a tar header. */
function cString(bytes: Uint8Array, at: number, length: number): string {
  const field = Buffer.from(bytes.buffer, bytes.byteOffset + at, length).toString('utf8');
  const nul = field.indexOf('\0');
  return nul === -1 ? field : field.slice(0, nul);
}

/** A ustar header at `at` (`ustar` at offset 257: what GNU tar, bsdtar and Python write). */
export function isTarHeader(bytes: Uint8Array, at = 0): boolean {
  return at + 262 <= bytes.length && Buffer.from(bytes.buffer, bytes.byteOffset + at + 257, 5).toString('latin1') === 'ustar';
}
