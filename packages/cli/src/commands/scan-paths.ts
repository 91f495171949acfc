/** `scan [paths…]`: files in the working tree, as they are on disk. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { listFiles, type FileToScan } from '../files/list-paths.js';
import { CliError } from '../errors.js';
import { ReportCollector } from '../scan/collector.js';
import type { ScanReport } from '../scan/report.js';
import { MAX_SCANNABLE_BYTES, scanContent, tooLargeError } from '../scan/scan-content.js';
import type { ScanSetup } from '../scan/setup.js';

/**
 * One file's bytes, with synchronous calls: the promise-based open/stat/read/close took four
 * thread-pool round trips per file, and on a scan of thousands of small files those (and the
 * idle time between them) cost more than the engine did. The size is checked on the open
 * descriptor, so a file cannot be swapped for a larger one between the check and the read.
 */
function readOne(file: FileToScan, path: string): Buffer {
  const fd = openSync(file.fsPath, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_SCANNABLE_BYTES) throw tooLargeError(path, size);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function scanPaths(setup: ScanSetup, paths: readonly string[]): Promise<ScanReport> {
  const collector = new ReportCollector('paths', { baseline: setup.baseline, maxFileSize: setup.config.thresholds.maxFileSize });
  const listing = await listFiles(paths, { cwd: setup.cwd, repo: setup.repo, ignores: (p, dir) => setup.ignores(p, dir) });
  collector.ignored(listing.ignored);
  // In listing order, so the report is the same on every run.
  for (const file of listing.files) {
    const path = setup.displayPath(file.absPath);
    let bytes: Buffer;
    try {
      bytes = readOne(file, path);
    } catch (err) {
      if (err instanceof CliError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      // A file removed while we run (an editor's swap file) has nothing left to leak.
      if (code === 'ENOENT' && !file.explicit) continue;
      throw new CliError(`cannot read ${path} (${code ?? (err as Error).message})`, 'check its permissions, or list it under ignorePaths');
    }
    collector.add(path, bytes.length, scanContent(setup.scanner, bytes, { path }));
  }
  return collector.finish();
}
