/**
 * The one way the CLI runs git (after lint-staged's single `execGit`): every git process is
 * started by `spawnGit`, so "git was not found", the reading of git's complaint from stderr,
 * and debug tracing are written once.
 *
 * - Children inherit our environment unchanged (git's hook variables included, made absolute
 *   by git/env.ts); no `env` is ever passed.
 * - Streams stay streams: diff-stream.ts and blob-reader.ts read stdout as it arrives (a diff
 *   with `--text` is as large as the content it shows). `runGit` buffers, for short answers.
 * - Debug output (`DEBUG=kernel-secrets`, `DEBUG=*`, or `KERNEL_SECRETS_DEBUG=1`) names each
 *   command, its exit code and its duration on stderr: never its output (which holds file
 *   content, and `git config` answers such as a remote URL), and with credentials in URLs
 *   masked. The same masking applies to every git message we repeat, so GIT_TRACE output or
 *   a `fatal: unable to access 'https://user:pass@…'` cannot carry a credential into ours.
 */
import type { ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { CliError } from '../errors.js';
import { debugEnabled, debugLine } from '../io/debug.js';

/** Bytes of stderr kept per process: git's complaint is its last lines. */
const STDERR_TAIL = 4000;

/** `scheme://user:password@host` and `scheme://token@host`: the userinfo goes, the rest is kept for the message. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,30}:\/\/)[^\s/@'"]{1,512}@/gi;

export function maskCredentials(text: string): string {
  return text.replace(URL_USERINFO, '$1***@');
}

/** The single "git was not found" error. */
export function gitNotFound(): CliError {
  return new CliError('git was not found on PATH', 'install git or add it to PATH');
}

/** GIT_TRACE / GIT_TRACE_* lines: `12:34:56.789012 git.c:460  trace: built-in: git …`. */
const TRACE_LINE = /^\d{2}:\d{2}:\d{2}\.\d+ \S+:\d+ +(trace|trace2)[:\s]/;

/** git's own complaint (its `fatal:`/`error:` line, else its first non-trace line), without the prefix, credentials masked. */
export function gitComplaint(stderr: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !TRACE_LINE.test(l));
  const line = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines[0];
  return line === undefined ? undefined : maskCredentials(line.replace(/^(fatal|error):\s*/i, ''));
}

/** Whether git said something on stderr besides trace lines (exit 1 in silence is an answer, not a failure). */
export function complained(stderr: string): boolean {
  return gitComplaint(stderr) !== undefined;
}

/** The usual advice for a failed git read. */
export function repositoryHint(stderr: string): string {
  if (/unable to read|bad object|corrupt|missing (blob|object)|loose object/i.test(stderr)) return 'run `git fsck` to check the repository';
  return 'run the same git command yourself to see why';
}

/** `<what> failed: <git's complaint>`, with `hint(stderr)` as the fix. */
export function gitFailure(what: string, stderr: string, code: number | null, hint: (stderr: string) => string = repositoryHint): CliError {
  return new CliError(`${what} failed: ${gitComplaint(stderr) ?? `exit code ${code}`}`, hint(stderr));
}

function trace(message: string): void {
  debugLine('git', maskCredentials(message));
}

/**
 * A command line for traces: git's subcommand, our options, object ids and `--`; every other
 * operand (a path, a revision, a config key or value) is shown as `<operand>`, since a path
 * or a mistyped argument can hold anything, a token included.
 */
function commandLine(args: readonly string[]): string {
  let subcommandSeen = false;
  const shown = args.map((a) => {
    if (a.startsWith('-'))
      return a.startsWith('--') && a.includes('=') && !/^--(format|src-prefix|dst-prefix)=|=\d+$/.test(a)
        ? `${a.split('=')[0]}=<value>`
        : a;
    if (!subcommandSeen && /^[a-z][a-z-]{1,30}$/.test(a)) {
      subcommandSeen = true;
      return a;
    }
    return /^\^?[0-9a-f]{7,64}$/.test(a) || /^[a-z]+\.[A-Za-z]+=(true|false)$/.test(a) ? a : '<operand>';
  });
  return ['git', ...shown].map((a) => (/^[\w@%+=:,./<>^-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

export type GitChild = ChildProcessByStdio<Writable | null, Readable, Readable>;

export interface GitProcess {
  readonly child: GitChild;
  /** Resolves with git's exit code once it has exited and its output is closed; rejects only when git could not start. */
  readonly exit: Promise<number | null>;
  /** The last few kilobytes git wrote to stderr. */
  stderr(): string;
}

export interface SpawnGitOptions {
  /** `pipe` for a process we feed (cat-file --batch); default `ignore`. */
  stdin?: 'pipe' | 'ignore';
}

/** Processes started so far, to pair a trace's start and exit lines. */
let processes = 0;

/**
 * Traces a git command's start (under DEBUG) and returns what traces its end: every git
 * process, wherever it runs, is numbered and traced the same way.
 */
export function traceGit(args: readonly string[]): (end: number | string | null) => void {
  const debug = debugEnabled(process.env, 'git');
  const started = debug ? Date.now() : 0;
  const id = ++processes;
  if (debug) trace(`#${id} $ ${commandLine(args)}`);
  return (end) => {
    if (debug) trace(`#${id} exit ${end} after ${Date.now() - started} ms`);
  };
}

/** The error for a git that could not start: not found on PATH, or a working directory that does not exist. */
export function spawnFailure(err: NodeJS.ErrnoException, cwd: string): Error {
  // Node says ENOENT both for a missing git and for a missing working directory.
  if (err.code === 'ENOENT' && !existsSync(cwd)) return new CliError(`the directory ${cwd} does not exist`);
  return err.code === 'ENOENT' ? gitNotFound() : err;
}

/** Starts `git <args>` in `cwd`. */
export function spawnGit(cwd: string, args: readonly string[], options: SpawnGitOptions = {}): GitProcess {
  const traceEnd = traceGit(args);
  // node:child_process is loaded by the first git call: `scan --stdin` and `--version` start without it.
  const child = process
    .getBuiltinModule('node:child_process')
    .spawn('git', args, { cwd, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'], windowsHide: true }) as GitChild;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
  });
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => reject(spawnFailure(err, cwd)));
    child.on('close', (code, signal) => {
      traceEnd(code ?? signal);
      resolve(code);
    });
  });
  // Callers that stop early kill the child; an unobserved rejection must not crash the process.
  exit.catch(() => undefined);
  return { child, exit, stderr: () => stderr };
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs git to completion and returns its output (for short answers: rev-parse, config, ls-files). */
export async function runGit(cwd: string, args: readonly string[]): Promise<GitResult> {
  const proc = spawnGit(cwd, args);
  const chunks: Buffer[] = [];
  proc.child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const code = await proc.exit;
  return { stdout: Buffer.concat(chunks).toString('utf8'), stderr: proc.stderr(), code };
}
