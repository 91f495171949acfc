/**
 * What a scan produced, in the form every output format reads. A reported finding is the
 * engine's Finding plus where it was found; it never holds the secret (the engine's Finding
 * has only its preview and fingerprint, and code frames are masked before they get here).
 */
import type { Finding, Severity } from '@kernel-secrets/core';
import type { Liveness } from '../verify/liveness.js';
import type { Exposure } from './exposure.js';

export type ScanMode = 'staged' | 'paths' | 'commits' | 'stdin' | 'message';

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
  /** History scans: how far the token has travelled (pushed or local, still at HEAD) and what to do first. */
  exposure?: Exposure;
  frame: FrameLine[];
  /** `scan --verify`: whether Kernel says the token is live. */
  liveness?: Liveness;
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

/** How a change asked to let a finding through. */
export type SuppressionKind = 'directive' | 'allowedFingerprints' | 'baseline' | 'ignorePaths' | 'severity';

/**
 * A suppression a change adds (staged, history and pre-push scans): listed for reviewers. With
 * a reason (`kernel-secrets-allow: <reason>`, a `reason` next to a fingerprint or baseline
 * entry) it is accepted and the finding passes; without one, the finding still blocks.
 */
export interface Suppression {
  kind: SuppressionKind;
  path: string;
  line: number;
  column: number;
  ruleId: string;
  fingerprint: string;
  preview: string;
  commit?: string;
  reason?: string;
  accepted: boolean;
}

/** A way the change's own policy (config, baseline) weakens the gate; reported, never applied to itself. */
export interface PolicyChange {
  /** The policy file, with where it was read (`kernel-secrets.config.json (staged)`). */
  file: string;
  change: string;
}

export interface ScanReport {
  findings: ReportedFinding[];
  summary: ScanSummary;
  suppressions: Suppression[];
  policyChanges: PolicyChange[];
}

/** One sentence for reviewers: which token a change lets through, where, how and why. */
export function suppressionText(x: Suppression): string {
  const how = x.kind === 'directive' ? 'an allow directive' : x.kind === 'baseline' ? 'a baseline entry' : x.kind;
  const where = x.commit ? ` (commit ${x.commit})` : '';
  return `${x.ruleId} ${x.preview} (fingerprint ${x.fingerprint})${where} is let through by ${how}: ${x.reason ?? 'no reason given'}`;
}

/** Why a suppression without a reason does not apply, appended to the finding's message. */
export function refusedNote(kind: SuppressionKind): string {
  switch (kind) {
    case 'directive':
      return ' (its kernel-secrets-allow directive gives no reason: write `kernel-secrets-allow: <reason>`)';
    case 'allowedFingerprints':
      return ' (this change adds its fingerprint to allowedFingerprints without a reason: not applied)';
    case 'baseline':
      return ' (this change adds it to the baseline without a reason: not applied)';
    case 'ignorePaths':
      return ' (this change adds ignorePaths that would skip it: not applied to the change itself)';
    case 'severity':
      return ' (this change lowers its severity: not applied to the change itself)';
  }
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
