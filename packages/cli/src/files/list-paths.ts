/**
 * Turns the paths given to `scan [paths…]` into the files to scan. A file named explicitly is
 * always scanned (lint-staged and editors name files on purpose). A directory is expanded: in a
 * repository with `git ls-files --cached --others --exclude-standard` (tracked and new files,
 * .gitignore applied the way git applies it); outside one by walking it. The project's
 * `ignorePaths` then drop expanded files, never explicit ones.
 */
import { lstatSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors.js';
import { unquoteGitPath } from '../git/quote.js';
import { QUOTE_PATHS } from '../git/diff-args.js';
import type { GitRepo } from '../git/repo.js';
import { walkFiles } from './walk.js';

export interface FileToScan {
  /** What the file system is given: a string, or the exact bytes of a name that is not UTF-8. */
  fsPath: string | Buffer;
  /** Absolute path as a string (for display and ignore rules). */
  absPath: string;
  explicit: boolean;
}

export interface PathListing {
  files: FileToScan[];
  /** Files dropped by `ignorePaths`. */
  ignored: number;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A path's bytes from git, as something fs accepts, plus its string form. */
function fromGitBytes(topLevel: string, bytes: Buffer): { fsPath: string | Buffer; absPath: string } {
  const text = bytes.toString('utf8');
  const absPath = resolve(topLevel, text);
  if (Buffer.from(text, 'utf8').equals(bytes)) return { fsPath: absPath, absPath };
  return { fsPath: Buffer.concat([Buffer.from(topLevel + sep), bytes]), absPath };
}

async function gitListFiles(repo: GitRepo & { topLevel: string }, dir: string): Promise<{ fsPath: string | Buffer; absPath: string }[]> {
  const pathspec = relative(repo.topLevel, dir) || '.';
  // --literal-pathspecs: a directory called `[draft]` is a name, not a glob.
  const out = await repo.raw(
    ['--literal-pathspecs', ...QUOTE_PATHS, 'ls-files', '--cached', '--others', '--exclude-standard', '--full-name', '--', pathspec],
    'git ls-files',
  );
  const seen = new Set<string>();
  const files: { fsPath: string | Buffer; absPath: string }[] = [];
  for (const line of out.split('\n')) {
    if (!line || seen.has(line)) continue; // conflicted files are listed once per stage
    seen.add(line);
    files.push(fromGitBytes(repo.topLevel, unquoteGitPath(line)));
  }
  return files;
}

/** Regular files only: submodules, sockets and symlinks inside an expanded directory are skipped. */
function isRegularFile(path: string | Buffer): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false; // deleted in the working tree but still tracked: nothing to scan
  }
}

/** A path given to `scan`, resolved, and what it is. */
async function resolveGiven(given: string, cwd: string): Promise<{ abs: string; info: Stats }> {
  try {
    // git reports the repository root with symlinks resolved; resolve the parent the same way
    // (a symlinked checkout must compare equal) but keep the name the user gave.
    const resolved = resolve(cwd, given);
    const info = await stat(resolved);
    const abs = info.isDirectory() ? await realpath(resolved) : join(await realpath(dirname(resolved)), basename(resolved));
    return { abs, info };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot scan ${given}: ${code === 'ENOENT' ? 'no such file or directory' : (code ?? 'unreadable')}`,
      'check the path',
    );
  }
}

/**
 * The real paths of `paths` when each is a directory that listFiles would walk (none inside the
 * repository, where git lists instead), else undefined: such a listing is walkTree's alone and
 * can be done by the reader thread. Bad paths are left for listFiles to report.
 */
export async function walkedDirectories(
  paths: readonly string[],
  options: { cwd: string; repo: GitRepo | undefined },
): Promise<string[] | undefined> {
  const dirs: string[] = [];
  for (const given of paths) {
    const resolved = await resolveGiven(given, options.cwd).catch(() => undefined);
    if (!resolved?.info.isDirectory()) return undefined;
    const top = options.repo?.topLevel;
    if (top !== undefined && isInside(top, resolved.abs)) return undefined;
    dirs.push(resolved.abs);
  }
  return dirs;
}

export async function listFiles(
  paths: readonly string[],
  options: { cwd: string; repo: GitRepo | undefined; ignores: (absPath: string, isDirectory?: boolean) => boolean },
): Promise<PathListing> {
  const out: FileToScan[] = [];
  const seen = new Set<string>();
  let ignored = 0;
  const add = (file: FileToScan): void => {
    if (seen.has(file.absPath)) return;
    seen.add(file.absPath);
    out.push(file);
  };
  for (const given of paths) {
    const { abs, info } = await resolveGiven(given, options.cwd);
    if (info.isFile()) {
      add({ fsPath: abs, absPath: abs, explicit: true });
      continue;
    }
    if (!info.isDirectory()) throw new CliError(`cannot scan ${given}: not a file or directory`, 'name regular files or directories');
    const repo = options.repo;
    // The walk lists regular files only; git lists what the index holds, which may be gone or a symlink.
    const fromGit = repo?.topLevel !== undefined && isInside(repo.topLevel, abs);
    const candidates = fromGit
      ? await gitListFiles(repo as GitRepo & { topLevel: string }, abs)
      : walkFiles(abs, (p, isDirectory) => isDirectory && options.ignores(p, true)).map((p) => ({ fsPath: p, absPath: p }));
    for (const c of candidates) {
      if (options.ignores(c.absPath)) {
        ignored++;
        continue;
      }
      if (!fromGit || isRegularFile(c.fsPath)) add({ ...c, explicit: false });
    }
  }
  return { files: out, ignored };
}
