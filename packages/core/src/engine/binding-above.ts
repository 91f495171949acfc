/**
 * Values whose binding may sit on a line above them. The history prefilter (`Scanner.mayFind`)
 * sees only a change's added lines; a value there whose name, call or record is on an unchanged
 * line above is still found by the scan of the whole file, so the prefilter must keep it.
 *
 * The binding is read backwards from the value (engine/binding.ts). When it is not on the
 * value's own line, that line holds before the value only:
 *   - indentation and the opening quote: operator and name are above (`token = (`,
 *     `KernelClient(`, `kernel_token: |`, a `\` continuation, a notebook's `"text": [`);
 *   - an operator: the name is above (`KERNEL_TOKEN` / `  = "…"`);
 *   - a value field and its operator: the record's name is above (`- name: KERNEL_TOKEN` /
 *     `  value: …`);
 *   - an argument and a comma: the call is above (`req_auth_bearer_token(` / `  req, "…")`);
 *   - `password` or `token` and spaces: a `.netrc` machine or an `Authorization:` is above.
 * Anything else before the value on its line (a credential name, flag, call, header or key) is
 * the binding itself, on the added line, and every binding holds a keyword
 * (test/binding-keywords.test.ts), so the detectors run on those lines find it.
 */
import { VALUE_FIELDS } from '../catalogue/bindings.js';
import { escapeRegExp } from '../regex-text.js';
import { OPERATORS } from './binding.js';

/** Longest line prefix the shapes above can have (each part of ABOVE is bounded). */
const MAX_PREFIX = 200;

const OPERATOR = OPERATORS.map(escapeRegExp).join('|');
/** `plaintext_value` or `plaintext-value`, as binding.ts compares them. */
const FIELD = VALUE_FIELDS.map((f) => escapeRegExp(f).replace(/_/g, '[-_]')).join('|');
/** Indentation, a notebook source line's own opening quote, a list bullet. */
const LEAD = String.raw`[ \t]{0,40}"?[ \t]{0,40}(?:[-*][ \t]{1,8})?`;
const BEFORE_VALUE = [
  OPERATOR,
  String.raw`\\?["']?(?:${FIELD})\\?["']?[ \t]{0,8}(?:${OPERATOR})`,
  String.raw`[A-Za-z_$][\w$]{0,63}[ \t]{0,8},`,
  String.raw`"text(?:\/plain)?":[ \t]{0,8}\[`,
].join('|');
/** The value's line before it, when its binding is above (the value's own quote included). */
const ABOVE = new RegExp(String.raw`^${LEAD}(?:${BEFORE_VALUE})?[ \t]{0,8}(?:[fFrRbBuU]{0,2}\\?["'\`])?$`, 'i');
/** `password …` (.netrc) and `Token …` (Authorization scheme): the context word is on another line. */
const SPACE_NAME = /(?:password|token)[ \t]{1,4}$/i;

/** Start of the line holding `at`, or -1 when it is more than MAX_PREFIX characters back. */
function lineStartWithin(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && at - i <= MAX_PREFIX + 1; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return at <= MAX_PREFIX ? 0 : -1;
}

/** Whether the value starting at `start` may be bound to something on a line above it. */
export function mayBeBoundAbove(text: string, start: number): boolean {
  if (SPACE_NAME.test(text.slice(Math.max(0, start - 16), start))) return true;
  const lineStart = lineStartWithin(text, start);
  return lineStart !== -1 && ABOVE.test(text.slice(lineStart, start));
}

/** The value's own line before it, up to 16 characters: the `before` its judgement reads there. */
export function sameLineBefore(text: string, start: number): string {
  const from = Math.max(0, start - 16);
  const piece = text.slice(from, start);
  const br = Math.max(piece.lastIndexOf('\n'), piece.lastIndexOf('\r'));
  return br === -1 ? piece : piece.slice(br + 1);
}
