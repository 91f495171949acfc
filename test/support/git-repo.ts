/**
 * Temp git repositories for the CLI end-to-end tests. Each one is a project as a user has it
 * after `npm i -D kernel-secrets eslint-plugin-kernel-secrets`: a package.json and the PACKED
 * packages' node_modules (symlinked from the global setup's install, so no npm install runs per
 * test), set up with `kernel-secrets init --no-install`. Git, husky, lint-staged and ESLint
 * all run for real.
 *
 * Git runs with an isolated HOME and config (no user hooks, no gpg signing, no global
 * excludes) and without any KERNEL_TOKEN the developer may have exported.
 *
 * This is the one end-to-end harness: `run` is the only place a test process is spawned, and
 * it always has a timeout. spawnSync blocks the test worker, so vitest's own timeout could not
 * interrupt a hung git, hook or super-linear scan: the process is killed instead and the test
 * fails on its result. `Workdir` is any directory git and the CLI run in (clones, worktrees,
 * bare repositories: see hardening/workdir.ts); `TempRepo` is a Workdir set up as a project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, expect, inject } from 'vitest';

export { randomToken } from './tokens.js';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "the message names …" assertions. */
  output: string;
}

export interface Run extends RunResult {
  /** Wall-clock milliseconds the process took (for messages only: tests never assert durations). */
  ms: number;
  /** Set when the process was killed (by the timeout). */
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** Kill the process after this long (default PROCESS_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Default limit for one process of a test: far above any legitimate run, and what vitest allows a test. */
export const PROCESS_TIMEOUT_MS = 60_000;

/** Runs a process to completion, killing it at the timeout (then `signal` is set and `status` null). */
export function run(command: string, args: readonly string[], options: RunOptions & { cwd: string; env: NodeJS.ProcessEnv }): Run {
  const started = performance.now();
  const r = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs ?? PROCESS_TIMEOUT_MS,
    ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  const ms = performance.now() - started;
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  return { status: r.status, signal: r.signal, stdout, stderr, output: `${stdout}\n${stderr}`, ms };
}

/** The packed install from the global setup: node_modules with kernel-secrets, eslint, husky, lint-staged. */
export function packedProject(): string {
  return inject('packedProject');
}

/** The packed package's bin (it runs the package's single-file bundle), as `npx kernel-secrets` and the hooks run it. */
export function packedCli(): string {
  return join(packedProject(), 'node_modules', 'kernel-secrets', 'bin', 'kernel-secrets.js');
}

let sandboxHome: string | undefined;
/** Template repositories of this test file, by shape. */
const templates = new Map<string, string>();
// Vitest evaluates this module once per test file: clean up after that file.
afterAll(() => {
  for (const dir of templates.values()) rmSync(dir, { recursive: true, force: true });
  templates.clear();
  if (sandboxHome) rmSync(sandboxHome, { recursive: true, force: true });
  sandboxHome = undefined;
});

/** A HOME of our own: no global git config, hooks, excludes or per-user known fingerprints. */
function home(): string {
  if (sandboxHome) return sandboxHome;
  sandboxHome = mkdtempSync(join(tmpdir(), 'ks-home-'));
  writeFileSync(
    join(sandboxHome, '.gitconfig'),
    [
      '[user]',
      '\tname = Kernel Secrets Test',
      '\temail = test@example.invalid',
      '[commit]',
      '\tgpgsign = false',
      '[init]',
      '\tdefaultBranch = main',
      '[advice]',
      '\tdetachedHead = false',
      '',
    ].join('\n'),
  );
  return sandboxHome;
}

/** The environment every git/CLI process of the tests gets. */
export function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Outer git hook variables (tests run from a hook) and live tokens must not leak in.
    if (k.startsWith('GIT_') || k.startsWith('KERNEL_') || k === 'HUSKY' || k.startsWith('npm_') || k.startsWith('PRE_COMMIT')) continue;
    env[k] = v;
  }
  const h = home();
  return {
    ...env,
    HOME: h,
    XDG_CONFIG_HOME: join(h, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(h, '.gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
    NO_COLOR: '1',
    ...extra,
  };
}

export interface RepoOptions {
  /** Where the JS project sits inside the repository ('' = at the root; 'app' for a monorepo subfolder). */
  packageDir?: string;
  /** Run `kernel-secrets init --no-install` (default true). */
  init?: boolean;
  /** Make a first commit of the init files, bypassing hooks (default true when init). */
  baseCommit?: boolean;
  /** Run init with `--lint-staged` (ESLint on staged JS/TS in the pre-commit hook; default false). */
  lintStaged?: boolean;
}

/** A directory git commands and the packed CLI run in, with the isolated test environment. */
export class Workdir {
  constructor(
    readonly root: string,
    readonly env: NodeJS.ProcessEnv = testEnv(),
  ) {}

  static of(repo: Workdir): Workdir {
    return new Workdir(repo.root, repo.env);
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  write(rel: string, content: string | Buffer): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), content);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  exists(rel: string): boolean {
    return existsSync(this.path(rel));
  }

  git(args: readonly string[], options: RunOptions = {}): Run {
    return run('git', args, { ...options, cwd: options.cwd ?? this.root, env: { ...this.env, ...options.env } });
  }

  /** git that must succeed; returns trimmed stdout. */
  gitOk(args: readonly string[], options: RunOptions = {}): string {
    const r = this.git(args, options);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.signal ?? r.status}):\n${r.output}`);
    return r.stdout.trim();
  }

  /** The packed kernel-secrets CLI, as `npx kernel-secrets` would run it. */
  cli(args: readonly string[], options: RunOptions = {}): Run {
    return run(process.execPath, [packedCli(), ...args], {
      ...options,
      cwd: options.cwd ?? this.root,
      env: { ...this.env, ...options.env },
    });
  }

  /** HEAD's commit id, or undefined before the first commit. */
  head(): string | undefined {
    const r = this.git(['rev-parse', '--verify', '--quiet', 'HEAD']);
    return r.status === 0 ? r.stdout.trim() : undefined;
  }

  /** Content of `rel` in the commit `rev` (default HEAD). */
  show(rel: string, rev = 'HEAD'): string {
    return this.gitOk(['show', `${rev}:${rel}`]);
  }

  /**
   * Makes the hooks run here as they do after `npm install` in a fresh checkout: node_modules
   * (the packed install) and `kernel-secrets init --no-install`, which runs husky. A clone or a
   * linked worktree does not have husky's generated `.husky/_` until then.
   */
  installHooks(): void {
    symlinkSync(join(packedProject(), 'node_modules'), this.path('node_modules'), 'dir');
    const r = this.cli(['init', '--no-install']);
    if (r.status !== 0) throw new Error(`kernel-secrets init failed (${r.status}):\n${r.output}`);
  }
}

export class TempRepo extends Workdir {
  /** Absolute path of the JS project (root or subfolder). */
  readonly projectDir: string;

  private constructor(root: string, projectDir: string) {
    super(root, testEnv());
    this.projectDir = projectDir;
  }

  /**
   * A fresh repository. The first one of each shape in a test worker is built for real (git
   * init, package.json, `kernel-secrets init --no-install`, base commit) and kept as a template;
   * later ones are copies of it, which saves an init and a commit per test.
   */
  static create(options: RepoOptions = {}): TempRepo {
    const key = JSON.stringify([options.packageDir ?? '', options.init !== false, options.baseCommit !== false, !!options.lintStaged]);
    let template = templates.get(key);
    if (!template) {
      template = TempRepo.build(options).root;
      templates.set(key, template);
    }
    // realpath: macOS' /var → /private/var would otherwise differ from git's answers.
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'ks-repo-')));
    // verbatimSymlinks: node_modules stays a link to the packed install.
    cpSync(template, root, { recursive: true, verbatimSymlinks: true });
    return new TempRepo(root, join(root, options.packageDir ?? ''));
  }

  private static build(options: RepoOptions): TempRepo {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'ks-template-')));
    const projectDir = join(root, options.packageDir ?? '');
    const repo = new TempRepo(root, projectDir);
    repo.gitOk(['init', '--quiet']);
    mkdirSync(projectDir, { recursive: true });
    const installed = (name: string) =>
      (JSON.parse(readFileSync(join(packedProject(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    writeFileSync(
      join(projectDir, 'package.json'),
      JSON.stringify(
        {
          name: 'consumer-project',
          private: true,
          type: 'module',
          devDependencies: Object.fromEntries(
            ['kernel-secrets', 'eslint-plugin-kernel-secrets', 'eslint', 'husky', 'lint-staged'].map((n) => [n, installed(n)]),
          ),
        },
        null,
        2,
      ) + '\n',
    );
    symlinkSync(join(packedProject(), 'node_modules'), join(projectDir, 'node_modules'), 'dir');
    // A symlink is not a directory to git: `node_modules/` would not match it.
    writeFileSync(join(root, '.gitignore'), 'node_modules\n');
    if (options.init !== false) {
      const r = repo.cli(['init', '--no-install', ...(options.lintStaged ? ['--lint-staged'] : [])], { cwd: projectDir });
      if (r.status !== 0) throw new Error(`kernel-secrets init failed (${r.status}):\n${r.output}`);
      if (options.baseCommit !== false) {
        repo.gitOk(['add', '-A']);
        repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'project set up with kernel-secrets init']);
      }
    }
    return repo;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Asserts that `text` holds no 8-character run of `token` (the 4-character preview is allowed). */
export function expectNoSecret(text: string, ...tokens: string[]): void {
  for (const token of tokens) {
    for (let i = 0; i + 8 <= token.length; i++) {
      if (text.includes(token.slice(i, i + 8))) {
        expect.fail(`output contains part of a generated token (characters ${i}..${i + 8}); output was redacted from this message`);
      }
    }
  }
}

/** Expects a commit attempt to have been blocked by the hook and HEAD not to have moved. */
export function expectBlocked(repo: TempRepo, result: RunResult, headBefore: string | undefined): void {
  if (result.status === 0) expect.fail(`commit was not blocked:\n${result.output}`);
  expect(repo.head()).toBe(headBefore);
}

/**
 * A `newRepo()` for one test file: each repo it creates is removed after its test. Call at
 * the top level of the file.
 */
export function tempRepos(): (options?: Parameters<typeof TempRepo.create>[0]) => TempRepo {
  const repos: TempRepo[] = [];
  afterEach(() => {
    for (const r of repos.splice(0)) r.remove();
  });
  return (options) => {
    const repo = TempRepo.create(options);
    repos.push(repo);
    return repo;
  };
}
