// Full scan: `kernel-secrets scan <dirs>` vs secretlint (preset-recommend), with `rg` and
// `cat` as floors, on the same files at ¼, ½ and all of the corpus, interleaved run by run.
// The corpus lives outside any git work tree, and the bench checks from each tool's own
// output that it read every file and byte the corpus holds (ours: the JSON summary).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from './proc.mjs';
import { mb } from './stats.mjs';

/** The ripgrep floor: a case-insensitive search for the words our keyword prefilter looks for. */
export const RG_PATTERN = 'kernel|bearer|token';

/** secretlint's JSON: [{ filePath, messages: [{ ruleId, loc }] }]. */
function secretlintFindings(stdout) {
  const results = JSON.parse(stdout || '[]');
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.loc?.start?.line ?? '?'} ${m.ruleId}`));
}

function rgStats(stderrOrStdout) {
  const files = /(\d+) files searched/.exec(stderrOrStdout);
  const bytes = /(\d+) bytes searched/.exec(stderrOrStdout);
  return { files: files ? Number(files[1]) : NaN, bytes: bytes ? Number(bytes[1]) : NaN };
}

function check(what, got, want) {
  if (got !== want) throw new Error(`bench: ${what} read ${got}, the corpus holds ${want}: the figure would not measure the corpus`);
}

/** rg is not on a fresh machine: say how to get it instead of failing half-way with ENOENT. */
function requireRipgrep() {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    console.error(
      'bench: the full-scan part compares with ripgrep, which is not installed: `apt-get install -y ripgrep` (or `brew install ripgrep`)',
    );
    process.exit(2);
  }
}

export function benchFullScan({ cli, corpusDir, fractions, toolsDir, runs }) {
  requireRipgrep();
  const rc = join(corpusDir, 'secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const rows = {};
  const ratios = {};
  const findings = {};
  for (const [fraction, { dirs, files, bytes }] of Object.entries(fractions)) {
    const rel = dirs.map((d) => d.slice(corpusDir.length + 1));
    const r = compare(
      {
        'kernel-secrets': { cmd: process.execPath, args: [cli, 'scan', ...dirs, '--format', 'json'], options: {} },
        // The same scan on the main thread alone: what the worker threads (one per core) buy.
        'kernel-secrets 1 thread': {
          cmd: process.execPath,
          args: [cli, 'scan', ...dirs, '--format', 'json'],
          options: { env: { KERNEL_SECRETS_THREADS: '1' } },
        },
        secretlint: {
          cmd: join(toolsDir, 'node_modules', '.bin', 'secretlint'),
          args: [...rel.map((d) => `${d}/**/*`), '--format', 'json', '--secretlintrc', rc, '--no-color'],
          options: { cwd: corpusDir },
        },
        rg: { cmd: 'rg', args: ['--no-config', '-uu', '-i', '-c', '--stats', RG_PATTERN, ...dirs], options: {} },
        cat: { cmd: 'sh', args: ['-c', 'find "$@" -type f -exec cat -- {} + | wc -c', 'sh', ...dirs], options: {} },
      },
      runs,
    );
    const ours = r['kernel-secrets'];
    const one = r['kernel-secrets 1 thread'];
    for (const [name, run] of [
      ['kernel-secrets', ours],
      ['kernel-secrets 1 thread', one],
    ]) {
      if (run.status === 2) throw new Error(`${name} could not scan the corpus: ${run.stderr.trim()}`);
      const { summary } = JSON.parse(run.stdout);
      check(`${name} (files, ${fraction})`, summary.files, files);
      check(`${name} (bytes, ${fraction})`, summary.bytes, bytes);
    }
    const report = JSON.parse(ours.stdout);
    // Threads change the speed, never the report.
    if (JSON.stringify(report.findings) !== JSON.stringify(JSON.parse(one.stdout).findings))
      throw new Error(`bench: the one-thread scan reported other findings (${fraction})`);
    const rg = rgStats(r.rg.stdout);
    check(`rg (files, ${fraction})`, rg.files, files);
    check(`cat (bytes, ${fraction})`, Number(r.cat.stdout.trim()), bytes);
    const theirs = secretlintFindings(r.secretlint.stdout);
    const ourList = report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId} (${f.severity})`);
    const MBs = mb(bytes);
    for (const [tool, m] of Object.entries(r)) {
      rows[`${fraction} ${tool}`] = {
        files,
        MB: +MBs.toFixed(1),
        'wall ms': +m.ms.toFixed(0),
        'cpu ms': +m.cpuMs.toFixed(0),
        'peak RSS MB': +m.rssMB.toFixed(0),
        'MB/s': +(MBs / (m.ms / 1000)).toFixed(1),
        findings: tool.startsWith('kernel-secrets') ? ourList.length : tool === 'secretlint' ? theirs.length : '',
      };
    }
    ratios[fraction] = {
      'throughput vs secretlint (≥ 8)': +(r.secretlint.ms / ours.ms).toFixed(2),
      'time vs rg (≤ 5)': +(ours.ms / r.rg.ms).toFixed(2),
      'time vs 1 thread': +(ours.ms / one.ms).toFixed(2),
      'time vs cat': +(ours.ms / r.cat.ms).toFixed(2),
      'peak RSS vs secretlint (≤ 0.25)': +(ours.rssMB / r.secretlint.rssMB).toFixed(3),
      'cpu vs secretlint': +(ours.cpuMs / r.secretlint.cpuMs).toFixed(3),
      'our errors (must be 0)': report.summary.errors,
    };
    findings[fraction] = { 'kernel-secrets': ourList, secretlint: theirs.slice(0, 50) };
  }
  return { rows, ratios, findings };
}
