import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobReader } from '../src/git/blob-reader.js';
import { CliError } from '../src/errors.js';

let dir: string;
function hashObject(content: Buffer): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: content, encoding: 'utf8', timeout: 60_000 }).trim();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ks-blobs-'));
  execFileSync('git', ['init', '--quiet'], { cwd: dir, timeout: 60_000 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('BlobReader (real git cat-file --batch)', () => {
  it('returns blobs in request order, byte-exact, including empty and multi-chunk ones', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'x');
    big[12345] = 0;
    const contents = [Buffer.from('first\n'), Buffer.alloc(0), big, Buffer.from([0xff, 0x0a, 0x00, 0x0a])];
    const oids = contents.map(hashObject);
    const reader = new BlobReader(dir);
    const got: Buffer[] = [];
    for await (const blob of reader.request([...oids, oids[0]!])) got.push(blob.bytes!);
    await reader.close();
    expect(got).toHaveLength(5);
    contents.forEach((c, i) => expect(got[i]!.equals(c)).toBe(true));
    expect(got[4]!.equals(contents[0]!)).toBe(true);
  });

  it('batches requests made one by one into few writes to git (a history asks once per commit)', async () => {
    const oids = Array.from({ length: 300 }, (_, i) => hashObject(Buffer.from(`blob ${i}\n`)));
    const reader = new BlobReader(dir);
    // The process's stdin, counted from outside: each write is a syscall and a wake-up of git.
    const stdin = (reader as unknown as { stdin: { write: (chunk: string) => boolean } }).stdin;
    const write = stdin.write.bind(stdin);
    let writes = 0;
    stdin.write = (chunk: string) => {
      writes++;
      return write(chunk);
    };
    // One request per turn of the microtask queue, as a history scan makes them between commits.
    const pending = [];
    for (const oid of oids) {
      pending.push(reader.request([oid]));
      await Promise.resolve();
    }
    const got: string[] = [];
    for (const blobs of pending) for await (const blob of blobs) got.push(blob.bytes!.toString());
    await reader.close();
    expect(got).toEqual(oids.map((_, i) => `blob ${i}\n`));
    // 300 × 41 bytes in 4 KiB batches: 3 full batches and the rest when the reader waits.
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(5);
  });

  it('serves requests made ahead of time, in request order', async () => {
    const oids = ['one', 'two', 'three'].map((t) => hashObject(Buffer.from(t)));
    const reader = new BlobReader(dir);
    const first = reader.request([oids[0]!, oids[1]!]);
    const second = reader.request([oids[2]!]);
    const got: string[] = [];
    for await (const blob of first) got.push(blob.bytes!.toString());
    for await (const blob of second) got.push(blob.bytes!.toString());
    await reader.close();
    expect(got).toEqual(['one', 'two', 'three']);
  });

  it('skips the bytes of blobs above its limit but reports their size', async () => {
    const oid = hashObject(Buffer.alloc(5000, 'y'));
    const small = hashObject(Buffer.from('after'));
    const reader = new BlobReader(dir, 1000);
    const got = [];
    for await (const blob of reader.request([oid, small])) got.push(blob);
    await reader.close();
    expect(got[0]).toMatchObject({ size: 5000, bytes: undefined });
    expect(got[1]!.bytes!.toString()).toBe('after');
  });

  it('a missing object is a CliError telling the user to run git fsck', async () => {
    const reader = new BlobReader(dir);
    const run = async () => {
      for await (const blob of reader.request(['1'.repeat(40)])) void blob;
    };
    await expect(run()).rejects.toThrow(CliError);
    await expect(run()).rejects.toThrow(/missing from the object database/);
    await reader.close();
  });
});
