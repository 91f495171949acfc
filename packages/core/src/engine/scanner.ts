/**
 * The scanner: runs the detector catalogue over a text and returns findings. A Scanner is
 * built once per config (patterns compiled, known-token variants prepared) and reused for
 * every file, so the per-file cost is one lower-casing pass, keyword checks and the regexes
 * whose keywords occur.
 */
import { BINDING_KEYWORDS, BINDING_RULES } from '../catalogue/binding-rules.js';
import { declaredFormatEntry, TEXT_DETECTORS, type TextDetector } from '../catalogue/detectors.js';
import { remediationFor } from '../catalogue/remediation.js';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/resolve.js';
import type { DetectorId, Finding, KnownTokens, ScanOptions, ScanResult, Severity, SuppressedFinding } from '../types.js';
import { isAllowedLine } from './allow.js';
import { KeywordSet } from './keyword-set.js';
import { BASE64_RUN_KEEP, decodeBase64Blobs, MAX_BASE64_DEPTH, MAX_DECODED_BYTES } from './base64-layers.js';
import { rejectCandidate } from './candidate-filter.js';
import { signingContext, type SigningContext } from './jwt.js';
import { fingerprintCandidates, fingerprintRuns, knownVariants, MIN_KNOWN_TOKEN_LENGTH, type KnownVariant } from './known.js';
import { HOST_WINDOW, judgeBinding, LOOK_BEHIND, tokenRuns, valueStartInRun, type NameJudge } from './binding.js';
import { mayBeBoundAbove, sameLineBefore } from './binding-above.js';
import { regionsNear } from './keyword-near.js';
import { joinedLiterals, literalChains } from './concatenation.js';
import { notebookOutputs } from './notebook.js';
import { LineIndex } from './lines.js';
import { createConfiguredNames, nameWords } from './names.js';
import { fingerprint, preview } from './redact.js';

/** A match before it becomes a Finding: the span, its family and how sure we are. */
interface RawHit {
  detector: DetectorId;
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  value: string;
  /** What the message calls it, e.g. "Kernel token in KERNEL_TOKEN assignment". */
  label: string;
  /** Fingerprint of the underlying token when `value` is an encoded form of it. */
  fingerprint?: string;
}

/** Values `mayFind` remembers as rejected (about 5 MB of strings at most). */
const MAX_REMEMBERED_RUNS = 50_000;
/**
 * Added lines up to this long that hold a keyword are judged on their own by history's
 * prefilter; longer ones (a rebuilt bundle, source map or lockfile) are mostly their whole
 * file, which is then read and scanned instead. On axios's history (interleaved runs), 4 and
 * 16 KB were alike; 64 KB, judging every hunk (51 MB of blobs read, but 300 MB of hunks judged)
 * and reading every keyword file (220 MB read) all cost more CPU.
 */
const JUDGED_HUNK = 4096;

/** When two hits cover the same characters, the more certain family wins. */
const PRIORITY: Record<DetectorId, number> = { known: 0, format: 1, 'authorization-header': 2, context: 3 };

export interface ScannerOptions {
  config?: ResolvedConfig;
  known?: KnownTokens;
  /**
   * Called with each hit's fingerprint and matched value, for a caller that must act on the
   * value itself (the CLI's opt-in live check, `scan --verify`). The engine keeps no value; for
   * an encoded form of a known token the value is that encoding, so its SHA-256 differs from
   * the fingerprint.
   */
  onValue?: (fingerprint: string, value: string) => void;
}

/** Verdict on one value whose context the caller already knows (used by the ESLint rules). */
export interface ValueVerdict {
  detector: DetectorId;
  rule: string;
  severity: Severity;
  fingerprint: string;
  preview: string;
  message: string;
  remediation: string;
  /** True when the value is an encoded form (base64, percent-, JSON-escaped) of a known token. */
  encoded: boolean;
}

/**
 * The context a caller vouches for when asking about one value. Each maps to the detector the
 * text scanner would report for the same code, so the linter and the hook agree.
 */
export type ValueContext =
  /** Under a credential name (KERNEL_TOKEN, token, apiKey…): the `context` detector. */
  | 'credential'
  /** The credential part of an Authorization header value: the `authorization-header` detector. */
  | 'authorization-header'
  /** An argument of the Kernel SDK client: the `context` detector, rule `kernel-client`. */
  | 'kernel-client'
  /** A string with no credential context: only known tokens and formats count. */
  | 'plain';

/** Detector, rule and wording for a value judged in a known context. */
const VALUE_CONTEXTS: Record<Exclude<ValueContext, 'plain'>, { detector: DetectorId; rule: string; label: string }> = {
  credential: { detector: 'context', rule: 'credential-value', label: 'Token assigned to a credential name' },
  'authorization-header': { detector: 'authorization-header', rule: 'bearer', label: 'Literal bearer token in an Authorization header' },
  'kernel-client': { detector: 'context', rule: 'kernel-client', label: 'Kernel token passed to KernelClient' },
};

function minSeverity(a: Severity, b: Severity | 'off'): Severity {
  return a === 'warning' || b === 'warning' ? 'warning' : 'error';
}

export class Scanner {
  readonly config: ResolvedConfig;
  private readonly detectors: readonly TextDetector[];
  /** The entries that prove a value by its shape alone (JWT, declared formats): `checkValue` asks them. */
  private readonly formatDetectors: readonly TextDetector[];
  private readonly names: NameJudge;
  /** Lower-case words one of which a text must hold before its token runs are judged. */
  private readonly bindingKeywords: readonly string[];
  private readonly knownVariants: readonly KnownVariant[];
  private readonly knownFingerprints: ReadonlySet<string>;
  private readonly blobKeywords: readonly string[];
  private readonly keywords: KeywordSet;
  private readonly onValue: ScannerOptions['onValue'];
  private lastSigning?: { file: string; context: SigningContext };
  /**
   * Values `mayFind` has judged not to be credentials, keyed with the quotes and neighbours they
   * were judged with. A history repeats the same identifiers, paths and hashes commit after
   * commit; judging each once (the word-share measure is most of the prefilter's cost) is the
   * same answer for less. Bounded: cleared when full.
   */
  private readonly rejectedRuns = new Set<string>();

  constructor(options: ScannerOptions = {}) {
    this.onValue = options.onValue;
    this.config = options.config ?? DEFAULT_CONFIG;
    // Declared formats are entries like the built-in ones, compiled once per config.
    this.detectors = [...TEXT_DETECTORS, ...this.config.formats.map(declaredFormatEntry)];
    this.names = { isConfiguredName: createConfiguredNames(this.config.credentialNames) };
    // A configured name's words occur in every case style of it (ASIMOV_PAT, asimovPat).
    this.bindingKeywords = [...new Set([...BINDING_KEYWORDS, ...this.config.credentialNames.flatMap((n) => nameWords(n).slice(0, 1))])];
    const values = [...new Set(options.known?.values ?? [])].filter((v) => v.length >= MIN_KNOWN_TOKEN_LENGTH);
    this.knownVariants = values.flatMap(knownVariants);
    this.knownFingerprints = new Set(options.known?.fingerprints ?? []);
    // A decoded blob is worth a second scan only if it holds a keyword some detector needs.
    this.blobKeywords = [...new Set([...this.detectors.flatMap((d) => d.keywords), ...this.bindingKeywords])];
    this.formatDetectors = this.detectors.filter((d) => d.detector === 'format');
    this.keywords = new KeywordSet(this.blobKeywords, this.bindingKeywords);
  }

  /** Scans one text. Throws only on a bug; callers treat a throw as "could not scan". */
  scan(text: string, options: ScanOptions = {}): ScanResult {
    const hits = this.collect(text, 0, { bytes: MAX_DECODED_BYTES }, this.signingOf(options.surroundings ?? text));
    return this.toResult(text, dedupe(hits), options);
  }

  /**
   * The signing context of a file, kept for the last file asked about: the ESLint rule asks
   * about each string of one file in turn, and the file is read for keys once.
   */
  private signingOf(file: string): SigningContext {
    if (this.lastSigning?.file !== file) this.lastSigning = { file, context: signingContext(file) };
    return this.lastSigning.context;
  }

  /** All raw hits in `text`, including those inside base64 blobs (reported at the blob's span). */
  private collect(text: string, depth: number, budget: { bytes: number }, signing: SigningContext): RawHit[] {
    const hits: RawHit[] = [];
    // The keyword pass also finds where base64 blobs may be when it can (only where they are opened).
    const keywords = this.keywords.scan(text, depth < MAX_BASE64_DEPTH ? BASE64_RUN_KEEP : undefined);
    const has = (k: string) => keywords.present.has(k);
    if (this.config.severity.known !== 'off') this.findKnown(text, hits);
    for (const d of this.detectors) {
      if (this.config.severity[d.detector] === 'off') continue;
      if (d.keywords.length > 0 && !d.keywords.some(has)) continue;
      this.runDetector(d, text, hits, signing);
    }
    if (keywords.positions.length > 0) this.findBound(text, keywords.positions, hits, signing);
    if (this.config.severity.context !== 'off' && text.includes('"cell_type"')) this.findNotebookOutputs(text, hits, signing);
    if (depth < MAX_BASE64_DEPTH) {
      for (const blob of decodeBase64Blobs(text, this.blobKeywords, budget, depth + 1 < MAX_BASE64_DEPTH, keywords.base64Cover)) {
        for (const inner of this.collect(blob.text, depth + 1, budget, signing)) {
          hits.push({
            ...inner,
            start: blob.start,
            end: blob.end,
            fingerprint: inner.fingerprint ?? fingerprint(inner.value),
            label: inner.label.endsWith('(base64-encoded)') ? inner.label : `${inner.label} (base64-encoded)`,
          });
        }
      }
    }
    return hits;
  }

  /**
   * Whether a finding could start inside `changedText` (the added lines of a change), whatever
   * the unchanged lines around it hold. False lets a history scan skip reading the whole file.
   * A finding's own line holds what proves it, except its binding, which may sit on an unchanged
   * line above (engine/binding-above.ts). So the added lines may find when:
   * - they hold a keyword and the detectors find something in them, or they are too long to
   *   be worth judging apart from their file (JUDGED_HUNK);
   * - they hold a known token, a declared format, or a base64 blob the scan would open;
   * - a value in them whose line lets its binding be above passes the filter that binding
   *   would apply, judged with what its own line says (quotes, the characters around it);
   * - a chain of literals in them may be bound from above, or may join pieces on a line they
   *   do not hold (`"…" +` at a line end).
   * test/may-find.test.ts holds this to every catalogue example and cross-line shape.
   */
  mayFind(changedText: string): boolean {
    if (this.knownFingerprints.size > 0 || changedText.includes('\0')) return true;
    const keyword = this.keywords.anyIn(changedText);
    if (
      keyword &&
      (changedText.length > JUDGED_HUNK ||
        this.collect(changedText, 0, { bytes: MAX_DECODED_BYTES }, signingContext(changedText)).length > 0)
    )
      return true;
    if (this.knownVariants.some((v) => changedText.includes(v.text))) return true;
    for (const f of this.config.formats) {
      if (f.prefix ? changedText.includes(f.prefix) : ((f.pattern.lastIndex = 0), f.pattern.test(changedText))) return true;
    }
    if (!keyword) {
      // collect above opened the blobs when there is a keyword. A spent budget decides nothing.
      const budget = { bytes: MAX_DECODED_BYTES };
      if (decodeBase64Blobs(changedText, this.blobKeywords, budget, true).length > 0 || budget.bytes <= 0) return true;
    }
    const minLength = this.config.thresholds.minLength;
    for (const [runStart, runEnd] of tokenRuns(changedText, minLength)) {
      if (this.mayBeBoundFromAbove(changedText, runStart, runEnd)) return true;
    }
    for (const chain of literalChains(changedText)) {
      const joined = chain.pieces > 1 && chain.value.length >= minLength;
      if (!chain.open && !joined) continue;
      if (mayBeBoundAbove(changedText, chain.start)) {
        if (chain.open || this.passesBound(chain.value, { quoted: true })) return true;
      } else if (chain.open && keyword && this.keywords.anyIn(changedText.slice(Math.max(0, chain.start - LOOK_BEHIND), chain.start))) {
        // Bound on its own line (collect judged the pieces it saw), it may go on below.
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the token run at [runStart, runEnd) of added lines may be a value bound to a line
   * above, and passes the filter that binding's value would: the same value, quotes and
   * neighbouring characters findBound gives it.
   */
  private mayBeBoundFromAbove(text: string, runStart: number, runEnd: number): boolean {
    // `NAME=value` in one run: its name is on this line, where collect judged it.
    if (valueStartInRun(text, runStart, runEnd) !== runStart) return false;
    const end = trimSentenceDot(text, runStart, runEnd);
    if (end - runStart < this.config.thresholds.minLength) return false;
    // `user:…@` of a URL whose Kernel host may be read past the line's end.
    const userinfo = text.charCodeAt(end) === 64 && text.charCodeAt(runStart - 1) === 58;
    if (!userinfo && !mayBeBoundAbove(text, runStart)) return false;
    const before = sameLineBefore(text, runStart);
    const quoted = /["'`]/.test(text.charAt(runStart - 1));
    return this.passesBound(text.slice(runStart, end), { before, after: text.charAt(end), quoted });
  }

  /** Whether `value` passes the credential filter as a bound value (judgements remembered when it does not). */
  private passesBound(value: string, ctx: { before?: string; after?: string; quoted: boolean }): boolean {
    const key = `${ctx.quoted ? '"' : ''}${ctx.before ?? ''}\u0000${value}\u0000${ctx.after ?? ''}`;
    if (this.rejectedRuns.has(key)) return false;
    if (rejectCandidate(value, this.config.thresholds, { ...ctx, bound: true }) === undefined) return true;
    this.rememberRejected(key);
    return false;
  }

  private rememberRejected(key: string): void {
    if (this.rejectedRuns.size >= MAX_REMEMBERED_RUNS) this.rejectedRuns.clear();
    this.rejectedRuns.add(key);
  }

  /**
   * Judges one value whose context the caller knows (an ESLint rule knows the AST name).
   * `surroundings` is the file the value comes from (JWT test vectors are judged by it, as the
   * text scan judges them by the file it scans). Returns undefined when the value is not a credential.
   */
  checkValue(value: string, context: ValueContext, surroundings?: string): ValueVerdict | undefined {
    const hits: RawHit[] = [];
    this.findKnown(value, hits);
    const whole = hits.find((h) => h.start === 0 && h.end === value.length) ?? hits[0];
    if (whole) return this.verdict(whole);
    const signing = this.signingOf(surroundings ?? value);
    const format = this.formatVerdict(value, signing);
    if (format) return this.verdict(format);
    if (context === 'plain') return undefined;
    const slot = VALUE_CONTEXTS[context];
    if (this.config.severity[slot.detector] === 'off') return undefined;
    if (rejectCandidate(value, this.config.thresholds, { quoted: true, bound: true, signing }) !== undefined) return undefined;
    return this.verdict({ ...slot, severity: 'error', start: 0, end: value.length, value });
  }

  private verdict(hit: RawHit): ValueVerdict | undefined {
    const configured = this.config.severity[hit.detector];
    if (configured === 'off') return undefined;
    const fp = hit.fingerprint ?? fingerprint(hit.value);
    if (this.config.allowedFingerprints.has(fp)) return undefined;
    const pv = preview(hit.value);
    return {
      detector: hit.detector,
      rule: hit.rule,
      severity: minSeverity(hit.severity, configured),
      fingerprint: fp,
      preview: pv,
      message: `${hit.label}: ${pv}`,
      remediation: remediationFor(hit.detector),
      // The span holds an encoding of the token, not the token itself (no safe text replacement).
      encoded: hit.fingerprint !== undefined && hit.fingerprint !== fingerprint(hit.value),
    };
  }

  private findKnown(text: string, hits: RawHit[]): void {
    for (const v of this.knownVariants) {
      for (let at = text.indexOf(v.text); at !== -1; at = text.indexOf(v.text, at + v.text.length)) {
        hits.push({
          detector: 'known',
          rule: `known/${v.form}`,
          severity: 'error',
          start: at,
          end: at + v.text.length,
          value: v.text,
          fingerprint: v.fingerprint,
          label: `Your live Kernel token (${v.form})`,
        });
      }
    }
    if (this.knownFingerprints.size === 0) return;
    for (const [runStart, runEnd] of fingerprintRuns(text, MIN_KNOWN_TOKEN_LENGTH)) {
      for (const c of fingerprintCandidates(text.slice(runStart, runEnd))) {
        if (!this.knownFingerprints.has(fingerprint(c.value))) continue;
        const start = runStart + c.start;
        hits.push({
          detector: 'known',
          rule: 'known/fingerprint',
          severity: 'error',
          start,
          end: start + c.value.length,
          value: c.value,
          label: 'A Kernel token listed in your known fingerprints',
        });
        break;
      }
    }
  }

  /** A whole value matching a format entry (JWT, a declared format), or undefined. */
  private formatVerdict(value: string, signing: SigningContext): RawHit | undefined {
    for (const d of this.formatDetectors) {
      d.pattern.lastIndex = 0;
      const m = d.pattern.exec(value);
      const span = m && matchSpan(m);
      if (span?.[0] !== 0 || span[1] !== value.length) continue;
      const hit = this.entryHit(d, value, 0, { quoted: true, signing });
      if (hit) return hit;
    }
    return undefined;
  }

  /** The hit an entry makes of `value` at `start`, after its filter and its verify step; undefined when dropped. */
  private entryHit(
    d: TextDetector,
    value: string,
    start: number,
    ctx: { before?: string; after?: string; quoted: boolean; signing: SigningContext },
  ): RawHit | undefined {
    if (d.prefix && !value.startsWith(d.prefix)) return undefined;
    const thresholds = this.config.thresholds;
    if (d.filter === 'credential' && rejectCandidate(value, thresholds, { ...ctx, bound: true }) !== undefined) return undefined;
    if (
      d.filter === 'placeholder' &&
      rejectCandidate(value, { ...thresholds, minLength: 1, entropyBase64: 0, entropyHex: 0 }) === 'placeholder'
    )
      return undefined;
    const verdict = d.verify ? d.verify(value, ctx.signing) : { severity: d.severity, message: d.message };
    if (!verdict) return undefined;
    const hit = { detector: d.detector, rule: d.id, severity: verdict.severity, start, end: start + value.length, value };
    return { ...hit, label: verdict.message };
  }

  /** Every token-shaped run whose binding (name, flag, field, call, header) makes it a credential. */
  private findBound(text: string, keywordAt: readonly number[], hits: RawHit[], signing: SigningContext): void {
    const thresholds = this.config.thresholds;
    // Only runs with a binding keyword within reach: the window a binding is read in.
    const regions = regionsNear(keywordAt, LOOK_BEHIND, HOST_WINDOW, text.length);
    for (const [runStart, runEnd] of tokenRuns(text, thresholds.minLength, regions)) {
      const start = valueStartInRun(text, runStart, runEnd);
      const end = trimSentenceDot(text, start, runEnd);
      if (end - start < thresholds.minLength) continue;
      this.judgeBound(text, { runStart, start, end, bindingEnd: end, value: text.slice(start, end) }, hits, signing);
    }
    // Literals split by `+` or implicit concatenation: the first piece's binding, the joined value.
    for (const [from, to] of regions) {
      for (const j of joinedLiterals(text, from, to, thresholds.minLength)) {
        this.judgeBound(text, { runStart: j.start, start: j.start, end: j.end, bindingEnd: j.firstEnd, value: j.value }, hits, signing);
      }
    }
  }

  /** Output lines of a notebook that printed a token (engine/notebook.ts): the cell is the binding. */
  private findNotebookOutputs(text: string, hits: RawHit[], signing: SigningContext): void {
    const rule = BINDING_RULES['notebook-output'];
    for (const o of notebookOutputs(text, this.config.thresholds.minLength, this.names)) {
      if (rejectCandidate(o.value, this.config.thresholds, { quoted: true, bound: true, signing }) !== undefined) continue;
      hits.push({
        detector: rule.detector,
        rule: 'notebook-output',
        severity: 'error',
        start: o.start,
        end: o.end,
        value: o.value,
        label: rule.label(o.name),
      });
    }
  }

  /** A candidate value at [start, end) (`value` may be joined from pieces) and what it is bound to. */
  private judgeBound(
    text: string,
    c: { runStart: number; start: number; end: number; bindingEnd: number; value: string },
    hits: RawHit[],
    signing: SigningContext,
  ): void {
    // Not read past the end (same answer, ''): see judge0's bounds.
    const after = c.end < text.length ? text.charAt(c.end) : '';
    if (after === '(' || after === '[') return; // code: a call or an index
    const binding = judgeBinding(text, c.runStart, c.start, c.bindingEnd, this.names);
    if (!binding) return;
    const rule = BINDING_RULES[binding.rule];
    if (this.config.severity[rule.detector] === 'off') return;
    const reason = rejectCandidate(c.value, this.config.thresholds, {
      before: text.slice(Math.max(0, c.start - 16), c.start),
      after,
      quoted: binding.quoted,
      bound: true,
      signing,
    });
    if (reason !== undefined) return;
    const { start, end, value } = c;
    hits.push({ detector: rule.detector, rule: binding.rule, severity: 'error', start, end, value, label: rule.label(binding.name) });
  }

  private runDetector(d: TextDetector, text: string, hits: RawHit[], signing: SigningContext): void {
    if (d.prefix && !text.includes(d.prefix)) return;
    if (d.anchors && !d.anchors.some((a) => text.includes(a))) return;
    const re = d.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      const span = matchSpan(m);
      const start = span[0];
      // A sentence-ending dot is not part of a credential found by context; a format's match is its proof.
      const end = d.filter === 'credential' ? trimSentenceDot(text, start, span[1]) : span[1];
      const value = text.slice(start, end);
      // A declared prefix may sit in the match before the value group (`ghp_` outside `(…)`).
      const entry = d.prefix && !value.startsWith(d.prefix) && m[0].startsWith(d.prefix) ? { ...d, prefix: undefined } : d;
      const hit = this.entryHit(entry, value, start, {
        before: text.slice(Math.max(0, start - 16), start),
        after: text.charAt(end),
        quoted: m.groups?.['q'] !== undefined,
        signing,
      });
      if (hit) hits.push(hit);
    }
  }

  private toResult(text: string, hits: RawHit[], options: ScanOptions): ScanResult {
    const result: ScanResult = { findings: [], suppressed: [] };
    if (hits.length === 0) return result;
    const lines = new LineIndex(text);
    for (const hit of hits) {
      const configured = this.config.severity[hit.detector];
      if (configured === 'off') continue;
      const from = lines.position(hit.start);
      if (options.onlyLines && !options.onlyLines.has(from.line)) continue;
      const to = lines.position(hit.end);
      const fp = hit.fingerprint ?? fingerprint(hit.value);
      this.onValue?.(fp, hit.value);
      const pv = preview(hit.value);
      const where = options.path ? ` in ${options.path}` : '';
      const finding: Finding = {
        detector: hit.detector,
        rule: hit.rule,
        severity: minSeverity(hit.severity, configured),
        message: `${hit.label}${where}: ${pv}`,
        remediation: remediationFor(hit.detector),
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        offset: hit.start,
        endOffset: hit.end,
        fingerprint: fp,
        preview: pv,
      };
      const suppressedBy = this.config.allowedFingerprints.has(fp)
        ? 'fingerprint'
        : isAllowedLine((n) => lines.lineText(n), from.line, options.path)
          ? 'directive'
          : undefined;
      if (suppressedBy) result.suppressed.push({ ...finding, suppressedBy } satisfies SuppressedFinding);
      else result.findings.push(finding);
    }
    return result;
  }
}

/** The value's span in a match: the group `secret`, else group 1, else the whole match. */
function matchSpan(m: RegExpExecArray): [number, number] {
  return m.indices?.groups?.['secret'] ?? m.indices?.[1] ?? [m.index, m.index + m[0].length];
}

/** A sentence-ending dot is not part of the token (a JWT keeps its dots: it has two inside). */
function trimSentenceDot(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === 46 && dotsBefore(text, start, end - 1) < 2) end--;
  return end;
}

/** How many `.` text[start, end) holds, counted up to 2 (no substring is made). */
function dotsBefore(text: string, start: number, end: number): number {
  let dots = 0;
  for (let at = text.indexOf('.', start); at !== -1 && at < end && dots < 2; at = text.indexOf('.', at + 1)) dots++;
  return dots;
}

/** Sorts hits by position and keeps, among overlapping ones, the most certain. */
function dedupe(hits: RawHit[]): RawHit[] {
  if (hits.length < 2) return hits;
  hits.sort((a, b) => a.start - b.start || PRIORITY[a.detector] - PRIORITY[b.detector] || b.end - a.end);
  const out: RawHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) {
      if (PRIORITY[h.detector] < PRIORITY[prev.detector]) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** Convenience for one-off scans with the default config. */
export function scanText(text: string, options: ScanOptions & ScannerOptions = {}): ScanResult {
  return new Scanner(options).scan(text, options);
}
