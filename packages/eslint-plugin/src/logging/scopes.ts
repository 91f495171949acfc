/**
 * Bindings through ESLint's scope manager, which has already analysed the file before rules
 * run: asking it costs a lookup, not another walk. Answers are memoised per node/variable.
 */
import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

const { DefinitionType } = TSESLint.Scope;
import { unwrapExpression } from '../util/ast.js';

export type Variable = TSESLint.Scope.Variable;

export class Scopes {
  private readonly variables = new WeakMap<TSESTree.Identifier, Variable | null>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** The variable an identifier refers to (lexically), or null for globals without a declaration. */
  variableOf(id: TSESTree.Identifier): Variable | null {
    let variable = this.variables.get(id);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(this.sourceCode.getScope(id), id);
      this.variables.set(id, variable);
    }
    return variable;
  }

  /** The function (or module) scope a node runs in. */
  functionScopeOf(node: TSESTree.Node): TSESLint.Scope.Scope {
    return this.sourceCode.getScope(node).variableScope;
  }

  /** `const x = <init>` / `let x = <init>` with one declaration: the init, unwrapped. */
  initOf(id: TSESTree.Identifier): TSESTree.Node | undefined {
    const variable = this.variableOf(id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name)
      return undefined;
    return def.node.init ? unwrapExpression(def.node.init) : undefined;
  }

  /** Identifier tokens inside a node (a `try` block, a promise chain). */
  identifierTokens(node: TSESTree.Node): string[] {
    return this.sourceCode
      .getTokens(node)
      .filter((token) => token.type === AST_TOKEN_TYPES.Identifier)
      .map((token) => token.value);
  }
}
