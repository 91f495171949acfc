/**
 * Which of a few paths exist in a commit, and their blob ids: one `git ls-tree`. The policy a
 * scan trusts (config, baseline) is read from a commit, never from the working tree; the blobs
 * themselves then come through the scan's own `git cat-file --batch` (no process per file).
 */
import { CliError } from '../errors.js';
import { gitComplaint, runGit } from '../git/process.js';

/** Revisions we pass to git: never an option, never empty. */
export function checkRevision(rev: string, option: string): string {
  if (!rev || rev.startsWith('-') || /[\0\n]/.test(rev)) {
    throw new CliError(`${option} needs a commit such as origin/main (got an invalid revision)`, 'name a branch, tag or commit id');
  }
  return rev;
}

/** Blob ids of those of `paths` (repository-relative, `/`-separated) that exist in `rev`. */
/** `what` names `rev` in a failure (`HEAD~1, the base of HEAD~1..HEAD`). */
export async function treeFiles(cwd: string, rev: string, paths: readonly string[], what = rev): Promise<Map<string, string>> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', `${rev}^{tree}`, '--', ...paths];
  const { stdout, stderr, code } = await runGit(cwd, args);
  if (code !== 0) {
    throw new CliError(
      `cannot read the policy committed at ${what} (${gitComplaint(stderr) ?? `exit code ${String(code)}`})`,
      'name an existing commit (in CI fetch the full history: actions/checkout with `fetch-depth: 0`)',
    );
  }
  const out = new Map<string, string>();
  // `<mode> <type> <oid>\t<path>\0`
  for (const entry of stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [, type, oid] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && oid) out.set(entry.slice(tab + 1), oid);
  }
  return out;
}
