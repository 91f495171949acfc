/** `scan [paths…]`: files in the working tree, as they are on disk. */
import { readFile, stat } from 'node:fs/promises';
import { listFiles, type FileToScan } from '../files/list-paths.js';
import { CliError } from '../errors.js';
import { ReportCollector } from '../scan/collector.js';
import type { ScanReport } from '../scan/report.js';
import { MAX_SCANNABLE_BYTES, scanContent, tooLargeError, type ContentScan } from '../scan/scan-content.js';
import type { ScanSetup } from '../scan/setup.js';

/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
const CONCURRENCY = 8;

async function readOne(file: FileToScan, path: string): Promise<Buffer> {
  const info = await stat(file.fsPath);
  if (info.size > MAX_SCANNABLE_BYTES) throw tooLargeError(path, info.size);
  return readFile(file.fsPath);
}

export async function scanPaths(setup: ScanSetup, paths: readonly string[]): Promise<ScanReport> {
  const collector = new ReportCollector('paths', { baseline: setup.baseline, maxFileSize: setup.config.thresholds.maxFileSize });
  const listing = await listFiles(paths, { cwd: setup.cwd, repo: setup.repo, ignores: (p, dir) => setup.ignores(p, dir) });
  collector.ignored(listing.ignored);
  const results: { path: string; size: number; scan: ContentScan }[] = new Array<{ path: string; size: number; scan: ContentScan }>(
    listing.files.length,
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < listing.files.length; i = next++) {
      const file = listing.files[i]!;
      const path = setup.displayPath(file.absPath);
      let bytes: Buffer;
      try {
        bytes = await readOne(file, path);
      } catch (err) {
        if (err instanceof CliError) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        // A file removed while we run (an editor's swap file) has nothing left to leak.
        if (code === 'ENOENT' && !file.explicit) continue;
        throw new CliError(
          `cannot read ${path} (${code ?? (err as Error).message})`,
          'check its permissions, or list it under ignorePaths',
        );
      }
      results[i] = { path, size: bytes.length, scan: scanContent(setup.scanner, bytes, { path }) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, listing.files.length) }, worker));
  // Added in listing order so the report is stable whatever order reads finished in.
  for (const r of results) if (r) collector.add(r.path, r.size, r.scan);
  return collector.finish();
}
