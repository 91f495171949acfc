/**
 * Test code marks each expected report with ⟦…⟧ (no-auth-header-logging's unit and end-to-end
 * tests). `unmark` returns the code without the marks and the marked spans exactly as ESLint
 * reports locations: 1-based lines and columns, end column exclusive.
 */
export interface MarkedSpan {
  /** The marked source text. */
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function unmark(marked: string): { code: string; spans: MarkedSpan[] } {
  let code = '';
  let line = 1;
  let column = 1;
  const spans: MarkedSpan[] = [];
  let open: { start: number; line: number; column: number } | undefined;
  for (const ch of marked) {
    if (ch === '⟦') {
      if (open) throw new Error('test setup: nested ⟦');
      open = { start: code.length, line, column };
    } else if (ch === '⟧') {
      if (!open) throw new Error('test setup: ⟧ without ⟦');
      spans.push({ text: code.slice(open.start), line: open.line, column: open.column, endLine: line, endColumn: column });
      open = undefined;
    } else {
      code += ch;
      if (ch === '\n') {
        line++;
        column = 1;
      } else {
        // ESLint columns count UTF-16 code units.
        column += ch.length;
      }
    }
  }
  if (open) throw new Error('test setup: ⟦ without ⟧');
  return { code, spans };
}
