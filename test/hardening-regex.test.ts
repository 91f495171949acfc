/**
 * Regex safety beyond the engine's detector catalogue (which packages/core/test/regex-safety.test.ts
 * covers): every pattern a hostile file, path, config or git message can reach must run in
 * linear time, so no input can stall a commit or a CI scan.
 *
 * - Static: every regex literal of the CLI and the ESLint plugin, and of core's allow-directive,
 *   ignore-path and bytes-to-text modules, has no super-linear backtracking (scslre, the analysis behind
 *   eslint-plugin-regexp's no-super-linear-backtracking; it accounts for the moving start of a
 *   search, which is what makes `\s*x` quadratic on a run of spaces).
 * - Dynamic, by counted regex work (test/support/regex-work.ts: searches and characters covered,
 *   no clock), which must grow linearly with the input, and static analysis of every pattern that
 *   ran: the allow-directive matchers on 1 MB lines; `ignorePaths` matchers on a deep path, each
 *   in a child process with a timeout (the path filter compiles globs to regexes at run time);
 *   the CLI's one-line error formatting on a hostile config.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allowsNextLine, allowsOwnLine } from '@kernel-secrets/core';
import { packedProject } from './support/git-repo.js';
import { REPO_ROOT } from './support/packed-project.js';
import { regexInventory } from './support/hardening/regex-literals.js';
import { Scratch } from './support/hardening/workdir.js';
import { childRegexWork, countRegexWork, linearGrowth, REGEX_WORK_HOOK, superLinear, type RegexWork } from './support/regex-work.js';

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
  // Bytes → text: every committed file's bytes reach it (office parts, SQLite cells, runs).
  'packages/core/src/text',
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

describe('dynamic: allow-directive matchers on 1 MB lines', () => {
  const MB = 1024 * 1024;
  const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const hostile: Record<string, string> = {
    'repeated directive prefix': 'kernel-secrets-allow-',
    'repeated next-line prefix, never complete': 'kernel-secrets-allow-next-lin',
    'directive glued to word characters': 'kernel-secrets-allowx',
    'almost a directive': 'kernel-secrets-allo',
  };

  it.each(Object.keys(hostile))('%s', (name) => {
    const work = (size: number) => {
      const line = fill(hostile[name]!, size);
      return countRegexWork(() => (allowsOwnLine(line), allowsNextLine(line)));
    };
    const small = work(MB / 4);
    const large = work(MB);
    // (A keyword prefilter may answer without any regex: zero work is linear too.)
    expect(linearGrowth(small, large, 4)).toBeUndefined();
    expect(superLinear(large.patterns)).toEqual([]);
  });
});

/**
 * Runs the installed engine's path filter on `path` in a child process (a catastrophic glob
 * would otherwise block this worker for good), counting the regex work of `pattern` and of the
 * plain `dist/` on the same path. A pattern the config refuses (ConfigError) is an acceptable
 * answer too.
 */
function ignorePatternWork(pattern: string, path: string): { refused?: string; killed?: boolean; work?: RegexWork; base?: RegexWork } {
  const script = `
    import { createPathFilter, resolveConfig } from '@kernel-secrets/core';
    const { instrumentRegExp } = await import(process.argv[2]);
    const [pattern, path] = JSON.parse(process.argv[1]);
    let patterns;
    try { patterns = resolveConfig({ ignorePaths: [pattern] }).ignorePaths; }
    catch (err) { console.log(JSON.stringify({ refused: err.message })); process.exit(0); }
    const work = (list) => {
      const filter = createPathFilter(list); // fresh: the filter caches answers per path
      const { counter, restore } = instrumentRegExp();
      filter.ignores(path);
      restore();
      return { calls: counter.calls, chars: counter.chars, patterns: [...counter.patterns] };
    };
    console.log(JSON.stringify({ base: work(['dist/']), work: work(patterns) }));
  `;
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify([pattern, path]), pathToFileURL(REGEX_WORK_HOOK).href],
    {
      cwd: packedProject(),
      encoding: 'utf8',
      timeout: 15_000,
    },
  );
  if (r.signal) return { killed: true };
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { refused?: string; work: RegexWork; base: RegexWork };
}

describe('dynamic: ignorePaths matchers on a deep path (3.4 KB, under PATH_MAX)', () => {
  // 240 nested directories: a path a hostile commit can hold, and git, the index and Linux accept.
  // The filter tests the path and each parent directory once (as .gitignore semantics ask), each
  // test a linear search of that prefix: the bound is twice the sum of the prefixes' lengths
  // (quadratic in depth, and bounded by PATH_MAX); a super-linear glob is orders of magnitude above.
  const deep = `packages/${'test/fixtures/'.repeat(240)}x.txt`;
  const prefixes = [...deep.matchAll(/\//g)].reduce((sum, m) => sum + m.index + 1, deep.length);
  it.each(['**/fixtures/**', 'docs/**/*.md', 'packages/*/dist/', 'packages/**/fixtures/**/*.json'])('%s', (pattern) => {
    const t = ignorePatternWork(pattern, deep);
    if (t.killed) expect.fail(`matching one path against ${pattern} did not finish in 15 s`);
    if (t.refused !== undefined) {
      expect(t.refused).toMatch(/ignorePaths\[0\]/);
      return;
    }
    expect(t.base!.calls, 'the counter saw the filter').toBeGreaterThan(0);
    expect(t.work!.chars, `regex work on a ${deep.length}-character path`).toBeLessThanOrEqual(2 * prefixes);
    expect(superLinear(t.work!.patterns)).toEqual([]);
  });
});

describe('dynamic: the CLI turns errors into one line in linear time', () => {
  it('a config key of 100k spaces is refused with linear regex work', () => {
    const refuse = (key: string) => {
      const wd = scratch.plainRepo();
      wd.write('kernel-secrets.config.json', JSON.stringify({ [key]: true }));
      const { result: r, work } = childRegexWork(wd.root, (env) => wd.cli(['scan', '.'], { timeoutMs: 120_000, env }));
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      return work;
    };
    const letters = refuse(`x${'a'.repeat(100_000)}y`);
    const small = refuse(`x${' '.repeat(25_000)}y`);
    const large = refuse(`x${' '.repeat(100_000)}y`);
    expect(large.chars, 'the hook counted the CLI').toBeGreaterThan(100_000);
    expect(linearGrowth(small, large, 4)).toBeUndefined();
    // Spaces cost the same order as letters, not a search from every space.
    expect(linearGrowth(letters, large, 1, 3)).toBeUndefined();
  }, 300_000);
});
