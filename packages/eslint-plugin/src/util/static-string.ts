/**
 * Reading constant strings and names out of the AST: `"a" + "b"`, `` `c` ``, `obj['KERNEL_TOKEN']`,
 * `{ [`apiKey`]: … }`. Pure functions of the nodes; no scope analysis (a `const` holding a key
 * name is not followed), which keeps the rule one cheap pass.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** The cooked text of a template part; invalid escapes (legal in tagged templates) keep the raw text. */
export function templateText(quasi: TSESTree.TemplateElement): string {
  return quasi.value.cooked ?? quasi.value.raw;
}

/** A string literal or an expression-free template literal, or undefined. */
function leafString(node: Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return templateText(node.quasis[0]!);
  return undefined;
}

export function isConcatenation(node: Node | undefined): node is TSESTree.BinaryExpression {
  return node?.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+';
}

/**
 * Folds string literals joined with `+` into one constant. Memoised per node, so asking about
 * every `+` of a long chain (as the rule does, parent first) stays linear in the chain.
 */
export class ConcatenationFolder {
  private readonly folded = new WeakMap<Node, string | null>();

  /** The constant value of `node`, or undefined when any part is not a string constant. */
  fold(node: Node): string | undefined {
    if (!isConcatenation(node)) return leafString(node);
    let value = this.folded.get(node);
    if (value === undefined) {
      const left = this.fold(node.left);
      const right = left === undefined ? undefined : this.fold(node.right);
      value = left === undefined || right === undefined ? null : left + right;
      this.folded.set(node, value);
    }
    return value ?? undefined;
  }

  /** True when `node` is a part of a larger concatenation that folds: that one is checked instead. */
  isFoldedPart(node: Node): boolean {
    const parent = node.parent;
    return isConcatenation(parent) && this.fold(parent) !== undefined;
  }
}

/** TypeScript-only wrappers that do not change the value: `x as const`, `x!`, `<T>x`, `x satisfies T`. */
export function isTypeWrapper(
  node: Node,
): node is TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/** A string constant (literal, template or concatenation), seen through type wrappers. */
export function staticString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (isTypeWrapper(node)) return staticString(node.expression);
  if (isConcatenation(node)) {
    const left = staticString(node.left);
    const right = left === undefined ? undefined : staticString(node.right);
    return right === undefined ? undefined : left! + right;
  }
  return leafString(node);
}

/**
 * The name an expression or pattern stores a value under: `token`, `this.#token`,
 * `process.env.KERNEL_TOKEN`, `headers['Authorization']`, `<X apiKey=…>`, `{ token = … }`.
 */
export function nameOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.PrivateIdentifier:
    case AST_NODE_TYPES.JSXIdentifier:
      return node.name;
    case AST_NODE_TYPES.JSXNamespacedName:
      return node.name.name;
    case AST_NODE_TYPES.MemberExpression:
      return node.computed ? staticString(node.property) : nameOf(node.property);
    case AST_NODE_TYPES.ChainExpression:
      return nameOf(node.expression);
    case AST_NODE_TYPES.AssignmentPattern:
      return nameOf(node.left);
    case AST_NODE_TYPES.TSParameterProperty:
      return nameOf(node.parameter);
    default:
      return isTypeWrapper(node) ? nameOf(node.expression) : staticString(node);
  }
}

/** The key of a property, class member or enum member: `token:`, `'api-key':`, `['KERNEL_TOKEN']:`, `#token`. */
export function keyName(member: { key: Node; computed: boolean }): string | undefined {
  const { key } = member;
  if (member.computed) return staticString(key);
  if (key.type === AST_NODE_TYPES.Literal) return key.value === null ? undefined : String(key.value);
  return nameOf(key);
}
