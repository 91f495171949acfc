/**
 * The environment git hands a hook decides WHICH index is being committed: `git commit -a` and
 * `git commit <path>` point GIT_INDEX_FILE at a temporary index, and a plain `git commit` sets
 * `GIT_INDEX_FILE=.git/index`, relative to the repository root where git starts the hook.
 * Hooks often `cd` into a subfolder first (husky's monorepo recipe does), after which that
 * relative path points nowhere, and git would silently read an empty index: nothing staged,
 * nothing scanned. So relative values are made absolute before any git runs, against the
 * directory where they name something that exists: our working directory, else the repository
 * root. An index that exists in neither place is an error, never an empty scan.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from '../errors.js';

/** Variables that hold paths git resolves against its own working directory. */
export const GIT_PATH_VARIABLES = ['GIT_INDEX_FILE', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'] as const;

/**
 * Rewrites relative git path variables that exist relative to `cwd` to absolute paths. A
 * relative GIT_INDEX_FILE that does not exist there is left for resolveIndexFile once the
 * repository root is known.
 */
export function absolutiseGitEnvironment(env: NodeJS.ProcessEnv, cwd: string): void {
  for (const name of GIT_PATH_VARIABLES) {
    const value = env[name];
    if (!value || isAbsolute(value)) continue;
    const candidate = resolve(cwd, value);
    if (existsSync(candidate) || name !== 'GIT_INDEX_FILE') env[name] = candidate;
  }
}

/** Resolves a still-relative GIT_INDEX_FILE against the repository root; a missing index fails closed. */
export function resolveIndexFile(env: NodeJS.ProcessEnv, topLevel: string): void {
  const value = env['GIT_INDEX_FILE'];
  if (!value) return;
  // git reads a missing index as an empty one: every file would look deleted and pass.
  const candidate = resolve(topLevel, value);
  if (!existsSync(candidate)) {
    throw new CliError(
      `GIT_INDEX_FILE=${value} names no index file, neither here nor at the repository root ${topLevel}`,
      'run kernel-secrets from the directory git started the hook in, or unset GIT_INDEX_FILE',
    );
  }
  env['GIT_INDEX_FILE'] = candidate;
}
