/**
 * Which refs hold a commit, and when commits were made: the git answers behind a history
 * finding's exposure verdict (scan/exposure.ts). One `git for-each-ref --contains` per commit
 * (git answers "refs containing any of these", not "which refs contain each", so a batch would
 * lose the per-commit answer), `git tag --contains` once for all of them (and per commit only
 * when a tag holds one), and one `git log --no-walk` for every date at once.
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

const FORMAT = '--format=%(refname)%00%(symref)%00%(HEAD)';

const contains = (commits: readonly string[]): string[] => commits.flatMap((c) => ['--contains', c]);

/** Runs a ref listing in FORMAT: full ref names, and whether HEAD is on each. */
async function listRefs(repo: GitRepo, args: readonly string[]): Promise<RefName[]> {
  const out = await repo.raw([args[0]!, FORMAT, ...args.slice(1)], `git ${args[0]} --contains`);
  const refs: RefName[] = [];
  for (const line of out.split('\n')) {
    const [ref = '', symref, head] = line.split('\0');
    // `origin/HEAD` points at another remote-tracking ref, which is listed itself.
    const ns = symref ? undefined : NAMESPACES.find((n) => ref.startsWith(n.prefix));
    if (ns) refs.push({ kind: ns.kind, name: ref.slice(ns.prefix.length), head: head === '*' });
  }
  return refs;
}

/**
 * The local branches, remote-tracking refs and tags containing each of `commits` (commit or
 * tag object ids). Tags are many and old in a released project, and walking from each is what
 * costs: `git tag --contains` remembers what it walked (for-each-ref does not: 20 times slower
 * on expressjs/express's 300 tags), and one question for all commits usually finds that no tag
 * holds any of them, so the per-commit tag questions are skipped.
 */
export async function refsContainingEach(repo: GitRepo, commits: readonly string[]): Promise<Map<string, RefName[]>> {
  const result = new Map<string, RefName[]>();
  if (commits.length === 0) return result;
  const anyTagged = (await listRefs(repo, ['tag', '--list', ...contains(commits)])).length > 0;
  const refsOf = async (c: string): Promise<RefName[]> => {
    const [own, tags] = await Promise.all([
      listRefs(repo, ['for-each-ref', ...contains([c]), '--end-of-options', 'refs/heads', 'refs/remotes']),
      anyTagged ? listRefs(repo, ['tag', '--list', ...contains([c])]) : [],
    ]);
    return [...own, ...tags];
  };
  for (let i = 0; i < commits.length; i += CONCURRENCY) {
    const batch = commits.slice(i, i + CONCURRENCY);
    const answers = await Promise.all(batch.map(refsOf));
    batch.forEach((c, j) => result.set(c, answers[j]!));
  }
  return result;
}

/** When a commit was committed: `epoch` to compare (offsets differ), `iso` (ISO 8601) to show. */
export interface CommitDate {
  epoch: number;
  iso: string;
}

/**
 * Committer dates of `commits`, in one `git log`. git records no push time; a commit cannot
 * have been pushed before it was committed, so this is the earliest its token can have reached
 * a remote. A tag object's id is answered under its commit's id, so it gets no date.
 */
export async function committerDates(repo: GitRepo, commits: readonly string[]): Promise<Map<string, CommitDate>> {
  const dates = new Map<string, CommitDate>();
  if (commits.length === 0) return dates;
  const out = await repo.raw(
    ['log', '--no-walk=unsorted', '--no-show-signature', '--format=%H %ct %cI', '--end-of-options', ...commits, '--'],
    'git log --no-walk',
  );
  for (const line of out.split('\n')) {
    const [oid, epoch, iso] = line.trim().split(' ');
    if (oid && epoch && iso) dates.set(oid, { epoch: Number(epoch), iso });
  }
  return dates;
}
