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

/**
 * Code frames for the findings of one text. Each shown line is masked once (all its secret
 * spans in one pass) and reused by every finding on it, so a one-line file with thousands of
 * tokens costs work proportional to its size, not to findings × spans. `work` counts the span
 * visits, for tests.
 */
export class FrameBuilder {
  /** Spans touching each line, built on first use. */
  private byLine: Map<number, { start: number; end: number }[]> | undefined;
  private readonly masked = new Map<number, string>();
  private readonly lastLine: number;
  work = 0;

  constructor(
    private readonly lines: LineIndex,
    private readonly spans: readonly Span[],
  ) {
    this.lastLine = lines.position(Number.MAX_SAFE_INTEGER).line;
  }

  private index(): Map<number, { start: number; end: number }[]> {
    if (this.byLine) return this.byLine;
    const byLine = new Map<number, { start: number; end: number }[]>();
    for (const s of this.spans) {
      const from = this.lines.position(s.offset);
      const to = this.lines.position(s.endOffset);
      for (let n = from.line; n <= to.line; n++) {
        this.work++;
        // Columns on line n: a continuation line is masked from its start.
        const start = n === from.line ? from.column - 1 : 0;
        const end = n === to.line ? to.column - 1 : Number.MAX_SAFE_INTEGER;
        let list = byLine.get(n);
        if (!list) byLine.set(n, (list = []));
        list.push({ start, end });
      }
    }
    this.byLine = byLine;
    return byLine;
  }

  /** Line n with every secret on it masked (the engine's mask: a preview's worth of a span's start is kept). */
  private maskedLine(n: number): string {
    const cached = this.masked.get(n);
    if (cached !== undefined) return cached;
    const text = this.lines.lineText(n);
    const spans = (this.index().get(n) ?? []).slice().sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const s of spans) {
      this.work++;
      const end = Math.min(s.end, text.length);
      if (end <= at) continue;
      const start = Math.max(s.start, at);
      out += text.slice(at, start);
      // Only the span's own first characters may show (and only when it starts here).
      out += s.start >= at ? maskSpan(text.slice(start, end), 0, end - start) : '*'.repeat(end - start);
      at = end;
    }
    out += text.slice(at);
    this.masked.set(n, out);
    return out;
  }

  frame(at: Span): FrameLine[] {
    const from = this.lines.position(at.offset);
    const to = this.lines.position(Math.max(at.offset, at.endOffset - 1));
    const frame: FrameLine[] = [];
    const first = Math.max(1, from.line - CONTEXT_LINES);
    for (let n = first; n <= Math.min(this.lastLine, to.line + CONTEXT_LINES); n++) {
      const focus = n === from.line ? from.column - 1 : 0;
      const shown = window(this.maskedLine(n), focus);
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
}
