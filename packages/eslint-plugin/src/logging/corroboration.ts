/**
 * Judgements the rule makes about a flow before reporting it, beyond what the flow itself
 * says: is the ambiguous word `token` corroborated by the file, does the logger redact the
 * logged path by itself, is a `new …Error(…)` message a string leak.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { AUTH_CONTEXT_WORDS, SOURCE_KINDS, type SourceKind } from '../catalogue/logging-flows.js';
import { memberPath } from '../util/ast.js';
import { isTypeWrapper, keyName } from '../util/static-string.js';
import type { Flow } from './flow.js';
import type { Redaction } from './sinks.js';

/** Whether the file handles credentials at all (one pass over its text, once per file). */
export function hasAuthContext(text: string): boolean {
  const lower = text.toLowerCase();
  return AUTH_CONTEXT_WORDS.some((word) => lower.includes(word));
}

/** Only strings survive into an error message (objects print as `[object Object]`). */
export function isStringFlow(flow: Flow): boolean {
  return flow.serialised === true || SOURCE_KINDS[flow.kind].stringValued;
}

/** `new Error(…)`, `new TypeError(…)`, `new errors.HttpError(…)`: any constructor named `…Error`; its label. */
export function errorConstructorLabel(node: TSESTree.NewExpression): string | undefined {
  const path = memberPath(node.callee);
  return path?.endsWith('Error') ? `new ${path}` : undefined;
}

/** Where the credential sits below a flow of each kind (`headers` → `.authorization`); undefined: not a redactable path. */
const CREDENTIAL_SUFFIX: Partial<Record<SourceKind, readonly string[]>> = {
  authorization: [],
  token: [],
  'token-word': [],
  headers: ['authorization'],
  'request-config': ['headers', 'authorization'],
  'http-request': ['headers', 'authorization'],
  'incoming-request': ['headers', 'authorization'],
  'http-error': ['config', 'headers', 'authorization'],
  'http-response': ['config', 'headers', 'authorization'],
};

/** The keys from a logged object literal down to `node` (`{ req: { headers: h } }` → req.headers), or undefined. */
function pathInArgument(node: TSESTree.Node, argument: TSESTree.Node): string[] | undefined {
  const keys: string[] = [];
  let current: TSESTree.Node = node;
  while (current !== argument) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
      const key = keyName(parent);
      if (key === undefined) return undefined;
      keys.push(key.toLowerCase());
    } else if (parent.type !== AST_NODE_TYPES.ObjectExpression && !isTypeWrapper(parent)) {
      return undefined;
    }
    current = parent;
  }
  return keys.reverse();
}

/** Whether the sink's own redaction (pino `redact` paths, a redacting format) removes this flow's credential. */
export function isRedacted(flow: Flow, argument: TSESTree.Node, redaction: Redaction | undefined): boolean {
  if (!redaction) return false;
  if (redaction.all) return true;
  const suffix = CREDENTIAL_SUFFIX[flow.kind];
  const path = suffix && pathInArgument(flow.node, argument);
  if (!suffix || !path) return false;
  const full = [...path, ...suffix];
  // pino removes a path and everything below it: a redact path that is a prefix of the credential's covers it.
  return redaction.paths.some((p) => p.length <= full.length && p.every((segment, i) => segment === '*' || segment === full[i]));
}

/** `typeof x !== 'string'` (or `!=`), alone or in an `||` chain: in the `if`'s branch, `x` is not a string. */
function testsNotAString(test: TSESTree.Node, name: string): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '||')
    return testsNotAString(test.left, name) || testsNotAString(test.right, name);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '!==' && test.operator !== '!=')) return false;
  const { left, right } = test;
  return (
    left.type === AST_NODE_TYPES.UnaryExpression &&
    left.operator === 'typeof' &&
    left.argument.type === AST_NODE_TYPES.Identifier &&
    left.argument.name === name &&
    right.type === AST_NODE_TYPES.Literal &&
    right.value === 'string'
  );
}

/**
 * `if (typeof token !== 'string' || !token) throw new Error(\`… ${token}\`)`: a string
 * credential flow whose identifier is, in that branch, known not to hold a string (or to be
 * empty) prints no credential. Looks up the enclosing statements of the same function only.
 */
export function isGuardedNotAString(flow: Flow): boolean {
  const node = flow.node;
  if (node.type !== AST_NODE_TYPES.Identifier || !SOURCE_KINDS[flow.kind].stringValued) return false;
  let child: TSESTree.Node = node;
  for (let parent: TSESTree.Node | undefined = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && testsNotAString(parent.test, node.name)) return true;
    if (
      parent.type === AST_NODE_TYPES.FunctionDeclaration ||
      parent.type === AST_NODE_TYPES.FunctionExpression ||
      parent.type === AST_NODE_TYPES.ArrowFunctionExpression
    )
      return false;
  }
  return false;
}
