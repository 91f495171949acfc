/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding, shown on
 * the file in the pull request, then a plain summary line. Values are escaped as the runner
 * expects (`%`, CR, LF everywhere; also `:` and `,` inside properties), so a file name or
 * message cannot end the command early or inject another one.
 */
import { ruleId, suppressionText, type ScanReport } from '../scan/report.js';
import { terminalSafe } from '../scan/terminal-safe.js';
import type { FormatOptions } from './options.js';

export function escapeData(value: string): string {
  // Control and bidirectional characters (ESC, RLO) from file names are replaced, as in pretty.
  const safe = value
    .split(/([\r\n])/)
    .map((part, i) => (i % 2 === 1 ? part : terminalSafe(part)))
    .join('');
  return safe.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: ScanReport, o: FormatOptions): string {
  const out: string[] = [];
  for (const f of report.findings) {
    const props = [
      `file=${escapeProperty(f.path)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(`kernel-secrets ${ruleId(f)}`)}`,
    ].join(',');
    const where = f.commit ? ` (introduced in commit ${f.commit})` : '';
    const exposure = f.exposure ? `\nExposure: ${f.exposure.nextStep}.` : '';
    const text = `${f.message}${where}. Fingerprint ${f.fingerprint}.${exposure}\n${f.remediation}`;
    out.push(`::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(text)}`);
  }
  const s = report.summary;
  // Files above thresholds.maxFileSize were scanned in full; say so, so none passes unnoticed.
  for (const path of s.largeFiles) {
    out.push(
      `::notice file=${escapeProperty(path)},title=${escapeProperty('kernel-secrets large file')}::${escapeData(`${path} is above thresholds.maxFileSize; it was scanned in full.`)}`,
    );
  }
  // For reviewers: what the change lets through (with its reason) and how it weakens the policy.
  for (const x of report.suppressions.filter((x) => x.accepted)) {
    const props = `file=${escapeProperty(x.path)},line=${x.line},col=${x.column},title=${escapeProperty(`kernel-secrets suppression (${x.kind})`)}`;
    out.push(`::notice ${props}::${escapeData(suppressionText(x))}`);
  }
  for (const c of report.policyChanges) {
    out.push(`::notice title=${escapeProperty('kernel-secrets policy change')}::${escapeData(`${c.file} ${c.change}`)}`);
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  if (!o.quiet || report.findings.length > 0) {
    out.push(
      `kernel-secrets: ${report.findings.length} finding(s) (${errors} error(s), ${report.findings.length - errors} warning(s)); ` +
        `scanned ${s.mode === 'commits' ? `${s.commits ?? 0} commit(s), ` : ''}${s.files} file(s) in ${s.durationMs} ms` +
        (s.suppressed.baseline ? `; ${s.suppressed.baseline} in baseline` : ''),
    );
  }
  return out.join('\n') + '\n';
}
