/**
 * Tokens inside compressed archives: zip files written by Python's zipfile (deflated, as `zip`,
 * office suites and wheel builders write them), tarballs and gzip files written by GNU tar and
 * gzip, archives inside archives, and what bounds the work: the inflate budget (a zip bomb), the
 * nesting depth, encrypted and damaged members. Each archive is built at run time with a random
 * token.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes, LineIndex, Scanner, scanDecoded } from '../src/index.js';
import { MAX_DEPTH, MAX_INFLATED, zipMembers } from '../src/text/archive.js';
import { sharedStrings, sheetRows } from '../src/text/office.js';
import { randomToken } from '../../../test/support/tokens.js';

const dir = mkdtempSync(join(tmpdir(), 'ks-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scanner = new Scanner();

/** A member's content, or `zeros` bytes of zeros (made by Python, not passed in). */
type Content = string | Buffer | { zeros: number };

/** A zip written by Python's zipfile: `members` maps names to contents, all deflated unless `stored`. */
function pythonZip(name: string, members: Record<string, Content>, stored = false): Buffer {
  const file = join(dir, name);
  const script = [
    'import sys, zipfile, json, base64',
    'members = json.loads(sys.stdin.read())',
    `with zipfile.ZipFile(sys.argv[1], 'w', zipfile.${stored ? 'ZIP_STORED' : 'ZIP_DEFLATED'}) as z:`,
    '    for name, data in members.items():',
    "        z.writestr(name, bytes(data['zeros']) if isinstance(data, dict) else base64.b64decode(data))",
  ].join('\n');
  const encoded = Object.entries(members).map(([k, v]) => [
    k,
    typeof v === 'object' && 'zeros' in v ? v : Buffer.from(v).toString('base64'),
  ]);
  execFileSync('python3', ['-c', script, file], { input: JSON.stringify(Object.fromEntries(encoded)), timeout: 30_000 });
  return readFileSync(file);
}

/** The central directory entry of member `name` (its name is the entry's last field but the comment's). */
function centralEntry(zip: Buffer, name: string): number {
  const entry = zip.lastIndexOf(Buffer.from(name)) - 46;
  expect(zip.readUInt32LE(entry)).toBe(0x02014b50);
  return entry;
}

/** The tokens the scanner finds in a file's decoded text, by value. */
function found(bytes: Uint8Array): string[] {
  const decoded = decodeBytes(bytes);
  return scanDecoded(scanner, decoded, { path: 'archive' }).findings.map((f) => decoded.text.slice(f.offset, f.endOffset));
}

/** Every member wanted, to test the budget alone. */
const all = () => true;

const env = (token: string) => `PORT=3000\nKERNEL_TOKEN=${token}\n${'LOG_LEVEL=info\n'.repeat(20)}`;

describe('compressed archives are read member by member', () => {
  it('a deflated .env in a zip is found, once, and its member is named above it', () => {
    const token = randomToken();
    const bytes = pythonZip('deploy.zip', { 'app/main.py': 'print("hello")\n'.repeat(50), 'app/.env': env(token) });
    expect(bytes.includes(Buffer.from(token))).toBe(false);
    expect(found(bytes)).toEqual([token]);
    expect(decodeBytes(bytes).text).toContain('==> app/.env <==\nPORT=3000\n');
  });

  it('each member is scanned alone, named by its path, at its place in the decoded text', () => {
    const token = randomToken();
    const inner = pythonZip('inner.zip', { 'deep/.env': env(token) });
    // A Kernel mention in one member would make a JWT test vector in another count (and a key
    // quoted in one would silence it); members are judged apart.
    const bytes = pythonZip('outer.zip', { 'docs/kernel.md': 'Kernel uses bearer tokens.\n', 'nested.zip': inner });
    const decoded = decodeBytes(bytes);
    expect(decoded.members?.map((m) => m.name)).toEqual(['docs/kernel.md', 'nested.zip', 'nested.zip › deep/.env']);
    const [finding] = scanDecoded(scanner, decoded, { path: 'dist/outer.zip' }).findings;
    expect(finding!.message).toContain('in dist/outer.zip › nested.zip › deep/.env');
    expect(decoded.text.slice(finding!.offset, finding!.endOffset) === token).toBe(true);
    const lines = new LineIndex(decoded.text);
    expect(lines.position(finding!.offset)).toEqual({ line: finding!.line, column: finding!.column });
    expect(lines.lineText(finding!.line - 2)).toBe('==> deep/.env <==');
  });

  it('a JWT test vector is judged by its own member, not by a Kernel mention in another', () => {
    // Signed with a key quoted beside it: a test vector, quiet in its own file.
    const secret = randomToken(24);
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: randomToken(12) })).toString('base64url');
    const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    const vector = `SECRET = "${secret}"\nTOKEN = "${header}.${payload}.${signature}"\n`;
    const alone = pythonZip('vector.zip', { 'tests/test_jwt.py': vector });
    expect(found(alone)).toEqual([]);
    const beside = pythonZip('vector-kernel.zip', { 'tests/test_jwt.py': vector, 'README.md': 'Client for Kernel by Asimov.\n' });
    expect(found(beside)).toEqual([]);
  });

  it('a token pasted after its name in a Word document is found, though Word split the runs', () => {
    const token = randomToken();
    const run = (text: string) => `<w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const body =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>` +
      `<w:p>${run('Kernel API access for the lab &amp; CI')}</w:p>` +
      `<w:p>${run('KERNEL_TOKEN')}${run('=')}<w:proofErr w:type="spellStart"/>${run(token.slice(0, 10))}${run(token.slice(10))}<w:proofErr w:type="spellEnd"/></w:p>` +
      `</w:body></w:document>`;
    const docx = pythonZip('protocol.docx', { '[Content_Types].xml': '<Types/>', 'word/document.xml': body });
    expect(found(docx)).toEqual([token]);
    const decoded = decodeBytes(docx);
    expect(decoded.text).toContain('Kernel API access for the lab & CI\nKERNEL_TOKEN=');
    // The same XML outside an office part is markup, read as it is.
    expect(found(pythonZip('markup.zip', { 'notes/document.xml': body }))).toEqual([]);
  });

  it('slides and OpenDocument text are read as their paragraphs', () => {
    const token = randomToken();
    const slide = `<p:sld><p:txBody><a:p><a:r><a:t>Authorization:</a:t></a:r><a:r><a:t> Bearer ${token}</a:t></a:r></a:p></p:txBody></p:sld>`;
    expect(found(pythonZip('talk.pptx', { 'ppt/slides/slide3.xml': slide }))).toEqual([token]);
    const odt = `<office:text><text:p>kernel_token<text:tab/>=<text:span> ${token}</text:span></text:p></office:text>`;
    const notes = pythonZip('notes.odt', { mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': odt });
    expect(found(notes)).toEqual([token]);
    expect(decodeBytes(notes).text).toContain('kernel_token\t= ');
  });

  it('a spreadsheet with the name in one cell and the token in the next is read as rows', () => {
    const token = randomToken();
    const si = (t: string) => `<si><t>${t}</t></si>`;
    const header = randomToken();
    const strings = `<sst count="6" uniqueCount="6">${si('service')}${si('credential')}${si('KERNEL_TOKEN')}${si(token)}${si(`Authorization: Bearer ${header}`)}${si('staging')}</sst>`;
    const cell = (ref: string, index: number) => `<c r="${ref}" s="1" t="s"><v>${index}</v></c>`;
    const sheet =
      `<worksheet><cols><col min="1" max="2" width="20"/></cols><sheetData>` +
      `<row r="1">${cell('A1', 0)}${cell('B1', 1)}</row>` +
      `<row r="2">${cell('A2', 2)}${cell('B2', 3)}</row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>retries</t></is></c><c r="B3"><v>3</v></c><c r="C3"/></row>` +
      `<row r="4">${cell('A4', 4)}${cell('B4', 5)}</row>` +
      `</sheetData></worksheet>`;
    const xlsx = pythonZip('keys.xlsx', { 'xl/sharedStrings.xml': strings, 'xl/worksheets/sheet1.xml': sheet });
    const decoded = decodeBytes(xlsx);
    const rows = decoded.text.slice(decoded.members![1]!.start, decoded.members![1]!.end).split('\n');
    expect(rows[0]).toBe("('service', 'credential')");
    expect(rows[2]).toBe("('retries', '3')");
    // Each found once, in the sheet: the shared strings the rows show are not read again.
    const findings = scanDecoded(scanner, decoded, { path: 'keys.xlsx' }).findings;
    expect(findings.map((f) => decoded.text.slice(f.offset, f.endOffset))).toEqual([token, header]);
    expect(findings.every((f) => f.message.includes('in keys.xlsx › xl/worksheets/sheet1.xml'))).toBe(true);
  });

  it('any jumble of workbook markup ends, without throwing', () => {
    const fragments = [
      '<row r="1">',
      '</row>',
      '<c r="A1" t="s">',
      '<c>',
      '</c>',
      '<v>',
      '</v>',
      '<c/>',
      '<is><t>',
      '</t></is>',
      '<si>',
      '</si>',
      '<col/>',
      '<',
      'x',
      '1',
      '&amp;',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        const xml = parts.join('');
        expect(typeof sheetRows(xml, sharedStrings(xml))).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('a token pasted into a spreadsheet (xlsx shared strings) is found', () => {
    const token = randomToken();
    const strings = `<?xml version="1.0"?><sst><si><t>Kernel API</t></si><si><t>Authorization: Bearer ${token}</t></si></sst>`;
    const bytes = pythonZip('notes.xlsx', { '[Content_Types].xml': '<Types/>', 'xl/sharedStrings.xml': strings });
    expect(found(bytes)).toEqual([token]);
  });

  it('a tarball (tar czf) and a gzip file (gzip) are read as their payload', () => {
    const token = randomToken();
    mkdirSync(join(dir, 'pkg/config'), { recursive: true });
    writeFileSync(join(dir, 'pkg/config/.env'), env(token));
    execFileSync('tar', ['czf', join(dir, 'pkg.tgz'), '-C', dir, 'pkg'], { timeout: 30_000 });
    execFileSync('gzip', ['-k', '-f', join(dir, 'pkg/config/.env')], { timeout: 30_000 });
    expect(found(readFileSync(join(dir, 'pkg.tgz')))).toEqual([token]);
    expect(found(readFileSync(join(dir, 'pkg/config/.env.gz')))).toEqual([token]);
    expect(decodeBytes(readFileSync(join(dir, 'pkg/config/.env.gz'))).encoding).toBe('binary');
  });

  it.each(['gnu', 'pax', 'ustar'])('a tar (%s format) is its files, long names included, each scanned alone', (format) => {
    const token = randomToken();
    const long = `${'deeply/nested/'.repeat(8)}settings`;
    mkdirSync(join(dir, format, long), { recursive: true });
    writeFileSync(join(dir, format, long, '.env'), env(token));
    writeFileSync(join(dir, format, 'README.md'), 'Kernel client.\n');
    const file = join(dir, `${format}.tar`);
    execFileSync('tar', ['cf', file, `--format=${format}`, '-C', join(dir, format), 'README.md', long], { timeout: 30_000 });
    const decoded = decodeBytes(readFileSync(file));
    expect(decoded.members?.map((m) => m.name)).toEqual(['README.md', `${long}/.env`]);
    const findings = scanDecoded(scanner, decoded, { path: 'x.tar' }).findings;
    expect(findings.map((f) => decoded.text.slice(f.offset, f.endOffset) === token)).toEqual([true]);
    expect(findings[0]!.message).toContain(`in x.tar › ${long}/.env`);
  });

  it('archives inside archives are opened down to MAX_DEPTH levels, and no further', () => {
    const token = randomToken();
    // Level 1: the .env's zip; each further level wraps the one below in a stored zip.
    let bytes = pythonZip('level-1.zip', { '.env': env(token) });
    for (let level = 2; level <= MAX_DEPTH + 1; level++) {
      expect(found(bytes)).toEqual([token]);
      bytes = pythonZip(`level-${level}.zip`, { [`level-${level - 1}.zip`]: bytes }, true);
    }
    expect(found(bytes)).toEqual([]);
    // A tarball inside a zip: gzip is a level too.
    const tgz = gzipSync(readFileSync(join(dir, 'level-1.zip')));
    expect(found(pythonZip('with-tgz.zip', { 'inner.zip.gz': tgz }))).toEqual([token]);
  });

  it('a member over the inflate budget is not inflated, and the members after it still are', () => {
    const token = randomToken();
    const big = pythonZip('big.zip', { 'zeros.bin': { zeros: MAX_INFLATED + 1024 }, 'z.env': env(token) });
    expect(big.length).toBeLessThan(200_000);
    const budget = { bytes: MAX_INFLATED };
    expect([...zipMembers(big, budget, all)].map((m) => m.name)).toEqual(['z.env']);
    expect(budget.bytes).toBe(MAX_INFLATED - env(token).length);
    expect(found(big)).toEqual([token]);
  });

  it('a bomb that declares a small size is cut at that size, and charged it', () => {
    const token = randomToken();
    const bomb = Buffer.from(pythonZip('bomb.zip', { 'zeros.bin': { zeros: 8 * 1024 * 1024 }, 'z.env': env(token) }));
    const entry = centralEntry(bomb, 'zeros.bin');
    expect(bomb.readUInt32LE(entry + 24)).toBe(8 * 1024 * 1024);
    bomb.writeUInt32LE(1000, entry + 24);
    const budget = { bytes: MAX_INFLATED };
    expect([...zipMembers(bomb, budget, all)].map((m) => m.name)).toEqual(['z.env']);
    expect(budget.bytes).toBe(MAX_INFLATED - 1000 - env(token).length);
    expect(found(bomb)).toEqual([token]);
  });

  it('all members together inflate at most the budget', () => {
    const members = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`part-${i}.bin`, { zeros: 1024 * 1024 }]));
    const budget = { bytes: 5 * 1024 * 1024 + 10 };
    expect([...zipMembers(pythonZip('parts.zip', members), budget, all)]).toHaveLength(5);
    expect(budget.bytes).toBe(10);
  });

  it('compressed binaries (class files, BAM data) are not inflated beyond a first look', () => {
    const token = randomToken();
    // A class file's constant pool: a message ending in "token: " beside an unrelated class name.
    const classFile = Buffer.concat([
      Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x41]),
      Buffer.from(`\x01\0\x12Unexpected token: \x01\0\x14${token}`),
    ]);
    const jar = pythonZip('lib.jar', { 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\n', 'com/example/Parser.class': classFile });
    const budget = { bytes: MAX_INFLATED };
    expect([...zipMembers(jar, budget, (head) => head[0] !== 0xca)].map((m) => m.name)).toEqual(['META-INF/MANIFEST.MF']);
    expect(decodeBytes(jar).text).not.toContain('Unexpected token');
    const bam = gzipSync(Buffer.concat([Buffer.from('BAM\x01\0\0\0\0'), Buffer.from(`KERNEL_TOKEN=${token}\n`)]));
    expect(decodeBytes(bam).text).not.toContain('KERNEL_TOKEN');
  });

  it('an encrypted member is skipped, not misread', () => {
    const bytes = Buffer.from(pythonZip('locked.zip', { '.env': env(randomToken()) }));
    // Set the encryption flag in the central directory entry (as a password-protected zip has).
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    bytes[central + 8]! |= 1;
    expect([...zipMembers(bytes, { bytes: MAX_INFLATED }, all)]).toEqual([]);
    expect(found(bytes)).toEqual([]);
  });

  it('ordinary archives stay quiet', () => {
    const code = 'export function add(a: number, b: number) {\n  return a + b;\n}\nconst token = process.env.KERNEL_TOKEN;\n';
    const bytes = pythonZip('src.zip', {
      'src/add.ts': code.repeat(30),
      'README.md': '# Kernel client\nSet KERNEL_TOKEN in your shell.\n',
    });
    expect(found(bytes)).toEqual([]);
  });

  it('damaged archives never throw: any truncation or flipped byte of a real zip, gzip or tar', () => {
    const token = randomToken();
    const zip = pythonZip('fuzz.zip', { 'a/.env': env(token), 'b.txt': 'x'.repeat(3000) });
    const gz = gzipSync(env(token));
    const raw = deflateRawSync(env(token));
    writeFileSync(join(dir, 'fuzz.env'), env(token));
    execFileSync('tar', ['cf', join(dir, 'fuzz.tar'), '-C', dir, 'fuzz.env'], { timeout: 30_000 });
    const tar = readFileSync(join(dir, 'fuzz.tar'));
    fc.assert(
      fc.property(fc.constantFrom(zip, gz, raw, tar), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (file, cut, at, value) => {
        const bytes = Buffer.from(file.subarray(0, 1 + (cut % file.length)));
        bytes[at % bytes.length] = value;
        expect(() => decodeBytes(bytes)).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  });
});
