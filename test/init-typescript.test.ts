/**
 * `init` in TypeScript projects with an ESLint config of their own, with real ESLint 10 and
 * typescript-eslint: the plugin is wired into the existing flat config (an exported array,
 * `tseslint.config(...)`, `defineConfig([...])`, ESM or CommonJS) and a .ts file that logs an
 * Authorization header is then reported by `npx eslint .` (the CI line init prints) or, with
 * `init --lint-staged`, blocked in the hook; a config of another shape is left alone with the
 * exact lines to add; without the TypeScript parser installed init says plainly that .ts files
 * are not linted; minified files are not given to ESLint by lint-staged, vendored ones are ignored by the
 * config init writes (the scan still covers both).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from './support/git-repo.js';
import { REPO_ROOT } from './support/packed-project.js';
import { Scratch } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());
let modules: string;
const env = testEnv();

beforeAll(() => {
  // One install for the file: the packed packages and the repository's own ESLint, typescript-eslint,
  // husky and lint-staged versions (already in npm's cache from the repository's install).
  const dir = scratch.dir('ks-ts-install-');
  const packs = scratch.dir('ks-ts-packs-');
  for (const p of ['core', 'eslint-plugin', 'cli'])
    execFileSync('npm', ['pack', '--silent', '--pack-destination', packs], { cwd: join(REPO_ROOT, 'packages', p), stdio: 'pipe' });
  const dev = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies;
  writeFileSync(join(dir, 'package.json'), '{ "name": "ts-install", "private": true }\n');
  const specs = ['eslint', 'typescript-eslint', '@typescript-eslint/parser', 'typescript', 'husky', 'lint-staged'].map(
    (n) => `${n}@${dev[n]}`,
  );
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      ...readdirSync(packs).map((f) => join(packs, f)),
      ...specs,
    ],
    {
      cwd: dir,
      stdio: 'pipe',
    },
  );
  modules = join(dir, 'node_modules');
}, 300_000);

const DEPS = [
  'kernel-secrets',
  'eslint-plugin-kernel-secrets',
  'eslint',
  'typescript-eslint',
  '@typescript-eslint/parser',
  'typescript',
  'husky',
  'lint-staged',
];

function project(files: Record<string, string>, deps = DEPS): string {
  const dir = scratch.dir('ks-ts-app-');
  execFileSync('git', ['init', '--quiet'], { cwd: dir, env });
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  const all: Record<string, string> = {
    'package.json':
      JSON.stringify(
        { name: 'ts-app', private: true, type: 'module', devDependencies: Object.fromEntries(deps.map((d) => [d, '*'])) },
        null,
        2,
      ) + '\n',
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
    '.gitignore': 'node_modules\n',
    ...files,
  };
  for (const [f, text] of Object.entries(all)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

function cli(dir: string, args: string[]) {
  return spawnSync(process.execPath, [join(dir, 'node_modules/kernel-secrets/dist/cli.js'), ...args], { cwd: dir, env, encoding: 'utf8' });
}

const LOGS_HEADER = 'export function call(headers: Record<string, string>): void {\n  console.log(headers.authorization);\n}\n';

/**
 * init, a base commit through the hooks, then a .ts file that logs the Authorization header:
 * reported by `npx eslint .` (the CI line init prints; the default hook runs the token scan only).
 */
function expectWiredAndBlocking(dir: string, configFile: string) {
  const r = cli(dir, ['init', '--no-install']);
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const config = readFileSync(join(dir, configFile), 'utf8');
  expect(config).toContain('kernelSecrets.configs.recommended');
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  const base = spawnSync('git', ['commit', '-m', 'base'], { cwd: dir, env, encoding: 'utf8' });
  expect(base.status, base.stdout + base.stderr).toBe(0);
  writeFileSync(join(dir, 'src/api.ts'), LOGS_HEADER);
  const c = spawnSync(process.execPath, [join(dir, 'node_modules/eslint/bin/eslint.js'), '.'], { cwd: dir, env, encoding: 'utf8' });
  expect(c.status).toBe(1);
  expect(c.stdout + c.stderr).toContain('kernel-secrets/no-auth-header-logging');
  return config;
}

describe('init wires the plugin into an existing ESLint config', () => {
  it('ESM exported array with the TypeScript parser', () => {
    const dir = project({
      'src/index.ts': 'export const answer: number = 42;\n',
      'eslint.config.js':
        "import tsParser from '@typescript-eslint/parser';\n\nexport default [\n  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },\n];\n",
    });
    const config = expectWiredAndBlocking(dir, 'eslint.config.js');
    expect(config).toContain("import kernelSecrets from 'eslint-plugin-kernel-secrets';");
  }, 120_000);

  it('tseslint.config(...) (ESM, .mjs)', () => {
    const dir = project({
      'src/index.ts': 'export const answer: number = 42;\n',
      'eslint.config.mjs':
        "import tseslint from 'typescript-eslint';\n\nexport default tseslint.config(\n  ...tseslint.configs.recommended,\n);\n",
    });
    expectWiredAndBlocking(dir, 'eslint.config.mjs');
  }, 120_000);

  it('defineConfig([...]) from eslint/config', () => {
    const dir = project({
      'src/index.ts': 'export const answer: number = 42;\n',
      'eslint.config.mjs':
        "import { defineConfig } from 'eslint/config';\nimport tseslint from 'typescript-eslint';\n\nexport default defineConfig([\n  ...tseslint.configs.recommended,\n]);\n",
    });
    expectWiredAndBlocking(dir, 'eslint.config.mjs');
  }, 120_000);

  it('CommonJS module.exports array (.cjs)', () => {
    const dir = project({
      'src/index.ts': 'export const answer: number = 42;\n',
      'eslint.config.cjs':
        "const tsParser = require('@typescript-eslint/parser');\n\nmodule.exports = [\n  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },\n];\n",
    });
    const config = expectWiredAndBlocking(dir, 'eslint.config.cjs');
    expect(config).toContain("const kernelSecrets = require('eslint-plugin-kernel-secrets');");
  }, 120_000);

  it('another shape: left alone, with the exact lines in its module syntax', () => {
    const text = 'const config = [];\nmodule.exports = config;\n';
    const dir = project({ 'eslint.config.cjs': text });
    const r = cli(dir, ['init', '--no-install']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'eslint.config.cjs'), 'utf8')).toBe(text);
    expect(r.stdout).toContain("eslint.config.cjs: add `const kernelSecrets = require('eslint-plugin-kernel-secrets');`");
  });
});

describe('what is not covered is said plainly', () => {
  it('a TypeScript project without the parser (--no-install): .ts files are not linted, and init says so', () => {
    const dir = project(
      { 'src/index.ts': 'export const a = 1;\n' },
      DEPS.filter((d) => !d.includes('typescript-eslint')),
    );
    // The same install without typescript-eslint's packages.
    const own = join(dir, 'own_modules');
    mkdirSync(own);
    for (const e of readdirSync(modules))
      if (e !== '@typescript-eslint' && e !== 'typescript-eslint') symlinkSync(join(modules, e), join(own, e));
    rmSync(join(dir, 'node_modules'));
    symlinkSync(own, join(dir, 'node_modules'), 'dir');
    const r = cli(dir, ['init', '--no-install']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('not installed (--no-install): @typescript-eslint/parser');
    expect(r.stdout).toContain(
      'TypeScript files are not linted: @typescript-eslint/parser is not installed (the token scan still covers them)',
    );
  });

  it('--lint-staged: a staged .ts file is linted in the hook; minified and vendored files are not linted', () => {
    const dir = project({ 'src/index.ts': 'export const answer: number = 42;\n' });
    expect(cli(dir, ['init', '--no-install', '--lint-staged']).status).toBe(0);
    execFileSync('git', ['add', '-A'], { cwd: dir, env });
    execFileSync('git', ['commit', '--quiet', '-m', 'base'], { cwd: dir, env });
    writeFileSync(join(dir, 'app.min.js'), 'function f(h){console.log(h.authorization)}\n');
    // Vendored code: the lint-staged glob matches it, the ESLint config init wrote ignores it (--no-warn-ignored).
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'vendor/lib.js'), 'function f(h){console.log(h.authorization)}\n');
    execFileSync('git', ['add', 'app.min.js', 'vendor/lib.js'], { cwd: dir, env });
    const c = spawnSync('git', ['commit', '-m', 'bundle'], { cwd: dir, env, encoding: 'utf8' });
    expect(c.status, c.stdout + c.stderr).toBe(0);
    expect(c.stdout + c.stderr).not.toContain('no-auth-header-logging');
    writeFileSync(join(dir, 'src/api.ts'), LOGS_HEADER);
    execFileSync('git', ['add', 'src/api.ts'], { cwd: dir, env });
    const ts = spawnSync('git', ['commit', '-m', 'api'], { cwd: dir, env, encoding: 'utf8' });
    expect(ts.status).not.toBe(0);
    expect(ts.stdout + ts.stderr).toContain('kernel-secrets/no-auth-header-logging');
  });
});
