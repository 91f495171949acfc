/** `scan [paths…]`: files in the working tree, as they are on disk. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { listFiles } from '../files/list-paths.js';
import { CliError } from '../errors.js';
import { ReportCollector } from '../scan/collector.js';
import type { FileJob } from '../scan/file-outcome.js';
import { FileReaderThread } from '../scan/file-reader-thread.js';
import { MAX_SCANNABLE_BYTES } from '../scan/scan-content.js';
import type { ScanReport } from '../scan/report.js';
import { scanJobs, THREADS_VARIABLE, threadsFor } from '../scan/scan-pool.js';
import type { ScanSetup } from '../scan/setup.js';

/** Fewer files than this are read on the main thread: the reader thread's start-up would not pay. */
const MIN_FILES_FOR_READER = 128;

/** Whether one of `paths` is a directory: only then can the listing be long enough for a reader thread. */
function namesDirectory(paths: readonly string[], cwd: string): boolean {
  return paths.some((p) => {
    try {
      return statSync(resolve(cwd, p)).isDirectory();
    } catch {
      return false; // listFiles says what is wrong with it
    }
  });
}

export async function scanPaths(setup: ScanSetup, paths: readonly string[], env: NodeJS.ProcessEnv): Promise<ScanReport> {
  const collector = new ReportCollector('paths', { baseline: setup.baseline, maxFileSize: setup.config.thresholds.maxFileSize });
  // Started before the listing, so that its start-up overlaps it.
  // KERNEL_SECRETS_THREADS=1 means no thread but the main one, this one included.
  const oneThread = env[THREADS_VARIABLE] === '1';
  const reader = !oneThread && namesDirectory(paths, setup.cwd) ? FileReaderThread.start(MAX_SCANNABLE_BYTES) : undefined;
  let outcomes;
  let jobs: FileJob[];
  try {
    const listing = await listFiles(paths, { cwd: setup.cwd, repo: setup.repo, ignores: (p, dir) => setup.ignores(p, dir) });
    collector.ignored(listing.ignored);
    jobs = listing.files.map((f) => ({ fsPath: f.fsPath, path: setup.displayPath(f.absPath), explicit: f.explicit }));
    const threads = threadsFor(env, jobs.length);
    const useReader = threads === 1 && jobs.length >= MIN_FILES_FOR_READER ? reader : undefined;
    outcomes = await scanJobs(setup.scanner, setup.workerPolicy, jobs, threads, env, useReader);
  } finally {
    reader?.stop();
  }
  // In listing order, so the report is the same on every run (and on any number of threads).
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.kind === 'gone') continue;
    if (outcome.kind === 'refused') throw new CliError(outcome.message, outcome.fix);
    collector.add(jobs[i]!.path, outcome.size, outcome.scan);
  }
  return collector.finish();
}
