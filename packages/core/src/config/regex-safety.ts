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
/** regexpp (scslre's own parser): the pattern's AST, to look for nested repeats. */
interface RegexNode {
  type: string;
  min?: number;
  max?: number;
  element?: RegexNode;
  elements?: RegexNode[];
  alternatives?: RegexNode[];
}

function hasVariableRepeat(node: RegexNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'Quantifier' && node.min !== node.max) return true;
  return [node.element, ...(node.elements ?? []), ...(node.alternatives ?? [])].some(hasVariableRepeat);
}

/**
 * A repeated group holding a variable-length repeat, even a bounded one
 * (`(?:[A-Za-z0-9]{1,8}){1,8}_pat`): the ways to split a run between the two multiply, and
 * backtracking tries them all on every start position. scslre does not report bounded cases.
 */
function nestedRepeat(source: string, flags: string): boolean {
  const { RegExpParser } = createRequire(import.meta.url)('@eslint-community/regexpp') as {
    RegExpParser: new () => { parsePattern(source: string, start?: number, end?: number, flags?: { unicode?: boolean }): RegexNode };
  };
  const walk = (node: RegexNode | undefined): boolean => {
    if (!node) return false;
    if (node.type === 'Quantifier' && (node.max ?? 0) > 1 && hasVariableRepeat(node.element)) return true;
    return [node.element, ...(node.elements ?? []), ...(node.alternatives ?? [])].some(walk);
  };
  return walk(new RegExpParser().parsePattern(source, 0, source.length, { unicode: flags.includes('u') }));
}

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
  if (!report) {
    try {
      if (nestedRepeat(source, flags))
        return 'repeats a group that itself repeats a variable number of times, which backtracks polynomially; write the token as one bounded run such as [A-Za-z0-9]{8,64}';
    } catch {
      return 'is not a valid regular expression';
    }
    return undefined;
  }
  const kind = report.exponential ? 'exponential' : 'polynomial';
  // The analyser gives the repeated character as a literal ({ source, flags }): one character or
  // class, so it cannot hold a token; longer classes are cut.
  const literal: unknown = report.character.literal;
  const repeatedSource = typeof literal === 'object' && literal !== null ? (literal as { source?: unknown }).source : literal;
  const repeated = typeof repeatedSource === 'string' ? repeatedSource : '';
  const shown = repeated.length > 24 ? `${repeated.slice(0, 24)}…` : repeated;
  return (
    `risks ${kind} backtracking on input that repeats '${shown}'; ` +
    'use bounded quantifiers such as {20,64} and start the pattern with a literal prefix'
  );
}
