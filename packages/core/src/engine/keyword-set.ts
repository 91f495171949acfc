import { escapeRegExp } from '../regex-text.js';
import { WasmKeywordMatcher, type RunCover } from './wasm-keywords.js';

/** Which keywords a text holds, and where the ones that place candidates are. */
export interface KeywordScan {
  /** Every keyword present (lower-case), including those inside a longer one found. */
  present: Set<string>;
  /** Ascending offsets of each occurrence of a `positioned` keyword (see KeywordSet). */
  positions: number[];
  /**
   * When asked for and the WebAssembly pass ran: flat [start, end) pairs covering every run of
   * base64 characters of the length asked for (see RunCover); the caller refines them.
   */
  base64Cover?: number[];
}

/**
 * Texts at least this long go through the WebAssembly pass (wasm-keywords.ts); shorter ones
 * (ESLint's string literals, history's changed lines) through the regex, whose start-up is
 * cheaper than copying a text into the module. Both give the same answer (keyword-set.test.ts).
 */
export const WASM_MIN_TEXT = 512;

/**
 * Keyword prefilter: which of the detectors' keywords occur in a text, case-insensitively,
 * found in ONE pass. Lower-casing a whole file and calling `includes` once per keyword costs
 * about three times as much as one compiled alternation (each absent keyword is a full pass, and
 * lower-casing non-ASCII text is slow); the WebAssembly pass costs a quarter of the alternation.
 * The same pass records where the binding detector's keywords occur, so that it judges only
 * token runs near one (keyword-near.ts) without a second pass over the text.
 */
export class KeywordSet {
  /** Distinct lower-case keywords, longest first: at one offset the longer keyword wins. */
  private readonly sorted: readonly string[];
  private readonly index: Map<string, number>;
  /** For each keyword, the keywords it contains (`token=` contains `token`): found together. */
  private readonly implied: readonly (readonly string[])[];
  private readonly placesCandidates: readonly boolean[];
  private readonly pattern: RegExp;
  /** Built on the first long text (undefined: not yet; null: the regex serves all texts). */
  private matcher: WasmKeywordMatcher | null | undefined;

  constructor(keywords: readonly string[], positioned: readonly string[] = []) {
    this.sorted = [...new Set(keywords.map((k) => k.toLowerCase()))].sort((a, b) => b.length - a.length);
    this.index = new Map(this.sorted.map((k, i) => [k, i]));
    this.implied = this.sorted.map((k) => this.sorted.filter((o) => k.includes(o)));
    const placing = new Set(positioned.map((k) => k.toLowerCase()));
    this.placesCandidates = this.implied.map((ks) => ks.some((k) => placing.has(k)));
    this.pattern = new RegExp(this.sorted.map(escapeRegExp).join('|'), 'gi');
  }

  /**
   * One forward pass over `text`; overlapping keywords are all seen (each offset is tried). With
   * `base64Keep`, the WebAssembly pass also finds where runs of that many base64 characters
   * may be (the bytes are in the module already).
   */
  scan(text: string, base64Keep?: number): KeywordScan {
    const present = new Set<string>();
    const positions: number[] = [];
    // Filled, and marked complete, only by the WebAssembly pass.
    const runs: RunCover | undefined = base64Keep === undefined ? undefined : { keep: base64Keep, spans: [], complete: false };
    this.forEach(
      text,
      (offset, keyword) => {
        for (const k of this.implied[keyword]!) present.add(k);
        if (this.placesCandidates[keyword]) positions.push(offset);
      },
      runs,
    );
    return runs?.complete ? { present, positions, base64Cover: runs.spans } : { present, positions };
  }

  /** Whether `text` holds any keyword (stops at the first). */
  anyIn(text: string): boolean {
    let found = false;
    this.forEach(text, () => (found = true));
    return found;
  }

  /**
   * `visit(offset, keyword index)` at each offset where a keyword starts (the longest); true
   * stops. Only the WebAssembly pass fills `runs`.
   */
  private forEach(text: string, visit: (offset: number, keyword: number) => boolean | void, runs?: RunCover): void {
    const matcher = text.length >= WASM_MIN_TEXT ? this.wasm() : null;
    if (matcher) {
      matcher.forEach(text, visit, runs);
      return;
    }
    const re = this.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (visit(m.index, this.index.get(m[0].toLowerCase())!) === true) return;
      re.lastIndex = m.index + 1;
    }
  }

  private wasm(): WasmKeywordMatcher | null {
    if (this.matcher === undefined) this.matcher = WasmKeywordMatcher.create(this.sorted) ?? null;
    return this.matcher;
  }

  /** Only for tests: the answer of the regex alone, which the WebAssembly pass must equal. */
  scanWithRegex(text: string, base64Keep?: number): KeywordScan {
    const saved = this.matcher;
    this.matcher = null;
    try {
      return this.scan(text, base64Keep);
    } finally {
      this.matcher = saved;
    }
  }
}
