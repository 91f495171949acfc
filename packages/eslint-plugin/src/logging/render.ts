/**
 * Spells expressions for report messages WITHOUT ever copying a value: names, member chains
 * and calls are shown; a string literal only when it reads like a key name (letters, `-`, `_`,
 * no digits, short) or is a one-character separator; anything else becomes `…`. A secret in
 * the source can therefore never reach a message through this function.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isTypeWrapper } from '../util/static-string.js';

type Node = TSESTree.Node;

const MAX_LENGTH = 60;
const MAX_DEPTH = 8;
/** A key name as people write them: `authorization`, `x-api-key`, `KERNEL_TOKEN`, `Bearer `. Digits excluded on purpose. */
const KEY_NAME = /^[A-Za-z_$][A-Za-z_$-]{0,31} ?$/;
/** `''`, `' '`, `':'`, `', '`: separators passed to `split`/`join`/`replace`. */
const SEPARATOR = /^[^A-Za-z0-9]{0,2}$/;

function shownString(value: string): string {
  return KEY_NAME.test(value) || SEPARATOR.test(value) ? `'${value}'` : `'…'`;
}

function renderArgument(node: Node): string {
  if (node.type === AST_NODE_TYPES.Literal) {
    if (typeof node.value === 'string') return shownString(node.value);
    if (typeof node.value === 'number') return String(node.value);
    return '…';
  }
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return '…';
}

/** A name from code or types as a message may show it: itself if it reads like a key name, else `…`. */
export function renderName(name: string): string {
  return KEY_NAME.test(name) ? name : '…';
}

/** A property read by key: `.token`, `['x-api-key']`, `[0]`, `[…]` (unknown or not shown). */
export function renderPropertyKey(key: string | undefined): string {
  if (key === undefined) return '[…]';
  if (KEY_NAME.test(key) && !key.includes('-') && !key.endsWith(' ')) return `.${key}`;
  if (/^\d{1,6}$/.test(key)) return `[${key}]`;
  return `[${shownString(key)}]`;
}

/** `.name`, `?.name`, `['x-api-key']`, `[0]` or `[…]`. */
export function renderPropertyAccess(node: TSESTree.MemberExpression): string {
  const dot = node.optional ? '?.' : '.';
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier
      ? `${dot}#${node.property.name}`
      : `${dot}${render(node.property, MAX_DEPTH)}`;
  }
  const open = node.optional ? '?.[' : '[';
  const { property } = node;
  if (property.type === AST_NODE_TYPES.Literal && (typeof property.value === 'string' || typeof property.value === 'number')) {
    return `${open}${typeof property.value === 'string' ? shownString(property.value) : property.value}]`;
  }
  return `${open}…]`;
}

/** `(…)` with its arguments shown by `renderArgument`. */
export function renderArguments(node: TSESTree.CallExpression | TSESTree.NewExpression): string {
  return `(${node.arguments.map(renderArgument).join(', ')})`;
}

function render(node: Node, depth: number): string {
  if (depth > MAX_DEPTH) return '…';
  if (isTypeWrapper(node)) return render(node.expression, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.Super:
      return 'super';
    case AST_NODE_TYPES.ChainExpression:
      return render(node.expression, depth + 1);
    case AST_NODE_TYPES.AwaitExpression:
      return `await ${render(node.argument, depth + 1)}`;
    case AST_NODE_TYPES.MemberExpression:
      return render(node.object, depth + 1) + renderPropertyAccess(node);
    case AST_NODE_TYPES.CallExpression:
      return render(node.callee, depth + 1) + renderArguments(node);
    case AST_NODE_TYPES.NewExpression:
      return `new ${render(node.callee, depth + 1)}${renderArguments(node)}`;
    default:
      return '…';
  }
}

/** The expression as a message shows it: at most 60 characters, never a literal value. */
export function renderExpression(node: Node): string {
  const text = render(node, 0);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
