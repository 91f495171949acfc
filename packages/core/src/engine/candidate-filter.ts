/**
 * Decides whether a value found in a credential context is a real credential.
 * Shared by the context and authorization-header detectors and by the ESLint rules
 * (through `Scanner.checkValue`), so a threshold is changed in one place.
 */
import { BENIGN_PREFIX_MARKERS, BENIGN_SHAPES } from '../catalogue/benign-shapes.js';
import { PLACEHOLDER_SUBSTRINGS, PLACEHOLDER_VALUES, REFERENCE_PREFIXES, TEMPLATE_SHAPES } from '../catalogue/placeholders.js';
import type { Thresholds } from '../config/resolve.js';
import { charClass, classCount, isMostlySequential, looksLikeWords, shannonEntropy } from './entropy.js';

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
}

/** Placeholder spellings: `YOUR_TOKEN`, `<token>`, `${KERNEL_TOKEN}`, `xxxx`, `changeme`, … */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_SET.has(squash(value))) return true;
  if (PLACEHOLDER_SUBSTRINGS.some((s) => lower.includes(s))) return true;
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
  const before = ctx.before?.toLowerCase() ?? '';
  if (BENIGN_PREFIX_MARKERS.some((m) => before.endsWith(m))) return 'data URI or integrity hash';
  const shape = BENIGN_SHAPES.find((s) => s.pattern.test(value));
  if (shape) return shape.id;
  if (classCount(value) < 2) return 'one character class';
  if (isMostlySequential(value)) return 'sequential or repeated characters';
  if (looksLikeWords(value)) return 'words';
  const minEntropy = charClass(value) === 'hex' ? thresholds.entropyHex : thresholds.entropyBase64;
  if (shannonEntropy(value) < minEntropy) return 'low entropy';
  return undefined;
}
