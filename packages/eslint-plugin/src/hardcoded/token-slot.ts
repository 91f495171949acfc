/**
 * WHERE a string sits: walks from a string node up to the place that names it (a variable, a
 * property, a header, a JSX attribute, a call to KernelClient…) and collects those names.
 * Whether any name is a credential name is the matcher's job; whether the string is a
 * token is the engine's.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  COMPARISON_OPERATORS,
  FALLBACK_OPERATORS,
  GETTER_PREFIX,
  KERNEL_CLIENT_NAMES,
  PROVIDER_SUFFIXES,
  SETTER_PREFIX,
  STATE_HOOKS,
  TRANSPARENT_TAGS,
} from '../catalogue/token-slots.js';
import { memberPath } from '../util/ast.js';
import { isTypeWrapper, keyName, nameOf, staticString } from '../util/static-string.js';

type Node = TSESTree.Node;

const NO_NAMES: ReadonlySet<string> = new Set();

/** How far up a value is followed to the place that names it; deeper wrappers are not code people write. */
const MAX_SLOT_STEPS = 32;

export interface TokenSlot {
  /** Names the value is stored, passed or compared under, innermost first. */
  names: string[];
  /** The value is an argument of a Kernel SDK client (`KernelClient("…")`). */
  kernelClient: boolean;
}

/** `setToken` → `Token`, `getApiKey` → `ApiKey`; undefined for `set`, `settle`, `getter`. */
function prefixSubject(name: string | undefined, prefix: string): string | undefined {
  if (!name || name.length <= prefix.length || !name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  const first = rest[0]!;
  return first === '_' || first !== first.toLowerCase() ? rest : undefined;
}

function setterSubject(callee: string | undefined): string | undefined {
  return prefixSubject(callee, SETTER_PREFIX);
}

/** The names a function's result is stored under: `getToken` → `getToken`, `Token`; `tokenProvider` → `token`. */
function functionResultNames(name: string | undefined): (string | undefined)[] {
  const suffix = name === undefined ? undefined : PROVIDER_SUFFIXES.find((s) => name.length > s.length && name.endsWith(s));
  return [name, prefixSubject(name, GETTER_PREFIX), suffix === undefined ? undefined : name!.slice(0, -suffix.length)];
}

/** The name of a function: its declaration, the variable, property, method or getter holding it. */
function functionName(fn: TSESTree.FunctionLike): string | undefined {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return nameOf(parent.id);
  if (
    parent?.type === AST_NODE_TYPES.Property ||
    parent?.type === AST_NODE_TYPES.MethodDefinition ||
    parent?.type === AST_NODE_TYPES.PropertyDefinition
  )
    return keyName(parent);
  return undefined;
}

function isFunctionNode(node: Node): node is TSESTree.FunctionLike {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** `return "…"` (or an arrow's expression body): the enclosing function's names. */
function returnSlot(statement: Node, slot: TokenSlot): void {
  for (let node = statement.parent; node; node = node.parent) {
    if (isFunctionNode(node)) {
      for (const name of functionResultNames(functionName(node))) pushName(slot, name);
      return;
    }
  }
}

/** `const [token, setToken] = useState("…")`, `const token = ref("…")`: the binding's name. */
function stateSlot(call: TSESTree.CallExpression | TSESTree.NewExpression, slot: TokenSlot): void {
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call) return;
  const id = declarator.id;
  if (id.type === AST_NODE_TYPES.ArrayPattern) pushName(slot, nameOf(id.elements[0]));
  else pushName(slot, nameOf(id));
}

/** `["--token", "…"]` in an argv array of any length: the flag names the value. */
function argvFlag(array: TSESTree.ArrayExpression, child: Node): string | undefined {
  const index = array.elements.indexOf(child as TSESTree.Expression);
  const flag = index > 0 ? staticString(array.elements[index - 1]) : undefined;
  if (!flag?.startsWith('-')) return undefined;
  return flag.replace(/^-{1,2}/, '');
}

/** Names a call gives its argument: `KernelClient(…)`, `headers.set('Authorization', …)`, `setToken(…)`. */
function callSlot(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: Node,
  slot: TokenSlot,
  kernel: ReadonlySet<string>,
): void {
  const callee = nameOf(call.callee);
  const root = memberPath(call.callee)?.split('.', 1)[0];
  if (callee !== undefined && (KERNEL_CLIENT_NAMES.has(callee) || kernel.has(callee) || (root !== undefined && kernel.has(root)))) {
    slot.kernelClient = true;
    return;
  }
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index === 0 && callee !== undefined && STATE_HOOKS.has(callee)) return stateSlot(call, slot);
  // (name, value) pairs: headers.set/append, setHeader, setRequestHeader, localStorage.setItem, vi.stubEnv…
  if (index === 1) pushName(slot, staticString(call.arguments[0]));
  if (index === 0) pushName(slot, setterSubject(callee));
}

/** A map's name as one entry's: `TOKENS` → `TOKEN`, `apiKeys` → `apiKey`. */
function singular(name: string | undefined): string | undefined {
  return name !== undefined && name.length > 1 && (name.endsWith('s') || name.endsWith('S')) ? name.slice(0, -1) : name;
}

function pushName(slot: TokenSlot, name: string | undefined): void {
  if (name !== undefined && name !== '') slot.names.push(name);
}

/** The slot of a string-valued node (a literal, an expression-free template or a folded concatenation). */
export function slotOf(node: Node, kernel: ReadonlySet<string> = NO_NAMES): TokenSlot {
  const slot: TokenSlot = { names: [], kernelClient: false };
  let inMap = false;
  let child: Node = node;
  let steps = 0;
  // Bounded: every string and value identifier walks at most MAX_SLOT_STEPS ancestors, so a long
  // `+` chain or nested template costs a constant per node and the file stays linear.
  for (let parent = node.parent; parent && steps < MAX_SLOT_STEPS; child = parent, parent = parent.parent, steps++) {
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
      // `\`Bearer ${K}\``: a const's value flows on into the template's slot.
      case AST_NODE_TYPES.JSXExpressionContainer:
      case AST_NODE_TYPES.TemplateLiteral:
        continue;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        if (TRANSPARENT_TAGS.has(memberPath(parent.tag) ?? '')) continue;
        return slot;
      case AST_NODE_TYPES.ReturnStatement:
        returnSlot(parent, slot);
        return slot;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body === child) for (const name of functionResultNames(functionName(parent))) pushName(slot, name);
        return slot;
      // Slots that name the value.
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === child) pushName(slot, inMap ? singular(nameOf(parent.id)) : nameOf(parent.id));
        return slot;
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.AssignmentPattern:
        if (parent.right === child) pushName(slot, nameOf(parent.left));
        return slot;
      case AST_NODE_TYPES.Property:
        if (parent.value !== child) return slot;
        pushName(slot, keyName(parent));
        // Token maps: `const TOKENS = { staging: "…" }` is also named by the map.
        if (parent.parent.type === AST_NODE_TYPES.ObjectExpression && !inMap) {
          inMap = true;
          // The loop's step moves on from the map to what names it.
          parent = parent.parent;
          continue;
        }
        return slot;
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
        // argv arrays: ["run", "--token", "…"] passed to execFile/spawn.
        else pushName(slot, argvFlag(parent, child));
        return slot;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        callSlot(parent, child, slot, kernel);
        return slot;
      default:
        if (isTypeWrapper(parent)) continue;
        return slot;
    }
  }
  return slot;
}
