/**
 * A few lines around a finding, for the pretty report. Every secret span the engine found in
 * the text (reported, allowed or outside the changed lines) is masked with the engine's
 * `maskSpan`, so a neighbouring line never shows a token; long lines are cut to a window
 * around the finding.
 */
import { maskSpan, type LineIndex } from '@kernel-secrets/core';
import type { FrameLine } from './report.js';
import { terminalSafe } from './terminal-safe.js';

export interface Span {
  offset: number;
  endOffset: number;
}

/** Lines shown before and after the finding. */
const CONTEXT_LINES = 1;
/** Widest line shown; longer lines (minified code, data) are cut around the finding. */
const MAX_WIDTH = 160;

function window(text: string, focus: number): { text: string; shift: number } {
  if (text.length <= MAX_WIDTH) return { text, shift: 0 };
  const start = Math.max(0, Math.min(focus - 40, text.length - MAX_WIDTH));
  const end = start + MAX_WIDTH;
  return { text: (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : ''), shift: start - (start > 0 ? 1 : 0) };
}

export function codeFrame(lines: LineIndex, at: Span, spans: readonly Span[]): FrameLine[] {
  const from = lines.position(at.offset);
  const to = lines.position(Math.max(at.offset, at.endOffset - 1));
  // Positions of every secret span, computed once.
  const located = spans.map((s) => ({ start: lines.position(s.offset), end: lines.position(s.endOffset) }));
  const frame: FrameLine[] = [];
  const lastLine = lines.position(Number.MAX_SAFE_INTEGER).line;
  const first = Math.max(1, from.line - CONTEXT_LINES);
  for (let n = first; n <= Math.min(lastLine, to.line + CONTEXT_LINES); n++) {
    let text = lines.lineText(n);
    for (const s of located) {
      if (s.start.line > n || s.end.line < n) continue;
      const end = s.end.line === n ? s.end.column - 1 : text.length;
      // The engine's mask keeps a preview's worth of the start; a span's continuation lines show nothing.
      text = s.start.line === n ? maskSpan(text, s.start.column - 1, end) : '*'.repeat(end) + text.slice(end);
    }
    const focus = n === from.line ? from.column - 1 : 0;
    const shown = window(text, focus);
    const line: FrameLine = { line: n, text: terminalSafe(shown.text) };
    if (n === from.line) {
      const markStart = from.column - 1 - shown.shift;
      const markEnd = from.line === to.line ? to.column - shown.shift : shown.text.length;
      line.mark = [Math.max(0, markStart), Math.max(markStart + 1, Math.min(markEnd, shown.text.length))];
    }
    frame.push(line);
  }
  return frame;
}
