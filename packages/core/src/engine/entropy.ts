/** Shannon entropy and the cheap shape statistics the candidate filter uses. One pass each. */

/** Bits per character of `value`. */
export function shannonEntropy(value: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export type CharClass = 'hex' | 'base64';

/**
 * Expected Shannon entropy (bits a character) of `n` characters drawn uniformly from `k`
 * symbols. Exact, by linearity over the symbols: E[H] = k·E[−(C/n)·log2(C/n)] with
 * C ~ Binomial(n, 1/k). A random 20-character base62 token averages 4.02 bits, not log2(62).
 */
function expectedRandomEntropy(n: number, k: number): number {
  const p = 1 / k;
  let pmf = Math.pow(1 - p, n);
  let sum = 0;
  for (let c = 0; c < n; c++) {
    pmf *= ((n - c) / (c + 1)) * (p / (1 - p));
    const share = (c + 1) / n;
    sum -= pmf * share * Math.log2(share);
  }
  return k * sum;
}

/** Entropy is saturated well before this length; longer values use this one's expectation. */
const ENTROPY_TABLE_LENGTH = 256;
const expected = new Map<number, number>();

/**
 * How far below a random value's expected entropy a value may fall and still be random. The
 * spread of a random value's entropy is ~0.18 bits at 20 characters and shrinks with length;
 * 1.25 bits is 7 spreads: measured on 200,000 random tokens per length, none came within 0.3.
 */
export const ENTROPY_MARGIN = 1.25;

/** Symbols a value's characters are likely drawn from: 16 for hex, else the classes present. */
function alphabetSize(value: string, cls: CharClass): number {
  if (cls === 'hex') return 16;
  let lower = false,
    upper = false,
    digit = false;
  const other = new Set<number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else other.add(c);
  }
  return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + other.size;
}

/**
 * Least entropy (bits a character) a random value like `value` has: the configured threshold,
 * lowered for short values, whose entropy is capped by their length (a 20-character value has
 * at most log2(20) = 4.32 bits), so that a random 20-character token is never called low-entropy.
 */
export function minRandomEntropy(value: string, threshold: number): number {
  const cls = charClass(value);
  const k = alphabetSize(value, cls);
  const n = Math.min(value.length, ENTROPY_TABLE_LENGTH);
  const key = n * 128 + k;
  let e = expected.get(key);
  if (e === undefined) {
    e = expectedRandomEntropy(n, k);
    expected.set(key, e);
  }
  return Math.min(threshold, e - ENTROPY_MARGIN);
}

/** Hex strings carry at most 4 bits a character, so they get their own entropy threshold. */
export function charClass(value: string): CharClass {
  return /^[0-9a-fA-F]+$/.test(value) ? 'hex' : 'base64';
}

/** How many of lower, upper, digit, symbol occur. A token mixes at least two. */
export function classCount(value: string): number {
  let lower = 0,
    upper = 0,
    digit = 0,
    other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/**
 * True when at least half the value is runs of one repeated or consecutive character (`aaaa`,
 * `abcd`, `1234`), and more than chance allows: in a random hex value 3 in 16 neighbours step by
 * 0 or ±1, so its bar is that rate plus six standard deviations (0.72 at 20 characters).
 */
export function isMostlySequential(value: string): boolean {
  if (value.length < 2) return true;
  let predictable = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d === 0 || d === 1 || d === -1) predictable++;
  }
  const pairs = value.length - 1;
  const chance = Math.min(1, 3 / alphabetSize(value, charClass(value)));
  const bar = Math.max(0.5, chance + 6 * Math.sqrt((chance * (1 - chance)) / pairs));
  return predictable / pairs >= bar;
}
