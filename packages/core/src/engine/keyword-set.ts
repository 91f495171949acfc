import { escapeRegExp } from '../regex-text.js';

/**
 * Keyword prefilter: which of the detectors' keywords occur in a text, case-insensitively,
 * found in ONE pass of one compiled alternation. Lower-casing a whole file and calling
 * `includes` once per keyword costs about three times as much (each absent keyword is a full
 * pass, and lower-casing non-ASCII text is slow).
 */
export class KeywordSet {
  private readonly keywords: readonly string[];
  /** For each keyword, the keywords it contains (`token=` contains `token`): found together. */
  private readonly implied: Map<string, string[]>;
  /** One alternation per set of still-missing keywords; few distinct sets occur in practice. */
  private readonly patterns = new Map<string, RegExp>();

  constructor(keywords: readonly string[]) {
    // Longest first, so that at one position the longer keyword wins and implies the shorter.
    this.keywords = [...new Set(keywords.map((k) => k.toLowerCase()))].sort((a, b) => b.length - a.length);
    this.implied = new Map(this.keywords.map((k) => [k, this.keywords.filter((o) => k.includes(o))]));
  }

  private patternFor(missing: readonly string[]): RegExp {
    const key = missing.join('\0');
    let re = this.patterns.get(key);
    if (!re) {
      re = new RegExp(missing.map(escapeRegExp).join('|'), 'gi');
      this.patterns.set(key, re);
    }
    return re;
  }

  /**
   * The keywords present in `text` (lower-case). One forward pass: each search looks only for
   * keywords not yet seen, from where the last one was found, so a file full of `token`
   * costs one match for it, not thousands.
   */
  present(text: string): Set<string> {
    const found = new Set<string>();
    let missing = this.keywords;
    let from = 0;
    while (missing.length > 0) {
      const re = this.patternFor(missing);
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) break;
      for (const k of this.implied.get(m[0].toLowerCase()) ?? []) found.add(k);
      missing = missing.filter((k) => !found.has(k));
      // Step one character, not the whole match, so overlapping keywords are all seen.
      from = m.index + 1;
    }
    return found;
  }
}
