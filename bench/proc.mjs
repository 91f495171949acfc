// Runs commands as whole processes and measures wall time, CPU time (user + system, children
// included) and peak RSS with GNU time, so external tools and our CLI are measured the same
// way. `compare` interleaves the commands run by run, so machine noise hits them alike.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './stats.mjs';

const GNU_TIME = '/usr/bin/time';

/** One run: { ms, cpuMs, rssMB, status, stdout, stderr }. `input` is written to stdin. */
export function runOnce(cmd, args, { cwd, env, input } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-'));
  const out = join(dir, 'time');
  const useTime = existsSync(GNU_TIME);
  const [c, a] = useTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', out, cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const r = spawnSync(c, a, { cwd, env: { ...process.env, ...env }, input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - start;
  let cpuMs = NaN;
  let rssMB = NaN;
  if (useTime && existsSync(out)) {
    // GNU time writes "Command exited with non-zero status N" first when the status is not 0.
    const [user, sys, kb] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpuMs = (user + sys) * 1000;
    rssMB = kb / 1024;
  }
  rmSync(dir, { recursive: true, force: true });
  if (r.error) throw r.error;
  return { ms, cpuMs, rssMB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function summarise(results) {
  const last = results[results.length - 1];
  return {
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    rssMB: Math.max(...results.map((r) => r.rssMB)),
    status: last.status,
    stdout: last.stdout,
    stderr: last.stderr,
  };
}

/**
 * `commands`: { name: { cmd, args, options, before?() } }. One warm-up each, then `runs`
 * rounds in which every command runs once (`before` runs untimed ahead of each run).
 * Returns { name: { ms, cpuMs, rssMB (max), status, stdout, stderr (last run) } }.
 */
export function compare(commands, runs = 5) {
  const entries = Object.entries(commands);
  const results = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [name, c] of entries) {
      c.before?.();
      const r = runOnce(c.cmd, c.args, c.options);
      if (round > 0) results[name].push(r);
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, summarise(results[name])]));
}

/** Warm-up, then `runs` runs of one command. */
export function measure(cmd, args, options = {}, runs = 5) {
  return compare({ only: { cmd, args, options } }, runs).only;
}

/**
 * Runs a kernel-secrets scan once more with `--format json` (outside the timed runs) and checks
 * that it read exactly `files` files and `bytes` bytes: a figure for a scan that read less
 * would mean nothing.
 */
export function checkScanned(name, cmd, args, options, { files, bytes }) {
  const r = runOnce(cmd, [...args.filter((a) => a !== '--quiet'), '--format', 'json'], options);
  if (r.status === 2) throw new Error(`bench: ${name} could not scan: ${r.stderr.trim().slice(0, 300)}`);
  const { summary } = JSON.parse(r.stdout);
  if (summary.files !== files || summary.bytes !== bytes)
    throw new Error(`bench: ${name} scanned ${summary.files} files / ${summary.bytes} bytes, expected ${files} / ${bytes}`);
}
