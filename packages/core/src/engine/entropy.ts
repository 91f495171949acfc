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

/** True when at least half the value is runs of one repeated or consecutive character (`aaaa`, `abcd`, `1234`). */
export function isMostlySequential(value: string): boolean {
  if (value.length < 2) return true;
  let predictable = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d === 0 || d === 1 || d === -1) predictable++;
  }
  return predictable / (value.length - 1) >= 0.5;
}

/**
 * True for identifiers made of words: `SomeDescriptiveTypeName`, `refresh_access_token_value`,
 * `KERNEL_TOKEN_VALUE_FILE`. The value must split cleanly into camelCase / snake_case /
 * kebab-case words averaging 4+ letters, at most one of them 1–2 letters long, each with a
 * vowel. Random letters split into many short, vowel-less pieces: measured on a million
 * random letter-only strings of 24–64 characters, about 1 in 10,000 passes as words, and such
 * strings are ~1% of random base62 tokens.
 */
export function looksLikeWords(value: string): boolean {
  if (/[0-9+/=~]/.test(value)) return false;
  const words: string[] = [];
  for (const part of value.split(/[_\-.]/)) {
    if (!part) continue;
    const pieces = part.match(/[A-Z]?[a-z]{1,200}|[A-Z]{1,200}(?![a-z])/g) ?? [];
    if (pieces.join('') !== part) return false;
    words.push(...pieces);
  }
  if (words.length === 0) return true;
  const letters = words.reduce((n, w) => n + w.length, 0);
  const short = words.filter((w) => w.length <= 2).length;
  return letters / words.length >= 4 && short <= 1 && words.every((w) => w.length < 2 || /[aeiouyAEIOUY]/.test(w));
}
