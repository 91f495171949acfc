/**
 * The scan worker thread's side of scan-pool.ts. A worker is this same bin (the bundle, or
 * dist/cli.js) started with SCAN_WORKER_FLAG: it builds the scanner from the policy the main
 * thread resolved and sends back one FileOutcome per file of each batch it is given. It reads
 * no config, environment or git state of its own, so it cannot judge by a different policy.
 */
import { Scanner } from '@kernel-secrets/core';
import { CliError } from '../errors.js';
import { scanFile, type FileOutcome } from './file-outcome.js';
import type { PoolReply, PoolRequest, WorkerPolicy } from './scan-pool.js';
import { SCAN_WORKER_FLAG } from './worker-entry.js';

const workerThreads = (): typeof import('node:worker_threads') => process.getBuiltinModule('node:worker_threads');

export function serveScanWorker(): void {
  const threads = workerThreads();
  const parentPort = threads.parentPort;
  if (threads.isMainThread || !parentPort)
    throw new CliError(`${SCAN_WORKER_FLAG} is internal to kernel-secrets`, 'run the command without it');
  const policy = threads.workerData as WorkerPolicy;
  const scanner = new Scanner({ config: policy.config, known: policy.known });
  const port = parentPort;
  port.on('message', (request: PoolRequest) => {
    if (request === null) {
      port.close();
      return;
    }
    let reply: PoolReply;
    try {
      // A path that is not UTF-8 arrives as a Uint8Array (structured clone drops Buffer).
      const outcomes: FileOutcome[] = request.jobs.map((job) =>
        scanFile(scanner, typeof job.fsPath === 'string' ? job : { ...job, fsPath: Buffer.from(job.fsPath) }),
      );
      reply = { batch: request.batch, outcomes };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      reply = { batch: request.batch, bug: { name: e.name, message: e.message, stack: e.stack ?? '' } };
    }
    port.postMessage(reply);
  });
}
