// Pre-commit: `kernel-secrets scan --staged` vs the floor script, on a 10- and a 200-file change.
import { fileURLToPath } from 'node:url';
import { stagedRepo } from './git-fixtures.mjs';
import { measure } from './proc.mjs';

const FLOOR = fileURLToPath(new URL('./staged-floor.mjs', import.meta.url));

export function benchStaged({ cli, workDir, corpus, runs }) {
  const rows = {};
  for (const n of [10, 200]) {
    const repo = stagedRepo(workDir, corpus, n);
    const ours = measure(process.execPath, [cli, 'scan', '--staged', '--quiet'], { cwd: repo }, runs);
    if (ours.status !== 0) throw new Error(`scan --staged exited ${ours.status} on the bench repo: ${ours.stderr.trim()}`);
    const floor = measure(process.execPath, [FLOOR], { cwd: repo }, runs);
    rows[`${n} files`] = {
      'kernel-secrets ms': +ours.ms.toFixed(0),
      'floor ms': +floor.ms.toFixed(0),
      ratio: +(ours.ms / floor.ms).toFixed(2),
    };
  }
  return rows;
}
