/**
 * Git working directories for the hardening suite: clones, linked worktrees, bare repositories,
 * submodules and plain directories that `TempRepo` (test/support/git-repo.ts) does not build.
 * Same isolated environment (`testEnv`: own HOME and git config, no outer GIT_* or KERNEL_*
 * variables) and the same packed CLI as the other end-to-end tests.
 *
 * Every process gets a timeout: a scan that goes super-linear must fail the test, not hang the
 * test worker (spawnSync blocks it, so vitest's own timeout could not interrupt it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';
import { packedCli, packedProject, TempRepo, testEnv, type RepoOptions, type RunResult } from '../git-repo.js';

export interface Run extends RunResult {
  /** Wall-clock milliseconds the process took. */
  ms: number;
  /** Set when the process was killed (e.g. by the timeout). */
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** Kill the process after this long (default 60 s). */
  timeoutMs?: number;
}

export function run(command: string, args: readonly string[], options: RunOptions & { cwd: string; env: NodeJS.ProcessEnv }): Run {
  const started = performance.now();
  const r = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs ?? 60_000,
    ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  const ms = performance.now() - started;
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  return { status: r.status, signal: r.signal, stdout, stderr, output: `${stdout}\n${stderr}`, ms };
}

/** A directory git commands and the packed CLI run in. */
export class Workdir {
  constructor(
    readonly root: string,
    readonly env: NodeJS.ProcessEnv = testEnv(),
  ) {}

  static of(repo: TempRepo): Workdir {
    return new Workdir(repo.root, repo.env);
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  write(rel: string, content: string | Buffer): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), content);
  }

  git(args: readonly string[], options: RunOptions = {}): Run {
    return run('git', args, { ...options, cwd: options.cwd ?? this.root, env: { ...this.env, ...options.env } });
  }

  gitOk(args: readonly string[], options: RunOptions = {}): string {
    const r = this.git(args, options);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}):\n${r.output}`);
    return r.stdout.trim();
  }

  /** The packed `kernel-secrets` bin, run with node as `npx kernel-secrets` would. */
  cli(args: readonly string[], options: RunOptions = {}): Run {
    return run(process.execPath, [packedCli(), ...args], {
      ...options,
      cwd: options.cwd ?? this.root,
      env: { ...this.env, ...options.env },
    });
  }

  head(): string | undefined {
    const r = this.git(['rev-parse', '--verify', '--quiet', 'HEAD']);
    return r.status === 0 ? r.stdout.trim() : undefined;
  }

  /**
   * Makes the hooks run here as they do after `npm install` in a fresh checkout: node_modules
   * (the packed install) and `kernel-secrets init --no-install`, which runs husky. A clone or a
   * linked worktree does not have husky's generated `.husky/_` until then.
   */
  installHooks(): void {
    symlinkSync(join(packedProject(), 'node_modules'), this.path('node_modules'), 'dir');
    const r = this.cli(['init', '--no-install']);
    if (r.status !== 0) throw new Error(`kernel-secrets init failed (${r.status}):\n${r.output}`);
  }
}

/** Temp directories and repositories of one test file, removed after it. */
export class Scratch {
  private readonly removals: (() => void)[] = [];

  dir(prefix = 'ks-hard-'): string {
    // realpath: git reports resolved paths (macOS /var → /private/var).
    const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
    this.removals.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  /** A project set up with `kernel-secrets init` and a base commit (see TempRepo). */
  repo(options?: RepoOptions): Workdir {
    const repo = TempRepo.create(options);
    this.removals.push(() => repo.remove());
    return Workdir.of(repo);
  }

  /** A bare `git init` with no project and no hooks (for scans that need no hook). */
  plainRepo(): Workdir {
    const wd = new Workdir(this.dir('ks-plain-'));
    wd.gitOk(['init', '--quiet']);
    return wd;
  }

  removeAll(): void {
    for (const remove of this.removals.splice(0).reverse()) remove();
  }
}

/** Exit code 2 with exactly one line on stderr, `kernel-secrets: …`, containing each of `parts`. */
export function expectCouldNotScan(r: Run, ...parts: (string | RegExp)[]): string {
  if (r.signal) expect.fail(`the process was killed (${r.signal}) after ${Math.round(r.ms)} ms`);
  expect(r.status, r.output).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  const line = lines[0]!;
  expect(line).toMatch(/^kernel-secrets: \S/);
  for (const p of parts) {
    if (typeof p === 'string') expect(line).toContain(p);
    else expect(line).toMatch(p);
  }
  return line;
}

/** JSON report of a scan that found something (exit 1). */
export interface JsonReport {
  summary: { files: number; largeFiles: string[]; mode: string };
  findings: { path: string; line: number; column: number; ruleId: string; fingerprint: string; preview: string; commit?: string }[];
}

export function parseJsonReport(r: Run): JsonReport {
  if (r.signal) expect.fail(`the process was killed (${r.signal}) after ${Math.round(r.ms)} ms`);
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    return expect.fail(`not a JSON report (exit ${r.status}):\n${r.output.slice(0, 2000)}`);
  }
}

/** The process ran to its end: it was not killed by the timeout. */
export function expectFinished(r: Run): void {
  if (r.signal) expect.fail(`the process was killed (${r.signal}) after ${Math.round(r.ms)} ms: it did not finish`);
}
