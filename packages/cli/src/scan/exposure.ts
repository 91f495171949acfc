/**
 * How far a token found in history has travelled, so the report can say what to do first. For
 * each fingerprint a history scan reports (every sighting grouped, in whatever file, commit or
 * message): the commit that introduced it, whether a remote-tracking ref or a tag holds one of
 * the commits that add it (pushed) or only local branches do, which refs those are, and
 * whether HEAD still has it.
 *
 * "Still at HEAD" means: HEAD's version of a file where history shows the token, scanned again
 * with the same scanner, still yields its fingerprint. A token copied or moved to another file
 * since is not followed (a move adds no line to history); `kernel-secrets scan .` checks the
 * whole tree.
 *
 * Cost: computed only when there are findings; one `git for-each-ref --contains` per distinct
 * commit and one for the tags, one `git log` for the dates, one `git ls-tree` for HEAD's files,
 * whose blobs come through the scan's own `git cat-file --batch`.
 */
import { decodeBytes, scanDecoded, type Scanner } from '@kernel-secrets/core';
import type { BlobReader } from '../git/blob-reader.js';
import { committerDates, refsContainingEach, type CommitDate, type RefKind, type RefName } from '../git/containing-refs.js';
import type { GitRepo } from '../git/repo.js';
import { treeFiles } from '../policy/tree-files.js';
import { exposureAdvice } from './exposure-advice.js';
import { maskedName } from './masked-name.js';
import type { ReportedFinding } from './report.js';

/** `pushed`: a remote-tracking ref holds it; `tagged`: no remote-tracking ref, but a tag does; `local`: only local branches (or none). */
export type Reach = 'pushed' | 'tagged' | 'local';

/**
 * `present`: HEAD's version of a file where history shows it still holds it; `removed`: HEAD's
 * branch has a commit that adds it, and HEAD's files no longer hold it; `absent`: HEAD's files do
 * not hold it and HEAD's branch has none of its commits (it is on other branches, or HEAD is
 * detached); `message`: only commit or tag messages hold it (no file to check); `unknown`: HEAD
 * could not be read (unborn, a file too large).
 */
export type AtHead = 'present' | 'removed' | 'absent' | 'message' | 'unknown';

/** Names kept per ref kind; `omitted` counts the rest. */
export const MAX_REF_NAMES = 20;

export interface Exposure {
  /** The first commit, in history order (parents first), whose diff or message adds this fingerprint. */
  introducedIn: string;
  /** Every commit of the scan that adds it (the finding shows the first per path), history order. */
  commits: string[];
  reach: Reach;
  /** `reach` is `pushed` or `tagged`. */
  pushed: boolean;
  /** Remote-tracking refs (`origin/main`), tags and local branches containing one of `commits`. */
  remotes: string[];
  tags: string[];
  branches: string[];
  /** Ref names left out of the three lists above (at most MAX_REF_NAMES each). */
  omitted?: number;
  /**
   * Committer date (ISO 8601) of the earliest of `commits` that a remote-tracking ref or tag
   * holds. git records no push time; this is the earliest the token can have been pushed.
   */
  pushedSince?: string;
  atHead: AtHead;
  /** What to do, in one line: `not pushed (only on main), still at HEAD: remove it, …`. */
  nextStep: string;
}

export interface ExposureContext {
  repo: GitRepo;
  reader: BlobReader;
  scanner: Scanner;
  /** Position of each scanned commit in history order (parents first). */
  order: ReadonlyMap<string, number>;
  /** Commits that add each fingerprint, including sightings the report folds into an earlier finding. */
  sightings: ReadonlyMap<string, ReadonlySet<string>>;
}

/** `<commit message>`, `<tag v1>`: not a file HEAD can hold. */
const isMessage = (path: string): boolean => path.startsWith('<');

/** The findings with their `exposure`; findings without a commit are returned as they are. */
export async function withExposure(findings: readonly ReportedFinding[], ctx: ExposureContext): Promise<ReportedFinding[]> {
  const groups = new Map<string, ReportedFinding[]>();
  for (const f of findings) if (f.commit) groups.set(f.fingerprint, [...(groups.get(f.fingerprint) ?? []), f]);
  if (groups.size === 0) return [...findings];

  const sighted = new Map<string, Set<string>>();
  for (const [fp, fs] of groups) sighted.set(fp, new Set([...fs.map((f) => f.commit!), ...(ctx.sightings.get(fp) ?? [])]));
  const distinct = [...new Set([...sighted.values()].flatMap((s) => [...s]))];
  const [refs, dates, atHead] = await Promise.all([
    refsContainingEach(ctx.repo, distinct),
    committerDates(ctx.repo, distinct),
    headState(groups, ctx),
  ]);

  const exposures = new Map<string, Exposure>();
  for (const [fp, commits] of sighted) {
    const facts = verdict(historyOrder([...commits], ctx.order, dates), refs, dates, atHead.get(fp) ?? 'unknown', ctx.scanner);
    exposures.set(fp, { ...facts, nextStep: exposureAdvice(facts) });
  }
  return findings.map((f) => {
    const exposure = f.commit ? exposures.get(f.fingerprint) : undefined;
    return exposure ? { ...f, exposure } : f;
  });
}

/**
 * Parents first: the walk's order when every commit has a place in it; a commit seen only in
 * a message has none (its files were not read), so then commit dates decide, the walk's order
 * breaking ties. A tag object (a tag's message) has neither and comes last.
 */
function historyOrder(commits: string[], order: ReadonlyMap<string, number>, dates: ReadonlyMap<string, CommitDate>): string[] {
  const rank = (c: string): number => order.get(c) ?? Number.MAX_SAFE_INTEGER;
  const date = (c: string): number => dates.get(c)?.epoch ?? Number.MAX_SAFE_INTEGER;
  if (commits.every((c) => order.has(c))) return commits.sort((a, b) => rank(a) - rank(b));
  return commits.sort((a, b) => date(a) - date(b) || rank(a) - rank(b));
}

/** A remote-tracking ref or a tag: what others can have fetched. */
const isShared = (r: RefName): boolean => r.kind !== 'branch';

/** One fingerprint's facts, from the refs holding each of its commits. */
function verdict(
  commits: string[],
  refs: ReadonlyMap<string, RefName[]>,
  dates: ReadonlyMap<string, CommitDate>,
  inTree: AtHead,
  scanner: Scanner,
): Omit<Exposure, 'nextStep'> {
  const held = commits.flatMap((c) => refs.get(c)!);
  const names = (kind: RefKind) => [...new Set(held.filter((r) => r.kind === kind).map((r) => r.name))].sort();
  const [remotes, tags, branches] = [names('remote'), names('tag'), names('branch')];
  const reach: Reach = remotes.length > 0 ? 'pushed' : tags.length > 0 ? 'tagged' : 'local';
  const firstShared = commits.find((c) => refs.get(c)!.some(isShared));
  const since = firstShared ? dates.get(firstShared)?.iso : undefined;
  const omitted = [remotes, tags, branches].reduce((n, l) => n + Math.max(0, l.length - MAX_REF_NAMES), 0);
  // Not in HEAD's files: removed, if HEAD's branch ever had it; otherwise it lives elsewhere.
  const atHead = inTree === 'removed' && !held.some((r) => r.head) ? 'absent' : inTree;
  return {
    introducedIn: commits[0]!,
    commits,
    reach,
    pushed: reach !== 'local',
    remotes: shown(scanner, remotes),
    tags: shown(scanner, tags),
    branches: shown(scanner, branches),
    ...(omitted > 0 ? { omitted } : {}),
    ...(since ? { pushedSince: since } : {}),
    atHead,
  };
}

/** Whether HEAD's version of each fingerprint's files still holds it (see the module comment). */
async function headState(groups: ReadonlyMap<string, ReportedFinding[]>, ctx: ExposureContext): Promise<Map<string, AtHead>> {
  const state = new Map<string, AtHead>();
  const paths = [...new Set([...groups.values()].flat().map((f) => f.path))].filter((p) => !isMessage(p));
  const head = paths.length > 0 ? await ctx.repo.head() : undefined;
  // An unborn HEAD or an unreadable tree: say "unknown" rather than "removed".
  const tree = head ? await treeFiles(ctx.repo.cwd, head, paths).catch(() => undefined) : undefined;
  const atHead = new Map<string, Set<string> | undefined>();
  if (tree) {
    const present = [...tree];
    let i = 0;
    for await (const blob of ctx.reader.request(present.map(([, oid]) => oid))) {
      const path = present[i++]![0];
      atHead.set(path, blob.bytes ? fingerprintsIn(ctx.scanner, blob.bytes, path) : undefined);
    }
  }
  for (const [fp, fs] of groups) {
    const files = fs.map((f) => f.path).filter((p) => !isMessage(p));
    if (files.length === 0) state.set(fp, 'message');
    else if (!tree) state.set(fp, 'unknown');
    else if (files.some((p) => atHead.get(p)?.has(fp))) state.set(fp, 'present');
    // Deleted at HEAD, or HEAD's version scanned without it.
    else if (files.every((p) => !tree.has(p) || atHead.get(p))) state.set(fp, 'removed');
    else state.set(fp, 'unknown'); // too large to read back
  }
  return state;
}

/**
 * The first MAX_REF_NAMES names. A ref name is text someone typed: one that holds a token (a
 * branch named after it) is shown masked, as paths are.
 */
function shown(scanner: Scanner, names: readonly string[]): string[] {
  return names.slice(0, MAX_REF_NAMES).map((name) => maskedName(scanner, name).masked);
}

/** Every fingerprint the scanner sees in a file, allowed ones included: present is present. */
function fingerprintsIn(scanner: Scanner, bytes: Uint8Array, path: string): Set<string> {
  const result = scanDecoded(scanner, decodeBytes(bytes), { path });
  return new Set([...result.findings, ...result.suppressed].map((f) => f.fingerprint));
}
