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

/** Every chain of two or more joined literals in [from, to) spelling at least `minLength` characters. */
export function joinedLiterals(text: string, from: number, to: number, minLength: number): JoinedLiteral[] {
  const out: JoinedLiteral[] = [];
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
    for (let open = nextPiece(text, end, to); open !== -1 && pieces < MAX_PIECES; open = nextPiece(text, end, to)) {
      const next = pieceEnd(text, open, to);
      if (next === -1) break;
      value += text.slice(open + 1, next);
      end = next;
      pieces++;
    }
    if (pieces > 1 && value.length >= minLength) out.push({ start, end, firstEnd: close, value });
    // Past the chain's closing quote: it does not open another literal.
    i = end + 1;
  }
  return out;
}
