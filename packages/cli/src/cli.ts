#!/usr/bin/env node
/**
 * The `kernel-secrets` bin. Sets the exit code instead of calling process.exit so output is
 * flushed. The same file is what a scan worker thread runs (scan/scan-pool.ts): started with
 * SCAN_WORKER_FLAG it serves batches of files instead of parsing a command line.
 */
import { registerWorkerEntry, SCAN_WORKER_FLAG } from './scan/worker-entry.js';

if (process.argv[2] === SCAN_WORKER_FLAG) {
  (await import('./scan/scan-worker.js')).serveScanWorker();
} else {
  registerWorkerEntry(import.meta.url);
  process.exitCode = await (await import('./main.js')).main(process.argv.slice(2));
}
