/** Public types of the engine. Everything a front-end (CLI, ESLint rule) needs to talk to it. */

export type Severity = 'error' | 'warning';

/** The four detector families. Per-detector severity overrides in the config use these ids. */
export type DetectorId = 'known' | 'format' | 'context' | 'authorization-header';

export const DETECTOR_IDS: readonly DetectorId[] = ['known', 'format', 'context', 'authorization-header'];

/**
 * One secret found in a text. It never holds the secret itself: `preview` and `fingerprint`
 * are the only derived forms, and offsets let a caller mask the span in its own copy of the text.
 */
export interface Finding {
  detector: DetectorId;
  /** Finer id inside the family, e.g. `jwt`, `custom:acme-pat`, `kernel-variable`, `env`. */
  rule: string;
  severity: Severity;
  /** One sentence: what was found, with the redacted preview. Never the value. */
  message: string;
  /** What to do now (revoke, rotate, move to an env var), following Kernel's own guidance. */
  remediation: string;
  /** 1-based line of the first character of the secret. */
  line: number;
  /** 1-based column (UTF-16 code units, like ESLint) of the first character. */
  column: number;
  endLine: number;
  /** 1-based column just past the last character (exclusive, like ESLint's endColumn). */
  endColumn: number;
  /** 0-based offsets into the scanned text: [offset, endOffset). */
  offset: number;
  endOffset: number;
  /** SHA-256 hex of the secret value. Stable when code moves; used by baselines and allow lists. */
  fingerprint: string;
  /** At most the first 4 characters, then the length: `eyJh…(212 chars)`. */
  preview: string;
}

export type SuppressionReason = 'directive' | 'fingerprint';

export interface SuppressedFinding extends Finding {
  suppressedBy: SuppressionReason;
}

export interface ScanResult {
  /** Findings still in force. */
  findings: Finding[];
  /** Findings silenced by an allow directive or an allowed fingerprint (reported as counts). */
  suppressed: SuppressedFinding[];
}

/** The user's own live tokens, gathered by the caller (see `@kernel-secrets/core/node`). */
export interface KnownTokens {
  /** Raw values, e.g. from `KERNEL_TOKEN`. Kept in memory only. */
  values: readonly string[];
  /** SHA-256 hex fingerprints from the local known-fingerprints file. */
  fingerprints: readonly string[];
}

export interface ScanOptions {
  /** Path shown in messages and used for path-sensitive rules (not read). */
  path?: string;
  /**
   * Only report findings that touch these 1-based lines (e.g. added lines of a diff).
   * The whole text is still scanned so that context on neighbouring lines counts.
   */
  onlyLines?: ReadonlySet<number>;
  /**
   * The whole file `text` is part of, when that is more than `text` (an ESLint rule scans one
   * string of a file): JWT test vectors are judged by the keys and Kernel mentions in it.
   */
  surroundings?: string;
}
