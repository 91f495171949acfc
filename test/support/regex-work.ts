/**
 * Deterministic work counts for the linear-time tests: no clock, so no flaky ratios.
 *
 * Every regex search in JavaScript goes through `RegExp.prototype.exec` (String#match, replace,
 * split, matchAll and RegExp#test all call it by the spec's RegExpExec once it is replaced), so
 * wrapping it sees every search: how many there were, how many characters each one covered
 * (from where it started to the end of its match, or to the end of the text when a search
 * fails; a failed sticky attempt covers one position), and which patterns ran. Linear code
 * does work proportional to its input: the tests compare the work on an input with the work on
 * one four times larger, and run the static super-linearity analysis on every pattern that ran
 * (which also covers patterns compiled at run time, e.g. from a glob or a config).
 *
 * In this process: `countRegexWork(fn)`. In a child process: `REGEX_WORK_HOOK` (below).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { instrumentRegExp } from './regex-work-hook.mjs';

export interface RegexWork {
  /** Regex searches made. */
  calls: number;
  /** Characters those searches covered. */
  chars: number;
  /** Every distinct pattern that ran, as `/source/flags`. */
  patterns: string[];
}

/**
 * `node --import <REGEX_WORK_HOOK>` counts the same way in a child process (every thread) and,
 * at exit, appends one JSON line per thread to the file named by `REGEX_WORK_OUT`.
 */
export const REGEX_WORK_HOOK = fileURLToPath(new URL('./regex-work-hook.mjs', import.meta.url));

/** The regex work `fn` does in this process. */
export function countRegexWork(fn: () => unknown): RegexWork {
  const { counter, restore } = instrumentRegExp();
  try {
    fn();
  } finally {
    restore();
  }
  return { calls: counter.calls, chars: counter.chars, patterns: [...counter.patterns] };
}

/** Sums the per-thread lines the hook wrote. */
export function sumWork(lines: string): RegexWork {
  const total = { calls: 0, chars: 0, patterns: new Set<string>() };
  for (const line of lines.split('\n').filter(Boolean)) {
    const w = JSON.parse(line) as RegexWork;
    total.calls += w.calls;
    total.chars += w.chars;
    for (const p of w.patterns) total.patterns.add(p);
  }
  return { calls: total.calls, chars: total.chars, patterns: [...total.patterns] };
}

const { analyse } = createRequire(import.meta.url)('scslre') as {
  analyse: (literal: { source: string; flags: string }, options?: object) => { reports: { type: string; exponential: boolean }[] };
};

/** The patterns among `patterns` (as `/source/flags`) that static analysis finds super-linear, with why. */
export function superLinear(patterns: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    // `wasm:scan` is core's keyword module (regex-work-hook.mjs): a fixed linear loop, not a regex.
    if (!p.startsWith('/')) continue;
    const cut = p.lastIndexOf('/');
    const reports = analyse({ source: p.slice(1, cut), flags: p.slice(cut + 1) }).reports;
    if (reports.length > 0) out.push(`${p}: ${reports.map((r) => (r.exponential ? 'exponential' : 'polynomial')).join(', ')}`);
  }
  return out;
}

/**
 * Fails unless `large` (an input `factor` times the size of `small`) cost at most `slack` times
 * `factor` as much regex work: linear code scales by `factor`, quadratic by its square.
 */
export function linearGrowth(small: RegexWork, large: RegexWork, factor: number, slack = 1.5): string | undefined {
  for (const key of ['calls', 'chars'] as const) {
    const limit = Math.max(64, small[key]) * factor * slack;
    if (large[key] > limit)
      return `${key}: ${large[key]} on the ${factor}× input vs ${small[key]} (limit ${Math.round(limit)}): super-linear`;
  }
  return undefined;
}

/**
 * The regex work of the child processes `spawn` starts with the environment it is given
 * (NODE_OPTIONS preloading the hook, REGEX_WORK_OUT naming a file in `dir`), summed over threads.
 */
export function childRegexWork<T>(dir: string, spawn: (env: NodeJS.ProcessEnv) => T): { result: T; work: RegexWork } {
  const out = join(dir, `regex-work-${process.pid}-${++childRuns}.jsonl`);
  const result = spawn({ NODE_OPTIONS: `--import=${pathToFileURL(REGEX_WORK_HOOK).href}`, REGEX_WORK_OUT: out });
  const work = sumWork(existsSync(out) ? readFileSync(out, 'utf8') : '');
  rmSync(out, { force: true });
  return { result, work };
}
let childRuns = 0;
