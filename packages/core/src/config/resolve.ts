/** Turns a raw (parsed JSON) config into the validated, defaulted form the engine runs on. */
import { DEFAULT_TOKEN_ENV_VARS } from '../catalogue/credential-names.js';
import type { DetectorId, Severity } from '../types.js';
import schemaJson from './config.schema.json' with { type: 'json' };
import { unsafePatternReason } from './regex-safety.js';
import { validate, type JsonSchema, type SchemaError } from './validate.js';

export const CONFIG_SCHEMA = schemaJson as JsonSchema;

export interface Thresholds {
  minLength: number;
  entropyHex: number;
  entropyBase64: number;
  maxFileSize: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  minLength: 20,
  entropyHex: 3,
  entropyBase64: 3.5,
  maxFileSize: 10 * 1024 * 1024,
});

export const DEFAULT_KNOWN_FINGERPRINTS_FILE = '.kernel-secrets/known-fingerprints';

export interface CustomFormat {
  id: string;
  pattern: RegExp;
  prefix?: string;
  description: string;
  severity: Severity;
}

export interface ResolvedConfig {
  /** Env vars read for live tokens: the defaults plus `envVars`. */
  envVars: readonly string[];
  knownFingerprintsFile: string;
  credentialNames: readonly string[];
  formats: readonly CustomFormat[];
  ignorePaths: readonly string[];
  allowedFingerprints: ReadonlySet<string>;
  /** The reason given next to an allowed fingerprint (`{ "fingerprint": …, "reason": … }`), by fingerprint. */
  allowedFingerprintReasons: ReadonlyMap<string, string>;
  severity: Readonly<Record<DetectorId, Severity | 'off'>>;
  thresholds: Readonly<Thresholds>;
}

/** A config that must not be used. `issues` name each bad key; `message` is one line. */
export class ConfigError extends Error {
  constructor(
    readonly issues: SchemaError[],
    readonly source?: string,
  ) {
    const where = source ? `${source}: ` : '';
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`invalid kernel-secrets config: ${where}${first ? `${first.path || 'the config'} ${first.message}` : 'unknown error'}${more}`);
    this.name = 'ConfigError';
  }
}

interface RawFormat {
  id: string;
  pattern: string;
  prefix?: string;
  caseInsensitive?: boolean;
  description?: string;
  severity?: Severity;
}

interface RawConfig {
  envVars?: string[];
  knownFingerprintsFile?: string;
  credentialNames?: string[];
  formats?: RawFormat[];
  ignorePaths?: string[];
  allowedFingerprints?: (string | { fingerprint: string; reason?: string })[];
  severity?: Partial<Record<DetectorId, Severity | 'off'>>;
  thresholds?: Partial<Thresholds>;
}

/**
 * V8's message quotes the pattern (`Invalid regular expression: /…/gd: Unterminated group`),
 * which is user text and may hold a token: keep only the reason after the last `: `.
 */
function regexErrorReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const reason = message.slice(message.lastIndexOf(': ') + 2);
  return /^[A-Za-z][A-Za-z ,'()-]{0,80}$/.test(reason) ? reason : 'invalid syntax';
}

/** `allowedFingerprints` entries are bare fingerprints or `{ fingerprint, reason }` objects. */
function allowedEntries(cfg: RawConfig): { fingerprint: string; reason?: string }[] {
  return (cfg.allowedFingerprints ?? []).map((e) => (typeof e === 'string' ? { fingerprint: e } : e));
}

function compileFormat(f: RawFormat, index: number): CustomFormat | SchemaError {
  const flags = `gd${f.caseInsensitive ? 'i' : ''}`;
  const path = `formats[${index}].pattern`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(f.pattern, flags);
  } catch (err) {
    return { path, message: `is not a valid regular expression: ${regexErrorReason(err)}` };
  }
  if (pattern.test('')) return { path, message: 'matches the empty string' };
  pattern.lastIndex = 0;
  const unsafe = unsafePatternReason(f.pattern, flags);
  if (unsafe) return { path, message: unsafe };
  return {
    id: f.id,
    pattern,
    ...(f.prefix ? { prefix: f.prefix } : {}),
    description: f.description ?? `organisation token format "${f.id}"`,
    severity: f.severity ?? 'error',
  };
}

/**
 * gitignore patterns with two or more `**\/` compile to regexes that backtrack polynomially on
 * deep paths (a 240-level path a hostile commit can hold takes ~0.2 s per pattern, growing
 * cubically); one `**\/` (plus a trailing `/**`) stays linear. Measured in test/hardening-regex.
 */
function unsafeGlobReason(pattern: string): string | undefined {
  const interior = pattern.split('**/').length - 1;
  if (interior < 2) return undefined;
  return 'uses `**/` more than once, which is slow to match on deep paths; keep one (e.g. `packages/**/fixtures/` or `**/*.snap`) or list the patterns separately';
}

/** Validates `raw` against the schema and applies defaults. Throws ConfigError; never half-applies. */
export function resolveConfig(raw: unknown = {}, source?: string): ResolvedConfig {
  const issues = validate(CONFIG_SCHEMA, raw);
  if (issues.length > 0) throw new ConfigError(issues, source);
  const cfg = raw as RawConfig;
  const formats: CustomFormat[] = [];
  (cfg.formats ?? []).forEach((f, i) => {
    const compiled = compileFormat(f, i);
    if ('path' in compiled) issues.push(compiled);
    else formats.push(compiled);
  });
  (cfg.ignorePaths ?? []).forEach((pattern, i) => {
    const reason = unsafeGlobReason(pattern);
    if (reason) issues.push({ path: `ignorePaths[${i}]`, message: reason });
  });
  const ids = new Set<string>();
  (cfg.formats ?? []).forEach((f, i) => {
    if (ids.has(f.id)) issues.push({ path: `formats[${i}].id`, message: `duplicates id "${f.id}"` });
    ids.add(f.id);
  });
  if (issues.length > 0) throw new ConfigError(issues, source);
  return {
    envVars: [...new Set([...DEFAULT_TOKEN_ENV_VARS, ...(cfg.envVars ?? [])])],
    knownFingerprintsFile: cfg.knownFingerprintsFile ?? DEFAULT_KNOWN_FINGERPRINTS_FILE,
    credentialNames: cfg.credentialNames ?? [],
    formats,
    ignorePaths: cfg.ignorePaths ?? [],
    allowedFingerprints: new Set(allowedEntries(cfg).map((e) => e.fingerprint)),
    allowedFingerprintReasons: new Map(
      allowedEntries(cfg)
        .filter((e) => e.reason)
        .map((e) => [e.fingerprint, e.reason!]),
    ),
    severity: {
      known: cfg.severity?.known ?? 'error',
      format: cfg.severity?.format ?? 'error',
      context: cfg.severity?.context ?? 'error',
      'authorization-header': cfg.severity?.['authorization-header'] ?? 'error',
    },
    thresholds: { ...DEFAULT_THRESHOLDS, ...cfg.thresholds },
  };
}

/** The config every front-end uses when the project has none. */
export const DEFAULT_CONFIG: ResolvedConfig = resolveConfig({});

/**
 * Layers `raw` (same shape and validation as the config file) over `base`: lists are joined,
 * `severity` and `thresholds` keys given in `raw` win. Used for ESLint rule options and CLI
 * flags on top of the project's file, so every layer is validated by the same schema.
 */
export function mergeConfig(base: ResolvedConfig, raw: unknown, source?: string): ResolvedConfig {
  const extra = resolveConfig(raw, source);
  const given = raw as RawConfig;
  const ids = new Set(base.formats.map((f) => f.id));
  const clash = extra.formats.findIndex((f) => ids.has(f.id));
  if (clash !== -1)
    throw new ConfigError(
      [{ path: `formats[${clash}].id`, message: `duplicates id "${extra.formats[clash]!.id}" of the project config` }],
      source,
    );
  return {
    envVars: [...new Set([...base.envVars, ...extra.envVars])],
    knownFingerprintsFile: given.knownFingerprintsFile ?? base.knownFingerprintsFile,
    credentialNames: [...new Set([...base.credentialNames, ...extra.credentialNames])],
    formats: [...base.formats, ...extra.formats],
    ignorePaths: [...base.ignorePaths, ...extra.ignorePaths],
    allowedFingerprints: new Set([...base.allowedFingerprints, ...extra.allowedFingerprints]),
    allowedFingerprintReasons: new Map([...base.allowedFingerprintReasons, ...extra.allowedFingerprintReasons]),
    severity: { ...base.severity, ...given.severity },
    thresholds: { ...base.thresholds, ...given.thresholds },
  };
}
