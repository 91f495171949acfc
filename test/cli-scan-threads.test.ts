/**
 * End to end: `scan <dir>` split over worker threads (scan/scan-pool.ts) through the packed
 * bundle. Threads change how fast a scan runs, never what it reports: the JSON report on one
 * thread and on several is the same, findings, suppressions and counts included. The debug
 * channel says how the files were shared, so the test checks that the workers did scan (each
 * holds two batches from its start) and that the shares add up to every file and byte. On one
 * scanning thread the files are read by a reader thread (scan/file-reader-thread.ts): same report.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, testEnv, Workdir, type Run } from './support/git-repo.js';
import { randomJwt } from './support/tokens.js';

const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanup.splice(0)) c();
});

/** The report without its timing, which differs run to run. */
function report(r: Run): unknown {
  expect(r.status, r.stderr).toBe(1);
  const json = JSON.parse(r.stdout) as { summary: { durationMs?: number } };
  delete json.summary.durationMs;
  return json;
}

interface Share {
  thread: number;
  batches: number;
  files: number;
  bytes: number;
}

function shares(stderr: string): { threads: number; shares: Share[] } {
  const head = /kernel-secrets:scan (\d+) files in (\d+) batches of \d+ on (\d+) thread\(s\)/.exec(stderr);
  expect(head, stderr).not.toBeNull();
  const list = [...stderr.matchAll(/kernel-secrets:scan thread (\d+): (\d+) batches, (\d+) files, (\d+) bytes/g)].map((m) => ({
    thread: +m[1]!,
    batches: +m[2]!,
    files: +m[3]!,
    bytes: +m[4]!,
  }));
  return { threads: +head![3]!, shares: list };
}

describe('scan <dir> on several threads', () => {
  let dir: string;
  let work: Workdir;
  const tokens = Array.from({ length: 6 }, () => randomToken());
  const jwt = randomJwt();
  const FILES = 400;
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'ks-threads-')));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    // Ordinary files in nested folders, a few KB each, with findings spread over the listing
    // (first, middle, last), one silenced by an allow directive, one in a file's name.
    const filler = 'export function add(a, b) {\n  return a + b; // nothing here\n}\n'.repeat(60);
    for (let i = 0; i < FILES; i++) {
      const sub = join(dir, `pkg${i % 7}`, `part${i % 3}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `file${String(i).padStart(3, '0')}.js`), filler);
    }
    writeFileSync(join(dir, 'pkg0', 'part0', 'a-first.env'), `KERNEL_TOKEN=${tokens[0]}\n`);
    writeFileSync(join(dir, 'pkg3', 'part1', 'middle.py'), `${filler}client = KernelClient(token="${tokens[1]}")\n`);
    writeFileSync(join(dir, 'pkg6', 'part2', 'zz-last.ts'), `const headers = { Authorization: 'Bearer ${tokens[2]}' };\n`);
    writeFileSync(
      join(dir, 'pkg4', 'part0', 'allowed.env'),
      `KERNEL_TOKEN=${tokens[3]} # kernel-secrets-allow: a revoked token kept as a sample\n`,
    );
    writeFileSync(join(dir, 'pkg5', 'part1', 'session.json'), JSON.stringify({ kernel_token: jwt }) + '\n');
    writeFileSync(join(dir, 'pkg2', 'part2', 'utf16.env'), Buffer.from(`\ufeffKERNEL_TOKEN=${tokens[4]}\r\n`, 'utf16le'));
    writeFileSync(
      join(dir, 'pkg1', 'part1', 'blob.bin'),
      Buffer.concat([Buffer.alloc(64, 0), Buffer.from(`KERNEL_TOKEN=${tokens[5]}`), Buffer.alloc(64, 0)]),
    );
    work = new Workdir(dir, testEnv({ GIT_CEILING_DIRECTORIES: dir, KERNEL_SECRETS_DEBUG: '1' }));
  });

  it('reports the same on one thread and on three, and the workers scan their share', () => {
    const one = work.cli(['scan', dir, '--format', 'json'], { env: { KERNEL_SECRETS_THREADS: '1' } });
    const three = work.cli(['scan', dir, '--format', 'json'], { env: { KERNEL_SECRETS_THREADS: '3' } });
    expect(report(three)).toEqual(report(one));
    const summary = (JSON.parse(one.stdout) as { summary: { files: number; bytes: number; suppressed: { directive: number } } }).summary;
    expect(summary.files).toBe(FILES + 7);
    expect(summary.suppressed.directive).toBe(1);
    expect((JSON.parse(one.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThanOrEqual(5);

    expect(shares(one.stderr)).toEqual({
      threads: 1,
      shares: [{ thread: 0, batches: expect.any(Number), files: summary.files, bytes: summary.bytes }],
    });
    const split = shares(three.stderr);
    expect(split.threads).toBe(3);
    expect(split.shares.map((s) => s.thread).sort()).toEqual([0, 1, 2]);
    // Each worker is handed two batches when it starts; they are its to scan.
    for (const s of split.shares.filter((s) => s.thread > 0)) expect(s.batches).toBeGreaterThanOrEqual(2);
    expect(split.shares.reduce((n, s) => n + s.files, 0)).toBe(summary.files);
    expect(split.shares.reduce((n, s) => n + s.bytes, 0)).toBe(summary.bytes);
    expectNoSecret(`${one.output}${three.output}`, ...tokens, jwt);
  });

  it('by default uses threads on a large tree only on a machine of four cores or more, leaving one core free', () => {
    const r = work.cli(['scan', dir, '--format', 'json']);
    report(r);
    const cores = process.getBuiltinModule('node:os').availableParallelism();
    expect(shares(r.stderr).threads).toBe(cores >= 4 ? Math.min(cores - 1, 8) : 1);
  });

  it('on one scanning thread, a reader thread reads the files ahead, with the same report; KERNEL_SECRETS_THREADS=1 has none', () => {
    const one = work.cli(['scan', dir, '--format', 'json'], { env: { KERNEL_SECRETS_THREADS: '1' } });
    const read = work.cli(['scan', dir, '--format', 'json'], { env: { KERNEL_SECRETS_THREADS: '' } });
    const cores = process.getBuiltinModule('node:os').availableParallelism();
    expect(report(read)).toEqual(report(one));
    const files = (JSON.parse(one.stdout) as { summary: { files: number } }).summary.files;
    const line = /kernel-secrets:scan reader thread: (\d+) files read ahead, (\d+) read on the main thread/;
    expect(one.stderr).not.toMatch(line);
    if (cores < 4) expect(line.exec(read.stderr)?.slice(1).map(Number), read.stderr).toEqual([files, 0]);
    // Folders outside git with nothing to ignore are walked by the thread too.
    if (cores < 4)
      expect(read.stderr).toMatch(
        /kernel-secrets:scan \d+ files in \d+ batches of \d+ on 1 thread\(s\), walked and read by a reader thread/,
      );
    // A folder named twice (once inside another) is listed once, as on one thread.
    const twice = ['scan', dir, join(dir, 'pkg3'), '--format', 'json'];
    expect(report(work.cli(twice, { env: { KERNEL_SECRETS_THREADS: '' } }))).toEqual(
      report(work.cli(twice, { env: { KERNEL_SECRETS_THREADS: '1' } })),
    );
    // A short listing given as files is read on the main thread: the thread would not pay for its start.
    const small = work.cli(['scan', join(dir, 'pkg0', 'part0', 'a-first.env'), '--format', 'json'], {
      env: { KERNEL_SECRETS_THREADS: '' },
    });
    expect(small.stderr).not.toMatch(line);
  });

  it('with ignorePaths the main thread lists and the reader thread only reads, with the same report as one thread', () => {
    const ignoring = realpathSync(mkdtempSync(join(tmpdir(), 'ks-threads-ignore-')));
    cleanup.push(() => rmSync(ignoring, { recursive: true, force: true }));
    const filler = 'const total = items.reduce((a, b) => a + b, 0);\n'.repeat(40);
    for (let i = 0; i < 300; i++) {
      mkdirSync(join(ignoring, `d${i % 5}`), { recursive: true });
      writeFileSync(join(ignoring, `d${i % 5}`, `f${i}.js`), filler);
    }
    writeFileSync(join(ignoring, 'd1', 'leak.env'), `KERNEL_TOKEN=${tokens[0]}\n`);
    writeFileSync(join(ignoring, 'd2', 'leak.env'), `KERNEL_TOKEN=${tokens[1]}\n`);
    writeFileSync(join(ignoring, 'kernel-secrets.config.json'), JSON.stringify({ ignorePaths: ['d2/**'] }));
    const w = new Workdir(ignoring, testEnv({ GIT_CEILING_DIRECTORIES: ignoring, KERNEL_SECRETS_DEBUG: '1' }));
    const one = w.cli(['scan', ignoring, '--format', 'json'], { env: { KERNEL_SECRETS_THREADS: '1' } });
    const read = w.cli(['scan', ignoring, '--format', 'json'], { env: { KERNEL_SECRETS_THREADS: '' } });
    expect(report(read)).toEqual(report(one));
    expect((JSON.parse(one.stdout) as { summary: { ignoredByConfig: number } }).summary.ignoredByConfig).toBe(61);
    expect(read.stderr).not.toMatch(/walked and read by a reader thread/);
    if (process.getBuiltinModule('node:os').availableParallelism() < 4)
      expect(read.stderr).toMatch(/reader thread: \d+ files read ahead, 0 read/);
    expectNoSecret(`${one.output}${read.output}`, ...tokens);
  });

  it('a small scan stays on the main thread', () => {
    const r = work.cli(['scan', join(dir, 'pkg0', 'part0', 'a-first.env'), join(dir, 'pkg6'), '--format', 'json']);
    expect(r.status).toBe(1);
    expect(shares(r.stderr).threads).toBe(1);
  });

  it('a bad KERNEL_SECRETS_THREADS is exit 2 with one line', () => {
    const r = work.cli(['scan', dir], { env: { KERNEL_SECRETS_THREADS: 'many', KERNEL_SECRETS_DEBUG: '0' } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^kernel-secrets: KERNEL_SECRETS_THREADS=many is not a number of threads; set it to a whole number from 1 to 16/,
      ),
    ]);
  });
});
