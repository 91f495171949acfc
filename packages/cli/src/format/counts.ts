/** Finding counts in words, shared by the pretty report's summary and the `--output` stderr line. */
import type { ReportedFinding, ScanSummary } from '../scan/report.js';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 findings (1 error, 1 warning) in 1 file`, or `no Kernel tokens found`. */
export function findingCounts(findings: readonly ReportedFinding[]): string {
  if (findings.length === 0) return 'no Kernel tokens found';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const files = new Set(findings.map((f) => f.path)).size;
  return `${plural(findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}) in ${plural(files, 'file')}`;
}

/**
 * `3 files`, `2 commits (3 files)` for history scans, `the commit message` for the commit-msg
 * hook (a message with nothing token-shaped is not read as a file: "0 files" on every commit read as if nothing was checked).
 */
export function scannedCounts(s: ScanSummary): string {
  if (s.mode === 'message') return 'the commit message';
  return s.mode === 'commits' ? `${plural(s.commits ?? 0, 'commit')} (${plural(s.files, 'file')})` : plural(s.files, 'file');
}
