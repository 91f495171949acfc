/**
 * Binary files people commit by accident, built byte by byte with a token where the real format
 * puts text: a PNG `tEXt` chunk, an SQLite table row, the constants of a compiled Python module,
 * a zip archive's member (stored, or deflated), a Windows executable's UTF-16 string. Each holds
 * NUL bytes, so git and the engine both treat it as binary; the token sits in a printable run (one
 * byte per character, or two in the executable) or in a member the engine inflates.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function u16le(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
}

/** A 1×1 PNG with a `tEXt` comment holding `text`. */
export function pngWithText(text: string): Buffer {
  const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 6, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    pngChunk('IDAT', randomBytes(64)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** SQLite varint (values below 2^14 are enough here). */
function varint(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x80 | (n >> 7), n & 0x7f]);
}

/**
 * An SQLite database file (header page) whose table leaf page holds one `settings` row
 * `(key, value)`. SQLite stores a row's text columns back to back: `KERNEL_TOKEN<value>`.
 */
export function sqliteWithRow(key: string, value: string): Buffer {
  const PAGE = 4096;
  const header = Buffer.alloc(100);
  header.write('SQLite format 3\0', 0, 'latin1');
  header.writeUInt16BE(PAGE, 16);
  header[18] = 1;
  header[19] = 1;
  header[21] = 64;
  header[22] = 32;
  header[23] = 32;
  header.writeUInt32BE(2, 28); // pages in the file
  header.writeUInt32BE(4, 44); // schema format
  header.writeUInt32BE(1, 56); // UTF-8
  const k = Buffer.from(key, 'utf8');
  const v = Buffer.from(value, 'utf8');
  const types = Buffer.concat([varint(k.length * 2 + 13), varint(v.length * 2 + 13)]);
  const record = Buffer.concat([varint(types.length + 1), types, k, v]);
  const cell = Buffer.concat([varint(record.length), varint(1), record]);
  const leaf = Buffer.alloc(PAGE);
  leaf[0] = 0x0d; // table b-tree leaf
  leaf.writeUInt16BE(1, 3); // one cell
  leaf.writeUInt16BE(PAGE - cell.length, 5);
  leaf.writeUInt16BE(PAGE - cell.length, 8);
  cell.copy(leaf, PAGE - cell.length);
  const first = Buffer.alloc(PAGE);
  header.copy(first);
  return Buffer.concat([first, leaf]);
}

/** A marshalled short ASCII string, interned (`Z` | FLAG_REF), as CPython writes constants and names. */
function marshalShortAscii(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xda, text.length]), Buffer.from(text, 'latin1')]);
}

/**
 * A CPython 3.12 `.pyc` (header + code object) compiled from `NAME = "<value>"`: the name and
 * the value are separate entries of the code object's tables, so no `NAME=value` text exists.
 */
export function pycWithConstant(name: string, value: string): Buffer {
  const header = Buffer.concat([
    Buffer.from([0xcb, 0x0d, 0x0d, 0x0a]),
    u32le(0),
    u32le(1_700_000_000),
    u32le(name.length + value.length + 6),
  ]);
  const code = Buffer.concat([
    Buffer.from([0xe3]), // TYPE_CODE | FLAG_REF
    u32le(0),
    u32le(0),
    u32le(0),
    u32le(0),
    u32le(1), // argcount, posonly, kwonly, stacksize, flags
    Buffer.from([0x73]),
    u32le(8),
    Buffer.from([0x97, 0x00, 0x64, 0x00, 0x5a, 0x00, 0x79, 0x01]), // co_code
    Buffer.from([0x29, 0x02]),
    marshalShortAscii(value),
    Buffer.from([0x4e]), // co_consts: (value, None)
    Buffer.from([0x29, 0x01]),
    marshalShortAscii(name), // co_names
    Buffer.from([0x29, 0x00]), // co_localsplusnames
    marshalShortAscii('settings.py'),
    marshalShortAscii('<module>'),
    u32le(1),
  ]);
  return Buffer.concat([header, code]);
}

/**
 * A zip archive with one member, stored uncompressed (method 0, as `zip -0` or many tools write
 * small files) or deflated (method 8, what `zip` and every office suite write).
 */
export function zipWithFile(name: string, content: string, method: 'stored' | 'deflated' = 'stored'): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const raw = Buffer.from(content, 'utf8');
  const data = method === 'deflated' ? deflateRawSync(raw) : raw;
  const code = method === 'deflated' ? 8 : 0;
  const crc = crc32(raw);
  const local = Buffer.concat([
    u32le(0x04034b50),
    u16le(20),
    u16le(0),
    u16le(code),
    u16le(0),
    u16le(0x21),
    u32le(crc),
    u32le(data.length),
    u32le(raw.length),
    u16le(nameBytes.length),
    u16le(0),
    nameBytes,
    data,
  ]);
  const central = Buffer.concat([
    u32le(0x02014b50),
    u16le(20),
    u16le(20),
    u16le(0),
    u16le(code),
    u16le(0),
    u16le(0x21),
    u32le(crc),
    u32le(data.length),
    u32le(raw.length),
    u16le(nameBytes.length),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0),
    u32le(0),
    u32le(0),
    nameBytes,
  ]);
  const end = Buffer.concat([
    u32le(0x06054b50),
    u16le(0),
    u16le(0),
    u16le(1),
    u16le(1),
    u32le(central.length),
    u32le(local.length),
    u16le(0),
  ]);
  return Buffer.concat([local, central, end]);
}

/**
 * A Windows executable's shape: the `MZ` stub, code bytes, then `text` as a UTF-16 LE string, as
 * a .NET assembly's user-string heap or a resource table holds a literal.
 */
export function executableWithUtf16String(text: string): Buffer {
  const stub = Buffer.alloc(128);
  stub.write('MZ', 0, 'latin1');
  stub.writeUInt32LE(0x80, 0x3c);
  return Buffer.concat([
    stub,
    Buffer.from('PE\0\0', 'latin1'),
    randomBytes(256),
    Buffer.from([0x2a, 0x01]),
    Buffer.from(text, 'utf16le'),
    Buffer.alloc(16),
  ]);
}
