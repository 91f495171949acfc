/** `scan [paths…]`: files in the working tree, as they are on disk. */
import { listFiles } from '../files/list-paths.js';
import { CliError } from '../errors.js';
import { ReportCollector } from '../scan/collector.js';
import type { FileJob } from '../scan/file-outcome.js';
import type { ScanReport } from '../scan/report.js';
import { scanJobs, threadsFor } from '../scan/scan-pool.js';
import type { ScanSetup } from '../scan/setup.js';

export async function scanPaths(setup: ScanSetup, paths: readonly string[], env: NodeJS.ProcessEnv): Promise<ScanReport> {
  const collector = new ReportCollector('paths', { baseline: setup.baseline, maxFileSize: setup.config.thresholds.maxFileSize });
  const listing = await listFiles(paths, { cwd: setup.cwd, repo: setup.repo, ignores: (p, dir) => setup.ignores(p, dir) });
  collector.ignored(listing.ignored);
  const jobs: FileJob[] = listing.files.map((f) => ({ fsPath: f.fsPath, path: setup.displayPath(f.absPath), explicit: f.explicit }));
  const outcomes = await scanJobs(setup.scanner, setup.workerPolicy, jobs, threadsFor(env, jobs.length), env);
  // In listing order, so the report is the same on every run (and on any number of threads).
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.kind === 'gone') continue;
    if (outcome.kind === 'refused') throw new CliError(outcome.message, outcome.fix);
    collector.add(jobs[i]!.path, outcome.size, outcome.scan);
  }
  return collector.finish();
}
