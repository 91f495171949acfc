/**
 * One file of `scan [paths…]` read from disk and scanned, as a value: the main thread and the
 * scan worker threads (scan-pool.ts) produce the same outcome for the same file, and the
 * report is assembled from outcomes in listing order, wherever each was computed.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Scanner } from '@kernel-secrets/core';
import type { ReadResult } from './file-reader-thread.js';
import { MAX_SCANNABLE_BYTES, scanContent, tooLargeError, type ContentScan } from './scan-content.js';

/** What `scanPaths` needs to scan one listed file: where to read it, how to show it. */
export interface FileJob {
  fsPath: string | Buffer;
  /** The path as reports show it. */
  path: string;
  explicit: boolean;
}

export type FileOutcome =
  | { kind: 'scanned'; size: number; scan: ContentScan }
  /** Removed while we ran (an editor's swap file) and not named explicitly: nothing left to leak. */
  | { kind: 'gone' }
  /** Could not be read or is too large: the scan fails closed with this message. */
  | { kind: 'refused'; message: string; fix: string | undefined };

/**
 * One file's bytes, with synchronous calls: the promise-based open/stat/read/close took four
 * thread-pool round trips per file, and on a scan of thousands of small files those (and the
 * idle time between them) cost more than the engine did. The size is checked on the open
 * descriptor, so a file cannot be swapped for a larger one between the check and the read.
 * A large one-thread scan has these calls made by a thread of its own (file-reader-thread.ts),
 * with the same results.
 */
export function readFile(job: FileJob): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(job.fsPath, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_SCANNABLE_BYTES) return { tooLarge: size };
    return { bytes: readFileSync(fd) };
  } catch (err) {
    return { error: { code: (err as NodeJS.ErrnoException).code, message: (err as Error).message } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The outcome of one file once read (here or by the reader thread). Throws only on a bug. */
export function outcomeOf(scanner: Scanner, job: FileJob, read: ReadResult): FileOutcome {
  if ('tooLarge' in read) {
    const err = tooLargeError(job.path, read.tooLarge);
    return { kind: 'refused', message: err.message, fix: err.fix };
  }
  if ('error' in read) {
    const { code, message } = read.error;
    if (code === 'ENOENT' && !job.explicit) return { kind: 'gone' };
    return {
      kind: 'refused',
      message: `cannot read ${job.path} (${code ?? message})`,
      fix: 'check its permissions, or list it under ignorePaths',
    };
  }
  return { kind: 'scanned', size: read.bytes.length, scan: scanContent(scanner, read.bytes, { path: job.path }) };
}

/** Reads and scans one file. Throws only on a bug (the engine's own "could not scan"). */
export function scanFile(scanner: Scanner, job: FileJob): FileOutcome {
  return outcomeOf(scanner, job, readFile(job));
}
