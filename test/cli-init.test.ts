/**
 * End to end: `kernel-secrets init` from the packed package sets a project up (hooks, husky
 * activation, ESLint with the plugin, .gitattributes, .gitignore), is idempotent, never
 * clobbers a user's hook lines, and `--dry-run` writes nothing. The default pre-commit hook is
 * the token scan alone; `--lint-staged` adds ESLint on staged files (tested with real lint-staged).
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, packedProject, randomToken, run, TempRepo, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();

const MANAGED_FILES = [
  'package.json',
  'eslint.config.mjs',
  '.husky/pre-commit',
  '.husky/pre-merge-commit',
  '.husky/pre-push',
  '.gitattributes',
  '.gitignore',
];

function snapshot(repo: TempRepo): Record<string, string> {
  return Object.fromEntries(MANAGED_FILES.filter((f) => repo.exists(f)).map((f) => [f, repo.read(f)]));
}

describe('kernel-secrets init', () => {
  it('writes the hooks and config, activates husky, and a second run changes nothing', () => {
    const repo = newRepo({ init: false });
    const r = repo.cli(['init', '--no-install']);
    expect(r.status, r.output).toBe(0);
    expect(repo.gitOk(['config', 'core.hooksPath'])).toBe('.husky/_');
    expect(repo.exists('.husky/_/pre-commit')).toBe(true);

    // The token scan alone: no lint-staged, no ESLint on the commit path.
    expect(
      repo
        .read('.husky/pre-commit')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual(['kernel-secrets scan --staged']);
    expect(repo.read('.husky/pre-merge-commit')).toContain('kernel-secrets scan --staged');
    expect(repo.read('.husky/pre-push')).toContain('kernel-secrets scan --pre-push "$@"');
    expect(repo.read('.gitattributes').split('\n')).toContain('.husky/* text eol=lf');
    expect(repo.read('.gitignore').split('\n')).toContain('.kernel-secrets/');
    const pkg = JSON.parse(repo.read('package.json')) as { scripts: Record<string, string>; 'lint-staged'?: unknown };
    expect(pkg.scripts['prepare']).toBe('husky');
    expect(pkg['lint-staged']).toBeUndefined();
    expect(repo.read('eslint.config.mjs')).toContain('kernelSecrets.configs.recommended');
    // Where the ESLint rules run instead, and the CI line to add.
    expect(r.stdout).toContain('run in your editor and in CI');
    expect(r.stdout.split('\n')).toContain('  npx eslint .');
    expect(r.stdout).toContain('kernel-secrets init --lint-staged');

    const before = snapshot(repo);
    const again = repo.cli(['init', '--no-install']);
    expect(again.status, again.output).toBe(0);
    expect(again.stdout).toContain('already set up; nothing to change');
    expect(snapshot(repo)).toEqual(before);
  });

  it('--dry-run shows the changes and writes nothing', () => {
    const repo = newRepo({ init: false });
    const before = snapshot(repo);
    const r = repo.cli(['init', '--dry-run']);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('nothing is written');
    expect(r.stdout).toContain('create .husky/pre-commit');
    expect(r.stdout).toContain('+ kernel-secrets scan --staged');
    expect(r.stdout).toContain('update package.json');
    expect(snapshot(repo)).toEqual(before);
    expect(repo.exists('.husky')).toBe(false);
    expect(repo.git(['config', 'core.hooksPath']).stdout.trim()).toBe('');
  });

  it('the ESLint rules the hook leaves out run with `npx eslint .`, the CI line init prints', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('src/api.js', `export const client = { headers: { authorization: 'Bearer ${token}' } };\n`);
    repo.write('src/log.js', 'export function call(headers) {\n  console.log(headers.authorization);\n}\n');
    const eslint = run(process.execPath, [repo.path('node_modules/eslint/bin/eslint.js'), '.'], { cwd: repo.root, env: repo.env });
    expect(eslint.status).toBe(1);
    expect(eslint.output).toContain('kernel-secrets/no-hardcoded-token');
    expect(eslint.output).toContain('kernel-secrets/no-auth-header-logging');
    expectNoSecret(eslint.output, token);
  });

  it('--lint-staged: ESLint on staged JS/TS first, then the scan as the final gate; --dry-run says so', () => {
    const repo = newRepo({ init: false });
    const dry = repo.cli(['init', '--no-install', '--lint-staged', '--dry-run']);
    expect(dry.stdout).toContain('+ lint-staged');
    const r = repo.cli(['init', '--no-install', '--lint-staged']);
    expect(r.status, r.output).toBe(0);
    const preCommit = repo.read('.husky/pre-commit').split('\n');
    const lintStaged = preCommit.indexOf('lint-staged');
    expect(lintStaged).toBeGreaterThan(-1);
    expect(preCommit.indexOf('kernel-secrets scan --staged')).toBeGreaterThan(lintStaged);
    const pkg = JSON.parse(repo.read('package.json')) as { 'lint-staged': Record<string, string> };
    expect(Object.values(pkg['lint-staged'])).toContain('eslint --max-warnings=0 --no-warn-ignored');
    expect(r.stdout).toContain('runs ESLint on staged JS/TS (lint-staged)');
  });

  it("keeps a user's existing hook lines and runs the scan before their final exit", () => {
    const repo = newRepo({ init: false });
    repo.write('.husky/pre-commit', 'npm run --silent typecheck-staged || true\nexit 0\n');
    repo.write(
      'package.json',
      JSON.stringify({ ...JSON.parse(repo.read('package.json')), 'lint-staged': { '*.css': 'stylelint --fix' } }, null, 4) + '\n',
    );
    expect(repo.cli(['init', '--no-install', '--lint-staged']).status).toBe(0);
    const hook = repo.read('.husky/pre-commit').split('\n');
    expect(hook[0]).toBe('npm run --silent typecheck-staged || true');
    expect(hook.indexOf('kernel-secrets scan --staged')).toBeGreaterThan(0);
    expect(hook.indexOf('kernel-secrets scan --staged')).toBeLessThan(hook.indexOf('exit 0'));
    const text = repo.read('package.json');
    expect(text).toMatch(/^ {4}"name"/m); // indentation kept
    const pkg = JSON.parse(text) as { 'lint-staged': Record<string, string> };
    expect(pkg['lint-staged']['*.css']).toBe('stylelint --fix');
    expect(Object.values(pkg['lint-staged'])).toContain('eslint --max-warnings=0 --no-warn-ignored');
    const before = snapshot(repo);
    expect(repo.cli(['init', '--no-install', '--lint-staged']).stdout).toContain('nothing to change');
    expect(snapshot(repo)).toEqual(before);
  });

  it('--lint-staged: real lint-staged runs ESLint with the plugin on staged JS before the scan', () => {
    const repo = newRepo({ lintStaged: true });
    const token = randomToken();
    repo.write(
      'src/api.js',
      `import { KernelClient } from '@asimov/kernel';\nexport const client = new KernelClient({ token: '${token}' });\n`,
    );
    repo.gitOk(['add', 'src/api.js']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'api client']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('kernel-secrets/no-hardcoded-token');
    expectNoSecret(r.output, token);
    expect(readFileSync(repo.path('src/api.js'), 'utf8')).toContain(token); // nothing lost
  });

  /**
   * A project that declares and has installed nothing yet, and a stand-in for the npm client
   * (the registry is not used in tests) that records its arguments and "installs" by linking
   * the packed node_modules, as a real install would leave them.
   */
  function freshProjectWithFakeNpm(): { repo: TempRepo; env: NodeJS.ProcessEnv } {
    const repo = newRepo({ init: false });
    rmSync(repo.path('node_modules'));
    writeFileSync(repo.path('package.json'), JSON.stringify({ name: 'fresh', private: true }, null, 2) + '\n');
    const bin = repo.path('.fake-bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'npm'),
      `#!/bin/sh\necho "$@" > "${repo.path('.npm-args')}"\nln -s "${join(packedProject(), 'node_modules')}" node_modules\n`,
    );
    chmodSync(join(bin, 'npm'), 0o755);
    return { repo, env: { PATH: `${bin}${delimiter}${process.env['PATH']}` } };
  }

  it('installs missing tools with the npm command it prints (no lint-staged), then sets up the hooks', () => {
    const { repo, env } = freshProjectWithFakeNpm();
    const r = repo.cli(['init'], { env });
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain(`$ npm install --save-dev husky eslint eslint-plugin-kernel-secrets kernel-secrets`);
    expect(repo.read('.npm-args').trim()).toBe(`install --save-dev husky eslint eslint-plugin-kernel-secrets kernel-secrets`);
    expect(repo.gitOk(['config', 'core.hooksPath'])).toBe('.husky/_');
    expect(repo.read('.husky/pre-commit')).toContain('kernel-secrets scan --staged');
  });

  it('--lint-staged also installs lint-staged, in a version for this Node', () => {
    const { repo, env } = freshProjectWithFakeNpm();
    const r = repo.cli(['init', '--lint-staged'], { env });
    expect(r.status, r.output).toBe(0);
    // lint-staged 17 needs Node 22.22.1: below it, its 16.x line.
    const [a = 0, b = 0, c = 0] = process.versions.node.split('.').map(Number);
    const lintStaged = a * 1e6 + b * 1e3 + c >= 22_022_001 ? 'lint-staged' : 'lint-staged@^16.2.0';
    expect(repo.read('.npm-args').trim()).toBe(`install --save-dev husky ${lintStaged} eslint eslint-plugin-kernel-secrets kernel-secrets`);
    expect(repo.read('.husky/pre-commit').split('\n')).toContain('lint-staged');
  });

  it('fails with one line outside a git repository', () => {
    const repo = newRepo({ init: false });
    const outside = repo.cli(['init', '--no-install'], { cwd: '/', env: { GIT_CEILING_DIRECTORIES: '/' } });
    expect(outside.status).toBe(2);
    expect(outside.stderr.trim().split('\n')).toHaveLength(1);
    expect(outside.stderr).toContain('git init');
  });
});
