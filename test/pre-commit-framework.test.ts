/**
 * The pre-commit framework, for real: a virtualenv with `pip install pre-commit` (the index
 * pip is configured with), a Python-only repository with no package.json whose
 * .pre-commit-config.yaml points at a clone of this repository (`repo:` + `rev: v<version>`,
 * the tag the release script makes) with the documented hook ids. pre-commit installs the root as a node package (`npm install -g
 * git+file://…`, prepare without dev dependencies) and runs its `kernel-secrets` bin. The clone
 * carries this tree's hook manifest, root package.json, prepare script and a fresh bundle of
 * the CLI built from this tree, so what is tested is what the next tag ships.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, packedCli, randomToken, testEnv } from './support/git-repo.js';
import { REPO_ROOT } from './support/packed-project.js';
import { Scratch, type Workdir } from './support/hardening/workdir.js';

const { parse } = createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown };
const scratch = new Scratch();
afterAll(() => scratch.removeAll());

let preCommit: string;
let hookRepo: string;
let rev: string;
let cacheHome: string;

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = testEnv()): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  // pre-commit itself: one virtualenv per test file (no retries: an unreachable default index
  // must not cost minutes when the configured local one has it).
  const venv = scratch.dir('ks-venv-');
  sh('python3', ['-m', 'venv', venv], venv, process.env);
  try {
    sh(join(venv, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', '--retries', '0', 'pre-commit'], venv, process.env);
  } catch (err) {
    throw new Error(`could not pip install pre-commit (this test needs pip's package index): ${(err as Error).message}`, { cause: err });
  }
  preCommit = join(venv, 'bin/pre-commit');

  // This repository as pre-commit would fetch it, with this tree's packaging files and bundle.
  hookRepo = scratch.dir('ks-hook-repo-');
  sh('git', ['clone', '--quiet', '--no-hardlinks', REPO_ROOT, hookRepo], REPO_ROOT);
  for (const f of ['.pre-commit-hooks.yaml', 'package.json', 'scripts/prepare.mjs']) copyFileSync(join(REPO_ROOT, f), join(hookRepo, f));
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle-cli.mjs'), '--out', join(hookRepo, 'bin/kernel-secrets.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
  chmodSync(join(hookRepo, 'bin/kernel-secrets.mjs'), 0o755);
  sh('git', ['add', '-A'], hookRepo);
  sh('git', ['-c', 'core.hooksPath=/dev/null', 'commit', '--quiet', '--allow-empty', '-m', 'tree under test'], hookRepo);
  // The tag the release makes (scripts/release.mjs), which the documented `rev: v<version>` names.
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
  rev = `v${version}`;
  sh('git', ['tag', '--annotate', rev, '--message', `kernel-secrets ${version}`], hookRepo);
  cacheHome = scratch.dir('ks-pre-commit-home-');
}, 600_000);

/** A Python-only repository using the hooks `ids`, with pre-commit's git hooks installed. */
function pythonRepo(ids: string[], env: NodeJS.ProcessEnv = {}): { wd: Workdir; env: NodeJS.ProcessEnv } {
  const wd = scratch.plainRepo();
  const fullEnv = { ...wd.env, PRE_COMMIT_HOME: cacheHome, ...env };
  wd.write(
    '.pre-commit-config.yaml',
    ['repos:', `  - repo: ${hookRepo}`, `    rev: ${rev}`, '    hooks:', ...ids.map((id) => `      - id: ${id}`), ''].join('\n'),
  );
  wd.write('app.py', 'from kernel import KernelClient\nclient = KernelClient()  # reads KERNEL_TOKEN\n');
  expect(existsSync(wd.path('package.json'))).toBe(false);
  wd.gitOk(['add', '-A']);
  sh(preCommit, ['install', '-t', 'pre-commit', '-t', 'pre-push', '-t', 'commit-msg'], wd.root, fullEnv);
  return { wd, env: fullEnv };
}

/** An empty bare repository, added as `wd`'s origin. */
function addOrigin(wd: Workdir): string {
  const remote = scratch.dir('ks-remote-');
  sh('git', ['init', '--quiet', '--bare', remote], remote);
  wd.gitOk(['remote', 'add', 'origin', remote]);
  return remote;
}

describe('pre-commit framework: `language: node` hooks from this repository', () => {
  const ids = ['kernel-secrets', 'kernel-secrets-pre-push', 'kernel-secrets-commit-msg'];

  it('installs the root as a package providing the kernel-secrets bin (no dev dependencies, no tsc)', () => {
    const { wd, env } = pythonRepo(ids);
    const r = wd.git(['commit', '-m', 'clean start'], { env, timeoutMs: 300_000 });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/kernel-secrets \(Kernel API tokens in the commit\)\.+Passed/);
    expect(r.output).toMatch(/kernel-secrets \(Kernel API tokens in the commit message\)\.+Passed/);
  }, 300_000);

  it('blocks a commit that stages a token', () => {
    const { wd, env } = pythonRepo(ids);
    wd.gitOk(['commit', '--quiet', '-m', 'clean start'], { env, timeoutMs: 300_000 });
    const token = randomToken();
    wd.write('settings.py', `KERNEL_TOKEN = "${token}"\n`);
    wd.gitOk(['add', 'settings.py']);
    const head = wd.head();
    const r = wd.git(['commit', '-m', 'settings'], { env });
    expect(r.status).not.toBe(0);
    expect(wd.head()).toBe(head);
    expect(r.output).toContain('settings.py:1:');
    expect(r.output).toMatch(/kernel-secrets \(Kernel API tokens in the commit\)\.+Failed/);
    expectNoSecret(r.output, token);
  }, 300_000);

  it('blocks a commit whose message holds a token (commit-msg stage)', () => {
    const { wd, env } = pythonRepo(ids);
    const token = randomToken();
    const r = wd.git(['commit', '-m', `debug\n\nKERNEL_TOKEN=${token}`], { env, timeoutMs: 300_000 });
    expect(r.status).not.toBe(0);
    expect(wd.head()).toBeUndefined();
    expect(r.output).toMatch(/kernel-secrets \(Kernel API tokens in the commit message\)\.+Failed/);
    expectNoSecret(r.output, token);
  }, 300_000);

  it('the first push of a new repository: pre-commit names no range, and the whole history is scanned', () => {
    // pre-commit sets no PRE_COMMIT_FROM_REF/TO_REF when the pushed history reaches a root commit.
    const { wd, env } = pythonRepo(ids);
    addOrigin(wd);
    wd.gitOk(['commit', '--quiet', '-m', 'clean start'], { env, timeoutMs: 300_000 });
    const clean = wd.git(['push', 'origin', 'HEAD:refs/heads/main'], { env });
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).toMatch(/kernel-secrets \(Kernel API tokens in pushed commits\)\.+Passed/);
    // A second repository whose root commit holds the token, pushed to an empty remote.
    const leak = pythonRepo(ids);
    const empty = addOrigin(leak.wd);
    const token = randomToken();
    leak.wd.write('settings.py', `KERNEL_TOKEN = "${token}"\n`);
    leak.wd.gitOk(['add', 'settings.py']);
    leak.wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'first']);
    const r = leak.wd.git(['push', 'origin', 'HEAD:refs/heads/main'], { env: leak.env });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/kernel-secrets \(Kernel API tokens in pushed commits\)\.+Failed/);
    expect(r.output).toContain('settings.py:1:');
    expect(sh('git', ['--git-dir', empty, 'for-each-ref'], empty)).toBe('');
    expectNoSecret(r.output, token);
  }, 300_000);

  it('blocks a push of a commit that holds a token (pre-push stage)', () => {
    const { wd, env } = pythonRepo(ids);
    addOrigin(wd);
    wd.gitOk(['commit', '--quiet', '-m', 'clean start'], { env, timeoutMs: 300_000 });
    wd.gitOk(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { env });
    const token = randomToken();
    wd.write('deploy.env', `KERNEL_TOKEN=${token}\n`);
    wd.gitOk(['add', 'deploy.env']);
    // Committed past the commit hook on purpose: the push hook is what is tested.
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'deploy']);
    const r = wd.git(['push', 'origin', 'HEAD:refs/heads/main'], { env });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/kernel-secrets \(Kernel API tokens in pushed commits\)\.+Failed/);
    expect(r.output).toContain('deploy.env:1:');
    expectNoSecret(r.output, token);
  }, 300_000);
});

describe('pre-commit framework: pushes of several refs (pre-commit names only the first)', () => {
  const ids = ['kernel-secrets-pre-push'];

  /** A repository whose main is on its origin, with `branch` one commit ahead holding `file`. */
  function pushedRepo(): { wd: Workdir; env: NodeJS.ProcessEnv; remote: string } {
    const { wd, env } = pythonRepo(ids);
    const remote = addOrigin(wd);
    wd.gitOk(['commit', '--quiet', '-m', 'clean start'], { env, timeoutMs: 300_000 });
    wd.gitOk(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { env, timeoutMs: 300_000 });
    return { wd, env, remote };
  }

  function commitOn(wd: Workdir, branch: string, file: string, text: string): void {
    wd.gitOk(['switch', '--quiet', '-c', branch, 'HEAD']);
    wd.write(file, text);
    wd.gitOk(['add', file]);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', branch]);
  }

  it('finds the token on the second branch of `git push origin <clean> <leak>`', () => {
    const { wd, env, remote } = pushedRepo();
    const token = randomToken();
    commitOn(wd, 'a-docs', 'README.md', '# docs\n');
    wd.gitOk(['switch', '--quiet', '-']);
    commitOn(wd, 'b-deploy', 'deploy.env', `KERNEL_TOKEN=${token}\n`);
    const r = wd.git(['push', 'origin', 'a-docs', 'b-deploy'], { env });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/kernel-secrets \(Kernel API tokens in pushed commits\)\.+Failed/);
    expect(r.output).toContain('deploy.env:1:');
    expect(r.output).toContain('pre-commit names only the first ref a push sends');
    expect(sh('git', ['--git-dir', remote, 'for-each-ref', '--format=%(refname)'], remote).trim()).toBe('refs/heads/main');
    expectNoSecret(r.output, token);
  }, 300_000);

  it('fails closed on a local branch it cannot tell is not pushed, and says why', () => {
    const { wd, env } = pushedRepo();
    const token = randomToken();
    commitOn(wd, 'wip', 'deploy.env', `KERNEL_TOKEN=${token}\n`);
    wd.gitOk(['switch', '--quiet', '-']);
    commitOn(wd, 'docs', 'README.md', '# docs\n');
    const r = wd.git(['push', 'origin', 'docs'], { env });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('deploy.env:1:');
    expect(r.output).toContain("kernel-secrets' own pre-push hook sees exactly what is pushed");
    expectNoSecret(r.output, token);
  }, 300_000);

  it('scans only the named range when nothing else local is unpushed (what pre-commit sets, run directly)', () => {
    // pre-commit's environment for `git push origin docs`, without pre-commit: its output is seen.
    const wd = scratch.plainRepo();
    addOrigin(wd);
    wd.write('app.py', 'print("hello")\n');
    wd.gitOk(['add', 'app.py']);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'start']);
    wd.gitOk(['push', '--quiet', '--no-verify', 'origin', 'HEAD:refs/heads/main']);
    const base = wd.head()!;
    commitOn(wd, 'docs', 'README.md', '# docs\n');
    const env = { PRE_COMMIT: '1', PRE_COMMIT_FROM_REF: base, PRE_COMMIT_TO_REF: wd.head()!, PRE_COMMIT_REMOTE_NAME: 'origin' };
    const clean = wd.cli(['scan', '--pre-push'], { env });
    expect(clean.status, clean.output).toBe(0);
    expect(clean.stderr).not.toContain('pre-commit names only the first ref');
    // A second local branch with a commit origin lacks: scanned too, and said so.
    const token = randomToken();
    wd.gitOk(['switch', '--quiet', '-']);
    commitOn(wd, 'wip', 'deploy.env', `KERNEL_TOKEN=${token}\n`);
    const blocked = wd.cli(['scan', '--pre-push'], { env });
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('pre-commit names only the first ref a push sends');
    expect(blocked.output).toContain('deploy.env:1:');
    expectNoSecret(blocked.output, token);
  });
});

describe('pre-commit framework: `language: system` variants', () => {
  it('run the kernel-secrets on PATH and block a token', () => {
    const binDir = scratch.dir('ks-path-');
    writeFileSync(join(binDir, 'kernel-secrets'), `#!/bin/sh\nexec "${process.execPath}" "${packedCli()}" "$@"\n`);
    chmodSync(join(binDir, 'kernel-secrets'), 0o755);
    const { wd, env } = pythonRepo(['kernel-secrets-system', 'kernel-secrets-commit-msg-system', 'kernel-secrets-pre-push-system'], {
      PATH: `${binDir}:${process.env['PATH'] ?? ''}`,
    });
    const token = randomToken();
    wd.write('.env', `KERNEL_TOKEN=${token}\n`);
    wd.gitOk(['add', '.env']);
    const r = wd.git(['commit', '-m', 'env'], { env, timeoutMs: 300_000 });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('.env:1:');
    expectNoSecret(r.output, token);
  }, 300_000);
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares minimum_pre_commit_version 3.2.0 (the stage names) on every hook, and each stage once', () => {
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      stages: string[];
      minimum_pre_commit_version: string;
      language: string;
    }[];
    expect(hooks.map((h) => h.id).sort()).toEqual(
      [
        'kernel-secrets',
        'kernel-secrets-commit-msg',
        'kernel-secrets-commit-msg-system',
        'kernel-secrets-pre-push',
        'kernel-secrets-pre-push-system',
        'kernel-secrets-system',
      ].sort(),
    );
    for (const h of hooks) expect(h.minimum_pre_commit_version, h.id).toBe('3.2.0');
    expect(hooks.flatMap((h) => h.stages).sort()).toEqual(
      ['commit-msg', 'commit-msg', 'pre-commit', 'pre-commit', 'pre-merge-commit', 'pre-merge-commit', 'pre-push', 'pre-push'].sort(),
    );
  });

  it('the committed root bin runs on its own and reports the CLI’s version', () => {
    const dir = scratch.dir('ks-bin-alone-');
    mkdirSync(join(dir, 'bin'));
    for (const file of ['kernel-secrets.mjs', 'kernel-secrets-regex-check.cjs'])
      copyFileSync(join(REPO_ROOT, 'bin', file), join(dir, 'bin', file));
    const cli = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
    expect(sh(process.execPath, [join(dir, 'bin/kernel-secrets.mjs'), '--version'], dir).trim()).toBe(`kernel-secrets ${cli.version}`);
  });
});

describe('kernel-secrets init without package.json', () => {
  it('points to the pre-commit framework, not npm init', () => {
    const wd = scratch.plainRepo();
    const r = wd.cli(['init']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('use the pre-commit framework');
    expect(r.stderr).toContain('rev: v');
    expect(r.stderr).not.toContain('npm init');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
