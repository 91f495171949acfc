import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnGitReadInThread } from '../src/git/output-thread.js';

let dir: string;
let oid: string;
let content: Buffer;
/** Small enough that the 4 MiB blob is many times over it. */
const AHEAD = 256 * 1024;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ks-thread-'));
  execFileSync('git', ['init', '--quiet'], { cwd: dir, timeout: 60_000 });
  content = Buffer.from(randomBytes(3 * 1024 * 1024).toString('base64'));
  oid = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: content, encoding: 'utf8', timeout: 60_000 }).trim();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function drain(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const c of chunks) all.push(c);
  return Buffer.concat(all);
}

const turn = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('git output read in a thread (real git)', () => {
  it('delivers git stdout byte for byte, in order, and its exit code', async () => {
    const git = spawnGitReadInThread(dir, ['cat-file', 'blob', oid], AHEAD);
    expect((await drain(git.chunks)).equals(content)).toBe(true);
    expect(await git.exit).toBe(0);
  });

  it('reads ahead of a consumer that stops, but no more than its bound, then delivers the rest', async () => {
    const git = spawnGitReadInThread(dir, ['cat-file', 'blob', oid], AHEAD);
    // Wait until the thread has filled its allowance (it would read all 4 MiB unbounded).
    for (let i = 0; i < 2000 && git.buffered() < AHEAD; i++) await turn();
    expect(git.buffered()).toBeGreaterThanOrEqual(AHEAD);
    for (let i = 0; i < 40; i++) await turn();
    // One pipe read (64 KiB) may land after the thread paused.
    expect(git.buffered()).toBeLessThanOrEqual(AHEAD + 128 * 1024);
    expect((await drain(git.chunks)).equals(content)).toBe(true);
    expect(await git.exit).toBe(0);
  });

  it('stops git when the consumer gives up early, even with its reading paused', async () => {
    const git = spawnGitReadInThread(dir, ['cat-file', 'blob', oid], AHEAD);
    const it = git.chunks[Symbol.asyncIterator]();
    await it.next();
    // Let the thread pause its reading (its allowance full): a paused stdout must not hold git's exit back.
    for (let i = 0; i < 2000 && git.buffered() < AHEAD; i++) await turn();
    for (let i = 0; i < 20; i++) await turn();
    git.kill();
    await git.exit; // resolves (git was killed): nothing hangs
    await drain({ [Symbol.asyncIterator]: () => it });
  });

  it("reports git's exit code and complaint when it fails", async () => {
    const git = spawnGitReadInThread(dir, ['cat-file', 'blob', '0'.repeat(40)], AHEAD);
    expect((await drain(git.chunks)).length).toBe(0);
    expect(await git.exit).not.toBe(0);
    expect(git.stderr()).toMatch(/fatal/);
  });

  it('says git was not found, or that the directory does not exist', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = join(dir, 'no-such-bin');
    try {
      await expect(spawnGitReadInThread(dir, ['--version']).exit).rejects.toThrow('git was not found on PATH');
    } finally {
      process.env['PATH'] = path;
    }
    await expect(spawnGitReadInThread(join(dir, 'gone'), ['--version']).exit).rejects.toThrow('does not exist');
  });
});
