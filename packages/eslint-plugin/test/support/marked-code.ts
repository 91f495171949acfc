/**
 * The plugin tests' one span-marker helper: test code marks each expected report with ⟦…⟧
 * (or another pair, e.g. « » where the code itself is full of brackets). `unmark` returns the
 * code without the marks and the marked spans exactly as ESLint reports locations: 1-based
 * lines and columns, end column exclusive.
 */
export interface MarkedSpan {
  /** The marked source text. */
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A pair of one-character marks: opening and closing. */
export type Marks = readonly [open: string, close: string];

export const BRACKET_MARKS: Marks = ['⟦', '⟧'];
export const GUILLEMET_MARKS: Marks = ['«', '»'];

export function unmark(marked: string, [openMark, closeMark]: Marks = BRACKET_MARKS): { code: string; spans: MarkedSpan[] } {
  let code = '';
  let line = 1;
  let column = 1;
  const spans: MarkedSpan[] = [];
  let open: { start: number; line: number; column: number } | undefined;
  for (const ch of marked) {
    if (ch === openMark) {
      if (open) throw new Error(`test setup: nested ${openMark}`);
      open = { start: code.length, line, column };
    } else if (ch === closeMark) {
      if (!open) throw new Error(`test setup: ${closeMark} without ${openMark}`);
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
  if (open) throw new Error(`test setup: ${openMark} without ${closeMark}`);
  return { code, spans };
}
