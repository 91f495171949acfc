/**
 * The project baseline file (`kernel-secrets.baseline.json`), read the same way by the CLI and
 * the ESLint plugin so that a baselined finding is silenced by both. Moved here from the CLI
 * (packages/cli/src/scan/baseline.ts re-exports it).
 *
 * Baselines let an existing repository adopt the hook: findings that exist today are recorded
 * by fingerprint, detector and path, and only new ones block. No line numbers (moving code does
 * not churn the file) and never the secret: a fingerprint is a SHA-256 of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Finding } from '../types.js';

export const BASELINE_FILE_NAME = 'kernel-secrets.baseline.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  path: string;
  detector: Finding['detector'];
  rule: string;
  fingerprint: string;
  /** Why this finding may stay (optional); a change that adds an entry passes the gate only with one. */
  reason?: string;
}

export interface BaselineFile {
  $comment: string;
  version: number;
  entries: BaselineEntry[];
}

function key(e: { path: string; detector: string; fingerprint: string }): string {
  return `${e.fingerprint}\0${e.detector}\0${e.path}`;
}

export class Baseline {
  private readonly keys: Map<string, BaselineEntry>;

  constructor(readonly entries: readonly BaselineEntry[]) {
    this.keys = new Map(entries.map((e) => [key(e), e]));
  }

  has(finding: { path: string; detector: string; fingerprint: string }): boolean {
    return this.keys.has(key(finding));
  }

  /** The entry matching a finding, with its reason if it has one. */
  entryFor(finding: { path: string; detector: string; fingerprint: string }): BaselineEntry | undefined {
    return this.keys.get(key(finding));
  }
}

/** A baseline file that cannot be used: one line naming the file and why, and how to fix it. */
export class BaselineError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'BaselineError';
  }
}

function invalid(file: string, why: string): BaselineError {
  return new BaselineError(`invalid baseline ${file}: ${why}`, 'regenerate it with `kernel-secrets baseline`');
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw invalid(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseBaseline(text, file);
}

/** An entry's optional `reason`: absent, or non-empty text of at most 500 characters. */
function validReason(reason: unknown): boolean {
  return reason === undefined || (typeof reason === 'string' && reason.trim().length > 0 && reason.length <= 500);
}

/** A baseline from its text (a file on disk, or one committed at a git ref); `file` names it in errors. */
export function parseBaseline(text: string, file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw invalid(file, 'not valid JSON');
  }
  const data = raw as Partial<BaselineFile>;
  if (!data || typeof data !== 'object' || data.version !== BASELINE_VERSION || !Array.isArray(data.entries)) {
    throw invalid(file, `expected {"version": ${BASELINE_VERSION}, "entries": [...]}`);
  }
  data.entries.forEach((e, i) => {
    const ok =
      e &&
      typeof e.path === 'string' &&
      typeof e.detector === 'string' &&
      typeof e.fingerprint === 'string' &&
      /^[0-9a-f]{64}$/.test(e.fingerprint);
    if (!ok) throw invalid(file, `entries[${i}] needs path, detector and a 64-hex fingerprint`);
    if (!validReason(e.reason)) throw invalid(file, `entries[${i}].reason must be a non-empty string`);
  });
  return new Baseline(data.entries);
}

export function readBaselineIfPresent(file: string): Baseline | undefined {
  return existsSync(file) ? readBaseline(file) : undefined;
}

/** The file `kernel-secrets baseline` writes: sorted, one entry per (fingerprint, detector, path); reasons from `previous` are kept. */
export function baselineText(findings: readonly (Finding & { path: string })[], previous?: Baseline): string {
  const unique = new Map<string, BaselineEntry>();
  for (const f of findings) {
    // A regenerated baseline keeps the reason a reviewer accepted for an entry that is still found.
    const reason = previous?.entryFor(f)?.reason;
    unique.set(key(f), { path: f.path, detector: f.detector, rule: f.rule, fingerprint: f.fingerprint, ...(reason ? { reason } : {}) });
  }
  const entries = [...unique.values()].sort(
    (a, b) => a.path.localeCompare(b.path) || a.detector.localeCompare(b.detector) || a.fingerprint.localeCompare(b.fingerprint),
  );
  const file: BaselineFile = {
    $comment:
      'kernel-secrets baseline: findings that existed when the scan was adopted; they do not block. ' +
      'Fingerprints are SHA-256 hashes, no secret is stored. Regenerate with `kernel-secrets baseline`.',
    version: BASELINE_VERSION,
    entries,
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * The directory baseline paths are relative to: the repository's top level (the nearest
 * directory from `start` up holding `.git`), else `fallback`. The CLI takes it from git; this
 * is the same answer without running git, for the ESLint plugin.
 */
export function baselinePathRoot(start: string, fallback: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return fallback;
  }
}
