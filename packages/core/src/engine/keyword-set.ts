import { escapeRegExp } from '../regex-text.js';

/** Which keywords a text holds, and where the ones that place candidates are. */
export interface KeywordScan {
  /** Every keyword present (lower-case), including those inside a longer one found. */
  present: Set<string>;
  /** Ascending offsets of each occurrence of a `positioned` keyword (see KeywordSet). */
  positions: number[];
}

/**
 * Keyword prefilter: which of the detectors' keywords occur in a text, case-insensitively,
 * found in ONE pass of one compiled alternation. Lower-casing a whole file and calling
 * `includes` once per keyword costs about three times as much (each absent keyword is a full
 * pass, and lower-casing non-ASCII text is slow). The same pass records where the binding
 * detector's keywords occur, so that it judges only token runs near one (keyword-near.ts)
 * without a second pass over the text.
 */
export class KeywordSet {
  private readonly pattern: RegExp;
  /** For each keyword, the keywords it contains (`token=` contains `token`): found together. */
  private readonly implied: Map<string, string[]>;
  private readonly positioned: ReadonlySet<string>;
  private readonly any: RegExp;

  constructor(keywords: readonly string[], positioned: readonly string[] = []) {
    // Longest first, so that at one position the longer keyword wins and implies the shorter.
    const sorted = [...new Set(keywords.map((k) => k.toLowerCase()))].sort((a, b) => b.length - a.length);
    this.implied = new Map(sorted.map((k) => [k, sorted.filter((o) => k.includes(o))]));
    this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'gi');
    this.any = new RegExp(this.pattern.source, 'i');
    this.positioned = new Set(positioned.map((k) => k.toLowerCase()));
  }

  /** One forward pass over `text`; after a match it steps one character, so overlapping keywords are all seen. */
  scan(text: string): KeywordScan {
    const present = new Set<string>();
    const positions: number[] = [];
    const re = this.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const implied = this.implied.get(m[0].toLowerCase()) ?? [];
      for (const k of implied) present.add(k);
      if (implied.some((k) => this.positioned.has(k))) positions.push(m.index);
      re.lastIndex = m.index + 1;
    }
    return { present, positions };
  }

  /** Whether `text` holds any keyword (stops at the first). */
  anyIn(text: string): boolean {
    return this.any.test(text);
  }
}
