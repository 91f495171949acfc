/** `scan --staged`: the content of the commit being made, read from the index git commits. */
import { CliError } from '../errors.js';
import { BlobReader } from '../git/blob-reader.js';
import { readStagedChanges } from '../git/staged.js';
import { ReportCollector } from '../scan/collector.js';
import type { ScanReport } from '../scan/report.js';
import { requestChangedFiles, scanRequested } from '../scan/scan-changes.js';
import { MAX_SCANNABLE_BYTES } from '../scan/scan-content.js';
import type { ScanSetup } from '../scan/setup.js';

export async function scanStaged(setup: ScanSetup): Promise<ScanReport> {
  const repo = setup.repo;
  if (!repo?.topLevel) {
    throw new CliError(
      `${setup.cwd} is not inside a git work tree, so there is no index to scan`,
      'run `kernel-secrets scan --staged` inside your repository (or scan files with `kernel-secrets scan <paths>`)',
    );
  }
  const collector = new ReportCollector('staged', { baseline: setup.baseline, maxFileSize: setup.config.thresholds.maxFileSize });
  // Started first: git cat-file starts up while diff-index runs.
  const reader = new BlobReader(repo.cwd, MAX_SCANNABLE_BYTES);
  try {
    const { files } = await readStagedChanges(repo);
    // Every staged blob in one batch.
    await scanRequested(setup, requestChangedFiles(setup, reader, files, collector), collector);
  } finally {
    await reader.close();
  }
  return collector.finish();
}
