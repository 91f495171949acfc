// Full scan: `kernel-secrets scan <corpus>` vs secretlint (preset-recommend) on the same files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './proc.mjs';
import { mb } from './stats.mjs';

/** Findings in our JSON output, whatever its envelope: objects carrying a fingerprint. */
export function ourFindings(stdout) {
  const out = [];
  const visit = (v) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      if (typeof v.fingerprint === 'string' && (v.path || v.file || v.line)) out.push(v);
      else Object.values(v).forEach(visit);
    }
  };
  visit(JSON.parse(stdout || 'null'));
  return out.map((f) => `${f.path ?? f.file}:${f.line} ${f.detector}/${f.rule ?? ''}`);
}

/** secretlint's JSON: [{ filePath, messages: [{ ruleId, loc }] }]. */
function secretlintFindings(stdout) {
  const results = JSON.parse(stdout || '[]');
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.loc?.start?.line ?? '?'} ${m.ruleId}`));
}

export function benchFullScan({ cli, corpusDir, bytes, toolsDir, runs }) {
  const rc = join(corpusDir, '..', 'secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const ours = measure(process.execPath, [cli, 'scan', join(corpusDir, 'files'), '--format', 'json', '--quiet'], {}, runs);
  const theirs = measure(
    join(toolsDir, 'node_modules', '.bin', 'secretlint'),
    ['files/**/*', '--format', 'json', '--secretlintrc', rc, '--no-color'],
    { cwd: corpusDir },
    runs,
  );
  if (ours.status === 2) throw new Error(`kernel-secrets could not scan the corpus: ${ours.stderr.trim()}`);
  const ourList = ourFindings(ours.stdout);
  const theirList = secretlintFindings(theirs.stdout);
  const MBs = mb(bytes);
  return {
    table: {
      'kernel-secrets': { MBps: +(MBs / (ours.ms / 1000)).toFixed(1), peakRssMB: +ours.rssMB.toFixed(0), findings: ourList.length },
      secretlint: { MBps: +(MBs / (theirs.ms / 1000)).toFixed(1), peakRssMB: +theirs.rssMB.toFixed(0), findings: theirList.length },
    },
    corpusMB: +MBs.toFixed(1),
    throughputRatio: +(theirs.ms / ours.ms).toFixed(2),
    findings: { 'kernel-secrets': ourList, secretlint: theirList.slice(0, 50) },
  };
}
