/**
 * Scans the files of one change set (the staged diff, or one commit) through a shared
 * `git cat-file --batch`. Deleted files and submodules have no content to scan; files with no
 * added line (a pure rename, a mode change, a deletion of lines) bring nothing new into history.
 */
import { join } from 'node:path';
import type { ChangedFile } from '../git/diff-parser.js';
import type { Blob, BlobReader } from '../git/blob-reader.js';
import type { ReportCollector } from './collector.js';
import type { CleanBlobs } from './clean-blobs.js';
import { emptyContentScan, scanContent, tooLargeError } from './scan-content.js';
import type { ScanSetup } from './setup.js';

const SUBMODULE_MODE = '160000';
const DELETED = /^0+$/;

/** The files whose new content must be read. */
export function filesToScan(files: readonly ChangedFile[]): ChangedFile[] {
  return files.filter((f) => !DELETED.test(f.oid) && f.mode !== SUBMODULE_MODE && !DELETED.test(f.mode) && f.addedLines.size > 0);
}

/** The files of one change set whose blobs have been requested, waiting to be scanned. */
export interface RequestedScan {
  files: ChangedFile[];
  /** Per file: its size when it is a blob scanned clean before (not requested again), else undefined. */
  known: (number | undefined)[];
  blobs: AsyncGenerator<Blob>;
  commit?: string;
  clean?: CleanBlobs | undefined;
}

/** Picks the files to scan (counting those ignorePaths skips) and requests their blobs. */
export function requestChangedFiles(
  setup: ScanSetup,
  reader: BlobReader,
  changed: readonly ChangedFile[],
  collector: ReportCollector,
  commit?: string,
  clean?: CleanBlobs,
): RequestedScan {
  const root = setup.repo?.topLevel ?? setup.pathRoot;
  const files: ChangedFile[] = [];
  for (const f of filesToScan(changed)) {
    if (setup.ignores(join(root, f.path))) collector.ignored();
    // History: a file whose added lines cannot hold a finding (no keyword, known token, format,
    // blob or credential-shaped value, says the engine) is not read. The staged gate reads all.
    else if (commit !== undefined && f.addedText !== undefined && !setup.scanner.mayFind(f.addedText)) collector.prefiltered();
    else files.push(f);
  }
  const known = files.map((f) => clean?.sizeIfClean(f.oid, f.pathKey, 'read'));
  const wanted = files.filter((_, i) => known[i] === undefined).map((f) => f.oid);
  return { files, known, blobs: reader.request(wanted), ...(commit ? { commit } : {}), clean };
}

/** Scans the blobs of a requested change set as they arrive. */
export async function scanRequested(setup: ScanSetup, requested: RequestedScan, collector: ReportCollector): Promise<void> {
  const { files, known, commit, clean } = requested;
  const blobs = requested.blobs[Symbol.asyncIterator]();
  for (const [i, file] of files.entries()) {
    const size = known[i];
    if (size !== undefined) {
      collector.add(file.path, size, emptyContentScan(file.path));
      continue;
    }
    const next = await blobs.next();
    if (next.done) throw new Error('git cat-file returned fewer blobs than were asked for');
    const blob = next.value;
    if (!blob.bytes) throw tooLargeError(file.path, blob.size);
    if (clean?.sizeIfClean(file.oid, file.pathKey, 'scan') !== undefined) {
      collector.add(file.path, blob.size, emptyContentScan(file.path));
      continue;
    }
    const scan = scanContent(setup.scanner, blob.bytes, { path: file.path, changedLines: file.addedLines, ...(commit ? { commit } : {}) });
    if (scan.clean) clean?.remember(file.oid, file.pathKey, blob.size);
    collector.add(file.path, blob.size, scan);
  }
}
