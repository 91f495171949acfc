/**
 * User text from a config (an ignorePaths pattern, a reason) shown in a report. It could hold a
 * pasted token, so long runs of token characters are shown as a preview, and control and
 * bidirectional characters are replaced.
 */
import { preview } from '@kernel-secrets/core';
import { terminalSafe } from '../scan/terminal-safe.js';

/** Runs of 16 or more token characters: bounded, linear (one character class, no nesting). */
const TOKEN_RUN = /[A-Za-z0-9+/=_.~-]{16,}/g;

export function safeUserText(text: string): string {
  const clipped = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return JSON.stringify(terminalSafe(clipped.replace(TOKEN_RUN, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? preview(run) : run))));
}
