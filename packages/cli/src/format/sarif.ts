/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): a rule table in
 * tool.driver.rules, one result per finding with a repository-relative location, a
 * partialFingerprint that follows the secret rather than its line, and security-severity so
 * GitHub ranks the alert. Messages hold only the redacted preview.
 */
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version.js';
import { ruleId, suppressionText, type ReportedFinding, type ScanReport } from '../scan/report.js';
import { ruleInfo } from './rule-catalogue.js';
import type { FormatOptions } from './options.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `%`, unicode). */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function partialFingerprint(f: ReportedFinding): string {
  // node:crypto only when SARIF is written: other runs start without it.
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(`${ruleId(f)}\0${f.path}\0${f.fingerprint}`)
    .digest('hex');
}

/**
 * `note` results for reviewers: each token the change lets through with a reason, and each way
 * its policy files weaken the gate. No rule entry: they are not findings.
 */
function reviewNotes(report: ScanReport): object[] {
  const notes: object[] = report.suppressions
    .filter((x) => x.accepted)
    .map((x) => ({
      ruleId: 'kernel-secrets/suppression',
      level: 'note',
      message: { text: suppressionText(x) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(x.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: x.line, startColumn: x.column },
          },
        },
      ],
      properties: { kind: x.kind, fingerprint: x.fingerprint, preview: x.preview, reason: x.reason },
    }));
  for (const c of report.policyChanges) {
    notes.push({
      ruleId: 'kernel-secrets/policy-change',
      level: 'note',
      message: { text: `${c.file} ${c.change}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(c.file.split(' ')[0]!), uriBaseId: '%SRCROOT%' } } }],
    });
  }
  return notes;
}

export function formatSarif(report: ScanReport, _o: FormatOptions): string {
  const ids: string[] = [];
  const rules = new Map<string, ReturnType<typeof ruleInfo> & { level: string; severity: string }>();
  for (const f of report.findings) {
    const id = ruleId(f);
    if (rules.has(id)) continue;
    ids.push(id);
    rules.set(id, { ...ruleInfo(id, f.detector, f.rule), level: f.severity, severity: f.detector === 'known' ? '9.5' : '8.5' });
  }
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_URI,
            rules: ids.map((id) => {
              const r = rules.get(id)!;
              return {
                id,
                name: r.name,
                shortDescription: { text: r.description },
                fullDescription: { text: r.description },
                help: { text: r.help, markdown: r.help },
                helpUri: r.helpUri,
                defaultConfiguration: { level: r.level },
                properties: { tags: ['security', 'secret', 'kernel'], precision: 'high', 'security-severity': r.severity },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: [
          ...report.findings.map((f) => ({
            ruleId: ruleId(f),
            ruleIndex: ids.indexOf(ruleId(f)),
            level: f.severity,
            message: {
              text: `${f.message}. Fingerprint ${f.fingerprint}.${f.commit ? ` Introduced in commit ${f.commit}.` : ''}${f.exposure ? ` Exposure: ${f.exposure.nextStep}.` : ''}`,
            },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: pathToUri(f.path), uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            partialFingerprints: { 'kernelSecrets/v1': partialFingerprint(f) },
            properties: {
              fingerprint: f.fingerprint,
              preview: f.preview,
              ...(f.commit ? { commit: f.commit } : {}),
              ...(f.liveness ? { liveness: f.liveness } : {}),
              ...(f.exposure ? { exposure: f.exposure } : {}),
            },
          })),
          ...reviewNotes(report),
        ],
        invocations: [
          {
            executionSuccessful: true,
            // Files above thresholds.maxFileSize were scanned in full; named so none passes unnoticed.
            toolExecutionNotifications: report.summary.largeFiles.map((path) => ({
              level: 'note',
              message: { text: `${path} is above thresholds.maxFileSize; it was scanned in full.` },
              locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(path), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
