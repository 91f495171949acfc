/** `scan --staged`: the content of the commit being made, read from the index git commits. */
import { CliError } from '../errors.js';
import type { BlobReader } from '../git/blob-reader.js';
import type { ChangedFile } from '../git/diff-parser.js';
import { ReportCollector } from '../scan/collector.js';
import type { ScanReport } from '../scan/report.js';
import { requestChangedFiles, scanRequested } from '../scan/scan-changes.js';
import type { ScanSetup } from '../scan/setup.js';

export function noWorkTree(cwd: string): CliError {
  return new CliError(
    `${cwd} is not inside a git work tree, so there is no index to scan`,
    'run `kernel-secrets scan --staged` inside your repository (or scan files with `kernel-secrets scan <paths>`)',
  );
}

/** Scans the staged `files` (from `git diff-index --cached`) through `reader`, every blob in one batch. */
export async function scanStaged(setup: ScanSetup, reader: BlobReader, files: readonly ChangedFile[]): Promise<ScanReport> {
  const collector = new ReportCollector('staged', {
    baseline: setup.baseline,
    maxFileSize: setup.config.thresholds.maxFileSize,
    review: setup.review,
  });
  await scanRequested(setup, requestChangedFiles(setup, reader, files, collector), collector);
  return collector.finish();
}
