/**
 * What an identifier inside a sink argument holds, from its binding:
 *
 * - local aliases: `const h = req.headers`, `let a; a = auth`, destructuring
 *   (`const { authorization: a } = req.headers`, `const [, credential] = auth.split(' ')`),
 *   where a rest element that drops `authorization` is a sanitized copy;
 * - parameters the framework fills with a source: NestJS `@Headers('authorization')`, axios
 *   interceptors, got/ky hooks, `.catch(err => …)` on an HTTP call;
 * - `catch (err)` around an HTTP call;
 * - variables passed as the config of `fetch`/axios/got/ky calls;
 * - and finally the name itself (`token`, `headers`, `authHeader`, …).
 *
 * `let`/`var` bindings are followed within the same function only (a closure may see any
 * later assignment); `const` bindings also from an enclosing function or the module.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { normaliseName } from '@kernel-secrets/core';
import {
  CONTEXT_PARAMETER_NAMES,
  ERROR_CALLBACKS,
  EVENT_METHODS,
  FETCH_CONFIG_ARGUMENT,
  HEADER_DECORATORS,
  HEADER_SETTER_METHODS,
  HTTP_HOOKS,
  INTERCEPTORS,
  ROUTE_HANDLER_EXPORTS,
  ROUTE_METHODS,
  TOKEN_STREAM_CALLBACK_WORDS,
  type SourceKind,
} from '../catalogue/logging-flows.js';
import { calleeName, memberPath, propertyName, unwrapExpression } from '../util/ast.js';
import { keyName, nameOf, staticString } from '../util/static-string.js';
import type { AnalysisContext, Receiver, ValueResolver } from './context.js';
import { flowAt, relocate, SAFE, union, type Flow, type Verdict } from './flow.js';
import { credentialKindOfName, isAuthHeaderName, nameContains, sourceKindOfIdentifierName } from './names.js';
import { renderExpression, renderPropertyKey } from './render.js';
import type { Variable } from './scopes.js';

type Node = TSESTree.Node;
type Definition = TSESLint.Scope.Definition;
const { DefinitionType } = TSESLint.Scope;

/** One step from a destructuring pattern's source to the bound name. */
type PatternStep =
  | { readonly type: 'key'; readonly key: string | undefined }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'rest'; readonly excluded: readonly string[] };

/** The path from `pattern` (the value's root) to the identifier `target`, or undefined if `target` is not in it. */
function patternSteps(pattern: Node, target: TSESTree.Identifier): PatternStep[] | undefined {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === target ? [] : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return patternSteps(pattern.left, target);
    case AST_NODE_TYPES.TSParameterProperty:
      return patternSteps(pattern.parameter, target);
    case AST_NODE_TYPES.RestElement:
      return patternSteps(pattern.argument, target);
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) {
          const inner = patternSteps(property.argument, target);
          if (!inner) continue;
          const excluded = pattern.properties.flatMap((other) => (other.type === AST_NODE_TYPES.Property ? (keyName(other) ?? []) : []));
          return [{ type: 'rest', excluded }, ...inner];
        }
        const inner = patternSteps(property.value, target);
        if (inner) return [{ type: 'key', key: keyName(property) }, ...inner];
      }
      return undefined;
    case AST_NODE_TYPES.ArrayPattern:
      for (const [index, element] of pattern.elements.entries()) {
        const inner = element ? patternSteps(element, target) : undefined;
        // `[first, ...others]`: the rest is the parts after `index`, never part 0.
        if (inner) return [{ type: 'index', index: element!.type === AST_NODE_TYPES.RestElement ? Math.max(index, 1) : index }, ...inner];
      }
      return undefined;
    default:
      return undefined;
  }
}

function stepsText(steps: readonly PatternStep[]): string {
  return steps
    .map((step) => (step.type === 'key' ? renderPropertyKey(step.key) : step.type === 'index' ? `[${step.index}]` : '{…rest}'))
    .join('');
}

/** `''`, `'Bearer'`, `` `x` ``, `undefined`: an initial value that says nothing about later use of a credential-named variable. */
function isLiteralValue(node: Node): boolean {
  const value = unwrapExpression(node);
  return (
    value.type === AST_NODE_TYPES.Literal ||
    (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
  );
}

/** What remains of a flow after a rest element excluded some keys. */
function restOf(flow: Flow, excluded: readonly string[]): boolean {
  if (flow.kind === 'headers') return !excluded.some(isAuthHeaderName);
  if (flow.kind === 'request-config' || flow.kind === 'http-request') return !excluded.includes('headers');
  return true;
}

function isFunction(node: Node): node is TSESTree.FunctionLike {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.TSDeclareFunction ||
    node.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression
  );
}

/** `onToken: (token) => …`, `handleLLMNewToken(token) {…}`, `stream.on('token', (token) => …)`. */
function isTokenStreamCallback(fn: Node): boolean {
  const parent = fn.parent;
  if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) && parent.value === fn) {
    const key = keyName(parent);
    return key !== undefined && nameContains(key, TOKEN_STREAM_CALLBACK_WORDS);
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !EVENT_METHODS.has(propertyName(callee) ?? '')) return false;
  const event = staticString(parent.arguments[0]);
  return event !== undefined && nameContains(event, TOKEN_STREAM_CALLBACK_WORDS);
}

/** `export async function GET(request) {…}` and `export const POST = async (req) => …` (Next.js route handlers). */
function isRouteHandlerExport(fn: Node): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration)
    return fn.id !== null && ROUTE_HANDLER_EXPORTS.has(fn.id.name) && fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration;
  const declarator = fn.parent;
  return (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    ROUTE_HANDLER_EXPORTS.has(declarator.id.name) &&
    declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  );
}

export class Definitions {
  /** Variables being resolved right now: `let a = b; let b = a` stops here. */
  private readonly active = new Set<Variable>();
  private readonly httpMentions = new WeakMap<Node, boolean>();
  private readonly configUses = new WeakMap<Variable, boolean>();

  constructor(
    private readonly context: AnalysisContext,
    private readonly analyser: ValueResolver,
  ) {}

  identifierFlows(id: TSESTree.Identifier): Verdict {
    if (id.name === 'undefined') return SAFE;
    const variable = this.context.scopes.variableOf(id);
    if (variable && !this.active.has(variable)) {
      this.active.add(variable);
      try {
        const verdict = this.definitionFlows(variable, id);
        if (verdict !== null && verdict.length > 0) return verdict.map((flow) => relocate(flow, id, renderExpression(flow.node)));
        // `const init = { method: 'GET' }; fetch(url, init)`: headers may be added to it later.
        if (verdict !== null) return this.isPassedAsRequestConfig(variable) ? [flowAt('request-config', id)] : SAFE;
      } finally {
        this.active.delete(variable);
      }
    }
    const named = sourceKindOfIdentifierName(id.name);
    if (named) return [flowAt(named, id)];
    if (variable && this.isPassedAsRequestConfig(variable)) return [flowAt('request-config', id)];
    return null;
  }

  /** A `catch` parameter or an error-callback parameter (whatever the call): its `.config` is a request config. */
  isErrorParameter(id: TSESTree.Identifier): boolean {
    const def = this.singleDefinition(id);
    if (def?.type === DefinitionType.CatchClause) return true;
    if (def?.type !== DefinitionType.Parameter) return false;
    const fn = def.node;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || fn.params[0] !== def.name) return false;
    const name = calleeName(call.callee);
    return (
      name !== undefined &&
      Object.hasOwn(ERROR_CALLBACKS, name) &&
      call.arguments.indexOf(fn as TSESTree.CallExpressionArgument) === ERROR_CALLBACKS[name]
    );
  }

  private singleDefinition(id: TSESTree.Identifier): Definition | undefined {
    const variable = this.context.scopes.variableOf(id);
    return variable?.defs.length === 1 ? variable.defs[0] : undefined;
  }

  private definitionFlows(variable: Variable, use: TSESTree.Identifier): Verdict {
    if (variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    if (def.name.type !== AST_NODE_TYPES.Identifier) return null;
    switch (def.type) {
      case DefinitionType.Variable:
        return this.variableFlows(variable, def.node, def.name, use);
      case DefinitionType.Parameter:
        return this.parameterFlows(def.node, def.name);
      case DefinitionType.CatchClause:
        return this.isHttpCall(def.node.parent.block) ? [flowAt('http-error', def.name)] : null;
      default:
        return null;
    }
  }

  /** Every value the binding is given (its initialiser and plain assignments), combined. */
  private variableFlows(
    variable: Variable,
    declarator: TSESTree.VariableDeclarator,
    name: TSESTree.Identifier,
    use: TSESTree.Identifier,
  ): Verdict {
    const declaration = declarator.parent;
    const loop = declaration.parent;
    if ((loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && loop.left === declaration)
      return null;
    const isConst = declaration.kind === 'const' || declaration.kind === 'using' || declaration.kind === 'await using';
    if (!isConst && variable.scope.variableScope !== this.context.scopes.functionScopeOf(use)) return null;
    const verdicts: Verdict[] = [];
    if (declarator.init && !isLiteralValue(declarator.init)) verdicts.push(this.patternValue(declarator.id, name, declarator.init));
    if (!isConst) {
      for (const reference of variable.references) {
        if (!reference.isWrite() || reference.identifier === name) continue;
        const assignment = reference.identifier.parent;
        if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== reference.identifier) {
          verdicts.push(null); // destructuring assignment, `x++`, `for (x of …)`: not followed
        } else if (!isLiteralValue(assignment.right)) {
          verdicts.push(assignment.operator === '=' ? this.analyser.resolve(assignment.right) : this.analyser.evaluate(assignment));
        }
      }
    }
    // `const headers = {}; headers.Authorization = \`Bearer ${token}\``: the object now carries it.
    const written = this.credentialWrites(variable, name);
    if (written.length > 0) verdicts.push(written);
    return verdicts.length === 0 ? null : union(verdicts);
  }

  /**
   * Credentials stored INTO the object a variable holds, anywhere in its scope:
   * `x.Authorization = …`, `x['x-api-key'] = …`, `x.token = …`, `x.set('Authorization', …)`.
   * A safe value (`'[redacted]'`, `redact(t)`) stores nothing.
   */
  private credentialWrites(variable: Variable, name: TSESTree.Identifier): Flow[] {
    const flows: Flow[] = [];
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
      const parent = member.parent;
      let key: string | undefined;
      let value: Node | undefined;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member && parent.operator === '=') {
        key = propertyName(member);
        value = parent.right;
      } else if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.callee === member &&
        HEADER_SETTER_METHODS.has(propertyName(member) ?? '')
      ) {
        key = staticString(parent.arguments[0]);
        value = parent.arguments[1];
      }
      const kind = key === undefined ? undefined : credentialKindOfName(key);
      if (!kind || !value || this.analyser.resolve(value)?.length === 0) continue;
      // An object holding an Authorization header is a header object; one holding a token-named field carries a token.
      flows.push({
        kind: kind === 'authorization' ? 'headers' : 'credential-holder',
        node: name,
        origin: `${name.name}${renderPropertyKey(key)}`,
      });
    }
    return flows;
  }

  /** The value bound to `target` when `pattern` is destructured from `init`. */
  private patternValue(pattern: Node, target: TSESTree.Identifier, init: Node): Verdict {
    const steps = patternSteps(pattern, target);
    if (!steps) return null;
    const root = unwrapExpression(init);
    // Types are asked about the bound name itself, not about the root it is destructured from.
    const rootVerdict = steps.length === 0 ? this.analyser.resolve(root) : this.analyser.evaluate(root);
    const receiver: Receiver = { verdict: rootVerdict, name: nameOf(root), node: root };
    const verdict = this.applySteps(receiver, steps, target);
    if (!verdict || verdict.length === 0 || steps.length === 0) return verdict;
    const origin = renderExpression(root) + stepsText(steps);
    return verdict.map((flow) => relocate(flow, target, origin));
  }

  private applySteps(start: Receiver, steps: readonly PatternStep[], target: TSESTree.Identifier): Verdict {
    let receiver = start;
    for (const step of steps) {
      let verdict: Verdict;
      if (step.type === 'key') {
        verdict = this.analyser.readProperty(receiver, step.key, target);
      } else if (receiver.verdict === null || receiver.verdict.length === 0) {
        verdict = receiver.verdict;
      } else if (step.type === 'rest') {
        verdict = union([receiver.verdict.filter((flow) => restOf(flow, step.excluded))]);
      } else {
        // `const [scheme, credential] = auth.split(' ')`: part 0 is the scheme.
        verdict = receiver.verdict.flatMap((flow) => (flow.parts && step.index === 0 ? [] : [{ ...flow, parts: false }]));
      }
      receiver = { verdict, name: step.type === 'key' ? step.key : undefined };
    }
    return receiver.verdict;
  }

  /** Parameters filled with a source by a framework, or destructured from one. */
  private parameterFlows(fn: Node, name: TSESTree.Identifier): Verdict {
    if (!isFunction(fn)) return null;
    const params = fn.params;
    const index = params.findIndex((param) => patternSteps(param, name) !== undefined);
    const param = params[index];
    if (!param) return null;
    const steps = patternSteps(param, name)!;
    const kind = this.decoratedKind(param) ?? (index === 0 ? this.callbackKind(fn, name) : undefined);
    if (kind === null) return SAFE;
    // `onToken: (token) => …`, `.on('token', (token) => …)`: an LLM's tokens, not a credential.
    if (kind === undefined && steps.length === 0 && sourceKindOfIdentifierName(name.name) === 'token-word' && isTokenStreamCallback(fn))
      return SAFE;
    if (kind === undefined && steps.length === 0) return null;
    // `({ headers }) => …`: unknown root, but the destructured name still steps (`headers` → header object).
    const root: Receiver = { verdict: kind ? [flowAt(kind, name)] : null };
    const verdict = this.applySteps(root, steps, name);
    return verdict && verdict.length > 0 && steps.length > 0
      ? verdict.map((flow) => relocate(flow, name, stepsText(steps).replace(/^\./, '')))
      : verdict;
  }

  /** NestJS `@Headers('authorization')` → the value; `@Headers()` → the header object; another header → null (safe). */
  private decoratedKind(param: TSESTree.Parameter): SourceKind | null | undefined {
    const decorators =
      param.type === AST_NODE_TYPES.TSParameterProperty ? param.decorators : 'decorators' in param ? param.decorators : undefined;
    for (const decorator of decorators ?? []) {
      const expression = decorator.expression;
      if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier) continue;
      if (!HEADER_DECORATORS.has(expression.callee.name)) continue;
      if (expression.arguments.length === 0) return 'headers';
      const header = staticString(expression.arguments[0]);
      return header === undefined ? undefined : (credentialKindOfName(header) ?? null);
    }
    return undefined;
  }

  /** The kind of a callback's first parameter: interceptors, hooks, error handlers of HTTP calls, route handlers. */
  private callbackKind(fn: Node, parameter: TSESTree.Identifier): SourceKind | undefined {
    const parent = fn.parent;
    if (isRouteHandlerExport(fn)) return 'incoming-request';
    if (parent?.type === AST_NODE_TYPES.CallExpression) {
      const position = parent.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
      const callee = unwrapExpression(parent.callee);
      // `app.get('/x', (req, res) => …)`: the handler's signature says its first parameter is the request.
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        ROUTE_METHODS.has(propertyName(callee) ?? '') &&
        isFunction(fn) &&
        fn.params.length >= 2 &&
        !CONTEXT_PARAMETER_NAMES.has(normaliseName(parameter.name))
      )
        return 'incoming-request';
      // axios.interceptors.request.use(onConfig, onError) / ….response.use(onResponse, onError)
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'use') {
        const registry = unwrapExpression(callee.object);
        if (registry.type === AST_NODE_TYPES.MemberExpression && memberPath(registry.object)?.endsWith('interceptors')) {
          const phase = propertyName(registry);
          const kinds = phase !== undefined && Object.hasOwn(INTERCEPTORS, phase) ? INTERCEPTORS[phase] : undefined;
          if (kinds?.[position]) return kinds[position];
        }
      }
      // `.catch(err => …)`, `.then(ok, err => …)`, `catchError(err => …)` after an HTTP call.
      const name = calleeName(callee);
      if (name !== undefined && Object.hasOwn(ERROR_CALLBACKS, name) && ERROR_CALLBACKS[name] === position) {
        const chain = this.errorChain(parent, callee);
        if (chain && this.isHttpCall(chain)) return 'http-error';
      }
      return undefined;
    }
    // got/ky: `hooks: { beforeRequest: [(options) => …] }`.
    if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
      const hook = parent.parent;
      const hooks = hook?.parent?.parent;
      if (hook?.type !== AST_NODE_TYPES.Property || hooks?.type !== AST_NODE_TYPES.Property || keyName(hooks) !== 'hooks') return undefined;
      const hookName = keyName(hook);
      return hookName !== undefined && Object.hasOwn(HTTP_HOOKS, hookName) ? HTTP_HOOKS[hookName] : undefined;
    }
    return undefined;
  }

  /** The promise/observable an error handler is attached to: `x` in `x.catch(…)`, `x` in `x.pipe(catchError(…))`. */
  private errorChain(call: TSESTree.CallExpression, callee: Node): Node | undefined {
    if (callee.type === AST_NODE_TYPES.MemberExpression) return callee.object;
    const pipe = call.parent;
    if (pipe?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const pipeCallee = unwrapExpression(pipe.callee);
    return pipeCallee.type === AST_NODE_TYPES.MemberExpression ? pipeCallee.object : undefined;
  }

  /** Whether a `try` block or promise chain names an HTTP client (`axios`, `got`, `ky`, an instance). */
  private isHttpCall(node: Node): boolean {
    let answer = this.httpMentions.get(node);
    if (answer === undefined) {
      const clients = this.context.bindings.httpClientNames;
      answer = this.context.scopes.identifierTokens(node).some((token) => clients.has(token));
      this.httpMentions.set(node, answer);
    }
    return answer;
  }

  /** Passed as the config of `fetch(url, init)`, `new Request(url, init)`, `axios(config)`, `api.get(url, config)`, `got(url, options)`. */
  private isPassedAsRequestConfig(variable: Variable): boolean {
    let answer = this.configUses.get(variable);
    if (answer === undefined) {
      answer = variable.references.some((reference) => {
        const id = reference.identifier;
        const call = id.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return false;
        const position = call.arguments.indexOf(id as TSESTree.CallExpressionArgument);
        return position !== -1 && this.isConfigArgument(call, position);
      });
      this.configUses.set(variable, answer);
    }
    return answer;
  }

  private isConfigArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, position: number): boolean {
    const rawPath = memberPath(call.callee);
    if (rawPath === undefined) return false;
    const path = this.context.bindings.canonical(rawPath);
    if (Object.hasOwn(FETCH_CONFIG_ARGUMENT, path)) return FETCH_CONFIG_ARGUMENT[path] === position;
    if (call.type === AST_NODE_TYPES.NewExpression) return false;
    const dot = path.indexOf('.');
    const client = this.context.bindings.clientOf(dot === -1 ? path : path.slice(0, dot));
    if (!client) return false;
    if (dot === -1) {
      // `axios(url, config)` or `axios(config)`: a lone first argument is the config.
      return client.callConfigArguments.includes(position) && (position > 0 || call.arguments.length === 1);
    }
    const method = path.slice(dot + 1);
    return Object.hasOwn(client.methods, method) && client.methods[method] === position;
  }
}
