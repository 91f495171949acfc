/**
 * Runs of characters from a small ASCII set (token characters, base64), found without a regex.
 * Both the binding detector's candidates and the base64 blob finder walk every scanned byte
 * this way, so it lives once.
 */

/** A membership table for `chars` (ASCII only). */
export class AsciiSet {
  private readonly table = new Uint8Array(128);

  constructor(chars: string) {
    for (const c of chars) this.table[c.charCodeAt(0)] = 1;
  }

  /** Whether the character at `i` of `text` is in the set. */
  at(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    return c < 128 && this.table[c] === 1;
  }
}

/** The characters of a token (the catalogue's TOKEN_CHAR class), as a table for the run finder. */
export const TOKEN_CHARS = new AsciiSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~+/=');

/**
 * [start, end) of each maximal run of `set` characters that could be `minLength` long. Skips
 * ahead like Boyer–Moore: if the character minLength-1 ahead is not in the set, no run that
 * long can start before it, so ordinary code is touched at a fraction of its characters.
 * With `from`/`to`, only the runs that touch [from, to) (each maximal, so it may reach beyond).
 * A run holds the probed character but may be shorter than `minLength`; only runs of at least
 * `keep` characters are returned (callers that extend runs, e.g. by base64 padding, keep shorter
 * ones). Each character is visited a bounded number of times.
 */
export function charRuns(text: string, minLength: number, set: AsciiSet, from = 0, to = text.length, keep = 0): [number, number][] {
  const out: [number, number][] = [];
  const n = text.length;
  // Invariant: i is at the start of the text or right after a character outside the set. With
  // `from` (runs touching [from, to) only), back to the start of the run holding it.
  let i = from;
  if (set.at(text, i)) while (i > 0 && set.at(text, i - 1)) i--;
  while (i + minLength <= n && i < to) {
    const probe = i + minLength - 1;
    if (!set.at(text, probe)) {
      i = probe + 1;
      continue;
    }
    let start = probe;
    while (start > i && set.at(text, start - 1)) start--;
    if (start >= to) break;
    let end = probe + 1;
    while (end < n && set.at(text, end)) end++;
    // Most runs in code are words shorter than `keep`: not even allocated.
    if (end - start >= keep) out.push([start, end]);
    i = end + 1;
  }
  return out;
}
