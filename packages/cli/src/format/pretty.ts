/**
 * The human report: per finding its location, what was found (redacted), a masked code frame
 * and what to do now; then one summary line with counts and time, and what happened to the
 * commit or push.
 */
import { ROTATE_STEPS } from '@kernel-secrets/core';
import { blocks, ruleId, suppressionText, type ReportedFinding, type ScanReport, type ScanSummary } from '../scan/report.js';
import { terminalSafe } from '../scan/terminal-safe.js';
import { palette, type Palette } from './colour.js';
import { findingCounts, plural, scannedCounts } from './counts.js';
import { livenessLine, revokeNowSection } from './liveness.js';
import type { FormatOptions } from './options.js';

/** The engine's remediation is one paragraph; a list reads faster in a terminal. */
function sentences(text: string): string[] {
  return text.split(/(?<=\.)\s+(?=[A-Z`])/).filter(Boolean);
}

function frameLines(f: ReportedFinding, c: Palette): string[] {
  const width = String(f.frame[f.frame.length - 1]?.line ?? f.line).length;
  const out: string[] = [];
  for (const l of f.frame) {
    const num = String(l.line).padStart(width);
    const gutter = l.mark ? c.red('>') : ' ';
    out.push(`  ${gutter} ${c.dim(`${num} |`)} ${l.text}`);
    if (l.mark) {
      const [start, end] = l.mark;
      out.push(`    ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(start)}${c.red('^'.repeat(Math.max(1, end - start)))}`);
    }
  }
  return out;
}

function findingBlock(f: ReportedFinding, c: Palette, o: FormatOptions, explained: Set<string>): string[] {
  const sev = f.severity === 'error' ? c.red('error') : c.yellow('warning');
  const where = c.bold(`${terminalSafe(o.showPath(f.path))}:${f.line}:${f.column}`);
  const lines = [`${where}  ${sev}  ${terminalSafe(f.message)}  ${c.dim(ruleId(f))}`];
  const first = f.exposure && f.exposure.introducedIn !== f.commit ? ` (the token first appears in commit ${f.exposure.introducedIn})` : '';
  if (f.commit) lines.push(`  ${c.dim(`introduced in commit ${f.commit}${first}`)}`);
  // One line, even in the pre-push hook: where the token has been, and what to do first.
  if (f.exposure) lines.push(`  ${c.bold('exposure:')} ${terminalSafe(f.exposure.nextStep)}`);
  lines.push(...frameLines(f, c));
  lines.push(`  ${c.dim('fingerprint')} ${f.fingerprint}`, ...livenessLine(f, c));
  if (explained.has(f.detector)) {
    lines.push(`  ${c.dim('What to do now: as above.')}`);
  } else {
    explained.add(f.detector);
    lines.push(`  ${c.bold('What to do now:')}`);
    for (const s of sentences(f.remediation)) lines.push(`    - ${s}`);
    lines.push(`    - To allow this exact value, add "${f.fingerprint}" to allowedFingerprints in kernel-secrets.config.json.`);
  }
  return lines;
}

function summaryLine(s: ScanSummary, findings: readonly ReportedFinding[], c: Palette): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const parts = [findingCounts(findings)];
  if (s.suppressed.directive) parts.push(`${s.suppressed.directive} allowed by directive`);
  if (s.suppressed.fingerprint) parts.push(`${s.suppressed.fingerprint} allowed by fingerprint`);
  if (s.suppressed.baseline) parts.push(`${s.suppressed.baseline} in baseline`);
  if (s.ignoredByConfig) parts.push(`${plural(s.ignoredByConfig, 'file')} skipped by ignorePaths`);
  parts.push(`scanned ${scannedCounts(s)} in ${s.durationMs} ms`);
  const mark = errors > 0 ? c.red('✖') : warnings > 0 ? c.yellow('!') : c.green('✔');
  return `${mark} ${parts.join(' · ')}`;
}

/** For reviewers: what this change lets through, and how it weakens the policy (not applied to itself). */
function reviewSection(report: ScanReport, c: Palette, o: FormatOptions): string[] {
  const accepted = report.suppressions.filter((x) => x.accepted);
  if (accepted.length === 0 && report.policyChanges.length === 0) return [];
  const out = [
    c.bold('For reviewers') + c.dim(' (the change is judged by the trusted policy; only allowances with a reason apply to it):'),
  ];
  for (const x of accepted) out.push(`  ${terminalSafe(o.showPath(x.path))}:${x.line}:${x.column}  ${terminalSafe(suppressionText(x))}`);
  for (const p of report.policyChanges) out.push(`  ${terminalSafe(p.file)} ${terminalSafe(p.change)}`);
  return [...out, ''];
}

/** What the failure means for the action that ran us. */
function blockedLine(s: ScanSummary, c: Palette): string {
  switch (s.mode) {
    case 'staged':
      return (
        c.bold('Commit blocked: nothing was committed.') +
        ' Remove the token from the staged content (`git restore --staged <file>` unstages a file), then commit again.'
      );
    case 'commits':
      return (
        c.bold('These commits contain a token.') +
        ` Rewrite them before they are pushed (git rebase -i, git commit --amend); once a token has been pushed or shared: ${ROTATE_STEPS}`
      );
    case 'message':
      return (
        c.bold('Commit blocked: the message holds a token.') +
        ' Remove it from the message (git keeps your text in .git/COMMIT_EDITMSG), then commit again.'
      );
    default:
      return c.bold('Kernel tokens found.') + ' Move them out of the files (see above).';
  }
}

export function formatPretty(report: ScanReport, o: FormatOptions): string {
  const c = palette(o.colour);
  const shown = o.quiet ? report.findings.filter((f) => blocks(f, o.failOn)) : report.findings;
  const blocking = report.findings.some((f) => blocks(f, o.failOn));
  if (o.quiet && !blocking) return '';
  const out: string[] = [];
  const explained = new Set<string>();
  out.push(...revokeNowSection(shown, c, o));
  for (const f of shown) out.push(...findingBlock(f, c, o, explained), '');
  if (report.summary.largeFiles.length > 0 && !o.quiet) {
    out.push(
      c.dim(
        `note: scanned ${plural(report.summary.largeFiles.length, 'file')} above thresholds.maxFileSize in full: ${report.summary.largeFiles.map((p) => terminalSafe(o.showPath(p))).join(', ')}`,
      ),
    );
  }
  if (!o.quiet) out.push(...reviewSection(report, c, o));
  if (report.summary.baseline && !o.quiet) out.push(c.dim(`baseline: ${report.summary.baseline}`));
  out.push(summaryLine(report.summary, shown, c));
  if (blocking) out.push(blockedLine(report.summary, c));
  return out.join('\n') + '\n';
}
