/**
 * Large files are never passed silently. With `thresholds.maxFileSize` lowered to 1 KiB (the
 * schema's minimum) a 100 KiB file is "large":
 *
 * - tree scans: what the CLI does with it (it scans it in full) must show in every output
 *   format: the token in it is reported, and the file is named as above the limit;
 * - `--staged`: the CLI documents that such files are scanned in full, and that a file above
 *   256 MiB (more than it can hold) stops the scan with exit 2. Both are checked, as is the
 *   work a 10 MB single-line (minified) staged file costs: the CLI's regex work (counted by
 *   test/support/regex-work.ts, no clock) on it is four times that on a 2.5 MB one.
 */
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken } from './support/git-repo.js';
import { attemptBlockedCommit } from './support/hardening/repo-state.js';
import { expectCouldNotScan, expectFinished, parseJsonReport, Scratch, type Run, type Workdir } from './support/hardening/workdir.js';
import { childRegexWork, linearGrowth, type RegexWork } from './support/regex-work.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

const KIB = 1024;
const MIB = 1024 * KIB;
const FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;

/** At least `bytes` of whole text lines. */
function filler(bytes: number): string {
  const line = 'lorem ipsum dolor sit amet, consectetur adipiscing elit\n';
  return line.repeat(Math.ceil(bytes / line.length));
}

describe('tree scans: a file above thresholds.maxFileSize', () => {
  let wd: Workdir;
  const token = randomToken();
  const runs = new Map<string, Run>();
  beforeAll(() => {
    wd = scratch.repo();
    wd.write('kernel-secrets.config.json', JSON.stringify({ thresholds: { maxFileSize: KIB } }));
    // The token far past the limit: a scanner that read only the first maxFileSize bytes would miss it.
    wd.write('data/with-token.txt', `${filler(100 * KIB)}KERNEL_TOKEN=${token}\n`);
    wd.write('data/clean.txt', filler(100 * KIB));
    for (const format of FORMATS) runs.set(format, wd.cli(['scan', 'data', '--format', format]));
  });

  it.each(FORMATS)('%s: the token beyond the limit is reported (exit 1), never echoed', (format) => {
    const r = runs.get(format)!;
    expect(r.status, r.stderr).toBe(1);
    const line = `${filler(100 * KIB).split('\n').length}`;
    const where: Record<(typeof FORMATS)[number], string> = {
      pretty: `data/with-token.txt:${line}:14`,
      json: '"path": "data/with-token.txt"',
      sarif: '"uri": "data/with-token.txt"',
      github: `file=data/with-token.txt,line=${line},col=14`,
    };
    expect(r.stdout).toContain(where[format]);
    expectNoSecret(r.output, token);
  });

  it.each(FORMATS)('%s: the large file without a finding is still named (it is not passed silently)', (format) => {
    expect(runs.get(format)!.stdout).toContain('data/clean.txt');
  });
});

describe('--staged: files above the limits', () => {
  let wd: Workdir;
  beforeAll(() => {
    wd = scratch.repo();
    wd.write('kernel-secrets.config.json', JSON.stringify({ thresholds: { maxFileSize: KIB } }));
    wd.gitOk(['add', 'kernel-secrets.config.json']);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'config']);
  });

  it('above thresholds.maxFileSize: scanned in full, as documented; the hook blocks', () => {
    const token = randomToken();
    wd.write('data/export.csv', `${filler(100 * KIB)}KERNEL_TOKEN=${token}\n`);
    wd.gitOk(['add', 'data/export.csv']);
    const r = wd.cli(['scan', '--staged', '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    const report = parseJsonReport(r);
    expect(report.findings.map((f) => f.path)).toEqual(['data/export.csv']);
    expect(report.summary.largeFiles).toEqual(['data/export.csv']);
    const commit = attemptBlockedCommit(wd, ['-m', 'export']);
    expectNoSecret(r.output + commit.output, token);
    wd.gitOk(['rm', '--quiet', '--cached', 'data/export.csv']);
  });

  it('above 256 MiB (more than the scanner can hold): exit 2 naming the file, staged or in the tree', () => {
    // Many long lines of one character: cheap for git to store, and a file git can diff.
    const path = wd.path('data/dump.sql');
    const fd = openSync(path, 'w');
    const line = Buffer.from(`${'a'.repeat(MIB - 1)}\n`);
    for (let i = 0; i < 257; i++) writeSync(fd, line);
    closeSync(fd);
    wd.gitOk(['-c', 'core.compression=1', 'add', 'data/dump.sql']);
    expectCouldNotScan(wd.cli(['scan', '--staged']), 'data/dump.sql', '256 MiB');
    wd.gitOk(['rm', '--quiet', '--cached', 'data/dump.sql']);
    // The tree scan decides from the size alone: a sparse file of 300 MiB costs nothing to make.
    const sparse = openSync(path, 'w');
    ftruncateSync(sparse, 300 * MIB);
    closeSync(sparse);
    expectCouldNotScan(wd.cli(['scan', 'data/dump.sql']), 'dump.sql', '256 MiB');
  });

  it('a 10 MB single-line (minified) staged file costs linear work and its token is found', () => {
    const unit = 'function a(b,c){return b.map(function(d){return d+c})}var e={x:1,y:[2,3],z:"str"};';
    const token = randomToken();
    const minified = (size: number) => {
      const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      const mid = body.length >> 1;
      return `${body.slice(0, mid)};var k={kernelToken:"${token}"};${body.slice(mid)}`;
    };
    const scanOnly = (size: number): { run: Run; work: RegexWork } => {
      wd.write('dist/app.min.js', minified(size));
      wd.gitOk(['add', 'dist/app.min.js']);
      // A super-linear scan is cut off after a minute.
      const { result: run, work } = childRegexWork(wd.root, (env) =>
        wd.cli(['scan', '--staged', '--format', 'json'], { timeoutMs: 60_000, env }),
      );
      wd.gitOk(['reset', '--quiet']);
      return { run, work };
    };
    const small = scanOnly(2.5 * 1000 * 1000);
    const large = scanOnly(10 * 1000 * 1000);
    for (const { run } of [small, large]) {
      expectFinished(run);
      expect(run.status).toBe(1);
      expect(parseJsonReport(run).findings.map((f) => f.path)).toEqual(['dist/app.min.js']);
      expectNoSecret(run.output, token);
    }
    expect(large.work.chars, 'the hook counted the scan of the 10 MB file').toBeGreaterThan(10 * 1000 * 1000);
    expect(linearGrowth(small.work, large.work, 4)).toBeUndefined();
  }, 300_000);
});
