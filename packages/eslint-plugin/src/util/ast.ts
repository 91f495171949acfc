/**
 * Small, pure AST helpers shared by the rules: seeing through wrappers that do not change a
 * value, and spelling a member chain as a dotted path. No scope
 * analysis here; callers that need bindings ask the scope manager themselves.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isTypeWrapper, nameOf } from './static-string.js';

type Node = TSESTree.Node;

/**
 * The expression a value really comes from: strips `x as T`, `x!`, `<T>x`, `x satisfies T`,
 * optional chains (`a?.b` is the same read as `a.b`) and `await` (logging a promise's result
 * logs the value).
 */
export function unwrapExpression(node: Node): Node {
  let current = node;
  for (;;) {
    if (isTypeWrapper(current)) current = current.expression;
    else if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
    else if (current.type === AST_NODE_TYPES.AwaitExpression) current = current.argument;
    else return current;
  }
}

/** The static name of a member's property (`a.b`, `a['b']`, `` a[`b`] ``, `a[0]`), or undefined. */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal) {
    const { value } = node.property;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
  return nameOf(node.property);
}

/** Longest member chain spelled as a path; deeper chains are not names anyone configures. */
const MAX_PATH_SEGMENTS = 8;

/**
 * A member chain of plain names as a dotted path: `console`, `this.logger`, `process.stdout`,
 * `req['log']` → `req.log`. Undefined when any link is computed from a non-constant, a call or
 * anything else that is not a name, so a path always names the same thing the code does.
 */
export function memberPath(node: Node): string | undefined {
  const segments: string[] = [];
  let current = unwrapExpression(node);
  while (segments.length <= MAX_PATH_SEGMENTS) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      segments.push(current.name);
      return segments.reverse().join('.');
    }
    if (current.type === AST_NODE_TYPES.ThisExpression) {
      segments.push('this');
      return segments.reverse().join('.');
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(current);
    if (name === undefined) return undefined;
    segments.push(name);
    current = unwrapExpression(current.object);
  }
  return undefined;
}

/** The last name of a callee: `redact` for `redact(x)`, `util.redact(x)` and `this.redact(x)`. */
export function calleeName(callee: Node): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node);
  return undefined;
}
