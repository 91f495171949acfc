/**
 * One level of intra-file function summaries: a local function that logs one of its
 * parameters (`function show(x) { console.log(x) }`) is a sink for that argument at every
 * call in the file (`show(req.headers)`). Sinks record which parameters they write; calls to
 * plain identifiers are remembered as they are met; the two are matched once at the end of
 * the file, so the cost is one entry per sink argument and per call (linear in the file).
 * Calls are not followed further: a helper of a helper is not summarised.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../util/ast.js';
import type { Scopes, Variable } from './scopes.js';
import type { Sink } from './sinks.js';

type Node = TSESTree.Node;
const { DefinitionType } = TSESLint.Scope;

/** The parts of a sink argument looked at for parameters: itself, template parts, object values, array elements. */
function writtenIdentifiers(argument: Node): TSESTree.Identifier[] {
  const node = unwrapExpression(argument);
  const parts: Node[] =
    node.type === AST_NODE_TYPES.TemplateLiteral
      ? node.expressions
      : node.type === AST_NODE_TYPES.ObjectExpression
        ? node.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [p.value] : [p.argument]))
        : node.type === AST_NODE_TYPES.ArrayExpression
          ? node.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null)
          : [node];
  return parts.map((part) => unwrapExpression(part)).filter((part): part is TSESTree.Identifier => part.type === AST_NODE_TYPES.Identifier);
}

export class FunctionSummaries {
  /** Function variable → parameter index → the sink it reaches. */
  private readonly logged = new Map<Variable, Map<number, Sink>>();
  private readonly calls: TSESTree.CallExpression[] = [];

  constructor(private readonly scopes: Scopes) {}

  /** A sink argument: if it writes a parameter of a named local function, that function now logs that parameter. */
  recordSink(argument: Node, sink: Sink): void {
    for (const id of writtenIdentifiers(argument)) {
      const variable = this.scopes.variableOf(id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== DefinitionType.Parameter) continue;
      const fn = def.node as Node;
      if (!('params' in fn)) continue;
      const index = (fn.params as Node[]).indexOf(def.name);
      const owner = index === -1 ? undefined : this.functionVariable(fn);
      if (!owner) continue;
      let params = this.logged.get(owner);
      if (!params) this.logged.set(owner, (params = new Map<number, Sink>()));
      if (!params.has(index)) params.set(index, { label: `${sink.label} (through ${owner.name}())`, firstArgument: 0 });
    }
  }

  /** Every call of a plain name, matched against the summaries at the end of the file. */
  recordCall(call: TSESTree.CallExpression): void {
    if (call.callee.type === AST_NODE_TYPES.Identifier) this.calls.push(call);
  }

  /** The arguments of calls into summarised functions, with the sink each reaches. */
  *callsIntoSinks(): Generator<{ argument: Node; sink: Sink }> {
    if (this.logged.size === 0) return;
    for (const call of this.calls) {
      const variable = this.scopes.variableOf(call.callee as TSESTree.Identifier);
      const params = variable && this.logged.get(variable);
      if (!params) continue;
      for (const [index, sink] of params) {
        const argument = call.arguments[index];
        if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) yield { argument, sink };
      }
    }
  }

  /** `function show(x) {…}` or `const show = (x) => …`: the variable that names the function. */
  private functionVariable(fn: Node): Variable | null {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return this.scopes.variableOf(fn.id);
    const parent = fn.parent;
    if (
      (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) &&
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.id.type === AST_NODE_TYPES.Identifier
    )
      return this.scopes.variableOf(parent.id);
    return null;
  }
}
