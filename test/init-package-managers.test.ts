/**
 * `kernel-secrets init` with Yarn 1, Yarn 4 (Plug'n'Play and `nodeLinker: node-modules`) and
 * pnpm, for real: each manager (from the npm registry, through npm's cache) installs the packed
 * kernel-secrets packages into a fresh project, `init` installs husky and ESLint (not
 * lint-staged: the default hook is the token scan alone) with that manager and wires the hooks the way it runs
 * them; then a clean commit passes, a token commit is blocked, and a teammate who clones and
 * runs `<manager> install` gets working hooks too. `init --lint-staged` then installs a
 * lint-staged this Node supports (Yarn 1 refuses lint-staged 17 on Node 20) with no engine
 * complaint, ESLint blocks in the hook, and the CI line init prints runs as written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, testEnv } from './support/git-repo.js';
import { REPO_ROOT } from './support/packed-project.js';
import { Scratch } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

interface Case {
  name: string;
  /** Shim on PATH: the command and the JS file it runs. */
  bin: 'yarn' | 'pnpm';
  script: string;
  /** How to run a project bin. */
  exec: string[];
  files: (tarballs: Record<string, string>) => Record<string, string>;
  /** The script that must install the hooks for a teammate. */
  hookScript: 'prepare' | 'postinstall';
  /** The CI line init prints, in that manager's words. */
  ciEslint: string;
}

const tarballs: Record<string, string> = {};
let tools: string;
let home: string;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
}
function ok(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = run(cmd, args, cwd, env);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}) in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  tools = scratch.dir('ks-pm-tools-');
  // Yarn 1, Yarn 4 and pnpm from the npm registry, through npm's own cache.
  execFileSync(
    'npm',
    ['install', '--prefix', tools, '--no-audit', '--no-fund', '--prefer-offline', 'yarn@1', '@yarnpkg/cli-dist@4', 'pnpm@10'],
    {
      stdio: 'pipe',
    },
  );
  const packs = scratch.dir('ks-pm-packs-');
  for (const p of ['core', 'eslint-plugin', 'cli'])
    execFileSync('npm', ['pack', '--silent', '--pack-destination', packs], { cwd: join(REPO_ROOT, 'packages', p), stdio: 'pipe' });
  for (const f of readdirSync(packs)) {
    const name = f.startsWith('kernel-secrets-core')
      ? '@kernel-secrets/core'
      : f.startsWith('eslint-plugin')
        ? 'eslint-plugin-kernel-secrets'
        : 'kernel-secrets';
    tarballs[name] = join(packs, f);
  }
  home = scratch.dir('ks-pm-home-');
}, 300_000);

function pkgJson(extra: Record<string, unknown>): string {
  return (
    JSON.stringify(
      {
        name: 'teammate-app',
        private: true,
        type: 'module',
        devDependencies: {
          'kernel-secrets': `file:${tarballs['kernel-secrets']}`,
          'eslint-plugin-kernel-secrets': `file:${tarballs['eslint-plugin-kernel-secrets']}`,
        },
        ...extra,
      },
      null,
      2,
    ) + '\n'
  );
}

const yarnBerry = (linker: 'pnp' | 'node-modules'): Case => ({
  name: `Yarn 4, nodeLinker: ${linker}`,
  bin: 'yarn',
  script: 'node_modules/@yarnpkg/cli-dist/bin/yarn.js',
  exec: ['yarn'],
  hookScript: 'postinstall',
  ciEslint: 'yarn eslint .',
  files: (t) => ({
    'package.json': pkgJson({ packageManager: 'yarn@4.0.0', resolutions: { '@kernel-secrets/core': `file:${t['@kernel-secrets/core']}` } }),
    '.yarnrc.yml': `nodeLinker: ${linker}\nenableTelemetry: false\n`,
    '.gitignore': '.yarn/\nnode_modules/\n',
  }),
});

const CASES: Case[] = [
  {
    name: 'Yarn 1',
    bin: 'yarn',
    script: 'node_modules/yarn/bin/yarn.js',
    exec: ['yarn', '--silent'],
    hookScript: 'prepare',
    ciEslint: 'yarn eslint .',
    files: (t) => ({
      'package.json': pkgJson({ resolutions: { '@kernel-secrets/core': `file:${t['@kernel-secrets/core']}` } }),
      '.gitignore': 'node_modules/\n',
    }),
  },
  yarnBerry('pnp'),
  yarnBerry('node-modules'),
  {
    name: 'pnpm',
    bin: 'pnpm',
    script: 'node_modules/pnpm/bin/pnpm.cjs',
    exec: ['pnpm', 'exec'],
    hookScript: 'prepare',
    ciEslint: 'pnpm exec eslint .',
    files: (t) => ({
      'package.json': pkgJson({ pnpm: { overrides: { '@kernel-secrets/core': `file:${t['@kernel-secrets/core']}` } } }),
      '.gitignore': 'node_modules/\n',
    }),
  },
];

/** What Yarn 1 (an error), pnpm and npm (warnings) print for a package whose `engines` excludes this Node. */
const ENGINE_COMPLAINT = /engine "node" is incompatible|Unsupported engine|EBADENGINE/i;

/** lint-staged 17 needs Node 22.22.1; init installs 16.x below it. */
const lintStagedMajorForThisNode = (() => {
  const [a = 0, b = 0, c = 0] = process.versions.node.split('.').map(Number);
  return a * 1e6 + b * 1e3 + c >= 22_022_001 ? undefined : 16;
})();

describe.each(CASES)('init with $name', (c) => {
  let env: NodeJS.ProcessEnv;
  let repo: string;

  beforeAll(() => {
    const binDir = scratch.dir('ks-pm-bin-');
    writeFileSync(join(binDir, c.bin), `#!/bin/sh\nexec "${process.execPath}" "${join(tools, c.script)}" "$@"\n`);
    chmodSync(join(binDir, c.bin), 0o755);
    env = testEnv({
      HOME: home,
      PATH: `${binDir}:${process.env['PATH'] ?? ''}`,
      COREPACK_ENABLE_STRICT: '0',
      YARN_ENABLE_TELEMETRY: '0',
      // CI runners set CI=true, and Yarn 2+ then refuses any install that writes a lockfile.
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    });
    repo = scratch.dir('ks-pm-repo-');
    ok('git', ['init', '--quiet', '-b', 'main'], repo, env);
    for (const [f, text] of Object.entries(c.files(tarballs))) writeFileSync(join(repo, f), text);
    ok(c.bin, ['install'], repo, env);
  }, 600_000);

  it('installs versions for this Node, wires the hook install script, and a token commit is blocked', () => {
    const r = run(c.exec[0]!, [...c.exec.slice(1), 'kernel-secrets', 'init'], repo, env);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(ENGINE_COMPLAINT);
    expect(r.stdout.split('\n')).toContain(`  ${c.ciEslint}`);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.scripts[c.hookScript]).toContain('husky');
    if (c.hookScript === 'postinstall') expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.devDependencies['lint-staged']).toBeUndefined();
    expect(ok('git', ['config', 'core.hooksPath'], repo, env).trim()).toBe('.husky/_');

    writeFileSync(join(repo, 'index.js'), 'export const answer = 42;\n');
    ok('git', ['add', '-A'], repo, env);
    const clean = run('git', ['commit', '-m', 'set up kernel-secrets'], repo, env);
    expect(clean.status, `${clean.stdout}\n${clean.stderr}`).toBe(0);

    const token = randomToken();
    writeFileSync(join(repo, 'settings.env'), `KERNEL_TOKEN=${token}\n`);
    ok('git', ['add', 'settings.env'], repo, env);
    const blocked = run('git', ['commit', '-m', 'settings'], repo, env);
    expect(blocked.status).not.toBe(0);
    expect(`${blocked.stdout}${blocked.stderr}`).toContain('settings.env:1:14');
    expectNoSecret(`${blocked.stdout}${blocked.stderr}`, token);
    ok('git', ['reset', '--quiet', 'settings.env'], repo, env);
  }, 600_000);

  it('a teammate who clones and installs gets working hooks', () => {
    const clone = scratch.dir('ks-pm-clone-');
    ok('git', ['clone', '--quiet', repo, clone], repo, env);
    expect(run('git', ['config', 'core.hooksPath'], clone, env).stdout.trim()).toBe('');
    ok(c.bin, ['install'], clone, env);
    expect(ok('git', ['config', 'core.hooksPath'], clone, env).trim()).toBe('.husky/_');
    const token = randomToken();
    writeFileSync(join(clone, 'app.ts'), `const kernelToken = "${token}";\n`);
    ok('git', ['add', 'app.ts'], clone, env);
    const blocked = run('git', ['commit', '-m', 'app'], clone, env);
    expect(blocked.status).not.toBe(0);
    expect(`${blocked.stdout}${blocked.stderr}`).toContain('app.ts:1:');
    expectNoSecret(`${blocked.stdout}${blocked.stderr}`, token);
  }, 600_000);

  it('init --lint-staged installs a lint-staged this Node runs (no engine complaint), and ESLint blocks in the hook and in CI', () => {
    const r = run(c.exec[0]!, [...c.exec.slice(1), 'kernel-secrets', 'init', '--lint-staged'], repo, env);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(ENGINE_COMPLAINT);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    rmSync(join(repo, 'settings.env'), { force: true }); // the first test's token, unstaged
    if (lintStagedMajorForThisNode) expect(pkg.devDependencies['lint-staged']).toMatch(new RegExp(`^\\^${lintStagedMajorForThisNode}\\.`));
    ok('git', ['add', '-A'], repo, env);
    const setup = run('git', ['commit', '-m', 'lint-staged'], repo, env);
    expect(setup.status, `${setup.stdout}\n${setup.stderr}`).toBe(0);

    writeFileSync(join(repo, 'client.js'), 'export function call(headers) {\n  console.log(headers.authorization);\n}\n');
    ok('git', ['add', 'client.js'], repo, env);
    const blocked = run('git', ['commit', '-m', 'client'], repo, env);
    expect(blocked.status).not.toBe(0);
    expect(`${blocked.stdout}${blocked.stderr}`).toContain('kernel-secrets/no-auth-header-logging');
    // The CI line init printed works as written with this manager.
    const [bin, ...args] = c.ciEslint.split(' ');
    const ci = run(bin!, args, repo, env);
    expect(ci.status, `${ci.stdout}\n${ci.stderr}`).toBe(1);
    expect(ci.stdout).toContain('kernel-secrets/no-auth-header-logging');
  }, 600_000);
});
