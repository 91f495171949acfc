/**
 * "The scan never writes": what a hook scenario could change, captured before and after. The
 * index file(s), every file of the working tree (symlinks by their target text, node_modules
 * not followed) and every ref with HEAD. A blocked commit must leave all of it as it was.
 *
 * git itself rewrites the index during `git commit` (it refreshes stat data and stores the
 * cache tree before running the hook), which is not the scanner's doing. So the index is
 * settled first with `git update-index --refresh` and `git write-tree`, the same two steps, and
 * compared by its entries (`git ls-files --stage`), which a racy-git stat refresh leaves alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, utimesSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Run, RunOptions, Workdir } from './workdir.js';

export interface RepoState {
  /** Index file (absolute path) → SHA-256 of its staged entries, or 'absent'. */
  indexes: Record<string, string>;
  /** Working-tree path → SHA-256 of the content, or `link → target` for a symlink. */
  worktree: Record<string, string>;
  /** `git for-each-ref` plus HEAD. */
  refs: string;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function walk(root: string, dir: string, out: Record<string, string>): void {
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue; // the repository (or a submodule's gitfile), not the work tree
    const abs = join(dir, name);
    const rel = relative(root, abs);
    const info = lstatSync(abs);
    if (info.isSymbolicLink()) out[rel] = `link → ${readlinkSync(abs)}`;
    else if (info.isDirectory()) walk(root, abs, out);
    else if (info.isFile()) out[rel] = sha256(readFileSync(abs));
  }
}

// State is always read from the work tree root (with the scenario's environment): a commit may
// run from a subdirectory or from outside the repository, the state it could change is the same.
function indexPath(wd: Workdir, options: RunOptions): string {
  const out = wd.gitOk(['rev-parse', '--git-path', 'index'], { env: options.env });
  return isAbsolute(out) ? out : resolve(wd.root, out);
}

/** Index files a commit under `options.env` touches: the repository's own and GIT_INDEX_FILE's. */
function indexFiles(wd: Workdir, options: RunOptions): string[] {
  const own = indexPath(wd, { ...options, env: { ...options.env, GIT_INDEX_FILE: undefined } });
  const chosen = indexPath(wd, options);
  return [...new Set([own, chosen])];
}

/**
 * What an index says will be committed: every entry's mode, object id, stage and path. Not the
 * file's bytes: git itself may rewrite the index during `git commit` to refresh stat data of
 * racily-clean entries (files written in the same second as the index), which changes bytes
 * but no entry, and is not the scanner's doing.
 */
function indexContent(wd: Workdir, file: string, options: RunOptions): string {
  const r = wd.git(['ls-files', '--stage', '-z'], { env: { ...options.env, GIT_INDEX_FILE: file } });
  return r.status === 0 ? sha256(r.stdout) : `unreadable: ${sha256(readFileSync(file))}`;
}

export function captureState(wd: Workdir, options: RunOptions = {}): RepoState {
  const indexes: Record<string, string> = {};
  for (const file of indexFiles(wd, options)) indexes[file] = existsSync(file) ? indexContent(wd, file, options) : 'absent';
  const worktree: Record<string, string> = {};
  walk(wd.root, wd.root, worktree);
  const git = { env: options.env };
  const head = wd.git(['symbolic-ref', '--quiet', 'HEAD'], git);
  const detached = wd.git(['rev-parse', '--verify', '--quiet', 'HEAD'], git);
  const refs = [
    `HEAD ${head.status === 0 ? head.stdout.trim() : `detached ${detached.stdout.trim() || '(unborn)'}`}`,
    wd.gitOk(['for-each-ref', '--format=%(refname) %(objectname) %(symref)'], git),
  ].join('\n');
  return { indexes, worktree, refs };
}

/** Sets every regular file of the work tree (not following links, not .git) to `when`. */
function backdate(dir: string, when: Date): void {
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue;
    const abs = join(dir, name);
    const info = lstatSync(abs);
    if (info.isDirectory()) backdate(abs, when);
    else if (info.isFile()) utimesSync(abs, when, when);
  }
}

/**
 * The two index writes `git commit` makes itself, done ahead (see the file comment). Files are
 * first dated a minute back: a file modified in the same instant as the index is "racily clean"
 * to git, which then rewrites the index again in the commit itself (a flaky "changed" index).
 */
export function settleIndex(wd: Workdir, options: RunOptions = {}): void {
  backdate(wd.root, new Date(Date.now() - 60_000));
  for (const file of indexFiles(wd, options)) {
    if (!existsSync(file)) continue;
    const env = { ...options.env, GIT_INDEX_FILE: file };
    wd.git(['update-index', '-q', '--refresh'], { env });
    // Fails (harmlessly) when an object is missing: the fault scenarios.
    wd.git(['write-tree'], { env });
  }
}

export function expectSameState(before: RepoState, after: RepoState): void {
  const changed: string[] = [];
  for (const key of new Set([...Object.keys(before.indexes), ...Object.keys(after.indexes)])) {
    if (before.indexes[key] !== after.indexes[key]) changed.push(`index ${key}`);
  }
  for (const key of new Set([...Object.keys(before.worktree), ...Object.keys(after.worktree)])) {
    if (before.worktree[key] !== after.worktree[key]) changed.push(`working tree ${key}`);
  }
  if (before.refs !== after.refs) changed.push(`refs:\n${before.refs}\n→\n${after.refs}`);
  expect(changed, 'the blocked commit changed the repository').toEqual([]);
}

/** What the hook prints when kernel-secrets refuses a commit (findings, or could not scan). */
const KERNEL_SECRETS_SAID = /^Commit blocked: nothing was committed|^kernel-secrets: /m;

/**
 * `git [gitOptions…] commit …args` through the installed hooks, which must refuse it: non-zero
 * exit, HEAD where it was, index, working tree and refs byte for byte as before, and output
 * matching `said` (by default a kernel-secrets line: the hook said why, where git failing on
 * its own would not).
 */
export function attemptBlockedCommit(
  wd: Workdir,
  args: readonly string[],
  options: RunOptions = {},
  gitOptions: readonly string[] = [],
  said: RegExp = KERNEL_SECRETS_SAID,
): Run {
  settleIndex(wd, options);
  const before = captureState(wd, options);
  const headBefore = wd.head();
  const r = wd.git([...gitOptions, 'commit', ...args], options);
  const after = captureState(wd, options);
  if (r.status === 0) expect.fail(`the commit went through:\n${r.output}`);
  expect(wd.head()).toBe(headBefore);
  expect(r.output).toMatch(said);
  expectSameState(before, after);
  return r;
}
