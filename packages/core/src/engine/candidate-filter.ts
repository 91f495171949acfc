/**
 * Decides whether a value found in a credential context is a real credential.
 * Shared by the context and authorization-header detectors and by the ESLint rules
 * (through `Scanner.checkValue`), so a threshold is changed in one place.
 */
import { lazyCrypto } from './lazy-crypto.js';
import { BENIGN_PREFIX_MARKERS, BENIGN_SHAPES, SAMPLE_DIGEST_ALGORITHMS, SAMPLE_DIGEST_INPUTS } from '../catalogue/benign-shapes.js';
import { PLACEHOLDER_SUBSTRINGS, PLACEHOLDER_VALUES, REFERENCE_PREFIXES, TEMPLATE_SHAPES } from '../catalogue/placeholders.js';
import type { Thresholds } from '../config/resolve.js';
import { charClass, classCount, isMostlySequential, minRandomEntropy, shannonEntropy } from './entropy.js';
import { base64Text, textPieces } from './base64-text.js';
import { judgeJwt, type SigningContext } from './jwt.js';
import { isPathShaped, looksLikeWords } from './word-share.js';

const PLACEHOLDER_SET = new Set(PLACEHOLDER_VALUES.map(squash));

function squash(value: string): string {
  return value.toLowerCase().replace(/[-_\s]/g, '');
}

/** What the text around a candidate says about it. */
export interface CandidateContext {
  /** Up to 16 characters before the value. */
  before?: string;
  /** The character right after the value ('' at end of text). */
  after?: string;
  /** Whether the value sat inside quotes. */
  quoted?: boolean;
  /**
   * Whether the value is bound to a credential name, flag or header (every detector's match is;
   * `Scanner.checkValue` in a credential context is). A bound 40- or 64-hex value is a token.
   */
  bound?: boolean;
  /** The file the value comes from: JWT test vectors are told apart by keys in it (engine/jwt.ts). */
  signing?: SigningContext;
  /** Set while judging the pieces of a decoded value: one layer is opened, not more. */
  decoded?: boolean;
}

let sampleDigests: ReadonlySet<string> | undefined;

/** Hex digests of SAMPLE_DIGEST_INPUTS, computed on first use. */
function isSampleDigest(value: string): boolean {
  sampleDigests ??= new Set(
    SAMPLE_DIGEST_ALGORITHMS.flatMap((a) => SAMPLE_DIGEST_INPUTS.map((i) => lazyCrypto().createHash(a).update(i, 'utf8').digest('hex'))),
  );
  return sampleDigests.has(value.toLowerCase());
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether `word` (lower case) occurs in `value` in one case (`example`, `EXAMPLE`) and touching
 * an edge, a separator or a digit on one side (`dummy_…`, `…-example`, `EXAMPLE1`). Random
 * mixed-case letters spell a 5-letter placeholder this way about once in 10⁷ tokens; ignoring
 * case and edges, once in 40,000.
 */
function containsAsWord(value: string, lower: string, word: string): boolean {
  for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
    const piece = value.slice(at, at + word.length);
    if (piece !== word && piece !== word.toUpperCase()) continue;
    const end = at + word.length;
    if (at === 0 || end === value.length || !isLetter(value.charCodeAt(at - 1)) || !isLetter(value.charCodeAt(end))) return true;
  }
  return false;
}

/** Placeholder spellings: `YOUR_TOKEN`, `<token>`, `${KERNEL_TOKEN}`, `xxxx`, `changeme`, … */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_SET.has(squash(value))) return true;
  if (PLACEHOLDER_SUBSTRINGS.some((s) => containsAsWord(value, lower, s))) return true;
  return TEMPLATE_SHAPES.some((re) => re.test(value));
}

/** `process.env.KERNEL_TOKEN`, `os.environ[...]`, `secrets.KERNEL_TOKEN`, or an unquoted dotted identifier. */
export function isReference(value: string, quoted: boolean): boolean {
  if (REFERENCE_PREFIXES.some((p) => value.startsWith(p))) return true;
  if (quoted || !value.includes('.')) return false;
  // An unquoted `a.b.c` made of identifiers is a property path in code (a JWT starts with `ey`).
  return !value.startsWith('ey') && /^[A-Za-z_$][\w$]{0,100}(?:\.[A-Za-z_$][\w$]{0,100}){1,20}$/.test(value);
}

/**
 * Returns why `value` is not a credential, or undefined when it is one.
 * Order: cheapest checks first.
 */
export function rejectCandidate(value: string, thresholds: Thresholds, ctx: CandidateContext = {}): string | undefined {
  if (value.length < thresholds.minLength) return 'too short';
  if (ctx.after === '(' || ctx.after === '[') return 'code (call or index)';
  if (isReference(value, ctx.quoted ?? false)) return 'reference';
  if (isPlaceholder(value)) return 'placeholder';
  if (value.includes('.')) {
    const jwt = judgeJwt(value, ctx.signing);
    if (jwt?.kind === 'fixture') return jwt.reason;
  }
  const before = ctx.before?.toLowerCase() ?? '';
  if (BENIGN_PREFIX_MARKERS.some((m) => before.endsWith(m))) return 'data URI or integrity hash';
  const bound = ctx.bound ?? false;
  const shape = BENIGN_SHAPES.find((s) => !(bound && s.unboundOnly) && s.pattern.test(value));
  if (shape) return shape.id;
  if (bound && isSampleDigest(value)) return 'sample digest';
  if (classCount(value) < 2) return 'one character class';
  if (isMostlySequential(value)) return 'sequential or repeated characters';
  if (looksLikeWords(value)) return isPathShaped(value) ? 'path' : 'words';
  if (!ctx.decoded && isEncodedText(value, thresholds, ctx)) return 'base64 of text';
  const threshold = charClass(value) === 'hex' ? thresholds.entropyHex : thresholds.entropyBase64;
  if (shannonEntropy(value) < minRandomEntropy(value, threshold)) return 'low entropy';
  return undefined;
}

/** Base64 of readable text none of whose pieces is a credential (engine/base64-text.ts). */
function isEncodedText(value: string, thresholds: Thresholds, ctx: CandidateContext): boolean {
  const text = base64Text(value);
  if (text === undefined) return false;
  const inner: CandidateContext = { quoted: true, bound: ctx.bound ?? false, decoded: true };
  return textPieces(text).every((piece) => rejectCandidate(piece, thresholds, inner) !== undefined);
}
