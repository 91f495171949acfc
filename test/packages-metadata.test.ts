/**
 * The packages as published: metadata, one GitHub location everywhere (package.json, rule docs
 * URLs, SARIF helpUri, pre-commit and Action docs), no source maps without sources in the
 * tarballs as installed, caret ranges for shared dependencies, a $schema URL that works under
 * any package manager, and a CHANGELOG section per version (the tag `rev:` names).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packedProject } from './support/git-repo.js';
import { REPO_ROOT } from './support/packed-project.js';

const REPO = 'https://github.com/asimov/kernel-secrets';
const read = (rel: string) => readFileSync(join(REPO_ROOT, rel), 'utf8');
const json = (rel: string) => JSON.parse(read(rel)) as Record<string, any>;
const PACKAGES = { core: '@kernel-secrets/core', 'eslint-plugin': 'eslint-plugin-kernel-secrets', cli: 'kernel-secrets' };
/** Every published package: the three above and the logging helpers. */
const PUBLISHED = [...Object.keys(PACKAGES), 'redact'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('package metadata', () => {
  it.each(['package.json', ...PUBLISHED.map((p) => `packages/${p}/package.json`)])('%s: repository, homepage, bugs', (rel) => {
    const pkg = json(rel);
    expect(pkg['repository'].url).toBe(`git+${REPO}.git`);
    expect(pkg['homepage']).toMatch(new RegExp(`^${REPO}(/tree/main/packages/[\\w-]+)?#readme$`));
    expect(pkg['bugs'].url).toBe(`${REPO}/issues`);
    if (rel !== 'package.json') expect(pkg['repository'].directory).toBe(rel.replace('/package.json', ''));
  });

  it('one GitHub location in the docs, the rule docs URLs and SARIF helpUri', async () => {
    const { DOCS_BASE_URL } = (await import(
      join(packedProject(), 'node_modules/eslint-plugin-kernel-secrets/dist/util/create-rule.js')
    )) as {
      DOCS_BASE_URL: string;
    };
    expect(DOCS_BASE_URL).toBe(`${REPO}/blob/main/packages/eslint-plugin/docs/rules`);
    const { FINDINGS_DOCS_URL } = (await import(join(packedProject(), 'node_modules/kernel-secrets/dist/version.js'))) as {
      FINDINGS_DOCS_URL: string;
    };
    expect(FINDINGS_DOCS_URL).toBe(`${REPO}/blob/main/packages/cli/docs/findings.md`);
    const docs = [
      'README.md',
      'packages/cli/README.md',
      'packages/eslint-plugin/README.md',
      'packages/core/README.md',
      'packages/redact/README.md',
      '.pre-commit-hooks.yaml',
      'SECURITY.md',
    ];
    const owners = new Set(docs.flatMap((d) => [...read(d).matchAll(/github\.com\/([\w-]+)\/kernel-secrets/g)].map((m) => m[1])));
    expect([...owners]).toEqual(['asimov']);
    expect(read('README.md')).toContain('uses: asimov/kernel-secrets@v');
  });

  it('the tarballs hold no source map (their sources are not shipped)', () => {
    for (const name of Object.values(PACKAGES)) {
      const dist = join(packedProject(), 'node_modules', name, 'dist');
      expect(existsSync(dist), name).toBe(true);
      expect(
        files(dist).filter((f) => f.endsWith('.map')),
        name,
      ).toEqual([]);
    }
  });

  it('the kernel-secrets tarball holds the single-file bundle its bin runs (built by prepack, not committed)', () => {
    const bundle = join(packedProject(), 'node_modules/kernel-secrets/bundle');
    expect(readdirSync(bundle).sort()).toEqual(['kernel-secrets-regex-check.cjs', 'kernel-secrets.mjs']);
    // One module: the entry imports only node: built-ins (the pattern checker is required lazily, by a relative name).
    const entry = readFileSync(join(bundle, 'kernel-secrets.mjs'), 'utf8');
    // Static imports of the white-space-minified bundle: `import{a,b}from"node:fs";`, `import"x";`.
    const imports = [...entry.matchAll(/(?:^|[;\n])import\s*(?:[\w$*{},\s]{0,2000}?from\s*)?"([^"]+)"/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((spec) => !spec?.startsWith('node:'))).toEqual([]);
    // Built-ins that only some runs need are loaded when used (process.getBuiltinModule): the
    // live check's network modules, crypto (hashing happens only when there are findings) and
    // child_process (`scan --stdin` runs no git), worker_threads (only a large scan on many cores starts one).
    const lazy = ['node:http', 'node:https', 'node:net', 'node:tls', 'node:crypto', 'node:child_process', 'node:worker_threads'];
    expect(imports.filter((spec) => lazy.includes(spec!))).toEqual([]);
    expect(readFileSync(join(packedProject(), 'node_modules/kernel-secrets/bin/kernel-secrets.js'), 'utf8')).toContain(
      '../bundle/kernel-secrets.mjs',
    );
    expect(existsSync(join(REPO_ROOT, 'packages/cli/bundle')), 'postpack removes the bundle from the checkout').toBe(false);
  });

  it("the package bin keeps V8's compile cache in the user's cache folder where Node has one (22.8+), and writes nothing on Node 20", () => {
    const home = mkdtempSync(join(tmpdir(), 'ks-home-'));
    try {
      const env = { ...process.env, HOME: home, XDG_CACHE_HOME: '', NODE_COMPILE_CACHE: '', NODE_DISABLE_COMPILE_CACHE: '' };
      const r = spawnSync(process.execPath, [join(packedProject(), 'node_modules/kernel-secrets/bin/kernel-secrets.js'), '--version'], {
        env,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^kernel-secrets \d+\.\d+\.\d+/);
      const cache = join(home, '.cache', 'kernel-secrets', 'compile-cache');
      const hasApi = typeof (process.getBuiltinModule('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';
      if (hasApi) expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
      else expect(existsSync(join(home, '.cache'))).toBe(false);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('shared dependencies are caret ranges, so consumers get one copy', () => {
    expect(json('packages/eslint-plugin/package.json')['dependencies']['@typescript-eslint/utils']).toMatch(/^\^8\./);
  });

  it('the documented $schema is a URL at the release tag, of a file in this repository', () => {
    const version = json('packages/core/package.json')['version'] as string;
    const url = /"\$schema": "([^"]+)"/.exec(read('README.md'))![1]!;
    const prefix = `https://raw.githubusercontent.com/asimov/kernel-secrets/v${version}/`;
    expect(url.startsWith(prefix), url).toBe(true);
    expect(existsSync(join(REPO_ROOT, url.slice(prefix.length)))).toBe(true);
  });

  it('CHANGELOG has a section and a tag link for the current version; the docs name that tag', () => {
    const version = json('packages/cli/package.json')['version'] as string;
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain(`\n## [${version}]`);
    expect(changelog).toContain(`\n[${version}]: ${REPO}/releases/tag/v${version}\n`);
    for (const doc of ['README.md', 'packages/cli/README.md', '.pre-commit-hooks.yaml'])
      for (const [, named] of read(doc).matchAll(/(?:rev: v|kernel-secrets@v?|kernel-secrets\/v)(\d+\.\d+\.\d+)/g))
        expect(named, doc).toBe(version);
  });
});
