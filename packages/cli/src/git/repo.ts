/**
 * The repository the CLI works in. Every command runs through git/process.ts from the
 * repository root, with our environment inherited unchanged. Opening the repository is one
 * `git rev-parse`; the hot path (`scan --staged`) then streams its diff and blobs
 * (diff-stream.ts, blob-reader.ts) and needs nothing else.
 */
import { CliError } from '../errors.js';
import { resolveIndexFile } from './env.js';
import { plainWorkTreeTop } from './plain-work-tree.js';
import { complained, gitComplaint, gitFailure, runGit } from './process.js';

const OID = /^[0-9a-f]{40,64}$/;

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export class GitRepo {
  private constructor(
    /** Working tree root; undefined in a bare repository. */
    readonly topLevel: string | undefined,
    /** Directory git commands run in. */
    readonly cwd: string,
    /** HEAD's commit id when the repository was opened; undefined on an unborn branch. */
    private readonly headAtOpen?: string,
  ) {}

  /** The repository containing `cwd`, or undefined when `cwd` is not inside one. */
  static async find(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<GitRepo | undefined> {
    // One process for both answers (the hook runs this on every commit). On an unborn branch
    // `--verify --quiet` prints nothing for HEAD and exits 1 without stderr.
    const { stdout, stderr, code } = await runGit(cwd, ['rev-parse', '--show-toplevel', '--verify', '--quiet', 'HEAD^{commit}']);
    if (code !== 0 && complained(stderr)) {
      const message = gitComplaint(stderr) ?? `exit code ${code}`;
      if (/not a git repository/i.test(message)) return undefined;
      // A bare repository (or a git dir): history can be scanned, there is no index or work tree.
      if (/must be run in a work tree/i.test(message)) return new GitRepo(undefined, cwd);
      throw new CliError(`git cannot read the repository: ${message}`);
    }
    const [top = '', head = ''] = stdout.split('\n').map((l) => l.trim());
    if (!top) throw new CliError('git did not report the repository root', 'run `git rev-parse --show-toplevel` to see why');
    // Children inherit `env` (process.env in the CLI), fixed here before anything reads the index.
    resolveIndexFile(env, top);
    return new GitRepo(top, top, OID.test(head) ? head : undefined);
  }

  /**
   * The repository containing `cwd` for a caller that needs only its top level (a named stdin
   * scan): read from disk in the plain case, without starting git; otherwise `find`. HEAD is
   * then asked of git when wanted (`head()`).
   */
  static async findTopLevel(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<GitRepo | undefined> {
    const top = plainWorkTreeTop(cwd, env);
    return top === undefined ? GitRepo.find(cwd, env) : new GitRepo(top, top);
  }

  /**
   * Runs git and returns stdout; a failure becomes a CliError naming the command. An exit code
   * other than 0 with nothing on stderr is an answer, not a failure (`config --get` of an unset
   * key, `check-ignore` of a path that is not ignored): stdout is returned.
   */
  async raw(args: string[], what = `git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''}`): Promise<string> {
    const { stdout, stderr, code } = await runGit(this.cwd, args);
    if (code !== 0 && complained(stderr)) throw gitFailure(what, stderr, code);
    return stdout;
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
