/** Gathers per-file results into a ScanReport: baseline, counts, de-duplication across commits. */
import type { ContentScan } from './scan-content.js';
import type { Baseline } from './baseline.js';
import { emptySummary, ruleId, type ReportedFinding, type ScanMode, type ScanReport, type ScanSummary } from './report.js';

export class ReportCollector {
  readonly summary: ScanSummary;
  private readonly findings: ReportedFinding[] = [];
  /** History scans see the same token in many commits; it is reported where it first appears. */
  private readonly seen = new Set<string>();
  private readonly started = performance.now();

  constructor(
    mode: ScanMode,
    private readonly options: { baseline?: Baseline | undefined; maxFileSize: number },
  ) {
    this.summary = emptySummary(mode);
  }

  add(path: string, size: number, scan: ContentScan): void {
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
      const key = `${f.fingerprint}\0${ruleId(f)}\0${f.path}`;
      if (this.summary.mode === 'commits' && this.seen.has(key)) continue;
      this.seen.add(key);
      this.findings.push(f);
    }
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
    return { findings: this.findings, summary: this.summary };
  }
}
