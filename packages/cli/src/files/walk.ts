/**
 * Directory walk for scans outside a git repository: every regular file, skipping the
 * directories no one means to audit (dependencies, VCS metadata). Inside a repository
 * files/list-paths.ts asks git instead, so .gitignore is honoured exactly as git does.
 *
 * Synchronous on purpose: a scan has nothing else to do meanwhile, and each promise-based
 * directory read is a round trip through the thread pool (a quarter of a full scan's time
 * went to fs/promises and the idle waits between its calls).
 */
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';

export const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Absolute paths of the regular files under `dir` (symlinks are not followed: readdir's entry
 * type is the link's own), in a stable order: each directory's files by name, then its
 * subdirectories by name. `skip(absPath, isDirectory)` prunes.
 */
export function walkFiles(dir: string, skip: (absPath: string, isDirectory: boolean) => boolean): string[] {
  const out: string[] = [];
  walkTree(dir, readdirSync, sep, [...ALWAYS_SKIPPED_DIRECTORIES], skip, (abs) => out.push(abs));
  return out;
}

/**
 * The walk itself, calling `visit` with each file in walkFiles' order. Everything it uses comes
 * in as a parameter: the reader thread (scan/file-reader-thread.ts) evaluates this function's
 * source, so that a thread's walk is this walk, not a copy of it.
 */
export function walkTree(
  dir: string,
  readdir: (path: string, options: { withFileTypes: true }) => { name: string; isDirectory(): boolean; isFile(): boolean }[],
  separator: string,
  skippedNames: readonly string[],
  skip: (absPath: string, isDirectory: boolean) => boolean,
  visit: (absPath: string) => void,
): void {
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const entries = readdir(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    // An entry's name has no separator and `current` is normalised: joining is concatenation.
    const base = current.endsWith(separator) ? current : current + separator;
    for (const entry of entries) {
      const abs = base + entry.name;
      if (entry.isDirectory()) {
        if (!skippedNames.includes(entry.name) && !skip(abs, true)) subdirs.push(abs);
      } else if (entry.isFile() && !skip(abs, false)) {
        visit(abs);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}
