/**
 * Everything a scan needs before it reads a byte: the project's config and scanner (from the
 * engine's Node adapter, so the hook and the ESLint plugin agree), the repository, the ignore
 * list and the baseline. Any problem here is "could not scan" (exit 2).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  ConfigError,
  createPathFilter,
  fingerprint,
  Scanner,
  type KnownTokens,
  type PathFilter,
  type ResolvedConfig,
} from '@kernel-secrets/core';
import { createProjectScanner, loadProjectConfig, readKnownTokens } from '@kernel-secrets/core/node';
import type { Policy } from '../policy/policy.js';
import type { PolicyReview } from '../policy/review.js';
import { CliError } from '../errors.js';
import { GitRepo } from '../git/repo.js';
import { BASELINE_FILE_NAME, readBaseline, type Baseline } from './baseline.js';
import type { WorkerPolicy } from './scan-pool.js';

export interface ScanSetup {
  cwd: string;
  scanner: Scanner;
  config: ResolvedConfig;
  /** Directory the config's paths are relative to. */
  configRoot: string;
  repo: GitRepo | undefined;
  /** Findings' paths are relative to this: the repository root, else the config root. */
  pathRoot: string;
  baseline: Baseline | undefined;
  /** Baseline in use: a file relative to cwd, or where it was read (`kernel-secrets.baseline.json at HEAD`). */
  baselineFile: string | undefined;
  /** The change's own policy compared with the applied one (staged, history, pre-push). */
  review?: PolicyReview | undefined;
  /**
   * What a scan worker thread needs to build the same scanner (scan-pool.ts); undefined when
   * the scanner reports values to a callback (`--verify`), which cannot cross threads.
   */
  workerPolicy: WorkerPolicy | undefined;
  /** Whether `ignorePaths` excludes this absolute path. */
  ignores(absPath: string, isDirectory?: boolean): boolean;
  /** Absolute path → path as findings show it (`/`-separated). */
  displayPath(absPath: string): string;
}

export interface SetupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  configPath?: string | undefined;
  /** Explicit baseline file; undefined → the default file if present; false → none. */
  baseline?: string | false | undefined;
  /**
   * Whether to look for the repository (stdin scans without a file name do not need it);
   * `on-disk-first`: its top level only is needed, read from disk when the case is plain
   * (git/plain-work-tree.ts), else from git.
   */
  findRepo?: boolean | 'on-disk-first';
  /** Receives each finding's fingerprint and value (`scan --verify` only; see the engine's `onValue`). */
  onValue?: ((fingerprint: string, value: string) => void) | undefined;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * `relative(root, absPath)`, without path.relative's resolving of both paths again in the usual
 * case (a normalised path listed under `root`): on a scan of thousands of files the ignore check
 * and the display path took a tenth of the main thread that way.
 */
export function relativeTo(root: string, absPath: string): string {
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (absPath.startsWith(prefix) && isNormalTail(absPath, prefix.length - 1)) return absPath.slice(prefix.length);
  return relative(root, absPath);
}

/**
 * Whether `path` from `from` (a separator) on has nothing path.relative would normalise away:
 * no `.` or `..` segment and no empty one. A dot-file or dot-folder (`.github`, `.env`) is a
 * name like any other, so it keeps the fast path.
 */
function isNormalTail(path: string, from: number): boolean {
  for (let i = path.indexOf(sep, from); i !== -1; i = path.indexOf(sep, i + 1)) {
    const next = path.charCodeAt(i + 1);
    if (Number.isNaN(next) || path.startsWith(sep, i + 1)) return false; // trailing or doubled separator
    if (next !== 46) continue; // not a dot
    const end = path.indexOf(sep, i + 1);
    const segment = end === -1 ? path.slice(i + 1) : path.slice(i + 1, end);
    if (segment === '.' || segment === '..') return false;
  }
  return true;
}

/** Runs a config load, turning ConfigError into "could not scan" with the usual advice. */
export function withConfigErrors<T>(load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 'fix the config (its JSON schema documents every key) and run again');
    throw err;
  }
}

export function loadScanner(options: Pick<SetupOptions, 'cwd' | 'env' | 'configPath'>): ReturnType<typeof createProjectScanner> {
  return withConfigErrors(() =>
    createProjectScanner({ cwd: options.cwd, env: options.env, ...(options.configPath ? { configPath: options.configPath } : {}) }),
  );
}

/** The policy as the working tree has it (plain path and stdin scans, and an explicit `-c`). */
export function worktreePolicy(options: SetupOptions): Policy {
  const cwd = resolve(options.cwd);
  const { config, root, source } = withConfigErrors(() =>
    loadProjectConfig({ cwd, ...(options.configPath ? { configPath: options.configPath } : {}) }),
  );
  let baselineFile: string | undefined;
  if (options.baseline) baselineFile = resolve(cwd, options.baseline);
  else if (options.baseline === undefined && existsSync(join(root, BASELINE_FILE_NAME))) baselineFile = join(root, BASELINE_FILE_NAME);
  if (options.baseline && !existsSync(baselineFile!))
    throw new CliError(`baseline ${options.baseline} does not exist`, 'create it with `kernel-secrets baseline` or fix the path');
  return {
    config,
    root,
    baseline: baselineFile ? readBaseline(baselineFile) : undefined,
    configSource: source,
    baselineSource: baselineFile ? relative(cwd, baselineFile) || baselineFile : undefined,
    identity: 'worktree',
  };
}

export async function createScanSetup(options: SetupOptions): Promise<ScanSetup> {
  // git is asked first and answers while the config is read and the scanner built (an editor's
  // `scan --stdin --stdin-filename` otherwise waited for git with nothing else to do).
  const cwd = resolve(options.cwd);
  const finding =
    options.findRepo === false
      ? undefined
      : options.findRepo === 'on-disk-first'
        ? GitRepo.findTopLevel(cwd, options.env)
        : GitRepo.find(cwd, options.env);
  let policy: Policy;
  let engine: ReturnType<typeof scannerFor>;
  try {
    policy = worktreePolicy(options);
    engine = scannerFor(options, policy);
  } catch (err) {
    await finding?.catch(() => undefined); // its own failure, if any, is not the one to report
    throw err;
  }
  return finishSetup(options, await finding, policy, engine);
}

/** The scanner a policy gives, with the known tokens it was given. */
function scannerFor(options: Pick<SetupOptions, 'env' | 'onValue'>, policy: Policy): { scanner: Scanner; known: KnownTokens } {
  const { config, root } = policy;
  const known = readKnownTokens({ config, root }, options.env);
  const onValue = options.onValue;
  // A known token's encoded forms carry its fingerprint, not its value: the value is this one.
  if (onValue) for (const value of known.values) onValue(fingerprint(value), value);
  return { scanner: new Scanner({ config, known, ...(onValue ? { onValue } : {}) }), known };
}

/** A setup that applies `policy` (read from the working tree, or from a trusted commit). */
export function setupWithPolicy(
  options: Pick<SetupOptions, 'cwd' | 'env' | 'onValue'>,
  repo: GitRepo | undefined,
  policy: Policy,
  review?: PolicyReview,
): ScanSetup {
  return finishSetup(options, repo, policy, scannerFor(options, policy), review);
}

function finishSetup(
  options: Pick<SetupOptions, 'cwd' | 'env' | 'onValue'>,
  repo: GitRepo | undefined,
  policy: Policy,
  { scanner, known }: { scanner: Scanner; known: KnownTokens },
  review?: PolicyReview,
): ScanSetup {
  const cwd = resolve(options.cwd);
  const { config, root } = policy;
  const onValue = options.onValue;
  const pathRoot = repo?.topLevel ?? root;
  const filter: PathFilter = createPathFilter(config.ignorePaths);
  // No patterns: nothing to match, so no relative path to compute per listed file.
  const ignoresNothing = config.ignorePaths.length === 0;
  return {
    cwd,
    scanner,
    config,
    configRoot: root,
    repo,
    pathRoot,
    baseline: policy.baseline,
    baselineFile: policy.baselineSource,
    review,
    workerPolicy: onValue ? undefined : { config, known },
    ignores(absPath, isDirectory) {
      if (ignoresNothing) return false;
      const rel = relativeTo(root, absPath);
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
      return filter.ignores(toPosix(rel) + (isDirectory ? '/' : ''));
    },
    displayPath(absPath) {
      const rel = relativeTo(pathRoot, absPath);
      return !rel.startsWith('..') && !isAbsolute(rel) ? toPosix(rel) : toPosix(absPath);
    },
  };
}
