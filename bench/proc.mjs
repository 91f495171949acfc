// Runs a command and measures wall time and peak RSS (GNU time's %M), so external tools and
// our CLI are measured the same way. Falls back to wall time alone without /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './stats.mjs';

const GNU_TIME = '/usr/bin/time';

/** One run: { ms, rssMB, status, stdout }. `input` is written to stdin. */
export function runOnce(cmd, args, { cwd, env, input, shell = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-'));
  const out = join(dir, 'time');
  const useTime = existsSync(GNU_TIME);
  const [c, a] = useTime ? [GNU_TIME, ['-f', '%M', '-o', out, cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const r = spawnSync(c, a, { cwd, env: { ...process.env, ...env }, input, shell, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - start;
  const rssMB = useTime && existsSync(out) ? Number(readFileSync(out, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  rmSync(dir, { recursive: true, force: true });
  if (r.error) throw r.error;
  return { ms, rssMB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Warm-up, then `runs` runs: median time, max peak RSS, and the last run's output. */
export function measure(cmd, args, options = {}, runs = 5) {
  runOnce(cmd, args, options);
  const results = Array.from({ length: runs }, () => runOnce(cmd, args, options));
  const last = results[results.length - 1];
  return {
    ms: median(results.map((r) => r.ms)),
    rssMB: Math.max(...results.map((r) => r.rssMB)),
    status: last.status,
    stdout: last.stdout,
    stderr: last.stderr,
  };
}
