/** `scan --commits <range>`, `--all` and `--pre-push`: every commit's new content, streamed. */
import type { ScanTarget } from '../args/commands.js';
import { CliError } from '../errors.js';
import { BlobReader } from '../git/blob-reader.js';
import { countCommits, streamHistory } from '../git/history.js';
import { parsePrePushInput, preCommitFrameworkUpdate, prePushRevisions } from '../git/pre-push.js';
import type { GitRepo } from '../git/repo.js';
import type { CliIO } from '../io/cli-io.js';
import { readAll } from '../io/read-input.js';
import { ReportCollector } from '../scan/collector.js';
import { Progress } from '../scan/progress.js';
import type { ScanReport } from '../scan/report.js';
import { requestChangedFiles, scanRequested, type RequestedScan } from '../scan/scan-changes.js';
import { MAX_SCANNABLE_BYTES } from '../scan/scan-content.js';
import type { ScanSetup } from '../scan/setup.js';

/** Commits whose blobs are requested ahead of the one being scanned (bounds memory). */
const COMMITS_IN_FLIGHT = 32;

async function revisionsFor(target: Extract<ScanTarget, { kind: 'commits' | 'pre-push' }>, repo: GitRepo, io: CliIO): Promise<string[]> {
  if (target.kind === 'commits') {
    // User-given ranges go after --end-of-options: git never reads them as options.
    return [...(target.all ? ['--all'] : []), ...(target.ranges.length > 0 ? ['--end-of-options', ...target.ranges] : [])];
  }
  const framework = preCommitFrameworkUpdate(io.env);
  if (framework) return prePushRevisions(repo, [framework.update], framework.remote ?? target.remote);
  if (io.stdin.isTTY) {
    throw new CliError(
      '--pre-push reads the refs being pushed from stdin, as git gives them to a pre-push hook',
      'run it from the pre-push hook, or scan a range with `--commits <range>`',
    );
  }
  const updates = parsePrePushInput((await readAll(io.stdin)).toString('utf8'));
  return prePushRevisions(repo, updates, target.remote);
}

export async function scanCommits(
  setup: ScanSetup,
  target: Extract<ScanTarget, { kind: 'commits' | 'pre-push' }>,
  io: CliIO,
  quiet: boolean,
): Promise<ScanReport> {
  const repo = setup.repo;
  if (!repo) throw new CliError(`${setup.cwd} is not inside a git repository`, 'run the history scan inside the repository');
  const collector = new ReportCollector('commits', { baseline: setup.baseline, maxFileSize: setup.config.thresholds.maxFileSize });
  collector.summary.commits = 0;
  const revisions = await revisionsFor(target, repo, io);
  if (revisions.length === 0) return collector.finish(); // e.g. a push that only deletes branches
  const showProgress = !quiet && io.stderr.isTTY === true;
  const progress = new Progress(
    io.stderr as NodeJS.WritableStream,
    showProgress ? await countCommits(repo, revisions) : 0,
    'kernel-secrets: scanning commits',
    showProgress,
  );
  const reader = new BlobReader(repo.cwd, MAX_SCANNABLE_BYTES);
  // Blobs of the next commits are requested while this one is scanned, so git log, git
  // cat-file and the engine work at the same time instead of waiting on each other.
  const inFlight: RequestedScan[] = [];
  const scanOldest = async (): Promise<void> => {
    await scanRequested(setup, inFlight.shift()!, collector);
    progress.tick();
  };
  try {
    for await (const commit of streamHistory(repo, revisions)) {
      collector.summary.commits++;
      inFlight.push(requestChangedFiles(setup, reader, commit.files, collector, commit.commit));
      if (inFlight.length >= COMMITS_IN_FLIGHT) await scanOldest();
    }
    while (inFlight.length > 0) await scanOldest();
  } finally {
    progress.end();
    await reader.close();
  }
  return collector.finish();
}
