/**
 * What a push sends, decided from what the remote has, not from local remote-tracking refs
 * (`origin/*` may be stale: after a token was purged from the remote by a force-push, a clone
 * that has not fetched still has the old commit under `origin/…`, and excluding it would let
 * the token go back up). git tells the hook the remote's old id of every ref it updates; for a
 * new ref the remote's refs are asked once (`git ls-remote`, one round trip). Commits reachable
 * from ids the remote has, and that exist here, are excluded; everything else is scanned.
 */
import { CliError } from '../errors.js';
import { gitComplaint, runGit, spawnGit } from '../git/process.js';
import type { PushUpdate } from '../git/pre-push.js';
import type { GitRepo } from '../git/repo.js';
import type { HistoryPlan } from '../commands/scan-commits.js';

const ZERO = /^0+$/;
const OID = /^[0-9a-f]{40,64}$/;

/** Which of `oids` name commits in this repository: one `git cat-file --batch-check`. */
export async function localCommits(cwd: string, oids: readonly string[]): Promise<Set<string>> {
  const types = await objectTypes(cwd, oids);
  return new Set([...types].filter(([, type]) => type === 'commit' || type === 'tag').map(([oid]) => oid));
}

/** The type of each of `oids` that exists here (`commit`, `tag`, …): one `git cat-file --batch-check`. */
async function objectTypes(cwd: string, oids: readonly string[]): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  if (oids.length === 0) return types;
  const proc = spawnGit(cwd, ['cat-file', '--batch-check'], { stdin: 'pipe' });
  let out = '';
  proc.child.stdout.on('data', (c: Buffer) => (out += c.toString('latin1')));
  proc.child.stdin?.on('error', () => undefined);
  proc.child.stdin?.end(oids.join('\n') + '\n');
  await proc.exit;
  for (const line of out.split('\n')) {
    const [oid, type] = line.split(' ');
    if (oid && type && type !== 'missing') types.set(oid, type);
  }
  return types;
}

/** The ids the remote's refs point to (`git ls-remote`), with the id of its HEAD. */
async function remoteRefs(cwd: string, remote: string): Promise<{ oids: string[]; head: string | undefined }> {
  const { stdout, stderr, code } = await runGit(cwd, ['ls-remote', '--end-of-options', remote]);
  if (code !== 0) {
    throw new CliError(
      `cannot ask the remote which commits it has (${gitComplaint(stderr) ?? 'git ls-remote failed'})`,
      'check the remote is reachable, then push again',
    );
  }
  const oids: string[] = [];
  let head: string | undefined;
  for (const line of stdout.split('\n')) {
    const [oid, ref] = line.split('\t');
    if (!oid || !OID.test(oid)) continue;
    oids.push(oid);
    if (ref === 'HEAD') head = oid;
  }
  return { oids, head };
}

/** Which of `oids` are annotated tag objects (their messages are pushed). */
async function tagObjects(cwd: string, oids: readonly string[]): Promise<string[]> {
  const types = await objectTypes(cwd, oids);
  return [...types].filter(([, type]) => type === 'tag').map(([oid]) => oid);
}

export async function pushPlan(repo: GitRepo, updates: readonly PushUpdate[], remote: string | undefined): Promise<HistoryPlan> {
  const pushed = updates.filter((u) => !ZERO.test(u.localOid)); // a branch deletion sends no content
  if (pushed.length === 0) return { revisions: [] };
  const old = pushed.map((u) => u.remoteOid).filter((o) => !ZERO.test(o));
  const newRef = pushed.some((u) => ZERO.test(u.remoteOid));
  // A new ref has no old id: ask the remote what it has (once). Unknown remote → everything sent is scanned.
  const asked = newRef && remote && !remote.startsWith('-') ? await remoteRefs(repo.cwd, remote) : { oids: [], head: undefined };
  const have = await localCommits(repo.cwd, [...new Set([...old, ...asked.oids])]);
  const exclude = [...have].map((o) => `^${o}`);
  const base = old.find((o) => have.has(o)) ?? (asked.head && have.has(asked.head) ? asked.head : undefined);
  // A ref whose id the remote already has sends nothing (and an annotated tag there was checked when it went up).
  const sent = [...new Set(pushed.map((u) => u.localOid))].filter((o) => o === pushed[0]!.localOid || !have.has(o));
  return { revisions: [...sent, ...exclude], base, tip: pushed[0]!.localOid, tags: await tagObjects(repo.cwd, sent) };
}
