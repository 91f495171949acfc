/**
 * Runs a git diff command (`diff-index` for the staged changes, `log` for history) and parses
 * its output as it arrives. git is spawned directly here, not through simple-git: simple-git
 * collects a command's whole output in memory before returning it, and a diff with `--text`
 * is as large as the content it shows (a staged 300 MB file, or years of history). Streaming
 * keeps memory flat; the child inherits our environment exactly as simple-git's children do.
 */
import { spawn } from 'node:child_process';
import { CliError } from '../errors.js';
import { DiffParseError, DiffParser, type CommitChanges } from './diff-parser.js';
import { LineSplitter } from './line-splitter.js';
import type { GitRepo } from './repo.js';

export interface DiffStreamOptions {
  /** For messages: `git log`, `git diff-index --cached`. */
  what: string;
  /** The staged diff has no commit headers: its output is one change set. */
  implicitCommit: boolean;
  /** What to tell the user when git fails, given its stderr. */
  hint: (stderr: string) => string;
}

export async function* streamDiff(repo: GitRepo, args: readonly string[], options: DiffStreamOptions): AsyncGenerator<CommitChanges> {
  const child = spawn('git', args, { cwd: repo.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new CliError('git was not found on PATH', 'install git or add it to PATH') : err),
    );
    child.on('close', (code) => resolve(code));
  });
  const splitter = new LineSplitter();
  const parser = new DiffParser(options.implicitCommit);
  let finished = false;
  try {
    try {
      // Pulling chunk by chunk keeps backpressure: git waits while a commit's blobs are scanned.
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        for (const line of splitter.push(chunk)) parser.pushLine(line);
        yield* parser.take();
      }
      for (const line of splitter.end()) parser.pushLine(line);
      const last = parser.end();
      const code = await exit;
      if (code !== 0) {
        const message =
          stderr.split('\n').find((l) => /^(fatal|error):/i.test(l.trim())) ??
          stderr.split('\n').find((l) => l.trim()) ??
          `exit code ${code}`;
        throw new CliError(`${options.what} failed: ${message.trim().replace(/^(fatal|error):\s*/i, '')}`, options.hint(stderr));
      }
      yield* last;
      finished = true;
    } catch (err) {
      if (err instanceof DiffParseError)
        throw new CliError(`could not read the output of ${options.what} (${err.message})`, 'please report this with your git version');
      throw err;
    }
  } finally {
    if (!finished) child.kill();
  }
}

/** The usual advice for a failed git read. */
export function repositoryHint(stderr: string): string {
  if (/unable to read|bad object|corrupt|missing (blob|object)|loose object/i.test(stderr)) return 'run `git fsck` to check the repository';
  return 'run the same git command yourself to see why';
}
