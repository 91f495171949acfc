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

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Absolute paths of the regular files under `dir` (symlinks are not followed: readdir's entry
 * type is the link's own), in a stable order: each directory's files by name, then its
 * subdirectories by name. `skip(absPath, isDirectory)` prunes.
 */
export function walkFiles(dir: string, skip: (absPath: string, isDirectory: boolean) => boolean): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const entries = readdirSync(current, { withFileTypes: true }).sort(byName);
    const subdirs: string[] = [];
    // An entry's name has no separator and `current` is normalised: joining is concatenation.
    const base = current.endsWith(sep) ? current : current + sep;
    for (const entry of entries) {
      const abs = base + entry.name;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRECTORIES.has(entry.name) && !skip(abs, true)) subdirs.push(abs);
      } else if (entry.isFile() && !skip(abs, false)) {
        out.push(abs);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  return out;
}
