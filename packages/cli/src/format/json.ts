/** Machine-readable report. Same content as the pretty one, minus code frames; never a secret. */
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { blocks, ruleId, type ScanReport } from '../scan/report.js';
import type { FormatOptions } from './options.js';

export function formatJson(report: ScanReport, o: FormatOptions): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const json = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    mode: report.summary.mode,
    blocking: report.findings.some((f) => blocks(f, o.failOn)),
    failOn: o.failOn,
    summary: { ...report.summary, errors, warnings: report.findings.length - errors },
    findings: report.findings.map((f) => ({
      path: f.path,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.commit ? { commit: f.commit } : {}),
      ruleId: ruleId(f),
      detector: f.detector,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      remediation: f.remediation,
      fingerprint: f.fingerprint,
      preview: f.preview,
      ...(f.liveness ? { liveness: f.liveness } : {}),
      ...(f.exposure ? { exposure: f.exposure } : {}),
    })),
    // What the change asked to let through (accepted: it gave a reason), and how it weakens the policy.
    suppressions: report.suppressions,
    policyChanges: report.policyChanges,
  };
  return JSON.stringify(json, null, 2) + '\n';
}
