/**
 * Git access through simple-git. Every command runs from the repository root with our
 * environment inherited unchanged (git's hook variables included, made absolute by
 * git/env.ts). We never pass an `env` to simple-git: its safety plugin rejects environments
 * holding GIT_EDITOR or GIT_EXEC_PATH, which git itself sets for hooks.
 *
 * simple-git is imported lazily, on the first `raw` call. Opening the repository is one plain
 * `git rev-parse`: importing simple-git costs more (~80 ms) than everything a pre-commit
 * scan of a small change does (see bench/README.md), and `scan --staged` needs nothing else
 * from it (its diff and blobs are streamed, see diff-stream.ts and blob-reader.ts).
 */
import { execFile } from 'node:child_process';
import type { SimpleGit } from 'simple-git';
import { CliError } from '../errors.js';
import { repositoryHint } from './diff-stream.js';
import { resolveIndexFile } from './env.js';

const OID = /^[0-9a-f]{40,64}$/;

/** simple-git resolves (with empty output) when git exits non-zero without stderr. */
function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** git's own complaint (its `fatal:`/`error:` line), not the partial output before it. */
function gitMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const complaint = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines[0] ?? 'git failed';
  return complaint.replace(/^(fatal|error):\s*/i, '');
}

/**
 * `git rev-parse` as a plain child process, resolving like simple-git does: with stdout when
 * git exits non-zero but says nothing on stderr (`--verify --quiet` on an unborn branch).
 */
function revParse(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['rev-parse', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (!err || (typeof err.code === 'number' && !stderr.trim())) resolve(stdout);
      else reject(new Error(stderr.trim() || err.message));
    });
  });
}

export class GitRepo {
  private client: SimpleGit | undefined;

  private constructor(
    /** Working tree root; undefined in a bare repository. */
    readonly topLevel: string | undefined,
    /** Directory git commands run in. */
    readonly cwd: string,
    /** HEAD's commit id when the repository was opened; undefined on an unborn branch. */
    private readonly headAtOpen?: string,
  ) {}

  private async git(): Promise<SimpleGit> {
    this.client ??= (await import('simple-git')).simpleGit({ baseDir: this.cwd, trimmed: false });
    return this.client;
  }

  /** The repository containing `cwd`, or undefined when `cwd` is not inside one. */
  static async find(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<GitRepo | undefined> {
    try {
      // One process for both answers (the hook runs this on every commit). On an unborn branch
      // `--verify --quiet` prints nothing for HEAD and exits 1 without stderr.
      const [top = '', head = ''] = (await revParse(cwd, ['--show-toplevel', '--verify', '--quiet', 'HEAD^{commit}']))
        .split('\n')
        .map((l) => l.trim());
      if (!top) throw new CliError('git did not report the repository root', 'run `git rev-parse --show-toplevel` to see why');
      // Children inherit `env` (process.env in the CLI), fixed here before anything reads the index.
      resolveIndexFile(env, top);
      return new GitRepo(top, top, OID.test(head) ? head : undefined);
    } catch (err) {
      if (err instanceof CliError) throw err;
      const message = gitMessage(err);
      if (/not a git repository/i.test(message)) return undefined;
      // A bare repository (or a git dir): history can be scanned, there is no index or work tree.
      if (/must be run in a work tree/i.test(message)) return new GitRepo(undefined, cwd);
      if (/ENOENT|spawn git/i.test(message)) throw new CliError('git was not found on PATH', 'install git or add it to PATH');
      throw new CliError(`git cannot read the repository: ${message}`);
    }
  }

  /** Runs git and returns stdout; a failure becomes a CliError naming the command. */
  async raw(args: string[], what = `git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''}`): Promise<string> {
    try {
      return await (await this.git()).raw(args);
    } catch (err) {
      const message = gitMessage(err);
      throw new CliError(`${what} failed: ${message}`, repositoryHint(message));
    }
  }

  /** HEAD's commit id, or undefined on an unborn branch (the first commit). */
  async head(): Promise<string | undefined> {
    if (this.headAtOpen) return this.headAtOpen;
    const out = firstLine(await this.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).catch(() => ''));
    return OID.test(out) ? out : undefined;
  }

  /** The empty tree's id in this repository's hash (SHA-1 or SHA-256). */
  async emptyTree(): Promise<string> {
    const out = firstLine(await this.raw(['hash-object', '-t', 'tree', '/dev/null'], 'git hash-object'));
    if (!OID.test(out))
      throw new CliError('git did not return the empty tree id', 'check that git works: `git hash-object -t tree /dev/null`');
    return out;
  }

  /** Whether `rev` names an existing commit. */
  async hasCommit(rev: string): Promise<boolean> {
    const out = firstLine(await this.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).catch(() => ''));
    return OID.test(out);
  }

  async config(key: string): Promise<string | undefined> {
    const out = firstLine(await this.raw(['config', '--get', key]).catch(() => ''));
    return out || undefined;
  }
}
