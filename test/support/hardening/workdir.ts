/**
 * Scratch directories for the hardening suite: clones, linked worktrees, bare repositories,
 * submodules and plain directories that `TempRepo` does not build. The directories themselves
 * are `Workdir`s of the one end-to-end harness (test/support/git-repo.ts): same isolated
 * environment, same packed CLI, same process runner with its timeout.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TempRepo, Workdir, type RepoOptions, type Run } from '../git-repo.js';

export { run, Workdir, type Run, type RunOptions } from '../git-repo.js';

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
    return repo;
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
