/** Gathers per-file results into a ScanReport: baseline, counts, de-duplication across commits. */
import type { ContentScan } from './scan-content.js';
import type { Baseline } from './baseline.js';
import type { SuppressionVerdict } from '../policy/review.js';
import {
  emptySummary,
  refusedNote,
  ruleId,
  type PolicyChange,
  type ReportedFinding,
  type ScanMode,
  type ScanReport,
  type ScanSummary,
  type Suppression,
} from './report.js';

export interface CollectorOptions {
  baseline?: Baseline | undefined;
  maxFileSize: number;
  /** The change's own policy, compared with the trusted one (staged, history, pre-push). */
  review?: { classify(f: ReportedFinding): SuppressionVerdict | undefined; changes: PolicyChange[] } | undefined;
}

export class ReportCollector {
  readonly summary: ScanSummary;
  private readonly findings: ReportedFinding[] = [];
  private readonly suppressions: Suppression[] = [];
  /** History scans see the same token in many commits; it is reported where it first appears. */
  private readonly seen = new Set<string>();
  /** History scans: every commit that adds each fingerprint, reported or folded into an earlier finding (for exposure.ts). */
  readonly sightings = new Map<string, Set<string>>();
  private readonly started = performance.now();

  constructor(
    mode: ScanMode,
    private readonly options: CollectorOptions,
  ) {
    this.summary = emptySummary(mode);
  }

  add(rawPath: string, size: number, scan: ContentScan): void {
    // A token in the path is masked in every report (see scanContent).
    const path = scan.path || rawPath;
    this.summary.files++;
    this.summary.bytes += size;
    if (size > this.options.maxFileSize && !this.summary.largeFiles.includes(path)) this.summary.largeFiles.push(path);
    this.summary.suppressed.directive += scan.suppressed.directive;
    this.summary.suppressed.fingerprint += scan.suppressed.fingerprint;
    for (const f of scan.findings) {
      if (this.options.baseline?.has(f)) {
        this.summary.suppressed.baseline++;
        continue;
      }
      if (!this.firstTime(f)) continue;
      const verdict = this.options.review?.classify(f);
      if (verdict && this.suppressed(f, verdict)) continue;
      this.findings.push(verdict ? { ...f, message: f.message + refusedNote(verdict.kind) } : f);
    }
    // A change's new allow directives are suppressions to review; one without a reason does not apply.
    if (this.summary.mode === 'staged' || this.summary.mode === 'commits') {
      for (const d of scan.directives) {
        if (!this.firstTime(d.finding)) continue;
        if (this.suppressed(d.finding, { kind: 'directive', ...(d.reason ? { reason: d.reason } : {}) })) continue;
        this.summary.suppressed.directive--;
        this.findings.push({ ...d.finding, message: d.finding.message + refusedNote('directive') });
      }
    }
  }

  /** History scans see the same token in many commits; it is reported where it first appears. */
  private firstTime(f: ReportedFinding): boolean {
    const key = `${f.fingerprint}\0${ruleId(f)}\0${f.path}`;
    if (this.summary.mode === 'commits' && f.commit) {
      const commits = this.sightings.get(f.fingerprint) ?? new Set<string>();
      this.sightings.set(f.fingerprint, commits.add(f.commit));
    }
    if (this.summary.mode === 'commits' && this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  /** Records a suppression for reviewers; true when it is accepted (it has a reason). */
  private suppressed(f: ReportedFinding, verdict: SuppressionVerdict): boolean {
    const accepted = verdict.reason !== undefined;
    this.suppressions.push({
      kind: verdict.kind,
      path: f.path,
      line: f.line,
      column: f.column,
      ruleId: ruleId(f),
      fingerprint: f.fingerprint,
      preview: f.preview,
      ...(f.commit ? { commit: f.commit } : {}),
      ...(verdict.reason ? { reason: verdict.reason } : {}),
      accepted,
    });
    return accepted;
  }

  /**
   * A history file whose added lines the engine's `mayFind` cleared without reading the blob:
   * its new content was examined, so it counts as scanned (with no findings).
   */
  prefiltered(): void {
    this.summary.files++;
  }

  ignored(count = 1): void {
    this.summary.ignoredByConfig += count;
  }

  finish(): ScanReport {
    this.summary.durationMs = Math.round(performance.now() - this.started);
    return {
      findings: this.findings,
      summary: this.summary,
      suppressions: this.suppressions,
      policyChanges: this.options.review?.changes ?? [],
    };
  }
}
