/**
 * Node adapter shared by the CLI and the ESLint plugin: finds and reads the project's config
 * file and the user's live tokens, so the hook and the linter see the same settings.
 * The engine itself (the package's main entry) never touches the file system or environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError, mergeConfig, resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { Scanner } from '../engine/scanner.js';
import type { KnownTokens } from '../types.js';

export const CONFIG_FILE_NAME = 'kernel-secrets.config.json';
export const PACKAGE_JSON_KEY = 'kernelSecrets';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** File the config came from; undefined when defaults are used. */
  source?: string;
  /** Directory paths in the config are relative to (where the config or the repo root is). */
  root: string;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(
      [{ path: '', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }],
      path,
    );
  }
  return parseJsonText(text, path);
}

/** JSON.parse with an error that says where, never what (the file may hold part of a secret). */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    // Node's message quotes a snippet of the file, which could hold part of a secret: keep
    // only where the error is.
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    const where = at === undefined ? '' : ` at ${lineColumnOf(text, Number(at))}`;
    throw new ConfigError([{ path: '', message: `is not valid JSON${where}` }], source);
  }
}

/**
 * A config from text read elsewhere (a file as committed at a git ref). `source` names it in
 * errors; for a package.json the `kernelSecrets` key is the config.
 */
export function configFromText(text: string, source: string, fromPackageJson: boolean): ResolvedConfig {
  const raw = parseJsonText(text, source);
  return resolveConfig(fromPackageJson ? (raw as Record<string, unknown>)[PACKAGE_JSON_KEY] : raw, source);
}

/** Whether a package.json text holds our key (a broken one holds no config of ours). */
export function packageJsonHasConfig(text: string): boolean {
  try {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    return !!json && typeof json === 'object' && PACKAGE_JSON_KEY in json;
  } catch {
    return false;
  }
}

function lineColumnOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/**
 * Walks up from `cwd` to the repository root (a directory with `.git`) or the file-system root,
 * taking the first kernel-secrets.config.json, or package.json with a `kernelSecrets` key.
 */
export function findConfigFile(cwd: string): { path: string; fromPackageJson: boolean } | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE_NAME);
    if (existsSync(file)) return { path: file, fromPackageJson: false };
    const pkg = join(dir, 'package.json');
    // A broken package.json is npm's problem to report; it holds no config of ours then.
    if (existsSync(pkg) && packageJsonHasConfig(readFileSync(pkg, 'utf8'))) return { path: pkg, fromPackageJson: true };
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** Nearest directory with `.git`, or undefined. */
export function findRepoRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Loads the project's config. With `configPath`, that file must exist and be valid.
 * Throws ConfigError (one-line message naming the key and the reason) on any problem.
 */
export function loadProjectConfig(options: { cwd?: string; configPath?: string } = {}): LoadedConfig {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.configPath) {
    const path = resolve(cwd, options.configPath);
    const raw = readJson(path);
    const value = path.endsWith('package.json') ? (raw as Record<string, unknown>)[PACKAGE_JSON_KEY] : raw;
    return { config: resolveConfig(value, path), source: path, root: dirname(path) };
  }
  const found = findConfigFile(cwd);
  if (!found) return { config: resolveConfig({}), root: findRepoRoot(cwd) ?? cwd };
  const raw = readJson(found.path);
  const value = found.fromPackageJson ? (raw as Record<string, unknown>)[PACKAGE_JSON_KEY] : raw;
  return { config: resolveConfig(value, found.path), source: found.path, root: dirname(found.path) };
}

/** The per-user fingerprint list, for tokens that belong to a person rather than a project. */
export function userFingerprintsFile(env: NodeJS.ProcessEnv = process.env): string {
  // An empty XDG_CONFIG_HOME means unset (XDG spec), hence || rather than ??.
  const base = env['XDG_CONFIG_HOME'] || join(homedir(), '.config'); // eslint-disable-line @typescript-eslint/prefer-nullish-coalescing
  return join(base, 'kernel-secrets', 'known-fingerprints');
}

/** Parses a fingerprints file: one SHA-256 hex per line; `#` comments and blank lines ignored. */
export function parseFingerprints(text: string, source: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    if (!/^[0-9a-fA-F]{64}$/.test(line)) {
      throw new ConfigError([{ path: `line ${i + 1}`, message: 'is not a SHA-256 hex fingerprint (64 hex characters)' }], source);
    }
    out.push(line.toLowerCase());
  });
  return out;
}

/**
 * The user's live tokens: values of the configured environment variables, plus fingerprints
 * from the project's git-ignored file and the per-user file.
 */
export function readKnownTokens(loaded: LoadedConfig, env: NodeJS.ProcessEnv = process.env): KnownTokens {
  const values = loaded.config.envVars.map((name) => env[name]?.trim()).filter((v): v is string => !!v);
  const files = [
    isAbsolute(loaded.config.knownFingerprintsFile)
      ? loaded.config.knownFingerprintsFile
      : join(loaded.root, loaded.config.knownFingerprintsFile),
    userFingerprintsFile(env),
  ];
  const fingerprints = files.filter((f) => existsSync(f)).flatMap((f) => parseFingerprints(readFileSync(f, 'utf8'), f));
  return { values, fingerprints };
}

export interface ProjectScannerOptions {
  cwd?: string;
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Settings layered over the project's config (ESLint rule options, CLI flags); validated alike. */
  overrides?: unknown;
  /** Named in a ConfigError about `overrides`, e.g. "kernel-secrets/no-hardcoded-token options". */
  overridesSource?: string;
}

/** Config + known tokens → a ready Scanner. The one call both front-ends make. */
export function createProjectScanner(options: ProjectScannerOptions = {}): LoadedConfig & { scanner: Scanner } {
  const loaded = loadProjectConfig(options);
  if (options.overrides !== undefined) loaded.config = mergeConfig(loaded.config, options.overrides, options.overridesSource);
  const scanner = new Scanner({ config: loaded.config, known: readKnownTokens(loaded, options.env) });
  return { ...loaded, scanner };
}
