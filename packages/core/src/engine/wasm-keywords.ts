/**
 * The keyword pass over long texts, in WebAssembly (wasm/keyword-scan.wat): the same answer as
 * KeywordSet's regex alternation, which touched every character through a general matcher and
 * was half of the engine's time on ordinary code; the module looks at 16 positions at a time and
 * at the few two-byte prefixes that can start a keyword. This side lays out the tables and
 * feeds the text through in chunks.
 *
 * The text goes in as one byte per UTF-16 unit (`latin1`), which keeps offsets equal to string
 * offsets. Units above 0xFF lose their high byte there, so a match the module reports is checked
 * against the string itself; one that fails (a `Ŧ` read as `f`) is replaced by the longest
 * keyword that really starts at that offset, if any. Every real match is reported: its
 * characters are ASCII and so are the bytes.
 *
 * The same bytes also go through the module's `runs` pass when the caller asks (RunCover): the
 * runs of base64 characters long enough to be a blob, which base64-layers.ts then checks
 * against the string. In JavaScript that loop was the engine's largest item after the keywords.
 */
import { KEYWORD_SCAN_WASM } from './generated/keyword-scan-wasm.js';

// Memory layout, as the .wat file describes it.
const GROUPS = 0;
const DIRECTORY = 65_536;
const NIBBLES = 66_560;
const ENTRIES = 66_624;
/** Group ids and keyword indices are bytes. */
const MAX_GROUPS = 255;
const MAX_KEYWORDS = 255;
const MAX_KEYWORD_LENGTH = 255;
/**
 * Characters copied into the module per call (a keyword may run up to its length past a chunk):
 * the first chunk is small, so that a search stopped at the first keyword (`anyIn`) copies
 * little more than a regex would read; each next one is twice as long, up to CHUNK.
 */
const FIRST_CHUNK = 4 * 1024;
const CHUNK = 64 * 1024;

/** (position, keyword) pairs the module writes before it returns for them to be read. */
const OUTPUT_PAIRS = 4096;
/**
 * [start, end) pairs of base64 runs the module may write per chunk: more than a chunk can hold
 * (runs of 17 bytes or more, each followed by another byte), so the output is never full.
 */
const RUN_PAIRS = 4096;

/**
 * Where `forEach` also collects the runs of base64 characters of at least `keep` (more than 16)
 * characters: the maximal runs of the bytes it copied in. Each run of the string is inside one
 * of them (a unit above 0xFF becomes its low byte, which may read as base64 and join two runs,
 * never split one); `complete` is set once `spans` covers the whole text (not when the pass
 * stopped early).
 */
export interface RunCover {
  readonly keep: number;
  readonly spans: number[];
  complete: boolean;
}

/** [start, end) of each chunk a text of `length` characters is fed in. */
export function* chunks(length: number): Generator<[number, number]> {
  for (let start = 0, size = FIRST_CHUNK; start < length; start += size, size = Math.min(CHUNK, 2 * size)) {
    yield [start, Math.min(length, start + size)];
  }
}

/** The part of the WebAssembly API used here (the Node 20 typings do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/** The compiled module, or null where WebAssembly cannot run (`node --jitless`): the regex stays. */
let compiled: { api: WebAssemblyApi; module: object } | null | undefined;

function compiledModule(): { api: WebAssemblyApi; module: object } | null {
  if (compiled === undefined) {
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    try {
      compiled = api ? { api, module: new api.Module(Buffer.from(KEYWORD_SCAN_WASM, 'base64')) } : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

interface ScanExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(this: void, text: number, n: number, from: number, limit: number, out: number, cap: number): number;
  runs(this: void, text: number, from: number, limit: number, length: number, keep: number, out: number, cap: number): number;
  runLength(this: void): number;
}

const fold = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
/** The bytes that fold to `c` (a lower-case letter and its capital, or `c` alone). */
const cases = (c: number) => (c >= 97 && c <= 122 ? [c, c - 32] : [c]);

/** Whether `keyword` (lower-case ASCII) starts at `at` in `text`, ASCII letters in any case. */
function startsAt(text: string, at: number, keyword: string): boolean {
  if (at + keyword.length > text.length) return false;
  for (let j = 0; j < keyword.length; j++) if (fold(text.charCodeAt(at + j)) !== keyword.charCodeAt(j)) return false;
  return true;
}

export class WasmKeywordMatcher {
  private readonly scanChunk: ScanExports['scan'];
  private readonly runsOfChunk: ScanExports['runs'];
  private readonly runLength: ScanExports['runLength'];
  private readonly output: Uint32Array;
  private readonly runOutput: Int32Array;
  private readonly runsAt: number;
  private readonly input: Buffer;
  private readonly inputAt: number;
  private readonly outputAt: number;
  private readonly overlap: number;

  /**
   * A matcher for `keywords` (distinct, lower-case, longest first: index i reports keywords[i]),
   * or undefined when the module cannot hold them (non-ASCII, shorter than 2 or longer than 255
   * characters, too many) or cannot run: the caller keeps its regex for those.
   */
  static create(keywords: readonly string[]): WasmKeywordMatcher | undefined {
    const ascii = (k: string) => [...k].every((c) => c.charCodeAt(0) < 128);
    const ok = (k: string) => k.length >= 2 && k.length <= MAX_KEYWORD_LENGTH && ascii(k) && k === k.toLowerCase();
    if (keywords.length === 0 || keywords.length > MAX_KEYWORDS || !keywords.every(ok)) return undefined;
    const groups = new Map<string, number[]>();
    keywords.forEach((k, i) => groups.set(k.slice(0, 2), [...(groups.get(k.slice(0, 2)) ?? []), i]));
    if (groups.size > MAX_GROUPS) return undefined;
    const wasm = compiledModule();
    if (!wasm) return undefined;
    return new WasmKeywordMatcher(keywords, groups, new wasm.api.Instance(wasm.module).exports as ScanExports);
  }

  private constructor(
    private readonly keywords: readonly string[],
    groups: Map<string, number[]>,
    exports: ScanExports,
  ) {
    this.scanChunk = exports.scan;
    this.runsOfChunk = exports.runs;
    this.runLength = exports.runLength;
    const memory = new Uint8Array(exports.memory.buffer);
    const directory = new DataView(exports.memory.buffer, DIRECTORY, 4 * (MAX_GROUPS + 1));
    const groupOf = new Map<string, number>();
    let at = ENTRIES;
    for (const [prefix, members] of groups) {
      const id = groupOf.size + 1;
      groupOf.set(prefix, id);
      directory.setUint32(4 * id, at, true);
      // Longest first, as the caller sorted them: the first that matches is the longest.
      for (const i of members) {
        const k = keywords[i]!;
        memory[at] = k.length;
        memory[at + 1] = i;
        for (let j = 0; j < k.length; j++) memory[at + 2 + j] = k.charCodeAt(j);
        at += 2 + k.length;
      }
      memory[at++] = 0;
    }
    // Every byte pair that folds to a prefix (each case of its letters), and its nibbles in the
    // bucket of its group.
    for (const [prefix, id] of groupOf) {
      for (const a of cases(prefix.charCodeAt(0))) {
        for (const b of cases(prefix.charCodeAt(1))) {
          memory[GROUPS + (a | (b << 8))] = id;
          const bucket = 1 << (id % 8);
          memory[NIBBLES + (a & 15)]! |= bucket;
          memory[NIBBLES + 16 + (a >> 4)]! |= bucket;
          memory[NIBBLES + 32 + (b & 15)]! |= bucket;
          memory[NIBBLES + 48 + (b >> 4)]! |= bucket;
        }
      }
    }
    this.overlap = Math.max(...keywords.map((k) => k.length)) - 1;
    this.outputAt = (at + 7) & ~7;
    this.inputAt = this.outputAt + 8 * OUTPUT_PAIRS;
    this.runsAt = (this.inputAt + CHUNK + this.overlap + 7) & ~7;
    const needed = this.runsAt + 8 * RUN_PAIRS;
    if (needed > exports.memory.buffer.byteLength) exports.memory.grow(Math.ceil((needed - exports.memory.buffer.byteLength) / 65_536));
    // Views after any growth (growing detaches the old buffer).
    this.output = new Uint32Array(exports.memory.buffer, this.outputAt, 2 * OUTPUT_PAIRS);
    this.input = Buffer.from(exports.memory.buffer, this.inputAt, CHUNK + this.overlap);
    this.runOutput = new Int32Array(exports.memory.buffer, this.runsAt, 2 * RUN_PAIRS);
  }

  /**
   * Calls `visit(offset, keywordIndex)` for each offset of `text` where a keyword starts (the
   * longest there), in ascending order; stops early when `visit` returns true. With `runs`, also
   * collects the base64 runs of each chunk it copies in (see RunCover).
   */
  forEach(text: string, visit: (offset: number, keyword: number) => boolean | void, runs?: RunCover): void {
    // The run open where the bytes done so far end, and that end (chunks overlap by `overlap`).
    let open = 0;
    let doneAt = 0;
    if (runs && runs.keep <= 16) throw new RangeError('runs shorter than 17 characters are not found by blocks');
    // Complete only once the whole text has gone through without the output filling up.
    let collecting = runs !== undefined;
    if (runs) runs.complete = false;
    for (const [start, end] of chunks(text.length)) {
      const limit = end - start;
      const n = this.input.write(text.slice(start, start + limit + this.overlap), 0, 'latin1');
      if (runs && collecting) {
        const count = this.runsOfChunk(this.inputAt, doneAt - start, n, open, runs.keep, this.runsAt, RUN_PAIRS);
        open = this.runLength();
        collecting = open >= 0;
        for (let p = 0; p < count; p++) runs.spans.push(start + this.runOutput[2 * p]!, start + this.runOutput[2 * p + 1]!);
        doneAt = start + n;
      }
      for (let from = 0; ;) {
        const count = this.scanChunk(this.inputAt, n, from, limit, this.outputAt, OUTPUT_PAIRS);
        for (let p = 0; p < count; p++) {
          const offset = start + this.output[2 * p]!;
          const keyword = this.real(text, offset, this.output[2 * p + 1]!);
          if (keyword >= 0 && visit(offset, keyword) === true) return;
        }
        if (count < OUTPUT_PAIRS) break;
        from = this.output[2 * (count - 1)]! + 1;
      }
    }
    if (runs && collecting) {
      if (open >= runs.keep) runs.spans.push(text.length - open, text.length);
      runs.complete = true;
    }
  }

  /** The keyword reported at `offset` if the string holds it there, else the longest one it holds (-1: none). */
  private real(text: string, offset: number, reported: number): number {
    if (startsAt(text, offset, this.keywords[reported]!)) return reported;
    return this.keywords.findIndex((k) => startsAt(text, offset, k));
  }
}
