/**
 * Allow directives. `kernel-secrets-allow` (optionally `: reason`) silences findings on its own
 * line; `kernel-secrets-allow-next-line` silences the next line. A directive reaches that one
 * line and nothing else, in any comment syntax (`//`, `#`, `<!-- -->`, `--`, `;`).
 */

export const ALLOW_DIRECTIVE = 'kernel-secrets-allow';
export const ALLOW_NEXT_LINE_DIRECTIVE = 'kernel-secrets-allow-next-line';

const SAME_LINE = /kernel-secrets-allow(?![-\w])/;
const NEXT_LINE = /kernel-secrets-allow-next-line(?![-\w])/;

/** Whether a line carries a directive that covers that same line. */
export function allowsOwnLine(lineText: string): boolean {
  return lineText.includes(ALLOW_DIRECTIVE) && SAME_LINE.test(lineText);
}

/** Whether a line carries a directive that covers the line after it. */
export function allowsNextLine(lineText: string): boolean {
  return lineText.includes(ALLOW_NEXT_LINE_DIRECTIVE) && NEXT_LINE.test(lineText);
}

/** Whether a directive silences findings on 1-based `line`; `lineAt(n)` gives line n's text. */
export function isAllowedLine(lineAt: (line: number) => string, line: number): boolean {
  return allowsOwnLine(lineAt(line)) || (line > 1 && allowsNextLine(lineAt(line - 1)));
}
