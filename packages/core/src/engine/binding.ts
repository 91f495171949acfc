/**
 * Binding-based detection, candidate first: find every token-shaped run cheaply (a skip-ahead
 * loop, like base64Runs), then judge what the run is bound to by reading a bounded window of
 * text before it: the name, flag, field, call or header it belongs to, in any syntax.
 *
 *   KERNEL_TOKEN=…   token: str = "…"   --token …   ["--token", "…"]   KernelClient(\n token=\n "…")
 *   {"name": "KERNEL_TOKEN", "value": "…"}   req_auth_bearer_token(req, "…")   | KERNEL_TOKEN | … |
 *
 * Reading goes backwards from the value: its opening quote, white space (up to MAX_NEWLINES line
 * breaks, so a value may sit on a later line than its name), an operator (`=`, `:`, `:=`, `?=`,
 * `??=`, `||=`, `=>`, `,`, `(`, `|`, or a space after a flag), then the name (quoted, bracketed,
 * dotted, typed: `token: str`, `KernelToken string`, `KernelToken { get; set; }`). Every step is
 * bounded (WINDOW characters), so the cost is linear in the text.
 */
import {
  BEARER_CALLS,
  BEARER_CALLS_SECOND_ARGUMENT,
  CIPHERTEXT_MARKERS,
  CIPHERTEXT_WINDOW,
  CREDENTIAL_FLAGS,
  CREDENTIAL_HEADERS,
  KERNEL_SDK_NAMES,
  NAMING_FIELDS,
  VALUE_FIELDS,
  VALUE_FLAGS,
} from '../catalogue/bindings.js';
import { MAX_TOKEN_LENGTH } from '../catalogue/detectors.js';
import { isGenericName, isKernelName } from './names.js';
import { charRuns, TOKEN_CHARS } from './char-runs.js';

/** How far back from a value its binding is read. */
export const WINDOW = 256;
/** How far back a sibling field naming the value is looked for (`"name": "KERNEL_TOKEN", … "value":`). */
export const SIBLING_WINDOW = 400;
/** How far after a value its URL's host is read (`user:…@kernel.asimov.com`). */
export const HOST_WINDOW = 80;
/**
 * Every word a binding needs (in its name, flag, field, call, header, `.netrc` machine line or
 * URL host) lies in [run start - LOOK_BEHIND, value end + HOST_WINDOW): the name within WINDOW,
 * a sibling field's name within SIBLING_WINDOW before a value field that is within WINDOW.
 */
export const LOOK_BEHIND = WINDOW + SIBLING_WINDOW;
/** Line breaks allowed between a name's operator and its value. */
const MAX_NEWLINES = 3;

/** Which kind of binding was found; each is one catalogue entry (rule id, wording, examples). */
export type BindingRule =
  | 'kernel-variable'
  | 'credential-assignment'
  | 'custom-name'
  | 'kernel-client'
  | 'url-parameter'
  | 'cli-flag'
  | 'name-value-pair'
  | 'bearer-helper'
  | 'token-scheme'
  | 'credential-header'
  | 'url-userinfo'
  | 'notebook-output';

export interface Binding {
  rule: BindingRule;
  /** The name, flag, call or header as written (for the message; never the value). */
  name: string;
  /** Whether the value sat in quotes (an unquoted dotted identifier is code). */
  quoted: boolean;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 36;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/**
 * [start, end) of each maximal run of token characters at least `minLength` long (and at most
 * MAX_TOKEN_LENGTH) that touches one of `regions` (ascending, disjoint; default: the whole text).
 */
export function tokenRuns(
  text: string,
  minLength: number,
  regions: readonly (readonly [number, number])[] = [[0, text.length]],
): [number, number][] {
  const out: [number, number][] = [];
  // A run reaching into the next region is not walked again: that region starts after it.
  let floor = 0;
  for (const [from, to] of regions) {
    if (to <= floor) continue;
    for (const run of charRuns(text, minLength, TOKEN_CHARS, Math.max(from, floor), to, minLength)) {
      floor = run[1] + 1;
      if (run[1] - run[0] <= MAX_TOKEN_LENGTH) out.push(run);
    }
  }
  return out;
}

/**
 * Splits `NAME=value` inside one run (`KERNEL_TOKEN=…`, `--token=…`, `--from-literal=token=…`,
 * `token=…` of a URL query) at its last `=` that is not base64 padding. Returns the offset of
 * the value, or the run start when the run has no name in it.
 */
export function valueStartInRun(text: string, start: number, end: number): number {
  for (let i = end - 2; i > start; i--) {
    if (text.charCodeAt(i) !== 61) continue;
    if (text.charCodeAt(i + 1) === 61 || text.charCodeAt(i - 1) === 61) continue;
    return i + 1;
  }
  return start;
}

/**
 * `text.lastIndexOf(needle, from)`, but looking no further back than `lo` (-1 when not found).
 * An unbounded lastIndexOf would scan a whole minified file back for every candidate in it.
 */
function lastIndexWithin(text: string, needle: string, from: number, lo: number): number {
  if (from < lo) return -1;
  const at = text.slice(lo, from + needle.length).lastIndexOf(needle);
  return at === -1 ? -1 : lo + at;
}

/** Moves back over spaces, tabs and up to `newlines` line breaks (and `\` line continuations). */
function skipBack(text: string, i: number, lo: number, newlines: number): { at: number; crossed: number } {
  let crossed = 0;
  while (i > lo) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c)) i--;
    else if (c === 10 || c === 13) {
      if (crossed >= newlines) break;
      if (c === 10 && text.charCodeAt(i - 2) === 13) i--;
      i--;
      crossed++;
      if (text.charCodeAt(i - 1) === 92) i--; // backslash continuation
    } else break;
  }
  return { at: i, crossed };
}

/** The identifier ending at `i` (letters, digits, `_ - . $`), and where it starts. */
function identBefore(text: string, i: number, lo: number): { name: string; start: number } {
  let s = i;
  while (s > lo && i - s < 100 && isIdentChar(text.charCodeAt(s - 1))) s--;
  return { name: text.slice(s, i), start: s };
}

/** The content of a quoted string ending (closing quote) at `i - 1`, on one line, at most 100 characters. */
function quotedBefore(text: string, i: number, lo: number): { name: string; start: number } | undefined {
  const q = i - 1;
  const quote = text.charCodeAt(q);
  if (!isQuote(quote)) return undefined;
  let escaped = 0;
  if (text.charCodeAt(q - 1) === 92) escaped = 1; // \" in JSON-escaped notebooks
  for (let s = q - 1 - escaped; s >= lo && q - s < 102; s--) {
    const c = text.charCodeAt(s);
    if (c === 10 || c === 13) return undefined;
    if (c === quote) {
      const open = escaped && text.charCodeAt(s - 1) === 92 ? s - 1 : s;
      return { name: text.slice(s + 1, q - escaped), start: open };
    }
  }
  return undefined;
}

/** Name with its flag dashes, dotted owner (`self.`, `os.environ.`) and sigils removed. */
function bareName(raw: string): { name: string; flag: boolean } {
  const flag = raw.startsWith('-');
  let name = raw.replace(/^-{1,2}/, '').replace(/^\$/, '');
  const dot = name.lastIndexOf('.');
  if (dot !== -1 && dot < name.length - 1) name = name.slice(dot + 1);
  return { name, flag };
}

/** Operators a value follows, longest first. */
export const OPERATORS = ['??=', '||=', '?=', ':=', '=>', '==', '??', '||', '=', ':', ',', '(', '|'] as const;

function operatorBefore(text: string, i: number): string | undefined {
  for (const op of OPERATORS) {
    if (i >= op.length && text.startsWith(op, i - op.length)) {
      // `::` is a path separator (Rust, C++), not a key separator.
      if (op === ':' && text.charCodeAt(i - 2) === 58) return undefined;
      return op;
    }
  }
  return undefined;
}

export interface NameJudge {
  /** Configured `credentialNames`. */
  isConfiguredName(name: string): boolean;
}

function nameRule(name: string, flag: boolean, judge: NameJudge): BindingRule | undefined {
  if (isKernelName(name)) return flag ? 'cli-flag' : 'kernel-variable';
  if (judge.isConfiguredName(name)) return 'custom-name';
  if (isGenericName(name)) return flag ? 'cli-flag' : 'credential-assignment';
  if (flag && (CREDENTIAL_FLAGS as readonly string[]).includes(name.toLowerCase())) return 'cli-flag';
  return undefined;
}

const VALUE_FIELD_SET = new Set<string>(VALUE_FIELDS);
const NAMING_FIELD_SET = new Set<string>(NAMING_FIELDS);
const VALUE_FLAG_SET = new Set<string>(VALUE_FLAGS);
const HEADER_SET = new Set<string>(CREDENTIAL_HEADERS);
const SDK_SET = new Set<string>(KERNEL_SDK_NAMES);
const BEARER_CALL_SET = new Set<string>(BEARER_CALLS);
const BEARER_SECOND_SET = new Set<string>(BEARER_CALLS_SECOND_ARGUMENT);

/** A name or flag in a naming field, argv string or YAML parent key, as the sibling search sees it. */
export const SIBLING_NAME =
  /(?:["']?(?<field>[A-Za-z_]{2,20})["']?[ \t]{0,16}[:=][ \t]{0,4}["']?|(?<flag>--?))(?<name>[A-Za-z][A-Za-z0-9_.-]{1,63})(?=["'\s:,)]|$)|^[ \t]{0,40}(?<parent>[A-Za-z][A-Za-z0-9_.-]{1,63}):[ \t]{0,8}$/gm;

/**
 * For a value under a value field (`value`, `plaintext_value`, `default`), the credential name a
 * sibling field or the parent key gives it, looked for in SIBLING_WINDOW characters before the
 * field; no other value field may come between (that would be another record's).
 */
function siblingName(text: string, fieldStart: number, judge: NameJudge): string | undefined {
  const lo = Math.max(0, fieldStart - SIBLING_WINDOW);
  const window = text.slice(lo, fieldStart);
  let found: string | undefined;
  SIBLING_NAME.lastIndex = 0;
  for (let m = SIBLING_NAME.exec(window); m; m = SIBLING_NAME.exec(window)) {
    const g = m.groups!;
    if (g['parent'] !== undefined) {
      // YAML parent key: `kernel_token:` then, indented below, `value: …`.
      found = nameRule(g['parent'], false, judge) ? g['parent'] : undefined;
      continue;
    }
    const name = g['name']!;
    const field = g['field']?.toLowerCase();
    if (field !== undefined && VALUE_FIELD_SET.has(field)) {
      found = undefined; // an earlier record's value: its name does not reach us
      continue;
    }
    if (field !== undefined && !NAMING_FIELD_SET.has(field)) {
      // A credential field with its own value (`_authToken: '…'`) is that value's binding, not a
      // name for a later field's (`password: '…'` after it is another setting).
      if (nameRule(field, false, judge)) found = undefined;
      continue;
    }
    if (nameRule(bareName(name).name, g['flag'] !== undefined, judge)) found = name;
    else if (field !== undefined && NAMING_FIELD_SET.has(field)) found = undefined; // names something else
  }
  return found;
}

/** The callee of a call whose `(` is at `paren`: `KernelClient`, `auth.BearerAuth` → `BearerAuth`. */
function calleeBefore(text: string, paren: number, lo: number): string {
  const { at } = skipBack(text, paren, lo, 0);
  return bareName(identBefore(text, at, lo).name).name;
}

/** Whether a value bound to a generic name sits inside a Kernel SDK call (`KernelClient(\n token="…"`). */
function insideKernelCall(text: string, nameStart: number, lo: number): string | undefined {
  let depth = 0;
  for (let i = nameStart - 1; i >= lo; i--) {
    const c = text.charCodeAt(i);
    if (c === 41 || c === 125) depth++;
    else if (c === 123) {
      if (depth > 0) depth--;
    } else if (c === 40) {
      if (depth > 0) {
        depth--;
        continue;
      }
      const callee = calleeBefore(text, i, lo);
      return SDK_SET.has(callee) ? callee : undefined;
    } else if (c === 59) return undefined;
  }
  return undefined;
}

function isCiphertext(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - CIPHERTEXT_WINDOW), start).toLowerCase();
  return CIPHERTEXT_MARKERS.some((m) => window.includes(m));
}

/**
 * What the value at [start, end) is bound to, or undefined. `runStart` is where its run of token
 * characters starts (before `start` when the run holds `NAME=`).
 */
export function judgeBinding(text: string, runStart: number, start: number, end: number, judge: NameJudge): Binding | undefined {
  const binding = judge0(text, runStart, start, end, judge);
  if (binding && isCiphertext(text, start)) return undefined;
  return binding;
}

function judge0(text: string, runStart: number, start: number, end: number, judge: NameJudge): Binding | undefined {
  const lo = Math.max(0, start - WINDOW);
  // NAME=value inside one run: `KERNEL_TOKEN=…`, `--token=…`, `?token=…`, `--from-literal=token=…`.
  if (start > runStart) {
    const left = text.slice(runStart, start - 1);
    const lastEq = left.lastIndexOf('=');
    const { name, flag } = bareName(left.slice(lastEq + 1));
    const outerFlag = lastEq !== -1 && left.startsWith('-');
    const rule = nameRule(name, flag || outerFlag, judge);
    const before = text.charCodeAt(runStart - 1);
    if (rule && (before === 63 || before === 38 || before === 59) && rule !== 'cli-flag')
      return { rule: 'url-parameter', name, quoted: false };
    if (rule) return { rule: rule === 'credential-assignment' ? withinKernel(text, runStart, lo, rule) : rule, name, quoted: false };
    return undefined;
  }
  // URL userinfo: scheme://user:VALUE@host
  // Bounds checked first (same answer): a read past either end, met late in a scan, throws away
  // this function's optimised code, the engine's costliest to compile.
  if (end < text.length && start > 0 && text.charCodeAt(end) === 64 && text.charCodeAt(start - 1) === 58) {
    const slash = lastIndexWithin(text, '//', start, lo);
    // Only for Kernel's own hosts: user-info in other URLs is mostly documentation (`user:pass@host`).
    const host = text.slice(end + 1, end + HOST_WINDOW).toLowerCase();
    const kernelHost = host.includes('kernel') || host.includes('asimov');
    if (kernelHost && slash !== -1 && start - slash < 80 && !/[\s/@]/.test(text.slice(slash + 2, start - 1)))
      return { rule: 'url-userinfo', name: 'URL', quoted: false };
  }
  let p = start;
  let quoted = false;
  if (p > lo && isQuote(text.charCodeAt(p - 1))) {
    quoted = true;
    p--;
    if (text.charCodeAt(p - 1) === 92) p--; // JSON-escaped quote
    // Python string prefixes: f"…", r'…', b"…".
    let k = 0;
    while (k < 2 && p - k > lo && /[fFrRbBuU]/.test(text.charAt(p - k - 1))) k++;
    if (k > 0 && !isIdentChar(text.charCodeAt(p - k - 1))) p -= k;
  } else {
    // A scheme word right before the value: `Token …` in an Authorization header.
    const scheme = /(?:^|[^A-Za-z0-9_-])token[ \t]{1,4}$/i.exec(text.slice(Math.max(lo, p - 12), p));
    if (scheme) {
      const head = text.slice(Math.max(lo, p - 80), p).toLowerCase();
      if (head.includes('authorization')) return { rule: 'token-scheme', name: 'Authorization', quoted: false };
    }
  }
  const ws = skipBack(text, p, lo, MAX_NEWLINES);
  p = ws.at;
  // YAML block scalar indicator: `token: |` / `token: >-`.
  if (ws.crossed > 0 && /[|>]/.test(text.charAt(p - 1))) {
    p--;
    p = skipBack(text, p, lo, 0).at;
  } else if (ws.crossed > 0 && /[|>][-+]$/.test(text.slice(p - 2, p))) {
    p -= 2;
    p = skipBack(text, p, lo, 0).at;
  }
  let op = operatorBefore(text, p);
  if (op === undefined) return spaceBinding(text, p, ws.crossed, start, lo, judge, quoted);
  p -= op.length;
  p = skipBack(text, p, lo, 1).at;
  // A grouping paren (`token = (\n    "…"\n    "…"\n)`, Python's wrapped literal): read on before it.
  if (op === '(' && operatorBefore(text, p) === '=' && text.charCodeAt(p - 2) !== 61) {
    op = '=';
    p = skipBack(text, p - 1, lo, 1).at;
  }
  if (op === '(') {
    const callee = calleeBefore(text, p, lo);
    if (SDK_SET.has(callee)) return { rule: 'kernel-client', name: callee, quoted };
    if (BEARER_CALL_SET.has(callee)) return { rule: 'bearer-helper', name: callee, quoted };
    return undefined;
  }
  if (op === ',') return listBinding(text, p, lo, judge, quoted);
  if (op === '|') return tableBinding(text, p, lo, judge, quoted);
  // Name: quoted key, bracketed key, or identifier with an optional type annotation.
  let raw: { name: string; start: number } | undefined;
  if (text.charCodeAt(p - 1) === 93) {
    // os.environ["KERNEL_TOKEN"] = …, ENV['KERNEL_TOKEN'] = …
    raw = quotedBefore(text, p - 1, lo);
  } else if (isQuote(text.charCodeAt(p - 1))) {
    raw = quotedBefore(text, p, lo);
  } else {
    raw = typedName(text, p, lo, op, judge);
  }
  if (!raw || raw.name === '') return undefined;
  const { name, flag } = bareName(raw.name);
  const lower = name.toLowerCase();
  const rule = nameRule(name, flag, judge);
  if (rule === 'credential-assignment') return { rule: withinKernel(text, raw.start, lo, rule), name, quoted };
  if (rule) return { rule, name, quoted };
  if (HEADER_SET.has(lower)) return { rule: 'credential-header', name, quoted };
  if (VALUE_FIELD_SET.has(lower.replace(/-/g, '_'))) {
    const sibling = siblingName(text, raw.start, judge);
    if (sibling) return { rule: 'name-value-pair', name: bareName(sibling).name, quoted };
  }
  return undefined;
}

function withinKernel(text: string, nameStart: number, lo: number, rule: BindingRule): BindingRule {
  return insideKernelCall(text, nameStart, lo) ? 'kernel-client' : rule;
}

/**
 * The name before `=`/`:`/`:=` ending at `p`, through a type annotation when there is one:
 * `token: str =`, `KERNEL_TOKEN: Final =`, `const KERNEL_TOKEN: &str =`, Go `KernelToken string =`,
 * C# `KernelToken { get; set; } =`. The first reading that is a credential name wins.
 */
function typedName(text: string, p: number, lo: number, op: string, judge: NameJudge): { name: string; start: number } | undefined {
  let q = p;
  // C# auto-property: `{ get; set; }` between name and `=`.
  if (text.charCodeAt(q - 1) === 125 && op === '=') {
    const open = lastIndexWithin(text, '{', q, lo);
    if (open !== -1 && q - open < 40 && text.slice(open, q).includes('get')) q = skipBack(text, open, lo, 0).at;
  }
  const first = identBefore(text, q, lo);
  if (first.name === '') return undefined;
  if (op !== '=' && op !== ':=' && op !== '?=' && op !== '??=' && op !== '||=') return first;
  if (nameRule(bareName(first.name).name, first.name.startsWith('-'), judge)) return first;
  // Type annotation: `name: Type =` (the type may be `&str`, `Final[str]`, `String?`).
  let t = first.start;
  while (t > lo && first.start - t < 40 && /[&<>[\]?'\w ]/.test(text.charAt(t - 1)) && text.charCodeAt(t - 1) !== 58) t--;
  const colon = skipBack(text, t, lo, 0).at;
  if (text.charCodeAt(colon - 1) === 58 && text.charCodeAt(colon - 2) !== 58) {
    const named = identBefore(text, skipBack(text, colon - 1, lo, 0).at, lo);
    if (named.name) return named;
  }
  // Go / C#: `Name Type =`.
  const gap = skipBack(text, first.start, lo, 0).at;
  if (gap < first.start) {
    const named = identBefore(text, gap, lo);
    if (named.name) return named;
  }
  return first;
}

/** Value after white space only: `--token …`, `ENV KERNEL_TOKEN …`, `gh secret set KERNEL_TOKEN --body …`, .netrc `password …`. */
function spaceBinding(
  text: string,
  p: number,
  crossed: number,
  start: number,
  lo: number,
  judge: NameJudge,
  quoted: boolean,
): Binding | undefined {
  if (p === start || (crossed > 0 && text.charCodeAt(p) !== 92 && !/\\\r?\n/.test(text.slice(p, start)))) return undefined;
  const raw = identBefore(text, p, lo);
  if (!raw.name) return undefined;
  const { name, flag } = bareName(raw.name);
  const lineStart = lastIndexWithin(text, '\n', raw.start - 1, lo) + 1;
  const line = text.slice(Math.max(lineStart, lo), raw.start);
  if (flag) {
    const rule = nameRule(name, true, judge);
    if (rule) return { rule, name: raw.name, quoted };
    // `gh secret set KERNEL_TOKEN --body …`: a value flag in a command that names a credential.
    if (VALUE_FLAG_SET.has(name.toLowerCase()) && /secret/i.test(line)) {
      for (const word of line.split(/[\s"'=]+/))
        if (word && nameRule(bareName(word).name, false, judge)) return { rule: 'cli-flag', name: raw.name, quoted };
    }
    return undefined;
  }
  // Dockerfile `ENV KERNEL_TOKEN …`, `set KERNEL_TOKEN …`: a Kernel name as the line's first word or after ENV/set/export.
  if (isKernelName(name) && /^[ \t]{0,16}(?:(?:ENV|env|export|set|setenv|SET)[ \t]{1,4})?$/.test(line))
    return { rule: 'kernel-variable', name, quoted };
  // .netrc: `machine kernel.asimov.com login x password …`
  if ((name === 'password' || name === 'token') && /\bmachine[ \t]/.test(text.slice(Math.max(0, raw.start - 200), raw.start)))
    return { rule: 'credential-assignment', name, quoted };
  return undefined;
}

/** Value after `,`: the list element before it names it (`["--token", "…"]`, `getenv("KERNEL_TOKEN", "…")`, SQL VALUES). */
function listBinding(text: string, p: number, lo: number, judge: NameJudge, quoted: boolean): Binding | undefined {
  const prev = quotedBefore(text, p, lo);
  if (prev) {
    const { name, flag } = bareName(prev.name);
    const rule = nameRule(name, flag, judge);
    if (rule) return { rule: rule === 'credential-assignment' ? 'credential-assignment' : rule, name: prev.name, quoted };
    if (HEADER_SET.has(prev.name.toLowerCase())) return { rule: 'credential-header', name: prev.name, quoted };
    return undefined;
  }
  // req_auth_bearer_token(req, "…"): the callee takes the token second.
  const arg = identBefore(text, p, lo);
  const paren = skipBack(text, arg.start, lo, 1).at;
  if (arg.name && text.charCodeAt(paren - 1) === 40) {
    const callee = calleeBefore(text, paren - 1, lo);
    if (BEARER_SECOND_SET.has(callee)) return { rule: 'bearer-helper', name: callee, quoted };
  }
  return undefined;
}

/** Markdown table: `| KERNEL_TOKEN | … |`: the cell before names it. */
function tableBinding(text: string, p: number, lo: number, judge: NameJudge, quoted: boolean): Binding | undefined {
  const bar = lastIndexWithin(text, '|', p - 1, lo);
  if (bar < lo) return undefined;
  const cell = text
    .slice(bar + 1, p)
    .trim()
    .replace(/^`|`$/g, '');
  const rule = nameRule(cell, false, judge);
  return rule ? { rule, name: cell, quoted } : undefined;
}
