/** `scan --commits <range>`, `--all` and `--pre-push`: every commit's new content, streamed. */
import type { ScanTarget } from '../args/commands.js';
import { CliError } from '../errors.js';
import type { BlobReader } from '../git/blob-reader.js';
import { countCommits, streamHistory } from '../git/history.js';
import { frameworkOtherRefs, parsePrePushInput, preCommitFrameworkUpdate, type PushUpdate } from '../git/pre-push.js';
import { pushPlan } from '../policy/push-plan.js';
import type { GitRepo } from '../git/repo.js';
import type { CliIO } from '../io/cli-io.js';
import { debugEnabled, debugLine } from '../io/debug.js';
import { readAll } from '../io/read-input.js';
import { ReportCollector } from '../scan/collector.js';
import { Progress } from '../scan/progress.js';
import type { ScanReport } from '../scan/report.js';
import { CleanBlobs } from '../scan/clean-blobs.js';
import { requestChangedFiles, scanRequested, type RequestedScan } from '../scan/scan-changes.js';
import { scanCommitMessages, scanTagMessages, startCommitMessages, stopCommitMessages } from '../scan/messages.js';
import { withExposure } from '../scan/exposure.js';
import type { ScanSetup } from '../scan/setup.js';

/** Commits whose blobs are requested ahead of the one being scanned (bounds memory). */
const COMMITS_IN_FLIGHT = 32;

/** What a history scan reads: the revisions for `git log`, and the commits its policy comes from. */
export interface HistoryPlan {
  revisions: string[];
  /** The range's base (what is already agreed on): the trusted policy is read there. */
  base?: string | undefined;
  /** The range's tip: its policy is the change's own, compared with the base's. */
  tip?: string | undefined;
  /** The range the base comes from, for messages. */
  range?: string | undefined;
  /** Annotated tags whose messages are scanned too: every tag (`--all`), or these tag objects (a push). */
  tags?: 'all' | string[] | undefined;
  /** Give each finding its exposure verdict (scan/exposure.ts): history and push scans, not the post-rewrite warning. */
  exposure?: boolean;
}

/** `A..B` / `A...B` → base A, tip B (an empty side is HEAD). */
function rangeEnds(range: string): { base: string; tip: string } | undefined {
  const at = range.indexOf('..');
  if (at === -1) return undefined;
  const tip = range.slice(range.startsWith('...', at) ? at + 3 : at + 2);
  return { base: range.slice(0, at) || 'HEAD', tip: tip || 'HEAD' };
}

export async function historyPlan(
  target: Extract<ScanTarget, { kind: 'commits' | 'pre-push' }>,
  repo: GitRepo,
  io: CliIO,
): Promise<HistoryPlan> {
  if (target.kind === 'commits') {
    // User-given ranges go after --end-of-options: git never reads them as options.
    const revisions = [...(target.all ? ['--all'] : []), ...(target.ranges.length > 0 ? ['--end-of-options', ...target.ranges] : [])];
    const range = target.all ? undefined : target.ranges.find((r) => rangeEnds(r));
    const ends = range ? rangeEnds(range) : undefined;
    return { revisions, base: ends?.base, tip: ends?.tip, range, exposure: true, ...(target.all ? { tags: 'all' as const } : {}) };
  }
  const framework = preCommitFrameworkUpdate(io.env);
  let updates: PushUpdate[];
  let remote = target.remote;
  if (framework && 'unknown' in framework) {
    throw new CliError(
      'run by the pre-commit framework without the refs being pushed (no PRE_COMMIT_TO_REF or PRE_COMMIT_LOCAL_BRANCH)',
      'let `git push` run the hook, or give the range: `pre-commit run --hook-stage pre-push --from-ref <remote id> --to-ref <local id>`',
    );
  }
  if (framework) {
    const named = 'update' in framework ? framework.update : await frameworkNewBranch(repo, framework.localRef);
    remote = framework.remote ?? target.remote;
    const others = await frameworkOtherRefs(repo, named, remote);
    if (others.length > 0)
      io.stderr.write(
        'kernel-secrets: pre-commit names only the first ref a push sends, so every local branch and tag with commits ' +
          `${remote ?? 'the remote'} lacks is scanned too (kernel-secrets' own pre-push hook sees exactly what is pushed)\n`,
      );
    updates = [named, ...others.map((localOid) => ({ localOid, remoteOid: '0'.repeat(localOid.length) }))];
  } else {
    if (io.stdin.isTTY) {
      throw new CliError(
        '--pre-push reads the refs being pushed from stdin, as git gives them to a pre-push hook',
        'run it from the pre-push hook, or scan a range with `--commits <range>`',
      );
    }
    updates = parsePrePushInput((await readAll(io.stdin)).toString('utf8'));
  }
  return { ...(await pushPlan(repo, updates, remote)), exposure: true };
}

/** pre-commit's first push of a branch (no FROM/TO refs): the branch as a new ref, so every commit the remote lacks is scanned. */
async function frameworkNewBranch(repo: GitRepo, localRef: string): Promise<PushUpdate> {
  const oid = (await repo.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${localRef}^{commit}`]).catch(() => '')).trim();
  if (!/^[0-9a-f]{40,64}$/.test(oid))
    throw new CliError(
      `the branch being pushed (PRE_COMMIT_LOCAL_BRANCH) names no commit here`,
      'push a branch that exists locally, or scan the range yourself: `kernel-secrets scan --commits <range>`',
    );
  return { localOid: oid, remoteOid: '0'.repeat(oid.length) };
}

/** Scans every commit `revisions` select, through `reader`. */
export async function scanCommits(setup: ScanSetup, plan: HistoryPlan, io: CliIO, quiet: boolean, reader: BlobReader): Promise<ScanReport> {
  const repo = setup.repo!;
  const revisions = plan.revisions;
  const collector = new ReportCollector('commits', {
    baseline: setup.baseline,
    maxFileSize: setup.config.thresholds.maxFileSize,
    review: setup.review,
  });
  collector.summary.commits = 0;
  if (revisions.length === 0) return collector.finish(); // e.g. a push that only deletes branches
  const showProgress = !quiet && io.stderr.isTTY === true;
  const progress = new Progress(
    io.stderr as NodeJS.WritableStream,
    showProgress ? await countCommits(repo, revisions) : 0,
    'kernel-secrets: scanning commits',
    showProgress,
  );
  // Blobs of the next commits are requested while this one is scanned, so git log, git
  // cat-file and the engine work at the same time instead of waiting on each other.
  const inFlight: RequestedScan[] = [];
  // The same blob at the same path, scanned clean once, is not read again (scan/clean-blobs.ts).
  const clean = new CleanBlobs();
  /**
   * The place in history order (parents first) of each commit whose files are read, for
   * exposure's "introduced in". Only those: the others cannot hold a file finding, and a map of
   * every commit would grow with the history.
   */
  const order = new Map<string, number>();
  const scanOldest = async (): Promise<void> => {
    await scanRequested(setup, inFlight.shift()!, collector);
    progress.tick();
  };
  // Messages are committed and pushed too. Their git log runs alongside the file scan (its
  // output read a bounded way ahead); they are scanned after the files, so the report's order
  // is the same as when they were read afterwards.
  const messages = startCommitMessages(repo, revisions);
  try {
    for await (const commit of streamHistory(repo, revisions)) {
      collector.summary.commits++;
      const requested = requestChangedFiles(setup, reader, commit.files, collector, commit.commit, clean);
      if (commit.commit && requested.files.length > 0) order.set(commit.commit, order.size);
      inFlight.push(requested);
      if (inFlight.length >= COMMITS_IN_FLIGHT) await scanOldest();
    }
    while (inFlight.length > 0) await scanOldest();
  } catch (err) {
    await stopCommitMessages(messages);
    throw err;
  } finally {
    progress.end();
  }
  if (debugEnabled(io.env, 'scan'))
    debugLine(
      'scan',
      `history: blobs scanned clean before: ${clean.skipped.read} not read again, ${clean.skipped.scan} not scanned again (${clean.skipped.bytes} bytes)`,
    );
  await scanCommitMessages(setup, messages, collector);
  if (plan.tags) await scanTagMessages(setup, repo, collector, plan.tags === 'all' ? undefined : new Set(plan.tags));
  const report = collector.finish();
  // Only when there is something to report: a clean scan runs no extra git command.
  if (plan.exposure && report.findings.length > 0) {
    const { sightings } = collector;
    report.findings = await withExposure(report.findings, { repo, reader, scanner: setup.scanner, order, sightings });
  }
  return report;
}
