/**
 * Streams the changes of every commit in a range: one `git log --cc -p --raw` process, parsed
 * as it arrives, one commit at a time, so memory stays flat on any history size. Merge commits
 * are shown as combined diffs (`--cc`), which keep exactly the lines that differ from every
 * parent: content that enters only through a merge (an "evil merge" resolution) is scanned,
 * while branch content is scanned once, in the branch's own commits.
 */
import type { CommitChanges } from './diff-parser.js';
import { DIFF_SHAPE, QUOTE_PATHS } from './diff-args.js';
import { streamDiff } from './diff-stream.js';
import { repositoryHint } from './process.js';
import type { GitRepo } from './repo.js';

/**
 * Options that make `git log` print what DiffParser reads, independent of user config.
 * `--date-order` with `--reverse`: parents always before children, so the first commit that
 * shows a token is the one that introduced it (plain `--reverse` follows commit dates, and a
 * skewed clock puts a child first: 9 commits of expressjs/express come before a parent).
 */
const LOG_SHAPE = ['log', '--format=%x01%H %P', '--reverse', '--date-order', '--root', '--cc', '--no-show-signature', ...DIFF_SHAPE];

/** Explains the usual CI cause of an unknown revision: a shallow clone. */
function revisionHint(stderr: string): string {
  if (/unknown revision|bad revision|ambiguous argument|invalid object name/i.test(stderr)) {
    return 'check the range; in CI fetch the full history (actions/checkout with `fetch-depth: 0`)';
  }
  return repositoryHint(stderr);
}

/** Number of commits the revision arguments select (for the progress bar). */
export async function countCommits(repo: GitRepo, revisions: readonly string[]): Promise<number> {
  const out = await repo.raw(['rev-list', '--count', ...revisions, '--'], 'git rev-list');
  return Number(out.trim()) || 0;
}

/**
 * A whole-history scan (`--all`) reads git's output in a thread of its own (git/output-thread.ts):
 * it pays for the thread's start-up (about 50 ms) many times over. A push or a range is read on
 * the main thread: most are a few commits.
 */
export function streamHistory(repo: GitRepo, revisions: readonly string[]): AsyncGenerator<CommitChanges> {
  return streamDiff(repo, [...QUOTE_PATHS, ...LOG_SHAPE, ...revisions, '--'], {
    what: 'git log',
    implicitCommit: false,
    hint: revisionHint,
    readInThread: revisions.includes('--all'),
  });
}
