/**
 * Refuses user-declared patterns that could make a scan super-linear. Uses scslre (the
 * analysis behind eslint-plugin-regexp's no-super-linear-backtracking), loaded only when a
 * config declares formats, so ordinary runs do not pay for it.
 */
import { createRequire } from 'node:module';

type Analyse = (
  literal: { source: string; flags: string },
  options?: { maxReports?: number; assumeRejectingSuffix?: boolean },
) => {
  reports: { type: string; exponential: boolean; character: { literal: string } }[];
};

let analyse: Analyse | undefined;

function analyser(): Analyse {
  analyse ??= (createRequire(import.meta.url)('scslre') as { analyse: Analyse }).analyse;
  return analyse;
}

/**
 * Returns why `source` is unsafe to run over large texts, or undefined when it is linear.
 * `flags` are the flags the scanner will use (always global).
 */
export function unsafePatternReason(source: string, flags: string): string | undefined {
  let reports;
  try {
    reports = analyser()(
      { source, flags },
      // The scanner searches (a moving start), so "Move" reports count; assume a rejecting suffix exists.
      { maxReports: 1, assumeRejectingSuffix: true },
    ).reports;
  } catch {
    // The analyser's message quotes the pattern, which may hold a token.
    return 'is not a valid regular expression';
  }
  const report = reports[0];
  if (!report) return undefined;
  const kind = report.exponential ? 'exponential' : 'polynomial';
  return (
    `risks ${kind} backtracking on input that repeats ${JSON.stringify(report.character.literal)}; ` +
    'use bounded quantifiers such as {20,64} and start the pattern with a literal prefix'
  );
}
