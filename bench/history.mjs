// History: `kernel-secrets scan --all` (the bundle users run, and tsc's dist/ for comparison)
// over whole synthetic histories of three sizes vs `git log -p --all` (the floor: git producing
// the same diffs), interleaved run by run, with
// CPU time and peak RSS. The bench checks from our JSON summary that every commit and every
// file change was scanned, so a figure cannot come from a scan that skipped the history.
import { execFileSync } from 'node:child_process';
import { historyRepo } from './git-fixtures.mjs';
import { compare } from './proc.mjs';

export const HISTORY_SIZES = (process.env.BENCH_HISTORY ?? '1000,4000,8000').split(',').map(Number);

export function benchHistory({ cli, distCli, workDir, corpus, runs }) {
  const rows = {};
  const scanAll = (path, cwd) => ({
    cmd: process.execPath,
    args: [path, 'scan', '--all', '--format', 'json'],
    options: { cwd, env: { CI: '1' } },
  });
  for (const commits of HISTORY_SIZES) {
    const repo = historyRepo(workDir, corpus, commits);
    const r = compare(
      {
        ours: scanAll(cli, repo),
        dist: scanAll(distCli, repo),
        floor: { cmd: 'sh', args: ['-c', 'git log -p --all > /dev/null'], options: { cwd: repo } },
      },
      runs,
    );
    const { ours, dist, floor } = r;
    if (ours.status === 2) throw new Error(`scan --all exited 2: ${ours.stderr.trim()}`);
    const { summary } = JSON.parse(ours.stdout);
    // Synthetic histories are linear, without renames or deletions: one change per file per commit.
    const changes = execFileSync('git', ['log', '--all', '--format=', '--name-only'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 })
      .split('\n')
      .filter(Boolean).length;
    if (summary.commits !== commits || summary.files !== changes)
      throw new Error(
        `bench: scan --all saw ${summary.commits} commits / ${summary.files} file changes, the history has ${commits} / ${changes}`,
      );
    rows[`${commits} commits`] = {
      'file changes': changes,
      'kernel-secrets ms': +ours.ms.toFixed(0),
      'git log -p ms': +floor.ms.toFixed(0),
      'wall ratio (≤ 1.2)': +(ours.ms / floor.ms).toFixed(2),
      'dist/ wall ratio': +(dist.ms / floor.ms).toFixed(2),
      'cpu ratio': +(ours.cpuMs / floor.cpuMs).toFixed(2),
      'kernel-secrets peak RSS MB': +ours.rssMB.toFixed(0),
      'git log -p peak RSS MB': +floor.rssMB.toFixed(0),
      'our errors': summary.errors,
    };
  }
  return rows;
}
