/**
 * Temp git repositories for the CLI end-to-end tests. Each one is a project as a user has it
 * after `npm i -D kernel-secrets eslint-plugin-kernel-secrets`: a package.json and the PACKED
 * packages' node_modules (symlinked from the global setup's install, so no npm install runs per
 * test), set up with `kernel-secrets init --no-install`. Git, husky, lint-staged and ESLint
 * all run for real.
 *
 * Git runs with an isolated HOME and config (no user hooks, no gpg signing, no global
 * excludes) and without any KERNEL_TOKEN the developer may have exported.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, expect, inject } from 'vitest';

export { randomToken } from './tokens.js';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "the message names …" assertions. */
  output: string;
}

/** The packed install from the global setup: node_modules with kernel-secrets, eslint, husky, lint-staged. */
export function packedProject(): string {
  return inject('packedProject');
}

export function packedCli(): string {
  return join(packedProject(), 'node_modules', 'kernel-secrets', 'dist', 'cli.js');
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

function run(command: string, args: readonly string[], options: SpawnSyncOptions & { input?: string | Buffer }): RunResult {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  return { status: r.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

export interface RepoOptions {
  /** Where the JS project sits inside the repository ('' = at the root; 'app' for a monorepo subfolder). */
  packageDir?: string;
  /** Run `kernel-secrets init --no-install` (default true). */
  init?: boolean;
  /** Make a first commit of the init files, bypassing hooks (default true when init). */
  baseCommit?: boolean;
}

export class TempRepo {
  readonly root: string;
  /** Absolute path of the JS project (root or subfolder). */
  readonly projectDir: string;
  readonly env: NodeJS.ProcessEnv;

  private constructor(root: string, projectDir: string) {
    this.root = root;
    this.projectDir = projectDir;
    this.env = testEnv();
  }

  /**
   * A fresh repository. The first one of each shape in a test worker is built for real (git
   * init, package.json, `kernel-secrets init --no-install`, base commit) and kept as a template;
   * later ones are copies of it, which saves an init and a commit per test.
   */
  static create(options: RepoOptions = {}): TempRepo {
    const key = JSON.stringify([options.packageDir ?? '', options.init !== false, options.baseCommit !== false]);
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
      const r = repo.cli(['init', '--no-install'], { cwd: projectDir });
      if (r.status !== 0) throw new Error(`kernel-secrets init failed (${r.status}):\n${r.output}`);
      if (options.baseCommit !== false) {
        repo.gitOk(['add', '-A']);
        repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'project set up with kernel-secrets init']);
      }
    }
    return repo;
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

  git(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
    return run('git', args, {
      cwd: options.cwd ?? this.root,
      env: { ...this.env, ...options.env },
      ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
    });
  }

  /** git that must succeed; returns trimmed stdout. */
  gitOk(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
    const r = this.git(args, options);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}):\n${r.output}`);
    return r.stdout.trim();
  }

  /** The packed kernel-secrets CLI, as `npx kernel-secrets` would run it. */
  cli(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
    return run(process.execPath, [packedCli(), ...args], {
      cwd: options.cwd ?? this.root,
      env: { ...this.env, ...options.env },
      ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
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
