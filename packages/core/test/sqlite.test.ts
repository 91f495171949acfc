/**
 * Issue 11, stretch family: key/value rows in a committed SQLite file. The database is written
 * by the real sqlite3 command line (skipped where it is not installed), with a random token,
 * over many pages; decodeBytes renders each row's text cells as `('name', 'value')` and the
 * binding reader judges them like a SQL VALUES list.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes, fingerprint, Scanner } from '../src/index.js';
import { sqliteRows } from '../src/text/sqlite.js';
import { randomToken } from '../../../test/support/tokens.js';

const hasSqlite3 = spawnSync('sqlite3', ['-version'], { timeout: 10_000 }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'ks-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function database(name: string, sql: string): Uint8Array {
  const file = join(dir, name);
  execFileSync('sqlite3', [file], { input: sql, timeout: 30_000 });
  return readFileSync(file);
}

/** 2,000 filler rows, so the settings row is on a later page than the first. */
const FILLER = `CREATE TABLE log(id INTEGER PRIMARY KEY, msg TEXT, level TEXT);\nWITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO log(msg, level) SELECT 'step ' || i || ' done', 'info' FROM n;\n`;

describe.skipIf(!hasSqlite3)('key/value rows in a SQLite file', () => {
  const scanner = new Scanner();

  it('a kernel_token row is found, with its value alone', () => {
    const token = randomToken();
    const bytes = database(
      'settings.db',
      `${FILLER}CREATE TABLE settings(id INTEGER PRIMARY KEY, key TEXT, value TEXT);\nINSERT INTO settings(key, value) VALUES ('theme', 'dark'), ('kernel_token', '${token}');\n`,
    );
    expect(bytes.length).toBeGreaterThan(8192);
    const { text, encoding } = decodeBytes(bytes);
    expect(encoding).toBe('binary');
    const findings = scanner.scan(text).findings;
    expect(findings.map((f) => f.rule)).toEqual(['kernel-variable']);
    expect(text.slice(findings[0]!.offset, findings[0]!.endOffset) === token).toBe(true);
    expect(findings[0]!.fingerprint === fingerprint(token)).toBe(true);
  });

  it.each([
    ['UTF-16le', 2],
    ['UTF-16be', 3],
  ])('a kernel_token row of a %s database is found, with its value alone', (encoding, code) => {
    const token = randomToken();
    const bytes = database(
      `settings-${encoding}.db`,
      `PRAGMA encoding = '${encoding}';\n${FILLER}CREATE TABLE settings(key TEXT, value TEXT);\nINSERT INTO settings VALUES ('theme', 'dark'), ('kernel_token', '${token}');\n`,
    );
    expect(bytes[59]).toBe(code);
    expect(sqliteRows(bytes).split('\n').includes("('theme', 'dark')")).toBe(true);
    const { text, encoding: kind } = decodeBytes(bytes);
    expect(kind).toBe('binary');
    const findings = scanner.scan(text).findings;
    expect(findings.map((f) => f.rule)).toEqual(['kernel-variable']);
    expect(text.slice(findings[0]!.offset, findings[0]!.endOffset) === token).toBe(true);
  });

  it('rows without a credential name stay quiet, and each row is one line', () => {
    const bytes = database(
      'plain.db',
      `${FILLER}CREATE TABLE kv(k TEXT, v TEXT);\nINSERT INTO kv VALUES ('construct', '${randomToken()}');\n`,
    );
    expect(scanner.scan(decodeBytes(bytes).text).findings).toEqual([]);
    const rows = sqliteRows(bytes).split('\n');
    // The filler, the kv row, and the two tables' rows in sqlite_schema (type, name, tbl_name, sql).
    expect(rows.length).toBe(2000 + 1 + 2);
    expect(rows.includes("('step 1 done', 'info')")).toBe(true);
  });

  it('a damaged file is read as far as it parses, without throwing', () => {
    const bytes = database('damaged.db', `${FILLER}`);
    const damaged = bytes.slice(0, 4096 + 37);
    expect(() => sqliteRows(damaged)).not.toThrow();
  });
});
