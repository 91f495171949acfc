/**
 * Which refs hold a commit, and when commits were made: the git answers behind a history
 * finding's exposure verdict (scan/exposure.ts). One `git for-each-ref --contains` per commit
 * (git answers "refs containing any of these", not "which refs contain each", so a batch would
 * lose the per-commit answer) and one `git log --no-walk` for every date at once.
 */
import type { GitRepo } from './repo.js';

export type RefKind = 'branch' | 'remote' | 'tag';

export interface RefName {
  kind: RefKind;
  /** Short name: `main`, `origin/main`, `v1.0`. */
  name: string;
  /** The branch HEAD is on (a detached HEAD is no ref). */
  head: boolean;
}

/** What each ref namespace is, with the prefix its short name drops. */
const NAMESPACES: readonly { prefix: string; kind: RefKind }[] = [
  { prefix: 'refs/heads/', kind: 'branch' },
  { prefix: 'refs/remotes/', kind: 'remote' },
  { prefix: 'refs/tags/', kind: 'tag' },
];

/** At most this many `for-each-ref` processes at once: each is short, the machine may be small. */
const CONCURRENCY = 4;

/** Local branches, remote-tracking refs and tags whose history contains `commit` (a commit or tag object id). */
async function refsContaining(repo: GitRepo, commit: string): Promise<RefName[]> {
  const out = await repo.raw(
    [
      'for-each-ref',
      '--format=%(refname)%00%(symref)%00%(HEAD)',
      '--contains',
      commit,
      '--end-of-options',
      ...NAMESPACES.map((n) => n.prefix.slice(0, -1)),
    ],
    'git for-each-ref --contains',
  );
  const refs: RefName[] = [];
  for (const line of out.split('\n')) {
    const [full = '', symref, head] = line.split('\0');
    // `origin/HEAD` points at another remote-tracking ref, which is listed itself.
    if (!full || symref) continue;
    const ns = NAMESPACES.find((n) => full.startsWith(n.prefix));
    if (ns) refs.push({ kind: ns.kind, name: full.slice(ns.prefix.length), head: head === '*' });
  }
  return refs;
}

/** The refs containing each of `commits`: one git process per commit, a few at a time. */
export async function refsContainingEach(repo: GitRepo, commits: readonly string[]): Promise<Map<string, RefName[]>> {
  const result = new Map<string, RefName[]>();
  for (let i = 0; i < commits.length; i += CONCURRENCY) {
    const batch = commits.slice(i, i + CONCURRENCY);
    const answers = await Promise.all(batch.map((c) => refsContaining(repo, c)));
    batch.forEach((c, j) => result.set(c, answers[j]!));
  }
  return result;
}

/**
 * Committer dates (ISO 8601) of `commits`, in one `git log`. git records no push time; a commit
 * cannot have been pushed before it was committed, so this is the earliest the token can have
 * reached a remote. A tag object's id is answered under its commit's id, so it gets no date.
 */
export async function committerDates(repo: GitRepo, commits: readonly string[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  if (commits.length === 0) return dates;
  const out = await repo.raw(
    ['log', '--no-walk=unsorted', '--no-show-signature', '--format=%H %cI', '--end-of-options', ...commits, '--'],
    'git log --no-walk',
  );
  for (const line of out.split('\n')) {
    const [oid, date] = line.trim().split(' ');
    if (oid && date) dates.set(oid, date);
  }
  return dates;
}
