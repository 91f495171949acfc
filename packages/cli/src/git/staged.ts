/**
 * What the next commit will contain: the index git is committing into (GIT_INDEX_FILE when a
 * hook runs under `git commit -a` or `git commit <path>`) compared with HEAD, or with the empty
 * tree before the first commit. One `git diff-index` lists every change with its blob id and
 * added lines; the blobs are then read in one `git cat-file --batch`.
 */
import { CliError } from '../errors.js';
import type { ChangedFile } from './diff-parser.js';
import { DIFF_SHAPE, QUOTE_PATHS } from './diff-args.js';
import { streamDiff } from './diff-stream.js';
import { repositoryHint } from './process.js';
import type { GitRepo } from './repo.js';

export interface StagedChanges {
  /** HEAD, or the empty tree id on the first commit. */
  base: string;
  firstCommit: boolean;
  files: ChangedFile[];
}

export async function readStagedChanges(repo: GitRepo): Promise<StagedChanges> {
  const head = await repo.head();
  const base = head ?? (await repo.emptyTree());
  const files: ChangedFile[] = [];
  const args = [...QUOTE_PATHS, 'diff-index', '--cached', ...DIFF_SHAPE, base, '--'];
  for await (const change of streamDiff(repo, args, { what: 'git diff-index --cached', implicitCommit: true, hint: repositoryHint })) {
    files.push(...change.files);
  }
  const unmerged = files.find((f) => f.status.startsWith('U'));
  if (unmerged)
    throw new CliError(`${unmerged.path} has unresolved merge conflicts`, 'resolve them and `git add` the file before committing');
  return { base, firstCommit: head === undefined, files };
}
