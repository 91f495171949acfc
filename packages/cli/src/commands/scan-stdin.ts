/** `scan --stdin`: text piped in by an editor or another tool. */
import { resolve } from 'node:path';
import type { CliIO } from '../io/cli-io.js';
import { readAll } from '../io/read-input.js';
import { ReportCollector } from '../scan/collector.js';
import type { ScanReport } from '../scan/report.js';
import { MAX_SCANNABLE_BYTES, scanContent, tooLargeError } from '../scan/scan-content.js';
import type { ScanSetup } from '../scan/setup.js';

export const STDIN_NAME = '<stdin>';

/** `input`: the read of stdin, when the caller started it already. */
export async function scanStdin(
  setup: ScanSetup,
  io: CliIO,
  filename: string | undefined,
  input: Promise<Buffer> = readAll(io.stdin),
): Promise<ScanReport> {
  const collector = new ReportCollector('stdin', { baseline: setup.baseline, maxFileSize: setup.config.thresholds.maxFileSize });
  const bytes = await input;
  // A named file is shown (and matched against the baseline) like the same file on disk.
  const path = filename ? setup.displayPath(resolve(setup.cwd, filename)) : STDIN_NAME;
  if (bytes.length > MAX_SCANNABLE_BYTES) throw tooLargeError(path, bytes.length);
  collector.add(path, bytes.length, scanContent(setup.scanner, bytes, { path }));
  return collector.finish();
}
