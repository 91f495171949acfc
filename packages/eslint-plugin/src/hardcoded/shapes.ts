/**
 * Shapes no-hardcoded-token follows beyond a string's own position: a neutral-named const
 * used where a credential goes, `Basic` credentials (base64 of `user:token`), String.raw,
 * the file's imports from a Kernel module, and whether the file runs in a browser (where a
 * `process.env` suggestion would not help). Each is a lookup, not a walk of the file.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { BASIC_SCHEME, KERNEL_MODULE_WORDS, TRANSPARENT_TAGS } from '../catalogue/token-slots.js';
import { memberPath } from '../util/ast.js';
import { isTypeWrapper, templateText } from '../util/static-string.js';

type Node = TSESTree.Node;

/** String.raw`…`: the template is the string. */
export function isTransparentTag(tagged: TSESTree.TaggedTemplateExpression): boolean {
  return TRANSPARENT_TAGS.has(memberPath(tagged.tag) ?? '');
}

/** Local names imported from a Kernel module (`import { connect } from '@asimov/kernel'`): their calls are client factories. */
export function collectKernelImports(program: TSESTree.Program, into: Set<string>): void {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    const source = statement.source.value.toLowerCase();
    if (!KERNEL_MODULE_WORDS.some((word) => source.includes(word))) continue;
    for (const specifier of statement.specifiers) into.add(specifier.local.name);
  }
}

/** An identifier read as a value where a slot may name it: a property value, a template part, an argument, a JSX value. */
export function isValueUse(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.Property:
      return parent.value === id && !parent.shorthand;
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return parent.type !== AST_NODE_TYPES.CallExpression || parent.callee !== id;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '+';
    default:
      return false;
  }
}

/** `const K = "…"` (or a String.raw template, through `as const`/`satisfies`) that `id` refers to. */
export function constStringOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  id: TSESTree.Identifier,
): { node: Node; value: string } | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = def?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== def!.name || declarator.parent.kind !== 'const')
    return undefined;
  let init: Node | null = declarator.init;
  while (init && isTypeWrapper(init)) init = init.expression;
  if (init?.type === AST_NODE_TYPES.Literal && typeof init.value === 'string') return { node: init, value: init.value };
  if (init?.type === AST_NODE_TYPES.TaggedTemplateExpression && isTransparentTag(init) && init.quasi.expressions.length === 0)
    return { node: init.quasi, value: init.quasi.quasis[0]!.value.raw };
  if (init?.type === AST_NODE_TYPES.TemplateLiteral && init.expressions.length === 0)
    return { node: init, value: templateText(init.quasis[0]!) };
  return undefined;
}

const BASE64 = /^[A-Za-z0-9+/]{8,2048}={0,2}$/;

/** `Basic dXNlcjp0b2tlbg==` → ['user', 'token']; undefined when the value is not a Basic credential. */
export function basicCredentials(value: string): string[] | undefined {
  const prefix = `${BASIC_SCHEME} `;
  if (value.length <= prefix.length || value.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return undefined;
  const encoded = value.slice(prefix.length).trim();
  if (!BASE64.test(encoded)) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? [decoded] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/** Vite `import.meta.env`, Next.js `NEXT_PUBLIC_*`, `'use client'`, `window.`/`document.`: code that runs in a browser. */
const BROWSER_MARKERS: readonly string[] = ['import.meta.env', 'NEXT_PUBLIC_', "'use client'", '"use client"', 'window.', 'document.'];

export function isBrowserCode(text: string): boolean {
  return BROWSER_MARKERS.some((marker) => text.includes(marker));
}
