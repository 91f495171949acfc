/**
 * One engine per project: the project's kernel-secrets config (the same file the CLI and the
 * hook read) merged with the rule's options, plus the developer's live tokens. ESLint calls a
 * rule's `create` once per file, so the result is cached by project and options; a file costs
 * a Map lookup and a few environment reads (so a changed KERNEL_TOKEN is picked up).
 *
 * A config that cannot be loaded gives every file one lint error saying why, instead of a
 * crash or a silent pass. Errors are not cached, so fixing the file takes effect in a running
 * editor; a good config is kept until ESLint restarts.
 */
import {
  createCredentialNameMatcher,
  createPathFilter,
  type CredentialNameMatcher,
  type PathFilter,
  type ResolvedConfig,
  type Scanner,
} from '@kernel-secrets/core';
import { BASELINE_FILE_NAME, baselinePathRoot, createProjectScanner, readBaseline, type Baseline } from '@kernel-secrets/core/node';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface ProjectScannerRequest {
  /** ESLint's working directory; the config is looked up from here, as the CLI does. */
  cwd: string;
  /** Explicit config file (relative to cwd); otherwise the nearest one is used. */
  configFile?: string | undefined;
  /** Rule options on top of the project config. */
  credentialNames: readonly string[];
  allowedFingerprints: readonly string[];
  env: NodeJS.ProcessEnv;
}

export interface ProjectScanner {
  scanner: Scanner;
  config: ResolvedConfig;
  /** Credential names: core's lists, the config's and the options' credentialNames, the live-token envVars. */
  names: CredentialNameMatcher;
  /** Whether the config's ignorePaths exclude this file (absolute or cwd-relative path). */
  ignores: (filename: string) => boolean;
  /** Whether the project baseline (kernel-secrets.baseline.json at the config root) records this finding in this file, as the hook reads it. */
  isBaselined: (filename: string, finding: { detector: string; fingerprint: string }) => boolean;
}

export type ProjectScannerResult = { ok: true; project: ProjectScanner } | { ok: false; reason: string };

interface CacheEntry {
  result: ProjectScannerResult;
  /** Environment variables holding live tokens, and their values when the scanner was built. */
  envVars: readonly string[];
  envValues: string;
  /** The baseline file's modification time when read (a regenerated baseline is picked up by a running editor). */
  baselineStamp: number;
  baselineFile: string;
}

const cache = new Map<string, CacheEntry>();

function envValues(envVars: readonly string[], env: NodeJS.ProcessEnv): string {
  return envVars.map((name) => env[name] ?? '').join('\0');
}

function pathIgnorer(filter: PathFilter, root: string, cwd: string): (filename: string) => boolean {
  return (filename) => {
    // `<input>`/`<text>`: code passed on stdin or to lintText without a path has no place in the tree.
    if (filename.startsWith('<')) return false;
    const absolute = isAbsolute(filename) ? filename : resolve(cwd, filename);
    return filter.ignores(relative(root, absolute));
  };
}

function stampOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function baselineMatcher(baseline: Baseline | undefined, root: string, cwd: string): ProjectScanner['isBaselined'] {
  if (!baseline) return () => false;
  return (filename, finding) => {
    if (filename.startsWith('<')) return false;
    const path = relative(root, isAbsolute(filename) ? filename : resolve(cwd, filename))
      .split(sep)
      .join('/');
    return baseline.has({ path, detector: finding.detector, fingerprint: finding.fingerprint });
  };
}

function build(request: ProjectScannerRequest): CacheEntry {
  let envVars: readonly string[] = [];
  try {
    // Rule options are layered over the project's config by core, validated by the same schema.
    const project = createProjectScanner({
      cwd: request.cwd,
      configPath: request.configFile,
      env: request.env,
      overrides: { credentialNames: [...request.credentialNames], allowedFingerprints: [...request.allowedFingerprints] },
      overridesSource: 'kernel-secrets/no-hardcoded-token options',
    });
    const { config, scanner } = project;
    envVars = config.envVars;
    const names = createCredentialNameMatcher([...config.credentialNames, ...config.envVars]);
    const ignores = pathIgnorer(createPathFilter(config.ignorePaths), project.root, request.cwd);
    // Read as the CLI reads it (same file, same format, same errors), paths relative to the repository root.
    const baselineFile = join(project.root, BASELINE_FILE_NAME);
    const baseline = existsSync(baselineFile) ? readBaseline(baselineFile) : undefined;
    const isBaselined = baselineMatcher(baseline, baselinePathRoot(project.root, project.root), request.cwd);
    return {
      result: { ok: true, project: { scanner, config, names, ignores, isBaselined } },
      envVars,
      envValues: envValues(envVars, request.env),
      baselineStamp: stampOf(baselineFile),
      baselineFile,
    };
  } catch (err) {
    // ConfigError messages are one line naming the file, the key and the reason.
    const reason = (err instanceof Error ? err.message : String(err)).split('\n', 1)[0]!;
    return { result: { ok: false, reason }, envVars, envValues: '', baselineStamp: 0, baselineFile: '' };
  }
}

export function projectScannerFor(request: ProjectScannerRequest): ProjectScannerResult {
  const key = [request.cwd, request.configFile ?? '', request.credentialNames.join(','), request.allowedFingerprints.join(',')].join('\0');
  const cached = cache.get(key);
  // A changed live-token variable rebuilds the scanner (the editor keeps ESLint running).
  if (cached?.envValues === envValues(cached?.envVars ?? [], request.env) && cached.baselineStamp === stampOf(cached.baselineFile))
    return cached.result;
  const entry = build(request);
  if (entry.result.ok) cache.set(key, entry);
  else cache.delete(key);
  return entry.result;
}
