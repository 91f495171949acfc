/**
 * The files of a one-thread `scan [paths…]`, read by a thread of its own while the main thread
 * scans; for folders outside git with nothing to ignore, walked by it too. Listing, open, fstat,
 * read and close are what the main thread then no longer does (on the bench corpus, 7,781 files
 * and 65 MB, a warm walk takes about 60 ms and the reads about 130 ms). Unlike a scan worker
 * (scan-pool.ts), this thread loads no engine and warms no JIT: it is a loop of file-system
 * calls evaluated from source, so it costs little to start; two scanning threads were slower
 * than one on two cores, this is not (bench/README.md, round 7).
 *
 * The thread reads in listing order and hands the bytes over in batches (the buffers are
 * transferred, not copied), at most AHEAD bytes ahead of what the main thread has scanned; it
 * waits on a shared counter above that, so memory stays bounded. Each result is what the main
 * thread's own read (file-outcome.ts) would have given: the bytes, the file's size when it is
 * above the limit, or the error's code and message. If the thread stops early, the files it did
 * not deliver are read on the main thread, and a walk it could not finish is listed again by the
 * main thread: a scan never depends on the thread for its answer.
 */
import { Wake } from '../git/wake.js';
import { ALWAYS_SKIPPED_DIRECTORIES, walkTree } from '../files/walk.js';

/** Bytes the thread may read ahead of the scan before it waits. */
const AHEAD = 2 * 1024 * 1024;
/** A batch is sent when it holds this many files or bytes. */
export const READER_BATCH_FILES = 32;
const BATCH_BYTES = 256 * 1024;

/** One file as read: its bytes, its size when over the limit, or why it could not be read. */
export type ReadResult = { bytes: Buffer } | { tooLarge: number } | { error: { code?: string | undefined; message: string } };

/**
 * The thread, as source: it needs nothing of ours, so it is evaluated as is (no file to find
 * next to a bundle). In: `workerData` (limits and the shared counters), then one message with
 * the paths. Out: arrays of results, in order. Shared counters: [0] batches the scan has
 * consumed, [1] set to 1 when the scan wants the thread to stop.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, fstatSync, readSync, readFileSync, readdirSync, closeSync } = require('node:fs');
const { maxBytes, ahead, batchFiles, batchBytes, shared } = workerData;
const state = new Int32Array(shared);
const STOP = {};
const walkTree = ${walkTree.toString()};
function readOne(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { result: { tooLarge: size } };
    if (size === 0) {
      // Empty, or a file whose size the system does not know: read to the end, as readFileSync does.
      const all = readFileSync(fd);
      if (all.length > maxBytes) return { result: { tooLarge: all.length } };
      const bytes = new Uint8Array(all);
      return { result: { bytes }, transfer: bytes.buffer };
    }
    const bytes = new Uint8Array(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, bytes, got, size - got, null);
      if (n === 0) break;
      got += n;
    }
    const view = got === size ? bytes : bytes.subarray(0, got);
    return { result: { bytes: view }, transfer: bytes.buffer };
  } catch (err) {
    return { result: { error: { code: err && err.code, message: String((err && err.message) || err) } } };
  } finally {
    if (fd !== undefined) try { closeSync(fd); } catch {}
  }
}
parentPort.once('message', (job) => {
  const sent = [];
  let seen = 0;
  let inFlight = 0;
  let batch = [];
  let transfer = [];
  let bytes = 0;
  const flush = () => {
    parentPort.postMessage(batch, transfer);
    sent.push(bytes);
    inFlight += bytes;
    batch = [];
    transfer = [];
    bytes = 0;
    for (;;) {
      const consumed = Atomics.load(state, 0);
      while (seen < consumed) inFlight -= sent[seen++];
      if (inFlight <= ahead || Atomics.load(state, 1) === 1) return;
      Atomics.wait(state, 0, consumed, 1000);
    }
  };
  const read = (path, named) => {
    if (Atomics.load(state, 1) === 1) throw STOP;
    const { result, transfer: t } = readOne(path);
    batch.push(named ? { path, ...result } : result);
    if (t) {
      transfer.push(t);
      bytes += t.byteLength;
    }
    if (batch.length >= batchFiles || bytes >= batchBytes) flush();
  };
  try {
    if (job.paths) for (const path of job.paths) read(path, false);
    else {
      const listed = new Set();
      for (const dir of job.walk)
        walkTree(dir, readdirSync, job.separator, job.skipped, () => false, (path) => {
          if (listed.has(path)) return;
          listed.add(path);
          read(path, true);
        });
    }
    if (batch.length > 0) flush();
    parentPort.postMessage({ done: true });
  } catch (err) {
    // A directory that cannot be read: the main thread lists again and meets the error itself.
    if (err !== STOP) parentPort.postMessage({ walkFailed: true });
  }
  parentPort.close();
});
`;

type ThreadResult = { bytes: Uint8Array } | { tooLarge: number } | { error: { code?: string; message: string } };
/** A message from the thread: a batch (each result with its path when the thread walks), or its end. */
type ThreadMessage = (ThreadResult & { path?: string })[] | { done: true } | { walkFailed: true };

/** A file the thread found by walking, with what reading it gave. */
export interface WalkedFile {
  path: string;
  read: ReadResult;
}

/** Thrown by `walk` when the thread could not finish its walk: the caller lists on its own. */
export class WalkIncomplete extends Error {}

export class FileReaderThread {
  private readonly state: Int32Array;
  private readonly queue: (ThreadResult & { path?: string })[][] = [];
  private readonly wake = new Wake();
  private ended = false;
  private stopped = false;
  /** The thread said it finished (`done`) or that its walk failed. */
  private finished: 'done' | 'walkFailed' | undefined;
  private byThread = 0;
  private here = 0;

  private constructor(
    private readonly worker: import('node:worker_threads').Worker,
    shared: SharedArrayBuffer,
  ) {
    this.state = new Int32Array(shared);
    worker.on('message', (m: ThreadMessage) => {
      if (Array.isArray(m)) this.queue.push(m);
      else this.finished = 'done' in m ? 'done' : 'walkFailed';
      this.wake.notify();
    });
    // Whatever the thread managed to read is used; the rest is read on the main thread.
    worker.on('error', () => this.end());
    // Messages posted before the thread stopped are handled first.
    worker.on('exit', () => setImmediate(() => this.end()));
  }

  /**
   * Starts the thread now, so its start-up (tens of milliseconds) overlaps the listing; the
   * paths follow with `read`. Undefined where no thread can be started. `limits` are for tests.
   */
  static start(maxBytes: number, limits: { ahead?: number; batchFiles?: number; batchBytes?: number } = {}): FileReaderThread | undefined {
    try {
      const { Worker } = process.getBuiltinModule('node:worker_threads');
      const shared = new SharedArrayBuffer(8);
      const worker = new Worker(THREAD_SOURCE, {
        eval: true,
        workerData: {
          maxBytes,
          ahead: limits.ahead ?? AHEAD,
          batchFiles: limits.batchFiles ?? READER_BATCH_FILES,
          batchBytes: limits.batchBytes ?? BATCH_BYTES,
          shared,
        },
        // Its heap holds only the listing (the file buffers live outside it): a small young
        // generation keeps its memory small, the old one has room for a listing of a million files.
        resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 },
      });
      return new FileReaderThread(worker, shared);
    } catch {
      return undefined;
    }
  }

  /**
   * Each file of `paths`, in order, in batches. `readHere(i)` reads file i on the main thread:
   * used for every file the thread did not deliver (it failed or was stopped).
   */
  async *read(paths: readonly (string | Buffer)[], readHere: (index: number) => ReadResult): AsyncGenerator<ReadResult[]> {
    let delivered = 0;
    try {
      if (!this.ended) this.worker.postMessage({ paths });
      for await (const batch of this.batches()) {
        delivered += batch.length;
        yield batch.map(toReadResult);
        if (delivered >= paths.length) break;
      }
      for (; delivered < paths.length; delivered++) {
        this.here++;
        yield [readHere(delivered)];
      }
    } finally {
      this.stop();
    }
  }

  /**
   * The regular files under each of `dirs` (absolute, real paths), in walkFiles' order, each once,
   * read: the thread walks and reads while the caller scans. The walk skips what walkFiles always
   * skips and nothing else (the caller has no ignore patterns). Throws WalkIncomplete when the
   * thread could not finish (a directory it could not read, or the thread died): the caller then
   * lists and reads on its own, and meets any error itself.
   */
  async *walk(dirs: readonly string[]): AsyncGenerator<WalkedFile[]> {
    try {
      if (!this.ended)
        this.worker.postMessage({
          walk: dirs,
          separator: process.getBuiltinModule('node:path').sep,
          skipped: [...ALWAYS_SKIPPED_DIRECTORIES],
        });
      for await (const batch of this.batches()) yield batch.map((r) => ({ path: r.path!, read: toReadResult(r) }));
      if (this.finished !== 'done') throw new WalkIncomplete('the reader thread did not finish its walk');
    } finally {
      this.stop();
    }
  }

  /**
   * The thread's batches as they arrive, each acknowledged once the consumer asks for the next
   * (so the thread reads on); ends when the thread said it finished, failed or stopped.
   */
  private async *batches(): AsyncGenerator<(ThreadResult & { path?: string })[]> {
    for (;;) {
      const batch = this.queue.shift();
      if (batch) {
        this.byThread += batch.length;
        yield batch;
        Atomics.add(this.state, 0, 1);
        Atomics.notify(this.state, 0);
        continue;
      }
      if (this.finished || this.ended) return;
      await this.wake.wait();
    }
  }

  /** One debug line: how many files the thread delivered, and how many the main thread read itself. */
  debugSummary(): string {
    return `reader thread: ${this.byThread} files read ahead, ${this.here} read on the main thread`;
  }

  /** Files the thread delivered, and files read on the main thread because it stopped first. */
  counts(): { byThread: number; here: number } {
    return { byThread: this.byThread, here: this.here };
  }

  /** Files received from the thread and not yet handed to the scan (a bound on memory). */
  buffered(): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const batch of this.queue)
      for (const r of batch) {
        files++;
        if ('bytes' in r) bytes += r.bytes.byteLength;
      }
    return { files, bytes };
  }

  /** Stops the thread (a scan that ends early, or one that reads on the main thread after all). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.state, 1, 1);
    Atomics.notify(this.state, 0);
    void this.worker.terminate();
  }

  private end(): void {
    this.ended = true;
    this.wake.notify();
  }
}

function toReadResult(r: ThreadResult & { path?: string }): ReadResult {
  if ('bytes' in r) return { bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) };
  if ('tooLarge' in r) return { tooLarge: r.tooLarge };
  return { error: r.error };
}
