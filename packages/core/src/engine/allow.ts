/**
 * Allow directives. `kernel-secrets-allow` (optionally `: reason`) silences findings on its own
 * line; `kernel-secrets-allow-next-line` (optionally `: reason`) silences the next line. A
 * directive reaches that one line and nothing else, and counts only inside a comment of the
 * file's kind (`//` and `/* *\/` in code, `#` in shell, Python, YAML and .env files, `<!-- -->`
 * in Markdown and HTML, `--` in SQL, `;` in INI): the same words inside a string literal, a JSON
 * value or prose silence nothing. Files without comments (JSON, CSV) use allowedFingerprints or
 * the baseline instead.
 */

export const ALLOW_DIRECTIVE = 'kernel-secrets-allow';
export const ALLOW_NEXT_LINE_DIRECTIVE = 'kernel-secrets-allow-next-line';

/** How comments open in a kind of file. `line`: to the end of the line; `block`: opener and closer. */
interface CommentSyntax {
  line: readonly string[];
  block: readonly (readonly [string, string])[];
  /** `#`/`;` open a comment only at the start of a word (`a#b`, a URL fragment, are not comments). */
  wordStart: readonly string[];
  /** Quote characters of string literals, inside which nothing is a comment. */
  quotes: string;
}

const C_LIKE: CommentSyntax = { line: ['//'], block: [['/*', '*/']], wordStart: [], quotes: `"'\`` };
const HASH: CommentSyntax = { line: [], block: [], wordStart: ['#'], quotes: `"'` };
const MARKUP: CommentSyntax = { line: [], block: [['<!--', '-->']], wordStart: [], quotes: '' };
const SQL: CommentSyntax = { line: ['--'], block: [['/*', '*/']], wordStart: [], quotes: `'"` };
const INI: CommentSyntax = { line: [], block: [], wordStart: ['#', ';'], quotes: '' };
/** No comments at all: a directive there is data. */
const NONE: CommentSyntax = { line: [], block: [], wordStart: [], quotes: '' };
/** Unknown kinds (and texts without a path): every common syntax counts, strings excluded. */
const ANY: CommentSyntax = {
  line: ['//', '--'],
  block: [
    ['/*', '*/'],
    ['<!--', '-->'],
  ],
  wordStart: ['#', ';'],
  quotes: `"'\``,
};

/** Data: file extensions (or whole names) → comment syntax. */
const SYNTAX_BY_EXTENSION: Readonly<Record<string, CommentSyntax>> = {
  ...Object.fromEntries(
    'js jsx mjs cjs ts tsx mts cts c h cc cpp hpp java kt kts go rs swift cs scala dart php css scss less jsonc json5 groovy gradle proto'
      .split(' ')
      .map((e) => [e, C_LIKE]),
  ),
  ...Object.fromEntries(
    'py sh bash zsh fish rb pl pm r yaml yml toml env conf cfg properties tf hcl dockerfile makefile mk gitignore dockerignore ps1 nix cmake'
      .split(' ')
      .map((e) => [e, HASH]),
  ),
  ...Object.fromEntries('md markdown html htm xml svg xhtml vue'.split(' ').map((e) => [e, MARKUP])),
  ...Object.fromEntries('sql lua hs'.split(' ').map((e) => [e, SQL])),
  ini: INI,
  ...Object.fromEntries('json ipynb csv tsv lock map'.split(' ').map((e) => [e, NONE])),
};

function syntaxFor(path: string | undefined): CommentSyntax {
  if (!path) return ANY;
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.startsWith('.env') || name.endsWith('.env')) return HASH;
  const dot = name.lastIndexOf('.');
  const ext = dot === -1 ? name : name.slice(dot + 1);
  return SYNTAX_BY_EXTENSION[ext] ?? ANY;
}

/**
 * The comment spans of one line: [start, end) offsets. A line-level lexer: string literals
 * (with backslash escapes) are skipped, a block comment may stay open to the end of the line,
 * and a line that starts with `*` continues a C-style block comment. Linear in the line.
 */
function commentSpans(text: string, syntax: CommentSyntax): [number, number][] {
  const spans: [number, number][] = [];
  if (syntax.block.some(([open]) => open === '/*') && /^\s*\*/.test(text)) {
    const close = text.indexOf('*/');
    spans.push([0, close === -1 ? text.length : close]);
    if (close === -1) return spans;
  }
  // A quote opens a string only if the line closes it (an apostrophe in prose does not).
  const lastQuote = new Map([...syntax.quotes].map((q) => [q, text.lastIndexOf(q)]));
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if ((lastQuote.get(ch) ?? -1) > i) {
      quote = ch;
      continue;
    }
    if (syntax.line.some((o) => text.startsWith(o, i))) {
      spans.push([i, text.length]);
      return spans;
    }
    if (syntax.wordStart.includes(ch) && (i === 0 || /\s/.test(text[i - 1]!))) {
      spans.push([i, text.length]);
      return spans;
    }
    const block = syntax.block.find(([open]) => text.startsWith(open, i));
    if (block) {
      const close = text.indexOf(block[1], i + block[0].length);
      spans.push([i, close === -1 ? text.length : close]);
      if (close === -1) return spans;
      i = close + block[1].length - 1;
    }
  }
  return spans;
}

/** A directive word (not `kernel-secrets-allowed` or `-allow-foo`): linear, no nested quantifier. */
const DIRECTIVE = /kernel-secrets-allow(-next-line)?(?![-\w])/g;

/** Offsets of the directives on a line: same-line ones, or next-line ones when `nextLine`. */
function occurrences(text: string, nextLine: boolean): number[] {
  const out: number[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) if ((m[1] !== undefined) === nextLine) out.push(m.index);
  return out;
}

/** The reason after `directive:` up to the end of the comment; undefined when none is given. */
function reasonAt(text: string, at: number, end: number): string | undefined {
  const rest = text.slice(at, end).replace(/^kernel-secrets-allow(?:-next-line)?/, '');
  if (!rest.startsWith(':')) return undefined;
  let reason = rest.slice(1).trim();
  for (const closer of ['-->', '*/']) if (reason.endsWith(closer)) reason = reason.slice(0, -closer.length).trim();
  return reason.length > 0 ? reason : undefined;
}

/** A directive inside a comment of `line`'s text, with its reason; undefined when there is none. */
function directiveIn(text: string, nextLine: boolean, path: string | undefined): { reason: string | undefined } | undefined {
  if (!text.includes(ALLOW_DIRECTIVE)) return undefined;
  const found = occurrences(text, nextLine);
  if (found.length === 0) return undefined;
  const spans = commentSpans(text, syntaxFor(path));
  for (const at of found) {
    const span = spans.find(([s, e]) => at >= s && at < e);
    if (span) return { reason: reasonAt(text, at, span[1]) };
  }
  return undefined;
}

/** Whether a line carries, in a comment, a directive that covers that same line. */
export function allowsOwnLine(lineText: string, path?: string): boolean {
  return directiveIn(lineText, false, path) !== undefined;
}

/** Whether a line carries, in a comment, a directive that covers the line after it. */
export function allowsNextLine(lineText: string, path?: string): boolean {
  return directiveIn(lineText, true, path) !== undefined;
}

/**
 * The directive that silences findings on 1-based `line` (`lineAt(n)` gives line n's text;
 * `path` picks the comment syntax), with its reason (undefined when it gives none); undefined when no
 * directive covers the line.
 */
export function allowDirectiveFor(
  lineAt: (line: number) => string,
  line: number,
  path?: string,
): { reason: string | undefined } | undefined {
  return directiveIn(lineAt(line), false, path) ?? (line > 1 ? directiveIn(lineAt(line - 1), true, path) : undefined);
}

/** Whether a directive silences findings on 1-based `line`; `lineAt(n)` gives line n's text. */
export function isAllowedLine(lineAt: (line: number) => string, line: number, path?: string): boolean {
  return allowDirectiveFor(lineAt, line, path) !== undefined;
}
