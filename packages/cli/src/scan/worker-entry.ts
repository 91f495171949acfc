/**
 * How the bin becomes a scan worker thread (scan-pool.ts, scan-worker.ts). Kept apart, with no
 * imports, because the bin reads it on every start (`--version` included).
 */

/** The argument that makes the bin serve as a scan worker (never typed by a user). */
export const SCAN_WORKER_FLAG = '--kernel-secrets-scan-worker';

/** The bin file a worker runs: registered by the bin (cli.ts); absent when the CLI runs as a library. */
let entry: URL | undefined;

export function registerWorkerEntry(url: string | URL): void {
  entry = new URL(url);
}

export function workerEntry(): URL | undefined {
  return entry;
}
