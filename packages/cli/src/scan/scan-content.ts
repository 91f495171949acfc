/**
 * One file's bytes through the engine. The whole text is always scanned, so a detector that
 * needs a keyword on a neighbouring, unchanged line still works; findings are then kept only
 * where they touch the lines being introduced (staged and history scans).
 *
 * The engine's own `onlyLines` option does that filtering too, but it drops the other hits
 * entirely, and the code frame must mask every secret on the lines it shows, including ones on
 * unchanged lines. So we scan once without `onlyLines` and filter here, with the same rule
 * (a finding is kept when it starts on, or spans, a changed line).
 */
import { allowDirectiveFor, decodeBytes, LineIndex, scanDecoded, type Scanner } from '@kernel-secrets/core';
import { terminalSafe } from './terminal-safe.js';
import { CliError } from '../errors.js';
import type { LineLookup } from '../git/line-ranges.js';
import { FrameBuilder } from './code-frame.js';
import { maskedName } from './masked-name.js';
import type { ReportedFinding } from './report.js';

/**
 * Larger files are not scanned: their text would not fit in one string. Files between
 * `thresholds.maxFileSize` and this are scanned anyway (and listed in the summary); above it
 * the scan fails closed, because passing them silently could let a token through.
 */
export const MAX_SCANNABLE_BYTES = 256 * 1024 * 1024;

export function tooLargeError(path: string, size: number): CliError {
  const mib = (size / 1024 / 1024).toFixed(0);
  return new CliError(
    `${path} is ${mib} MiB, more than kernel-secrets can scan (${MAX_SCANNABLE_BYTES / 1024 / 1024} MiB)`,
    'keep such files out of git (Git LFS) or list the path under ignorePaths in kernel-secrets.config.json',
  );
}

export interface ContentScan {
  /** The file's path as reports show it: a token in the path itself is masked. */
  path: string;
  findings: ReportedFinding[];
  suppressed: { directive: number; fingerprint: number };
  /** Findings on the lines being introduced that an allow directive silences, with the directive's reason. */
  directives: { finding: ReportedFinding; reason: string | undefined }[];
  /**
   * Whether the engine found nothing anywhere in the file or its path, on any line, silenced
   * or not: the same bytes at the same path give nothing whichever lines are new (history scans
   * skip such a blob when it comes back, scan/clean-blobs.ts).
   */
  clean: boolean;
}

export interface ContentLocation {
  path: string;
  commit?: string;
  /** Lines being introduced; undefined means every line counts (a file scanned as a whole). */
  changedLines?: LineLookup;
}

/** A scan that found nothing: also what a history scan counts for a blob it knows is clean. */
export function emptyContentScan(path: string): ContentScan {
  return { path, findings: [], suppressed: { directive: 0, fingerprint: 0 }, directives: [], clean: true };
}

/**
 * A lone CR ends a line for the engine but not for git: line numbers would not agree. Found with
 * `indexOf` (a native search) rather than a regex: history scans ask this of every blob they read,
 * and the regex visiting each character was 3% of a scan of axios's history.
 */
export function hasLoneCr(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

/**
 * A path is text too: a file named after a token (or a directory holding one) is a finding, and
 * the path every report shows has that token masked.
 */
function scanPath(scanner: Scanner, where: ContentLocation): { path: string; findings: ReportedFinding[] } {
  const raw = where.path;
  if (raw.startsWith('<')) return { path: raw, findings: [] };
  const { masked: path, findings: hits } = maskedName(scanner, raw);
  if (hits.length === 0) return { path: raw, findings: [] };
  const findings = hits.map((h) => ({
    ...h,
    message: `${h.message.replace(/:[^:]*$/, '')} in the file path: ${h.preview}`,
    path,
    ...(where.commit ? { commit: where.commit } : {}),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    frame: [{ line: 1, text: terminalSafe(path) }],
  }));
  return { path, findings };
}

export function scanContent(scanner: Scanner, bytes: Uint8Array, where0: ContentLocation): ContentScan {
  const named = scanPath(scanner, where0);
  const where = { ...where0, path: named.path };
  const decoded = decodeBytes(bytes);
  const { text, encoding } = decoded;
  // Only UTF-8 text has lines that match git's. For UTF-16 and binary (printable runs, one per
  // line) git's line numbers mean nothing here, so every finding in a changed file is reported.
  const changed = where.changedLines && encoding === 'utf8' && !hasLoneCr(text) ? where.changedLines : undefined;
  const touches = (f: { line: number; endLine: number }): boolean => {
    if (!changed) return true;
    for (let n = f.line; n <= f.endLine; n++) if (changed.has(n)) return true;
    return false;
  };
  const result = scanDecoded(scanner, decoded, { path: where.path });
  const out: ContentScan = {
    ...emptyContentScan(where.path),
    findings: [...named.findings],
    clean: named.findings.length === 0 && result.findings.length === 0 && result.suppressed.length === 0,
  };
  const allowed = result.suppressed.filter((s) => touches(s));
  for (const s of allowed) out.suppressed[s.suppressedBy]++;
  const kept = result.findings.filter(touches);
  const byDirective = where.changedLines ? allowed.filter((s) => s.suppressedBy === 'directive') : [];
  if (kept.length === 0 && byDirective.length === 0) return out;
  const lines = new LineIndex(text);
  const spans = [...result.findings, ...result.suppressed];
  const frames = new FrameBuilder(lines, spans);
  const reported = (f: (typeof spans)[number]): ReportedFinding => ({
    ...f,
    path: where.path,
    ...(where.commit ? { commit: where.commit } : {}),
    frame: frames.frame(f),
  });
  for (const f of kept) out.findings.push(reported(f));
  for (const s of byDirective) {
    const { suppressedBy: _by, ...f } = s;
    const reason = allowDirectiveFor((n) => lines.lineText(n), s.line, where.path)?.reason;
    out.directives.push({ finding: reported(f), reason });
  }
  return out;
}
