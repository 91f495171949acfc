/**
 * String literals split into pieces and joined again: `'ab' + 'cd'` (JS, Java, Kotlin),
 * `"ab" "cd"` (implicit concatenation in Python and C), across line breaks inside a call or
 * with a trailing `+`. Each piece may be shorter than a token, so the token-run finder never
 * sees the whole value; this finds the chains so the binding of the first piece is judged for
 * the joined value. Hand-written and bounded (pieces, chain length, gaps), so linear.
 */
import { TOKEN_CHARS } from './char-runs.js';

/** A chain of joined literals: its span in the text and the value it spells. */
export interface JoinedLiteral {
  /** Offset of the first piece's first character (after its quote). */
  start: number;
  /** Offset after the last piece's last character (before its quote). */
  end: number;
  /** Where the first piece ends (the binding reads from the first piece). */
  firstEnd: number;
  value: string;
}

const MAX_PIECE = 256;
const MAX_PIECES = 16;
/** Spaces and line breaks between two pieces (a wrapped call indents the next line). */
const MAX_GAP = 80;

const QUOTE = /["']/g;

function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

/** End (offset of the closing quote) of a literal of token characters opening at `open`, or -1. */
function pieceEnd(text: string, open: number, to: number): number {
  const quote = text.charCodeAt(open);
  let i = open + 1;
  while (i < to && i - open <= MAX_PIECE && TOKEN_CHARS.at(text, i)) i++;
  return i > open + 1 && text.charCodeAt(i) === quote ? i : -1;
}

/** Offset of the next piece's opening quote after a closing quote at `close`, or -1. */
function nextPiece(text: string, close: number, to: number): number {
  let i = close + 1;
  let plus = false;
  while (i < to && i - close <= MAX_GAP) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 92) i++;
    else if (c === 43 && !plus) {
      plus = true;
      i++;
    } else break;
  }
  return i > close + 1 && i < to && isQuote(text.charCodeAt(i)) ? i : -1;
}

/** A chain of one or more literals, as the walk below finds them. */
export interface LiteralChain extends JoinedLiteral {
  pieces: number;
  /** Whether one of its pieces ends a line, followed only by what may join another. */
  open: boolean;
}

/** Whether the piece closing at `close` is followed only by spaces, one `+` or `\\` up to a line break or the end. */
function endsLine(text: string, close: number): boolean {
  let i = close + 1;
  let plus = false;
  for (; i < text.length && i - close <= MAX_GAP; i++) {
    const c = text.charCodeAt(i);
    if (c === 43 && !plus) plus = true;
    else if (c !== 32 && c !== 9 && c !== 92) break;
  }
  return i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/** Every chain of literals in [from, to), single pieces included, in order (`open` only with `trackOpen`). */
function* chains(text: string, from: number, to: number, trackOpen = false): Generator<LiteralChain> {
  let i = from;
  while (i < to) {
    // Jump to the next quote natively: most characters of code are not one.
    QUOTE.lastIndex = i;
    const q = QUOTE.exec(text);
    if (!q || q.index >= to) break;
    i = q.index;
    const close = pieceEnd(text, i, to);
    if (close === -1) {
      i++;
      continue;
    }
    const start = i + 1;
    let value = text.slice(start, close);
    let end = close;
    let pieces = 1;
    let open = trackOpen && endsLine(text, close);
    for (let at = nextPiece(text, end, to); at !== -1 && pieces < MAX_PIECES; at = nextPiece(text, end, to)) {
      const next = pieceEnd(text, at, to);
      if (next === -1) break;
      value += text.slice(at + 1, next);
      end = next;
      pieces++;
      open ||= trackOpen && endsLine(text, next);
    }
    yield { start, end, firstEnd: close, value, pieces, open };
    // Past the chain's closing quote: it does not open another literal.
    i = end + 1;
  }
}

/** Every chain of two or more joined literals in [from, to) spelling at least `minLength` characters. */
export function joinedLiterals(text: string, from: number, to: number, minLength: number): JoinedLiteral[] {
  const out: JoinedLiteral[] = [];
  for (const c of chains(text, from, to)) {
    if (c.pieces > 1 && c.value.length >= minLength) out.push({ start: c.start, end: c.end, firstEnd: c.firstEnd, value: c.value });
  }
  return out;
}

/**
 * Every chain of literals in `text`, single pieces included, each saying whether one of its
 * pieces ends a line, followed only by what may join another (spaces, one `+`, `\\`): such a
 * chain may go on in a line `text` does not hold. History's prefilter sees only a change's
 * added lines, glued together.
 */
export function literalChains(text: string): Generator<LiteralChain> {
  return chains(text, 0, text.length, true);
}
