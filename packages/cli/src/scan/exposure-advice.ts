/**
 * An exposure verdict as one line a user acts on: where the token is, whether HEAD still has
 * it, and the next step. Pushed comes first because it changes the order of work: a pushed
 * token must be rotated before anything else (rewriting history does not un-leak it); a
 * local one can still be rewritten away before anyone fetches it, and is rotated all the same
 * (SECURITY.md: treat a committed token as leaked).
 */
import type { Exposure } from './exposure.js';

type Facts = Omit<Exposure, 'nextStep'>;

/** Ref names shown in the line; the JSON and SARIF carry the full lists. */
const SHOWN = 2;

function names(list: readonly string[], extra = 0): string {
  const more = list.length - SHOWN + extra;
  return list.slice(0, SHOWN).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function where(e: Facts): string {
  const day = e.pushedSince ? ` (committed ${e.pushedSince.slice(0, 10)})` : '';
  switch (e.reach) {
    case 'pushed':
      return `pushed to ${names(e.remotes)}${day}`;
    case 'tagged':
      return `in tag ${names(e.tags)}${day}, which may have been pushed`;
    case 'local':
      return `not pushed (${e.branches.length > 0 ? `only on ${names(e.branches, e.omitted)}` : 'on no branch'})`;
  }
}

const AT_HEAD: Record<Exposure['atHead'], string> = {
  present: ', still at HEAD',
  removed: ', removed at HEAD but still in history',
  absent: ', not at HEAD',
  message: ', in a commit or tag message',
  unknown: '',
};

function steps(e: Facts): string {
  const present = e.atHead === 'present';
  if (e.pushed) return present ? 'rotate now, then remove it and clean history' : 'rotate now, then clean history';
  return present ? 'remove it, amend or rebase it away, then rotate' : 'amend or rebase it away, then rotate';
}

/** `pushed to origin/main (committed 2026-11-30), removed at HEAD but still in history: rotate now, then clean history` */
export function exposureAdvice(e: Facts): string {
  return `${where(e)}${AT_HEAD[e.atHead]}: ${steps(e)}`;
}
