/**
 * Runs a git diff command (`diff-index` for the staged changes, `log` for history) and parses
 * its output as it arrives: a diff with `--text` is as large as the content it shows (a staged
 * 300 MB file, or years of history), and reading it a bounded few MiB ahead keeps memory flat.
 */
import { CliError } from '../errors.js';
import { DiffParseError, DiffParser, type CommitChanges } from './diff-parser.js';
import { LineSplitter } from './line-splitter.js';
import { readAhead } from './read-ahead.js';
import { gitFailure, spawnGit } from './process.js';
import { spawnGitReadInThread, type GitOutput } from './output-thread.js';

/** Where git runs; a GitRepo, named structurally so this module does not depend on repo.ts. */
export interface GitLocation {
  readonly cwd: string;
}

export interface DiffStreamOptions {
  /** For messages: `git log`, `git diff-index --cached`. */
  what: string;
  /** The staged diff has no commit headers: its output is one change set. */
  implicitCommit: boolean;
  /** What to tell the user when git fails, given its stderr. */
  hint: (stderr: string) => string;
  /** Read git's output in a thread of its own (long outputs: history; git/output-thread.ts). */
  readInThread?: boolean;
}

/** git's output read on this thread, a bounded few MiB ahead of the parser. */
function readHere(cwd: string, args: readonly string[]): GitOutput {
  const git = spawnGit(cwd, args);
  return { chunks: readAhead(git.child.stdout), exit: git.exit, stderr: () => git.stderr(), kill: () => git.child.kill() };
}

export async function* streamDiff(repo: GitLocation, args: readonly string[], options: DiffStreamOptions): AsyncGenerator<CommitChanges> {
  const git = options.readInThread ? spawnGitReadInThread(repo.cwd, args) : readHere(repo.cwd, args);
  const splitter = new LineSplitter();
  const parser = new DiffParser(options.implicitCommit);
  let finished = false;
  try {
    try {
      // Read ahead of the parser, bounded: git keeps producing while a commit is scanned.
      for await (const chunk of git.chunks) {
        for (const line of splitter.push(chunk)) parser.pushLine(line);
        yield* parser.take();
      }
      for (const line of splitter.end()) parser.pushLine(line);
      const last = parser.end();
      const code = await git.exit;
      if (code !== 0) throw gitFailure(options.what, git.stderr(), code, options.hint);
      yield* last;
      finished = true;
    } catch (err) {
      if (err instanceof DiffParseError)
        throw new CliError(`could not read the output of ${options.what} (${err.message})`, 'please report this with your git version');
      throw err;
    }
  } finally {
    if (!finished) git.kill();
  }
}
