/**
 * WHERE a string sits: walks from a string node up to the place that names it (a variable, a
 * property, a header, a JSX attribute, a call to KernelClient…) and collects those names.
 * Whether any name is a credential name is the matcher's job; whether the string is a
 * token is the engine's.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { COMPARISON_OPERATORS, FALLBACK_OPERATORS, KERNEL_CLIENT_NAMES, SETTER_PREFIX } from '../catalogue/token-slots.js';
import { isTypeWrapper, keyName, nameOf, staticString } from '../util/static-string.js';

type Node = TSESTree.Node;

export interface TokenSlot {
  /** Names the value is stored, passed or compared under, innermost first. */
  names: string[];
  /** The value is an argument of a Kernel SDK client (`KernelClient("…")`). */
  kernelClient: boolean;
}

/** `setToken` → `Token`, `setApiKey` → `ApiKey`; undefined for `set`, `settle`, `setup`. */
function setterSubject(callee: string | undefined): string | undefined {
  if (!callee || callee.length <= SETTER_PREFIX.length || !callee.startsWith(SETTER_PREFIX)) return undefined;
  const rest = callee.slice(SETTER_PREFIX.length);
  const first = rest[0]!;
  return first === '_' || first !== first.toLowerCase() ? rest : undefined;
}

/** Names a call gives its argument: `KernelClient(…)`, `headers.set('Authorization', …)`, `setToken(…)`. */
function callSlot(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node, slot: TokenSlot): void {
  const callee = nameOf(call.callee);
  if (callee !== undefined && KERNEL_CLIENT_NAMES.has(callee)) {
    slot.kernelClient = true;
    return;
  }
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  // (name, value) pairs: headers.set/append, setHeader, setRequestHeader, localStorage.setItem, vi.stubEnv…
  if (index === 1) pushName(slot, staticString(call.arguments[0]));
  if (index === 0) pushName(slot, setterSubject(callee));
}

function pushName(slot: TokenSlot, name: string | undefined): void {
  if (name !== undefined && name !== '') slot.names.push(name);
}

/** The slot of a string-valued node (a literal, an expression-free template or a folded concatenation). */
export function slotOf(node: Node): TokenSlot {
  const slot: TokenSlot = { names: [], kernelClient: false };
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      // Transparent: the value flows on to the enclosing slot.
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator === '+') continue;
        if (COMPARISON_OPERATORS.has(parent.operator)) pushName(slot, nameOf(parent.left === child ? parent.right : parent.left));
        return slot;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== child) continue;
        return slot;
      case AST_NODE_TYPES.LogicalExpression:
        // `process.env.KERNEL_TOKEN ?? "…"` is named by its left side, and still flows on.
        if (parent.right === child && FALLBACK_OPERATORS.has(parent.operator)) {
          pushName(slot, nameOf(parent.left));
          continue;
        }
        return slot;
      case AST_NODE_TYPES.JSXExpressionContainer:
        continue;
      // Slots that name the value.
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === child) pushName(slot, nameOf(parent.id));
        return slot;
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.AssignmentPattern:
        if (parent.right === child) pushName(slot, nameOf(parent.left));
        return slot;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (parent.value === child) pushName(slot, keyName(parent));
        return slot;
      case AST_NODE_TYPES.TSEnumMember:
        if (parent.initializer === child) pushName(slot, nameOf(parent.id));
        return slot;
      case AST_NODE_TYPES.JSXAttribute:
        pushName(slot, nameOf(parent.name));
        return slot;
      case AST_NODE_TYPES.ArrayExpression:
        // Header and Map entries: [['Authorization', 'Bearer …']], new Map([['token', '…']]).
        if (parent.elements.length === 2 && parent.elements[1] === child) pushName(slot, staticString(parent.elements[0]));
        return slot;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        callSlot(parent, child, slot);
        return slot;
      default:
        if (isTypeWrapper(parent)) continue;
        return slot;
    }
  }
  return slot;
}
