/**
 * The work tree's top level found on disk, without starting git, in the plain case only. An
 * editor's `scan --stdin --stdin-filename` needs nothing of git but the repository root (to
 * show the file repository-relative, as the baseline names it), and starting git was an eighth
 * of that scan's time (bench/README.md, round 8).
 *
 * "Plain" is what git's own discovery would answer the same way: walking up from the real path
 * of `cwd`, the first `.git` that is a directory of this user's holding HEAD, objects and refs,
 * on the same file system, with no variable set that changes git's discovery and no
 * core.worktree, core.bare or per-worktree config. Anything else (a linked worktree or submodule, whose `.git` is a file; a
 * repository git may refuse as not safe; Windows) is undefined: the caller asks git, which
 * gives the answer, or the error, in every case.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GIT_PATH_VARIABLES } from './env.js';

/**
 * Variables that change where git finds the repository or how it reads its config (`-c
 * core.worktree=…` arrives as GIT_CONFIG_PARAMETERS). Others (GIT_SSL_CAINFO, GIT_PAGER) do not.
 */
const DISCOVERY_VARIABLES = [
  ...GIT_PATH_VARIABLES,
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_CONFIG',
  'GIT_NAMESPACE',
];

/** A `core.worktree` or `core.bare = true` line of a repository's config (git reads those; we do not). */
const CONFIG_WE_DO_NOT_READ = /^[ \t]{0,64}(?:worktree[ \t]{0,64}=|bare[ \t]{0,64}=[ \t]{0,64}(?:true|yes|on|1)\b)/im;

/** Whether `gitDir` is a repository git would use as is: HEAD, objects and refs, and no config it would read differently. */
function isPlainGitDir(gitDir: string): boolean {
  if (!existsSync(join(gitDir, 'HEAD')) || !existsSync(join(gitDir, 'objects')) || !existsSync(join(gitDir, 'refs'))) return false;
  if (existsSync(join(gitDir, 'config.worktree')) || existsSync(join(gitDir, 'commondir'))) return false;
  try {
    return !CONFIG_WE_DO_NOT_READ.test(readFileSync(join(gitDir, 'config'), 'utf8'));
  } catch {
    return false;
  }
}

/** The top level `git rev-parse --show-toplevel` would print from `cwd` when the case is plain, else undefined. */
export function plainWorkTreeTop(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const uid = process.geteuid?.();
  if (uid === undefined || process.platform === 'win32') return undefined;
  if (DISCOVERY_VARIABLES.some((name) => env[name] !== undefined)) return undefined;
  try {
    let dir = realpathSync(cwd);
    const device = statSync(dir).dev;
    for (;;) {
      if (basename(dir) === '.git') return undefined; // inside a git directory: git's answer differs
      const dotGit = join(dir, '.git');
      const stat = lstatSync(dotGit, { throwIfNoEntry: false });
      if (stat) {
        const ours = stat.isDirectory() && stat.uid === uid && lstatSync(dir).uid === uid;
        return ours && isPlainGitDir(dotGit) ? dir : undefined;
      }
      const parent = dirname(dir);
      if (parent === dir || statSync(parent).dev !== device) return undefined;
      dir = parent;
    }
  } catch {
    return undefined;
  }
}
