/**
 * `scan --verify` in the pretty report: live tokens first, under "Revoke now", then each
 * finding's verdict under its location. Nothing here without --verify (no finding has a verdict).
 */
import { ROTATE_STEPS } from '@kernel-secrets/core';
import type { ReportedFinding } from '../scan/report.js';
import type { Liveness } from '../verify/liveness.js';
import { terminalSafe } from '../scan/terminal-safe.js';
import type { Palette } from './colour.js';
import { plural } from './counts.js';
import type { FormatOptions } from './options.js';

const VERDICT_WORDS: Record<Liveness['verdict'], string> = { live: 'LIVE', 'not-live': 'not live', unknown: 'unknown' };

/** The section that opens the report when a live token was found; empty otherwise. */
export function revokeNowSection(findings: readonly ReportedFinding[], c: Palette, o: FormatOptions): string[] {
  const live = findings.filter((f) => f.liveness?.verdict === 'live');
  if (live.length === 0) return [];
  const tokens = new Set(live.map((f) => f.fingerprint)).size;
  const out = [
    `${c.red(c.bold('Revoke now:'))} ${plural(tokens, 'live Kernel token')} (Kernel accepted ${tokens === 1 ? 'it' : 'them'}). ${ROTATE_STEPS}`,
  ];
  for (const f of live) out.push(`  ${terminalSafe(o.showPath(f.path))}:${f.line}:${f.column}  ${f.preview}  fingerprint ${f.fingerprint}`);
  return [...out, ''];
}

/** `  liveness LIVE (HTTP 200: Kernel accepted it, asked https://kernel.asimov.com)` under a finding. */
export function livenessLine(f: ReportedFinding, c: Palette): string[] {
  const l = f.liveness;
  if (!l) return [];
  const word = l.verdict === 'live' ? c.red(c.bold(VERDICT_WORDS.live)) : VERDICT_WORDS[l.verdict];
  return [`  ${c.dim('liveness')} ${word} (${terminalSafe(l.reason)}, asked ${terminalSafe(l.endpoint)})`];
}
