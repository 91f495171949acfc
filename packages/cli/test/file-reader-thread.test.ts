import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkFiles } from '../src/files/walk.js';
import { readFile } from '../src/scan/file-outcome.js';
import { FileReaderThread, WalkIncomplete, type ReadResult, type WalkedFile } from '../src/scan/file-reader-thread.js';

const dir = mkdtempSync(join(tmpdir(), 'ks-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files of many sizes (empty, small, over a batch, over the limit), a missing one, a folder and a non-UTF-8 name. */
function fixture(limit: number): (string | Buffer)[] {
  const paths: (string | Buffer)[] = [];
  const sizes = [0, 1, 100, 4096, 70_000, limit, limit + 1, 3, 200_000];
  for (let i = 0; i < 120; i++) {
    const p = join(dir, `f${i}.txt`);
    const size = sizes[i % sizes.length]!;
    writeFileSync(p, Buffer.alloc(size, (i * 7) % 256));
    paths.push(p);
  }
  paths.splice(10, 0, join(dir, 'missing.txt'));
  mkdirSync(join(dir, 'folder'), { recursive: true });
  paths.splice(50, 0, join(dir, 'folder'));
  const odd = Buffer.concat([Buffer.from(dir + '/odd-'), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]);
  writeFileSync(odd, 'not utf-8 named');
  paths.push(odd);
  return paths;
}

async function collect(reader: FileReaderThread, paths: (string | Buffer)[]) {
  const readHere = (i: number) => readFile({ fsPath: paths[i]!, path: '', explicit: false });
  const out: ReadResult[] = [];
  for await (const batch of reader.read(paths, readHere)) out.push(...batch);
  return out;
}

describe('FileReaderThread', () => {
  const LIMIT = 150_000;
  const paths = fixture(LIMIT);

  it("gives each file what the main thread's read gives, in order (bytes, sizes over the limit, errors)", async () => {
    const reader = FileReaderThread.start(LIMIT, { batchFiles: 7, batchBytes: 50_000 })!;
    const got = await collect(reader, paths);
    // The main thread's read uses the scan's own limit: compare the limit case by size.
    const want = paths.map((p) => {
      const r = readFile({ fsPath: p, path: '', explicit: false });
      if ('bytes' in r && r.bytes.length > LIMIT) return { tooLarge: r.bytes.length };
      return r;
    });
    expect(got.length).toBe(paths.length);
    expect(got.map(summary)).toEqual(want.map(summary));
    expect(reader.counts()).toEqual({ byThread: paths.length, here: 0 });
    expect(got.some((r) => 'tooLarge' in r)).toBe(true);
    expect(got.filter((r) => 'error' in r).map((r) => 'error' in r && r.error.code)).toEqual(['ENOENT', 'EISDIR']);
  });

  it('reads at most its bound ahead of a consumer that stops', async () => {
    const reader = FileReaderThread.start(LIMIT, { ahead: 300_000, batchFiles: 4, batchBytes: 100_000 })!;
    const it = reader.read(paths, () => {
      throw new Error('not used');
    });
    const first = (await it.next()).value as ReadResult[];
    const firstBytes = first.reduce((n, r) => n + ('bytes' in r ? r.bytes.length : 0), 0);
    // The thread runs until what it has sent (the first batch included) passes the bound…
    for (let turn = 0; turn < 400 && firstBytes + reader.buffered().bytes <= 300_000; turn++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(firstBytes + reader.buffered().bytes).toBeGreaterThan(300_000);
    // …and then stops: given more time, it reads nothing more.
    const atBound = reader.buffered();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reader.buffered()).toEqual(atBound);
    const buffered = reader.buffered();
    expect(buffered.files).toBeGreaterThan(4); // it did read ahead
    // At most the bound, plus the batch that crossed it.
    expect(buffered.bytes).toBeLessThanOrEqual(300_000 + 100_000 + LIMIT);
    expect(buffered.files).toBeLessThan(paths.length - 4);
    await it.return(undefined);
  });

  it('reads on the main thread whatever a stopped thread did not deliver', async () => {
    const reader = FileReaderThread.start(LIMIT, { ahead: 1, batchFiles: 1, batchBytes: 1 })!;
    const out: ReadResult[] = [];
    let calls = 0;
    const readHere = (i: number) => {
      calls++;
      return readFile({ fsPath: paths[i]!, path: '', explicit: false });
    };
    for await (const batch of reader.read(paths, readHere)) {
      out.push(...batch);
      if (out.length === 3) reader.stop();
    }
    expect(out.length).toBe(paths.length);
    expect(calls).toBeGreaterThan(0);
    expect(reader.counts().here).toBe(calls);
    expect(out.slice(0, 3).map(summary)).toEqual(paths.slice(0, 3).map((p) => summary(readFile({ fsPath: p, path: '', explicit: false }))));
  });

  it('walks as walkFiles walks (order, skipped folders, symlinks, a folder named twice), reading each file once', async () => {
    const tree = join(dir, 'tree');
    for (const sub of ['b', 'a/z', 'a/node_modules/x', '.git', 'a/.hidden', 'c']) mkdirSync(join(tree, sub), { recursive: true });
    for (const f of ['b/2.txt', 'b/1.txt', 'a/z/k.env', 'a/node_modules/x/skip.js', '.git/config', 'a/.hidden/h', 'top.md', 'A.md', 'c/_'])
      writeFileSync(join(tree, f), `content of ${f}\n`);
    symlinkSync(join(tree, 'top.md'), join(tree, 'link.md'));
    symlinkSync(join(tree, 'b'), join(tree, 'linked-dir'));
    const want = walkFiles(tree, () => false);
    const reader = FileReaderThread.start(LIMIT, { batchFiles: 2 })!;
    const got: WalkedFile[] = [];
    // The tree, then a folder inside it again: its files are listed once, where first met.
    for await (const batch of reader.walk([tree, join(tree, 'b')])) got.push(...batch);
    expect(got.map((f) => f.path)).toEqual(want);
    expect(want.some((p) => p.includes('node_modules') || p.includes('.git/') || p.endsWith('link.md'))).toBe(false);
    for (const f of got) expect('bytes' in f.read && f.read.bytes.toString()).toBe(`content of ${f.path.slice(tree.length + 1)}\n`);
  });

  it('a walk the thread cannot finish (a path that is not a folder) says so, and the caller lists on its own', async () => {
    const reader = FileReaderThread.start(LIMIT)!;
    const walk = async () => {
      for await (const _ of reader.walk([join(dir, 'f1.txt')]));
    };
    await expect(walk()).rejects.toThrow(WalkIncomplete);
  });

  it('can be stopped before it is given any path', () => {
    const reader = FileReaderThread.start(LIMIT)!;
    reader.stop();
    reader.stop();
  });
});

function summary(r: ReadResult): unknown {
  if ('bytes' in r) return { length: r.bytes.length, first: r.bytes[0], hash: r.bytes.toString('base64').slice(-8) };
  return r;
}
