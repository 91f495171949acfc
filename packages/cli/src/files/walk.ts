/**
 * Directory walk for scans outside a git repository: every regular file, skipping the
 * directories no one means to audit (dependencies, VCS metadata). Inside a repository
 * files/list-paths.ts asks git instead, so .gitignore is honoured exactly as git does.
 */
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

export const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Yields absolute paths of regular files under `dir`; `skip(absPath, isDir)` prunes. */
export async function* walkFiles(dir: string, skip: (absPath: string, isDirectory: boolean) => boolean): AsyncGenerator<string> {
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const handle = await opendir(current);
    const subdirs: string[] = [];
    for await (const entry of handle) {
      const abs = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRECTORIES.has(entry.name) && !skip(abs, true)) subdirs.push(abs);
      } else if (entry.isFile() && !skip(abs, false)) {
        yield abs;
      }
    }
    // Sorted, reversed onto the stack: output in a stable, readable order.
    stack.push(...subdirs.sort().reverse());
  }
}
