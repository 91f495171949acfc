/**
 * Regex safety beyond the engine's detector catalogue (which packages/core/test/regex-safety.test.ts
 * covers): every pattern a hostile file, path, config or git message can reach must run in
 * linear time, so no input can stall a commit or a CI scan.
 *
 * - Static: every regex literal of the CLI and the ESLint plugin, and of core's allow-directive
 *   and ignore-path modules, has no super-linear backtracking (scslre, the analysis behind
 *   eslint-plugin-regexp's no-super-linear-backtracking; it accounts for the moving start of a
 *   search, which is what makes `\s*x` quadratic on a run of spaces).
 * - Dynamic, each against a linear baseline measured in the same test (a ratio, never a duration):
 *   the allow-directive matchers on 1 MB lines; `ignorePaths` matchers on a deep path, each in
 *   a child process with a timeout (the path filter compiles globs to regexes at run time);
 *   the CLI's one-line error formatting on a hostile config.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { allowsNextLine, allowsOwnLine } from '@kernel-secrets/core';
import { packedProject } from './support/git-repo.js';
import { REPO_ROOT } from './support/packed-project.js';
import { regexInventory } from './support/hardening/regex-literals.js';
import { Scratch } from './support/hardening/workdir.js';

const { analyse } = createRequire(import.meta.url)('scslre') as {
  analyse: (literal: { source: string; flags: string }, options?: object) => { reports: { type: string; exponential: boolean }[] };
};

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

const CHECKED = [
  'packages/cli/src',
  'packages/eslint-plugin/src',
  'packages/core/src/engine/allow.ts',
  'packages/core/src/engine/path-filter.ts',
];
const inventory = regexInventory(
  CHECKED.map((p) => join(REPO_ROOT, p)),
  REPO_ROOT,
);

describe('static: no super-linear backtracking', () => {
  it('finds the literals it is meant to check', () => {
    expect(inventory.literals.length).toBeGreaterThan(20);
    expect(inventory.literals.some((l) => l.where.startsWith('packages/core/src/engine/allow.ts'))).toBe(true);
  });

  it.each(inventory.literals.map((l) => [`${l.where} /${l.source}/${l.flags}`, l] as const))('%s', (_name, literal) => {
    const reports = analyse({ source: literal.source, flags: literal.flags }).reports;
    expect(reports.map((r) => `${r.exponential ? 'exponential' : 'polynomial'} (${r.type})`)).toEqual([]);
  });
});

function fastest(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('dynamic: allow-directive matchers on 1 MB lines', () => {
  const MB = 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const ordinary = fill('const headers = { "Content-Type": "application/json" }; // ok ');
  const hostile: Record<string, string> = {
    'repeated directive prefix': fill('kernel-secrets-allow-'),
    'repeated next-line prefix, never complete': fill('kernel-secrets-allow-next-lin'),
    'directive glued to word characters': fill('kernel-secrets-allowx'),
    'almost a directive': fill('kernel-secrets-allo'),
  };

  it.each(Object.keys(hostile))('%s', (name) => {
    const line = hostile[name]!;
    const base = Math.max(
      0.5,
      fastest(() => (allowsOwnLine(ordinary), allowsNextLine(ordinary))),
    );
    const took = fastest(() => (allowsOwnLine(line), allowsNextLine(line)));
    expect(took / base, `${took.toFixed(1)} ms vs ${base.toFixed(1)} ms`).toBeLessThan(50);
  });
});

/**
 * Times the installed engine's path filter in a child process (a catastrophic glob would
 * otherwise block this worker for good): `pattern` vs the plain `dist/` on the same deep path.
 * A pattern the config refuses (ConfigError) is an acceptable answer too.
 */
function timeIgnorePattern(pattern: string, path: string): { refused?: string; ms?: number; baseMs?: number; killed?: boolean } {
  const script = `
    import { createPathFilter, resolveConfig } from '@kernel-secrets/core';
    const [pattern, path] = JSON.parse(process.argv[1]);
    let patterns;
    try { patterns = resolveConfig({ ignorePaths: [pattern] }).ignorePaths; }
    catch (err) { console.log(JSON.stringify({ refused: err.message })); process.exit(0); }
    const time = (list) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const filter = createPathFilter(list); // fresh: the filter caches answers per path
        filter.ignores('warm/up.txt');
        const t = performance.now();
        filter.ignores(path);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    console.log(JSON.stringify({ baseMs: time(['dist/']), ms: time(patterns) }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([pattern, path])], {
    cwd: packedProject(),
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (r.signal) return { killed: true };
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { refused?: string; ms: number; baseMs: number };
}

describe('dynamic: ignorePaths matchers on a deep path (3.4 KB, under PATH_MAX)', () => {
  // 240 nested directories: a path a hostile commit can hold, and git, the index and Linux accept.
  const deep = `packages/${'test/fixtures/'.repeat(240)}x.txt`;
  it.each(['**/fixtures/**', 'docs/**/*.md', 'packages/*/dist/', 'packages/**/fixtures/**/*.json'])('%s', (pattern) => {
    const t = timeIgnorePattern(pattern, deep);
    if (t.killed) expect.fail(`matching one path against ${pattern} did not finish in 15 s`);
    if (t.refused !== undefined) {
      expect(t.refused).toMatch(/ignorePaths\[0\]/);
      return;
    }
    const base = Math.max(0.5, t.baseMs!);
    expect(t.ms! / base, `${t.ms!.toFixed(1)} ms vs ${t.baseMs!.toFixed(1)} ms for dist/`).toBeLessThan(30);
  });
});

describe('dynamic: the CLI turns errors into one line in linear time', () => {
  it('a config key of 100k spaces is refused as fast as one of 100k letters', () => {
    const run = (key: string, times: number) => {
      const wd = scratch.plainRepo();
      wd.write('kernel-secrets.config.json', JSON.stringify({ [key]: true }));
      const runs = Array.from({ length: times }, () => wd.cli(['scan', '.'], { timeoutMs: 120_000 }));
      return runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
    };
    const letters = run(`x${'a'.repeat(100_000)}y`, 2);
    const spaces = run(`x${' '.repeat(100_000)}y`, 1);
    for (const r of [letters, spaces]) {
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(spaces.ms / letters.ms, `${Math.round(spaces.ms)} ms vs ${Math.round(letters.ms)} ms`).toBeLessThan(3);
  }, 300_000);
});
