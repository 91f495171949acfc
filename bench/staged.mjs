// Pre-commit: `kernel-secrets scan --staged` vs the floor script, on a 10- and a 200-file change,
// interleaved run by run. With BENCH_BASELINE=<checkout> (another build of this repository, e.g.
// a worktree at an older commit after `npm ci`) its CLI runs in the same rounds, so a change's
// cost on the hook path is a ratio measured in one run (issue #13: at most +10%).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stagedRepo } from './git-fixtures.mjs';
import { checkScanned, compare } from './proc.mjs';

const FLOOR = fileURLToPath(new URL('./staged-floor.mjs', import.meta.url));

export function benchStaged({ cli, workDir, corpus, runs, baselineRoot }) {
  const rows = {};
  for (const n of [10, 200]) {
    const { dir: repo, ...work } = stagedRepo(workDir, corpus, n);
    const scan = (path) => ({ cmd: process.execPath, args: [path, 'scan', '--staged', '--quiet'], options: { cwd: repo } });
    const r = compare(
      {
        ours: scan(cli),
        floor: { cmd: process.execPath, args: [FLOOR], options: { cwd: repo } },
        ...(baselineRoot ? { baseline: scan(join(baselineRoot, 'packages/cli/dist/cli.js')) } : {}),
      },
      runs,
    );
    for (const [name, m] of Object.entries(r))
      if (m.status !== 0) throw new Error(`bench: ${name} exited ${m.status} on the staged bench repo: ${m.stderr.trim().slice(0, 300)}`);
    for (const name of ['ours', 'baseline']) {
      const c = name === 'ours' ? scan(cli) : baselineRoot && scan(join(baselineRoot, 'packages/cli/dist/cli.js'));
      if (c) checkScanned(`scan --staged (${name}, ${n} files)`, c.cmd, c.args, c.options, work);
    }
    rows[`${n} files`] = {
      'kernel-secrets ms': +r.ours.ms.toFixed(0),
      'floor ms': +r.floor.ms.toFixed(0),
      'ratio (≤ 1.5)': +(r.ours.ms / r.floor.ms).toFixed(2),
      ...(r.baseline
        ? {
            'baseline ms': +r.baseline.ms.toFixed(0),
            'baseline ratio': +(r.baseline.ms / r.floor.ms).toFixed(2),
            'ours / baseline (≤ 1.10)': +(r.ours.ms / r.baseline.ms).toFixed(2),
            'cpu ours / baseline': +(r.ours.cpuMs / r.baseline.cpuMs).toFixed(2),
          }
        : {}),
    };
  }
  return rows;
}
