/**
 * The commits a push is about to send. git gives a pre-push hook the remote's name and URL as
 * arguments and one line per ref on stdin: `<local ref> <local oid> <remote ref> <remote oid>`.
 * The pre-commit framework gives the same through PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF.
 * We scan every commit reachable from what is pushed and not already on the remote.
 */
import { CliError } from '../errors.js';
import type { GitRepo } from './repo.js';

const OID = /^[0-9a-f]{40,64}$/;
const ZERO = /^0+$/;
/** Remote names we pass to `--remotes=<name>`: no glob characters, no leading dash. */
const REMOTE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}$/;

export interface PushUpdate {
  localOid: string;
  remoteOid: string;
}

export function parsePrePushInput(text: string): PushUpdate[] {
  const updates: PushUpdate[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    if (parts.length !== 4 || !OID.test(parts[1]!) || !OID.test(parts[3]!)) {
      throw new CliError(
        `unexpected pre-push input line "${line.slice(0, 80)}"`,
        'run `kernel-secrets scan --pre-push` only from a pre-push hook, or use `scan --commits <range>`',
      );
    }
    updates.push({ localOid: parts[1]!, remoteOid: parts[3]! });
  }
  return updates;
}

/** Whether `remote` is a remote configured here, by a name safe to pass as `--remotes=<name>`. */
async function isConfiguredRemote(repo: GitRepo, remote: string | undefined): Promise<boolean> {
  return remote !== undefined && REMOTE_NAME.test(remote) && (await repo.config(`remote.${remote}.url`)) !== undefined;
}

/** Revision arguments for `git log`: what is pushed, minus what the remote already has. */
export async function prePushRevisions(repo: GitRepo, updates: readonly PushUpdate[], remote: string | undefined): Promise<string[]> {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const u of updates) {
    if (ZERO.test(u.localOid)) continue; // a branch deletion sends no content
    include.push(u.localOid);
    if (!ZERO.test(u.remoteOid) && (await repo.hasCommit(u.remoteOid))) exclude.push(`^${u.remoteOid}`);
  }
  if (include.length === 0) return [];
  const known = await isConfiguredRemote(repo, remote);
  return [...include, ...exclude, ...(known ? ['--not', `--remotes=${remote}`] : [])];
}

/**
 * What the pre-commit framework says is pushed, when it runs us as a pre-push hook (it reads
 * git's stdin itself and passes the hook none):
 * - `update`: PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF, the usual case;
 * - `localRef`: the first push of a branch whose history reaches a root commit. pre-commit then
 *   sets no FROM/TO refs (it runs hooks "on all files"), only PRE_COMMIT_LOCAL_BRANCH and the
 *   remote: everything that branch holds and the remote lacks is sent;
 * - `unknown`: run by pre-commit (PRE_COMMIT=1) without either, e.g. `pre-commit run
 *   --hook-stage pre-push` by hand: nothing says what is pushed, so the scan cannot pass.
 */
export type FrameworkPush = { update: PushUpdate; remote?: string } | { localRef: string; remote?: string } | { unknown: true } | undefined;

export function preCommitFrameworkUpdate(env: NodeJS.ProcessEnv): FrameworkPush {
  const to = env['PRE_COMMIT_TO_REF'] ?? env['PRE_COMMIT_SOURCE'];
  const from = env['PRE_COMMIT_FROM_REF'] ?? env['PRE_COMMIT_ORIGIN'];
  const remote = env['PRE_COMMIT_REMOTE_NAME'];
  const onRemote = remote ? { remote } : {};
  if (to && OID.test(to))
    return { update: { localOid: to, remoteOid: from && OID.test(from) ? from : '0'.repeat(to.length) }, ...onRemote };
  const local = env['PRE_COMMIT_LOCAL_BRANCH'];
  if (local) return { localRef: local, ...onRemote };
  return env['PRE_COMMIT'] === '1' ? { unknown: true } : undefined;
}

/**
 * Local refs a push run by the pre-commit framework may send besides the one it names.
 * pre-commit hands a pre-push hook only the first ref of a push that has commits to send
 * (`git push origin main feature` names main alone; pre-commit#1908 says it will stay so). What
 * else is pushed cannot be known, so the scan fails closed: every local branch and tag, and a
 * detached HEAD, is taken as pushed when some local commit lies beyond the named ref and the
 * remote's tracking refs. Returns their ids (push-plan.ts then judges them against what the
 * remote really has), or none when nothing else local is unpushed, the usual case, which costs
 * one `git rev-list`.
 */
export async function frameworkOtherRefs(repo: GitRepo, named: PushUpdate, remote: string | undefined): Promise<string[]> {
  const head = await repo.head();
  const known = await isConfiguredRemote(repo, remote);
  const seen = [named.localOid, ...(ZERO.test(named.remoteOid) || !(await repo.hasCommit(named.remoteOid)) ? [] : [named.remoteOid])];
  const beyond = await repo.raw([
    'rev-list',
    '--max-count=1',
    '--branches',
    '--tags',
    ...(head ? [head] : []),
    '--not',
    ...seen,
    ...(known ? [`--remotes=${remote}`] : []),
  ]);
  if (!OID.test(beyond.trim())) return [];
  const refs = (await repo.raw(['for-each-ref', '--format=%(objectname)', 'refs/heads', 'refs/tags']))
    .split('\n')
    .filter((o) => OID.test(o));
  return [...new Set([...refs, ...(head ? [head] : [])])].filter((o) => o !== named.localOid);
}
