/**
 * The editor suggestion "read it from process.env.KERNEL_TOKEN": where an expression may stand
 * in place of the string, and the text that keeps the rest of the string intact
 * (`"Bearer <token>"` → `` `Bearer ${process.env.KERNEL_TOKEN}` ``).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberPath } from '../util/ast.js';
import { keyName, staticString } from '../util/static-string.js';

type Node = TSESTree.Node;

/**
 * The node the suggestion replaces: the string itself, or `"…" as const` as a whole (a const
 * assertion on `process.env.X` does not type-check).
 */
export function suggestionTarget(node: Node): Node {
  const parent = node.parent;
  const isConstAssertion =
    parent?.type === AST_NODE_TYPES.TSAsExpression &&
    parent.expression === node &&
    parent.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    parent.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    parent.typeAnnotation.typeName.name === 'const';
  return isConstAssertion ? parent : node;
}

/** Positions where only a literal is legal: keys, module specifiers, types, enums, directives, ambient declarations. */
export function acceptsExpression(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSAbstractPropertyDefinition:
    case AST_NODE_TYPES.TSAbstractAccessorProperty:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
    case AST_NODE_TYPES.TSMethodSignature:
      // A plain key is not an expression; a computed key or a value is.
      return parent.key !== node || parent.computed;
    case AST_NODE_TYPES.VariableDeclarator:
      // `declare const X = "…"` only takes literals.
      return !(parent.parent.type === AST_NODE_TYPES.VariableDeclaration && parent.parent.declare);
    case AST_NODE_TYPES.ExpressionStatement:
      return parent.directive === undefined;
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.ImportAttribute:
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSEnumMember:
    case AST_NODE_TYPES.TSExternalModuleReference:
    case AST_NODE_TYPES.TSModuleDeclaration:
    case AST_NODE_TYPES.TSImportType:
      return false;
    default:
      return true;
  }
}

/** Escapes text for a template literal's static part. */
function templatePart(text: string): string {
  return text.replace(/\\|`|\$\{|\r/g, (m) => (m === '\r' ? '\\r' : `\\${m}`));
}

/**
 * Replacement for a string whose characters [start, end) are the credential: the bare
 * expression when it is the whole string, otherwise a template keeping the text around it.
 * Inside a JSX attribute written without braces the result is wrapped in `{…}`.
 */
export function envReplacement(node: Node, value: string, start: number, end: number, expression: string): string {
  const text =
    start === 0 && end === value.length
      ? expression
      : `\`${templatePart(value.slice(0, start))}\${${expression}}${templatePart(value.slice(end))}\``;
  return node.parent?.type === AST_NODE_TYPES.JSXAttribute ? `{${text}}` : text;
}

/**
 * Known-token findings whose span is the token itself. Core's other `known/*` rules are
 * encodings (base64, percent-encoded…) of it, where putting the raw variable in their place
 * would change the value, so they get no suggestion.
 */
const VERBATIM_KNOWN_RULES: ReadonlySet<string> = new Set(['known/raw', 'known/fingerprint']);

/** Whether replacing the finding's span with the variable keeps the code's meaning. */
export function isVerbatimFinding(finding: { detector: string; rule: string }): boolean {
  return finding.detector !== 'known' || VERBATIM_KNOWN_RULES.has(finding.rule);
}

/** `X ?? "…"` where X is the variable already: the fallback, not the literal, is what to remove. */
function envFallback(sourceCode: Readonly<TSESLint.SourceCode>, target: Node, expression: string): Node | undefined {
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.right === target && sourceCode.getText(parent.left) === expression)
    return parent;
  return undefined;
}

/**
 * Places where the literal is being stored INTO the variable (`process.env.X = "…"`,
 * `process.env.X ||= "…"`, `Object.assign(process.env, { X: "…" })`, `vi.stubEnv("X", "…")`):
 * reading the variable there would be a no-op, so there is no suggestion.
 */
function storesIntoVariable(sourceCode: Readonly<TSESLint.SourceCode>, target: Node, expression: string): boolean {
  const variable = expression.slice(expression.lastIndexOf('.') + 1);
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === target)
    return sourceCode.getText(parent.left) === expression;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === target && keyName(parent) === variable) {
    const call = parent.parent.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && memberPath(call.callee) === 'Object.assign';
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === target)
    return staticString(parent.arguments[0]) === variable;
  return false;
}

/** The suggestion's fix, or undefined when it would not change what the code does. */
export function envFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: Node,
  value: string,
  start: number,
  end: number,
  expression: string,
): TSESLint.ReportFixFunction | undefined {
  if (storesIntoVariable(sourceCode, target, expression)) return undefined;
  const fallback = start === 0 && end === value.length ? envFallback(sourceCode, target, expression) : undefined;
  if (fallback) return (fixer) => fixer.replaceText(fallback, expression);
  // `const apiKey: string = …`: `process.env.X` is `string | undefined`, which strict TypeScript rejects there.
  const whole = start === 0 && end === value.length;
  const text = whole && isDeclaredString(target) ? `${expression} ?? ''` : envReplacement(target, value, start, end, expression);
  return (fixer) => fixer.replaceText(target, text);
}

function isStringAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  return annotation?.typeAnnotation.type === AST_NODE_TYPES.TSStringKeyword;
}

/** The value initialises something declared `: string` (a variable, a class field, a parameter default). */
function isDeclaredString(target: Node): boolean {
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === target)
    return parent.id.type === AST_NODE_TYPES.Identifier && isStringAnnotation(parent.id.typeAnnotation);
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === target) return isStringAnnotation(parent.typeAnnotation);
  if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.right === target)
    return parent.left.type === AST_NODE_TYPES.Identifier && isStringAnnotation(parent.left.typeAnnotation);
  return false;
}
