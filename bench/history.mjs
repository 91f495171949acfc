// History: `kernel-secrets scan --commits` over a whole history vs `git log -p` (the floor),
// and peak RSS at two history lengths to show memory stays flat as history grows.
import { historyRepo } from './git-fixtures.mjs';
import { measure } from './proc.mjs';

export function benchHistory({ cli, workDir, corpus, runs }) {
  const rows = {};
  for (const commits of [1000, 4000]) {
    const repo = historyRepo(workDir, corpus, commits);
    const ours = measure(process.execPath, [cli, 'scan', '--all', '--quiet'], { cwd: repo, env: { CI: '1' } }, runs);
    if (ours.status === 2) throw new Error(`scan --commits exited 2: ${ours.stderr.trim()}`);
    const floor = measure('sh', ['-c', 'git log -p --all > /dev/null'], { cwd: repo }, runs);
    rows[`${commits} commits`] = {
      'kernel-secrets ms': +ours.ms.toFixed(0),
      'git log -p ms': +floor.ms.toFixed(0),
      ratio: +(ours.ms / floor.ms).toFixed(2),
      'kernel-secrets peak RSS MB': +ours.rssMB.toFixed(0),
      'git log -p peak RSS MB': +floor.rssMB.toFixed(0),
    };
  }
  return rows;
}
