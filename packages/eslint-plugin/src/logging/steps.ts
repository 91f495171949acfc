/**
 * What reading a property or calling a method on a KNOWN source gives: `headers.authorization`
 * is the Authorization value, `err.config` a request config, `auth.split(' ')[0]` the scheme,
 * `err.message` nothing. The tables live in the catalogue; this file applies them.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  ALL_HEADERS_GETTER,
  HEADER_GETTER_METHODS,
  MAX_SHOWN_CHARACTERS,
  SLICING_METHODS,
  METHOD_STEPS,
  PROPERTY_STEPS,
  SAFE_PARTS_METHODS,
  SAFE_PROPERTIES,
  SAFE_STRING_METHODS,
  SERIALISING_METHODS,
  SOURCE_KINDS,
  SPLIT_METHOD,
} from '../catalogue/logging-flows.js';
import { staticString } from '../util/static-string.js';
import { derive, SAFE, type Flow, type Verdict } from './flow.js';
import { credentialKindOfName, isPredicateName } from './names.js';
import { renderArguments, renderPropertyKey } from './render.js';

function isIndex(key: string): boolean {
  return key !== '' && String(Number(key)) === key;
}

/** `source[key]` (key undefined when computed from a non-constant). */
export function stepProperty(flow: Flow, key: string | undefined, node: TSESTree.Node): Verdict {
  // Types are asked again about the member itself (see FlowAnalyser.resolve).
  if (flow.kind === 'typed') return null;
  const suffix = renderPropertyKey(key);
  if (key !== undefined && SAFE_PROPERTIES.has(key)) return SAFE;
  if (SOURCE_KINDS[flow.kind].stringValued) {
    // A character or part of the credential is still (part of) the credential…
    if (key === undefined || isIndex(key)) {
      // …except element 0 of `auth.split(' ')`, the scheme.
      return flow.parts && key === '0' ? SAFE : [derive(flow, flow.kind, node, suffix)];
    }
    const named = credentialKindOfName(key);
    return named ? [derive(flow, named, node, suffix)] : SAFE;
  }
  // Dynamic keys on objects (`headers[name]`) are not followed: the rule stays syntactic.
  if (key === undefined) return SAFE;
  const named = credentialKindOfName(key);
  if (named) return [derive(flow, named, node, suffix)];
  // `process.env.NODE_ENV` is no credential by name, but nothing is known about its value either
  // (`{ apiKey: process.env.KEY }` is still judged by its key).
  if (flow.kind === 'process-env') return null;
  const steps = PROPERTY_STEPS[flow.kind];
  const next = steps && Object.hasOwn(steps, key) ? steps[key] : undefined;
  return next ? [derive(flow, next, node, suffix)] : SAFE;
}

/** `source.method(…)`. */
export function stepMethod(flow: Flow, method: string, call: TSESTree.CallExpression): Verdict {
  if (flow.kind === 'typed') return null;
  const suffix = `.${method}${renderArguments(call)}`;
  if (SOURCE_KINDS[flow.kind].stringValued) return stepStringMethod(flow, method, call, suffix);
  if (HEADER_GETTER_METHODS.has(method) && (flow.kind === 'headers' || flow.kind === 'http-request' || flow.kind === 'incoming-request')) {
    if (method === ALL_HEADERS_GETTER && call.arguments.length === 0) return [derive(flow, 'headers', call, suffix)];
    const header = staticString(call.arguments[0]);
    const named = header === undefined ? undefined : credentialKindOfName(header);
    return named ? [derive(flow, named, call, suffix)] : SAFE;
  }
  const steps = METHOD_STEPS[flow.kind];
  const next = steps && Object.hasOwn(steps, method) ? steps[method] : undefined;
  if (!next) return SAFE;
  // AxiosHeaders#toString() prints `Name: value` lines: a string that keeps the credential.
  return [derive(flow, next, call, suffix, SERIALISING_METHODS.has(method) && flow.kind === 'headers' ? { serialised: true } : {})];
}

function stepStringMethod(flow: Flow, method: string, call: TSESTree.CallExpression, suffix: string): Verdict {
  if (flow.parts) {
    const first = call.arguments[0];
    const takesFirst = method === 'shift' || (method === 'at' && staticNumber(first) === 0);
    if (takesFirst || SAFE_PARTS_METHODS.has(method)) return SAFE;
    // `.pop()`, `.join()`, `.slice(1)`: the credential part is (still) in there.
    return [derive(flow, flow.kind, call, suffix, { parts: false })];
  }
  if (method === SPLIT_METHOD) return [derive(flow, flow.kind, call, suffix, { parts: true })];
  if (SAFE_STRING_METHODS.has(method) || isPredicateName(method)) return SAFE;
  if (SLICING_METHODS.has(method) && shownLength(method, call) <= MAX_SHOWN_CHARACTERS) return SAFE;
  // `trim()`, `replace(/^Bearer /, '')`, `slice(7)`, `toString()`: still the credential.
  return [derive(flow, flow.kind, call, suffix)];
}

function staticNumber(node: TSESTree.Node | undefined): number | undefined {
  if (node?.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-') {
    const value = staticNumber(node.argument);
    return value === undefined ? undefined : -value;
  }
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' ? node.value : undefined;
}

/** How many characters `slice(-4)`, `slice(0, 4)`, `substring(0, 4)`, `substr(2, 4)` keep at most; Infinity when not constant. */
function shownLength(method: string, call: TSESTree.CallExpression): number {
  const [first, second] = call.arguments.map((argument) => staticNumber(argument));
  if (first === undefined) return Infinity;
  if (method === 'substr') return second ?? (first < 0 ? -first : Infinity);
  if (second === undefined) return method === 'slice' && first < 0 ? -first : Infinity;
  if (method === 'substring') return Math.abs(second - first);
  return first >= 0 && second >= 0 ? second - first : Infinity;
}
