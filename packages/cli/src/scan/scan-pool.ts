/**
 * `scan [paths…]` over several cores: the listed files are cut into batches, the main thread
 * and worker threads (scan-worker.ts) each take the next batch as they finish one, and the
 * outcomes are put back in listing order, so the report is the same as a one-thread scan's
 * byte for byte.
 *
 * By default only on machines with four cores or more (bench/README.md, round 4): on two
 * cores a one-thread scan already keeps about 1.25 of them busy (V8 compiles and collects
 * garbage on background threads), and a worker's start-up (loading the bin, warming its own
 * JIT) cost what it saved: 0.98–1.13× the one-thread time on the bench corpus, with more
 * memory; there a reader thread (file-reader-thread.ts) takes the file-system calls off the main
 * thread instead. `KERNEL_SECRETS_THREADS` overrides. Below MIN_FILES_FOR_THREADS files, and for
 * `--verify` (whose value callback cannot cross threads), everything runs on the main thread.
 *
 * A worker that dies (out of memory, killed) hands its unfinished batches back to the main
 * thread; a bug while scanning a file fails the scan, as it would on one thread.
 */
import type { KnownTokens, ResolvedConfig, Scanner } from '@kernel-secrets/core';
import { CliError } from '../errors.js';
import { debugEnabled, debugLine } from '../io/debug.js';
import { outcomeOf, readFile, scanFile, type FileJob, type FileOutcome } from './file-outcome.js';
import type { FileReaderThread } from './file-reader-thread.js';
import { SCAN_WORKER_FLAG, workerEntry } from './worker-entry.js';

/** The policy a worker scans by: exactly the one the main thread resolved (structured-cloned). */
export interface WorkerPolicy {
  config: ResolvedConfig;
  known: KnownTokens;
}

/** Main → worker: a batch to scan, or null to finish. */
export type PoolRequest = { batch: number; jobs: FileJob[] } | null;
/** Worker → main: the batch's outcomes in order, or the bug that stopped it. */
export type PoolReply =
  { batch: number; outcomes: FileOutcome[] } | { batch: number; bug: { name: string; message: string; stack: string } };

/** Files per batch: small enough to share the tail of a scan evenly, large enough that messages are rare. */
const BATCH_FILES = 16;
/** Batches each worker holds at once, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;
/** Fewer files than this are scanned on the main thread alone (by default). */
export const MIN_FILES_FOR_THREADS = 200;
const MAX_THREADS = 16;
/** Cores below which the default is one thread; above it, one core is left to V8's own threads. */
const MIN_CORES_FOR_THREADS = 4;
const MAX_DEFAULT_THREADS = 8;
export const THREADS_VARIABLE = 'KERNEL_SECRETS_THREADS';

const workerThreads = (): typeof import('node:worker_threads') => process.getBuiltinModule('node:worker_threads');

/**
 * Threads for a scan of `files` files: `KERNEL_SECRETS_THREADS` when set (1 turns threads off),
 * else, on a machine of MIN_CORES_FOR_THREADS cores or more and a scan of enough files, one
 * per core but one (at most MAX_DEFAULT_THREADS).
 */
export function threadsFor(env: NodeJS.ProcessEnv, files: number): number {
  const given = env[THREADS_VARIABLE];
  if (given !== undefined && given !== '') {
    if (!/^\d{1,2}$/.test(given) || +given < 1 || +given > MAX_THREADS)
      throw new CliError(
        `${THREADS_VARIABLE}=${given.slice(0, 20)} is not a number of threads`,
        `set it to a whole number from 1 to ${MAX_THREADS}, or unset it`,
      );
    return +given;
  }
  const cores = process.getBuiltinModule('node:os').availableParallelism();
  if (files < MIN_FILES_FOR_THREADS || cores < MIN_CORES_FOR_THREADS) return 1;
  return Math.min(MAX_DEFAULT_THREADS, cores - 1);
}

interface Share {
  batches: number;
  files: number;
  bytes: number;
}

/**
 * Scans `jobs` on `threads` threads (the main one included); outcomes in `jobs` order. On one
 * thread, `reader` (when given) reads the files while the main thread scans them.
 */
export async function scanJobs(
  scanner: Scanner,
  policy: WorkerPolicy | undefined,
  jobs: readonly FileJob[],
  threads: number,
  env: NodeJS.ProcessEnv,
  reader?: FileReaderThread,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(jobs.length);
  const batches = Math.ceil(jobs.length / BATCH_FILES);
  const jobsOf = (b: number) => jobs.slice(b * BATCH_FILES, (b + 1) * BATCH_FILES);
  const shares: Share[] = [];
  /** Outcomes of the jobs from `first` on, scanned by `thread`. */
  const record = (thread: number, first: number, results: readonly FileOutcome[]) => {
    const share = (shares[thread] ??= { batches: 0, files: 0, bytes: 0 });
    share.batches++;
    results.forEach((o, i) => {
      outcomes[first + i] = o;
      if (o.kind === 'scanned') {
        share.files++;
        share.bytes += o.size;
      }
    });
  };
  const entry = workerEntry();
  const workers = threads > 1 && policy && entry && batches > 1 ? Math.min(threads - 1, batches - 1) : 0;
  if (workers === 0 && reader) {
    // Read by the reader thread, in listing order; each delivery counts as a batch.
    let i = 0;
    for await (const read of reader.read(
      jobs.map((j) => j.fsPath),
      (index) => readFile(jobs[index]!),
    )) {
      const results = read.map((r, k) => outcomeOf(scanner, jobs[i + k]!, r));
      record(0, i, results);
      i += results.length;
    }
  } else if (workers === 0) {
    for (let b = 0; b < batches; b++)
      record(
        0,
        b * BATCH_FILES,
        jobsOf(b).map((job) => scanFile(scanner, job)),
      );
  } else {
    await runPool(scanner, policy!, entry!, workers, batches, jobsOf, record);
  }
  if (debugEnabled(env, 'scan')) {
    debugLine('scan', `${jobs.length} files in ${batches} batches of ${BATCH_FILES} on ${workers + 1} thread(s)`);
    if (workers === 0 && reader) debugLine('scan', reader.debugSummary());
    shares.forEach((s, t) => debugLine('scan', `thread ${t}: ${s.batches} batches, ${s.files} files, ${s.bytes} bytes`));
  }
  return outcomes;
}

function runPool(
  scanner: Scanner,
  policy: WorkerPolicy,
  entry: URL,
  workers: number,
  batches: number,
  jobsOf: (b: number) => FileJob[],
  record: (thread: number, b: number, results: readonly FileOutcome[]) => void,
): Promise<void> {
  const { Worker } = workerThreads();
  let next = 0;
  let finished = 0;
  /** Batches handed back by a worker that died, taken first by the main thread. */
  const orphans: number[] = [];
  const take = (): number | undefined => orphans.pop() ?? (next < batches ? next++ : undefined);
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const live = new Set<import('node:worker_threads').Worker>();
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of live) void w.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const settleIfDone = () => {
      if (failed || finished < batches) return;
      for (const w of live) {
        w.postMessage(null satisfies PoolRequest);
        w.unref();
      }
      resolve();
    };
    for (let t = 1; t <= workers; t++) {
      const worker = new Worker(entry, { argv: [SCAN_WORKER_FLAG], workerData: policy, stdout: true, stderr: true });
      live.add(worker);
      const held = new Set<number>();
      const feed = () => {
        while (!failed && held.size < IN_FLIGHT) {
          const b = next < batches ? next++ : undefined;
          if (b === undefined) return;
          held.add(b);
          worker.postMessage({ batch: b, jobs: jobsOf(b) } satisfies PoolRequest);
        }
      };
      worker.on('message', (reply: PoolReply) => {
        held.delete(reply.batch);
        if ('bug' in reply) return fail(Object.assign(new Error(reply.bug.message), { name: reply.bug.name, stack: reply.bug.stack }));
        record(t, reply.batch * BATCH_FILES, reply.outcomes);
        finished++;
        feed();
        settleIfDone();
      });
      const lost = () => {
        if (!live.delete(worker)) return;
        orphans.push(...held);
        held.clear();
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      feed();
    }
    // The main thread scans too, one batch at a time, letting the workers' replies in between.
    const mainTurn = () => {
      if (failed) return;
      const b = take();
      if (b === undefined) {
        // Nothing left to hand out: wait for the workers, or take back what a dead one held.
        if (finished < batches) setTimeout(mainTurn, orphans.length > 0 || live.size === 0 ? 0 : 5);
        return;
      }
      try {
        record(
          0,
          b * BATCH_FILES,
          jobsOf(b).map((job) => scanFile(scanner, job)),
        );
      } catch (err) {
        return fail(err);
      }
      finished++;
      settleIfDone();
      setImmediate(mainTurn);
    };
    setImmediate(mainTurn);
  });
}
