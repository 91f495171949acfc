/**
 * What a scan produced, in the form every output format reads. A reported finding is the
 * engine's Finding plus where it was found; it never holds the secret (the engine's Finding
 * has only its preview and fingerprint, and code frames are masked before they get here).
 */
import type { Finding, Severity } from '@kernel-secrets/core';

export type ScanMode = 'staged' | 'paths' | 'commits' | 'stdin';

/** One line of a code frame, already masked and made safe for a terminal. */
export interface FrameLine {
  line: number;
  text: string;
  /** 0-based [start, end) columns in `text` to underline, on the finding's own line. */
  mark?: [number, number];
}

export interface ReportedFinding extends Finding {
  /** Repository-relative path with `/` separators (or the stdin file name). */
  path: string;
  /** The commit that introduced it (history scans). */
  commit?: string;
  frame: FrameLine[];
}

export interface ScanSummary {
  mode: ScanMode;
  /** Files (or blobs) whose content was scanned. */
  files: number;
  bytes: number;
  commits?: number;
  suppressed: { directive: number; fingerprint: number; baseline: number };
  /** Files skipped because the config's ignorePaths lists them. */
  ignoredByConfig: number;
  /** Files above thresholds.maxFileSize that were scanned anyway. */
  largeFiles: string[];
  durationMs: number;
  /** Baseline file applied, relative to the working directory. */
  baseline?: string;
}

export interface ScanReport {
  findings: ReportedFinding[];
  summary: ScanSummary;
}

export const SEVERITY_RANK: Record<Severity, number> = { warning: 1, error: 2 };

/** Whether a finding makes the scan fail at the chosen `--fail-on` level. */
export function blocks(finding: Pick<Finding, 'severity'>, failOn: Severity): boolean {
  return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
}

export function emptySummary(mode: ScanMode): ScanSummary {
  return {
    mode,
    files: 0,
    bytes: 0,
    suppressed: { directive: 0, fingerprint: 0, baseline: 0 },
    ignoredByConfig: 0,
    largeFiles: [],
    durationMs: 0,
  };
}

/** `known/raw` already carries its family; `kernel-variable` becomes `context/kernel-variable`. */
export function ruleId(finding: Pick<Finding, 'detector' | 'rule'>): string {
  return finding.rule.startsWith(`${finding.detector}/`) ? finding.rule : `${finding.detector}/${finding.rule}`;
}
