/**
 * "Is this random?" as a measure: the share of a value's letters and digits that are explained
 * by words and identifier pieces. `test-api-key-no-headers`, `DOWNSCOPED_CLIENT_ACCESS_TOKEN_0`,
 * `sk-synthetic-api-key-do-not-use-1234567890abcdef` and `/api/realtime/setup-b` are almost
 * wholly explained; a random token is almost wholly not, whatever its alphabet, because random
 * characters rarely spell a dictionary word of 3+ letters in one case style, and digits glued to
 * letters (every hex or base62 token has them) are explained only at a word's end.
 *
 * Explained characters:
 * - letters covered by words of the built-in list (catalogue/word-list.ts), found by a
 *   segmentation that splits compounds (`loopback` = loop + back, `realtime` = real + time);
 *   camelCase, snake_case, kebab-case and ALL_CAPS pieces are segmented separately;
 * - whole segments (between separators) of at most 3 characters in one character class (`sk`,
 *   `v2`, `no`, `0`, `b`; not `tRZ` or `E2k`) and all-digit segments of at most 4 (`0001`);
 * - runs of 4+ repeated or consecutive characters (`0001`, `1234567890`, `abcdef`);
 * - one or two digits ending a word (`token1`, `aws4`);
 * - a last segment of at most 4 characters after a separator (`-7f3e`, `_x9`).
 *
 * Linear: each segment is split once and each piece segmented with words of at most
 * MAX_WORD letters, so a value costs O(length × MAX_WORD) set look-ups.
 */
import { WORD_LIST } from '../catalogue/word-list.js';

const MIN_WORD = 3;
const MAX_WORD = 14;
/** Segments this short are abbreviations or counters (`sk`, `v2`, `no`, `0`), never the random part. */
const SHORT_SEGMENT = 3;
/** A short segment in one character class (`sk`, `API`, `123`, `v2`); mixed ones (`tRZ`, `E2k`) are noise. */
const SHORT_PIECE = /^(?:[a-z]{1,3}|[A-Z]{1,3}|[0-9]{1,3}|[A-Za-z][0-9]{1,2})$/;
/**
 * A last segment this short, after a separator, is explained whatever its characters
 * (`sk-test-azure-imds-secret-7f3e`): 4 characters cannot lift a random value to WORDS_SHARE.
 */
const SUFFIX_SEGMENT = 4;
/** An all-digit segment this short is a counter or a year (`0001`, `2026`). */
const COUNTER_DIGITS = 4;
/** A piece counts only when words cover at least this share of it (a chance 3-letter word in noise does not). */
const MIN_PIECE_COVER = 0.6;

/** Share of explained characters at and above which a value is words, not a secret. */
export const WORDS_SHARE = 0.75;
/** Lower bar for values shaped like a path or URL (`/bedrock/aws4_request`, `./config/token.json`). */
export const PATH_WORDS_SHARE = 0.6;

let words: ReadonlySet<string> | undefined;

/** Built on first use (~1 ms), so importing the engine on the hook path does not pay for it. */
function wordSet(): ReadonlySet<string> {
  words ??= new Set(WORD_LIST.split(/\s+/).filter(Boolean));
  return words;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Segments `piece` (lower case) into dictionary words covering the most letters, by dynamic
 * programming. `best[i]` is the most letters covered in piece[0, i); `word[i]` the length of the
 * word ending at i in that cover (0: letter i-1 is left uncovered).
 */
function segment(piece: string): { best: number[]; word: number[] } {
  const dict = wordSet();
  const n = piece.length;
  const best = new Array<number>(n + 1).fill(0);
  const word = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    let b = best[i - 1]!;
    for (let len = MIN_WORD; len <= MAX_WORD && len <= i; len++) {
      const covered = best[i - len]! + len;
      if (covered > b && dict.has(piece.slice(i - len, i))) {
        b = covered;
        word[i] = len;
      }
    }
    best[i] = b;
  }
  return { best, word };
}

function coveredLetters(piece: string): number {
  return segment(piece).best[piece.length]!;
}

/** Marks the letters of `piece` (at `offset` in its segment) that its best cover explains. */
function markCovered(piece: string, offset: number, explained: Uint8Array): void {
  const { word } = segment(piece);
  for (let i = piece.length; i > 0;) {
    const len = word[i]!;
    if (len === 0) i--;
    else {
      explained.fill(1, offset + i - len, offset + i);
      i -= len;
    }
  }
}

/** Marks runs of 4+ characters that repeat or step by one (`aaaa`, `1234`, `fedc`). */
function markSequential(seg: string, explained: Uint8Array): void {
  let runStart = 0;
  for (let i = 1; i <= seg.length; i++) {
    const d = i < seg.length ? seg.charCodeAt(i) - seg.charCodeAt(i - 1) : 99;
    const sameStep =
      i < seg.length && (d === 0 || d === 1 || d === -1) && (i - runStart < 2 || d === seg.charCodeAt(i - 1) - seg.charCodeAt(i - 2));
    if (sameStep) continue;
    if (i - runStart >= 4) explained.fill(1, runStart, i);
    runStart = i;
  }
}

/** Explained characters of one segment (a maximal run of letters and digits). */
function explainSegment(seg: string): number {
  if (seg.length <= SHORT_SEGMENT) return SHORT_PIECE.test(seg) ? seg.length : 0;
  if (seg.length <= COUNTER_DIGITS && /^[0-9]+$/.test(seg)) return seg.length;
  const explained = new Uint8Array(seg.length);
  markSequential(seg, explained);
  // Pieces: a capital and its lower-case run, an all-caps run, a lower-case run, a digit run.
  let i = 0;
  let prevWasWord = false;
  while (i < seg.length) {
    const start = i;
    const c = seg.charCodeAt(i);
    if (isDigit(c)) {
      while (i < seg.length && isDigit(seg.charCodeAt(i))) i++;
      if (prevWasWord && i === seg.length && i - start <= 2) explained.fill(1, start, i);
      prevWasWord = false;
      continue;
    }
    const upper = c >= 65 && c <= 90;
    i++;
    if (upper && i < seg.length && seg.charCodeAt(i) >= 65 && seg.charCodeAt(i) <= 90) {
      // ALL-CAPS run; its last capital starts the next word when lower case follows (`HTTPServer`).
      while (i < seg.length && seg.charCodeAt(i) >= 65 && seg.charCodeAt(i) <= 90) i++;
      if (i < seg.length && seg.charCodeAt(i) >= 97 && seg.charCodeAt(i) <= 122 && i - start > 1) i--;
    } else {
      while (i < seg.length && seg.charCodeAt(i) >= 97 && seg.charCodeAt(i) <= 122) i++;
    }
    const piece = seg.slice(start, i).toLowerCase();
    const covered = piece.length >= MIN_WORD ? coveredLetters(piece) : 0;
    // Credit the covered letters only: a chance word inside random letters leaves the rest unexplained.
    prevWasWord = covered >= MIN_PIECE_COVER * piece.length && covered > 0;
    if (prevWasWord) markCovered(piece, start, explained);
  }
  let n = 0;
  for (const e of explained) n += e;
  return n;
}

/** Share (0–1) of the letters and digits of `value` explained by words and identifier pieces. */
export function wordShare(value: string): number {
  let total = 0;
  let explained = 0;
  let i = 0;
  while (i < value.length) {
    if (!isAlnum(value.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < value.length && isAlnum(value.charCodeAt(i))) i++;
    total += i - start;
    // A short last segment after a separator is a suffix that tells fixtures apart (`…-record-9a41`).
    const suffix = start > 0 && i === value.length && i - start <= SUFFIX_SEGMENT;
    explained += suffix ? i - start : explainSegment(value.slice(start, i));
  }
  return total === 0 ? 1 : explained / total;
}

/**
 * `/api/v1/x`, `./a/b`, `~/a`, `https://…`, `s3://…`: a location, not a secret, when mostly words.
 * A leading `/` alone is not enough (1 in 64 base64 tokens starts with one): a second `/` must follow.
 */
export function isPathShaped(value: string): boolean {
  return /^(?:\.{0,2}\/|~\/)[^/]{1,200}\/|^[a-z][a-z0-9+.-]{0,15}:\/\//.test(value);
}

/**
 * Three or more lower-case letter runs joined by `-` or `_` (`vercel-deployment-oidc-token`): a
 * slug. Issuers' tokens mix cases or digits; a slug needs only half its letters in words
 * (product names and acronyms such as `vercel` and `oidc` are not in the list).
 */
const SLUG = /^[a-z]{2,14}(?:[-_][a-z]{2,14}){2,9}$/;
const SLUG_WORDS_SHARE = 0.5;

/** True when `value` is made of words and identifier pieces rather than random characters. */
export function looksLikeWords(value: string): boolean {
  const bar = isPathShaped(value) ? PATH_WORDS_SHARE : SLUG.test(value) ? SLUG_WORDS_SHARE : WORDS_SHARE;
  return wordShare(value) >= bar;
}
