/** `scan [paths…]`: files in the working tree, as they are on disk. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { listFiles, walkedDirectories } from '../files/list-paths.js';
import { CliError } from '../errors.js';
import { ReportCollector } from '../scan/collector.js';
import { outcomeOf, type FileJob, type FileOutcome } from '../scan/file-outcome.js';
import { FileReaderThread, READER_BATCH_FILES, WalkIncomplete } from '../scan/file-reader-thread.js';
import { MAX_SCANNABLE_BYTES } from '../scan/scan-content.js';
import type { ScanReport } from '../scan/report.js';
import { debugEnabled, debugLine } from '../io/debug.js';
import { MIN_FILES_FOR_THREADS, scanJobs, THREADS_VARIABLE, threadsFor } from '../scan/scan-pool.js';
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
  let scanned: { jobs: FileJob[]; outcomes: FileOutcome[] } | undefined;
  try {
    // Directories walked, not listed by git, with nothing to ignore and no value callback (a
    // walk that fails is scanned again from the start): the thread walks as well as reads.
    const walkable =
      reader && setup.workerPolicy && setup.config.ignorePaths.length === 0 && threadsFor(env, MIN_FILES_FOR_THREADS) === 1
        ? await walkedDirectories(paths, { cwd: setup.cwd, repo: setup.repo })
        : undefined;
    if (walkable) scanned = await scanWalked(setup, reader!, walkable, env);
    if (!scanned) {
      const listing = await listFiles(paths, { cwd: setup.cwd, repo: setup.repo, ignores: (p, dir) => setup.ignores(p, dir) });
      collector.ignored(listing.ignored);
      const jobs = listing.files.map((f) => ({ fsPath: f.fsPath, path: setup.displayPath(f.absPath), explicit: f.explicit }));
      const threads = threadsFor(env, jobs.length);
      const useReader = !walkable && threads === 1 && jobs.length >= MIN_FILES_FOR_READER ? reader : undefined;
      scanned = { jobs, outcomes: await scanJobs(setup.scanner, setup.workerPolicy, jobs, threads, env, useReader) };
    }
  } finally {
    reader?.stop();
  }
  // In listing order, so the report is the same on every run (and on any number of threads).
  const { jobs, outcomes } = scanned;
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.kind === 'gone') continue;
    if (outcome.kind === 'refused') throw new CliError(outcome.message, outcome.fix);
    collector.add(jobs[i]!.path, outcome.size, outcome.scan);
  }
  return collector.finish();
}

/** The files under `dirs`, walked and read by the reader thread, scanned here; undefined if its walk did not finish. */
async function scanWalked(
  setup: ScanSetup,
  reader: FileReaderThread,
  dirs: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ jobs: FileJob[]; outcomes: FileOutcome[] } | undefined> {
  const jobs: FileJob[] = [];
  const outcomes: FileOutcome[] = [];
  const share = { batches: 0, files: 0, bytes: 0 };
  try {
    for await (const batch of reader.walk(dirs)) {
      share.batches++;
      for (const { path, read } of batch) {
        const job = { fsPath: path, path: setup.displayPath(path), explicit: false };
        const outcome = outcomeOf(setup.scanner, job, read);
        if (outcome.kind === 'scanned') {
          share.files++;
          share.bytes += outcome.size;
        }
        jobs.push(job);
        outcomes.push(outcome);
      }
    }
  } catch (err) {
    if (err instanceof WalkIncomplete) return undefined;
    throw err;
  }
  if (debugEnabled(env, 'scan')) {
    const { batches, files, bytes } = share;
    debugLine(
      'scan',
      `${jobs.length} files in ${batches} batches of ${READER_BATCH_FILES} on 1 thread(s), walked and read by a reader thread`,
    );
    debugLine('scan', `thread 0: ${batches} batches, ${files} files, ${bytes} bytes`);
    debugLine('scan', reader.debugSummary());
  }
  return { jobs, outcomes };
}
