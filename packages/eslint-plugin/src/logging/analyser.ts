/**
 * Finds the credential-carrying values inside ONE sink argument. Called only for calls the
 * SinkMatcher accepted, so the work here is proportional to what is logged, not to the file.
 *
 * The walk follows how a value reaches the output: through template literals, `+`, object
 * and array literals (shorthand and spreads), `JSON.stringify`, `util.inspect`/`format`,
 * copying helpers, `||`/`??`/`?:`, member reads and method calls on sources, and local
 * bindings (see definitions.ts). It stops at sanitizers and at calls it does not know.
 */
import { normaliseName } from '@kernel-secrets/core';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  AUTH_VALUE_METHODS,
  CLIENT_DEFAULTS_STEPS,
  DEFAULT_RECEIVER_STEPS,
  ERROR_RESPONSE_PROPERTY,
  ALL_HEADERS_GETTER,
  HEADER_GETTER_METHODS,
  KERNEL_CLIENT_FACTORIES,
  MESSAGE_CONSTRUCTORS,
  PASSTHROUGH_CONSTRUCTORS,
  PASSTHROUGH_FUNCTIONS,
  PROPERTY_STEPS,
  RECEIVER_ROLES,
  RISKY_ALLOW_LIST_KEYS,
  SAFE_FUNCTIONS,
  SAFE_PROPERTIES,
  SERIALISERS,
  TOKEN_STREAM_RECEIVER_WORDS,
  type PropertySteps,
} from '../catalogue/logging-flows.js';
import { KERNEL_CLIENT_NAMES } from '../catalogue/token-slots.js';
import { calleeName, memberPath, propertyName, unwrapExpression } from '../util/ast.js';
import { keyName, nameOf, staticString } from '../util/static-string.js';
import type { AnalysisContext, Receiver, ValueResolver } from './context.js';
import { Definitions } from './definitions.js';
import { coerce, flowAt, SAFE, serialise, union, type Flow, type Verdict } from './flow.js';
import { credentialKindOfName, isAuthHeaderName, isSanitizerName, nameContains } from './names.js';
import { stepMethod, stepProperty } from './steps.js';

type Node = TSESTree.Node;

/** Deepest expression nesting followed; generated code with longer chains is not analysed further. */
const MAX_DEPTH = 200;

/** Leaves whose TYPE is asked when the syntax says nothing (combinations are asked part by part). */
const TYPED_LEAVES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
]);

export type { AnalysisContext } from './context.js';

export class FlowAnalyser implements ValueResolver {
  private depth = 0;
  private readonly definitions: Definitions;

  constructor(private readonly context: AnalysisContext) {
    this.definitions = new Definitions(context, this);
  }

  /** The flows a sink argument carries, one per reported node. */
  flowsReaching(argument: Node): Flow[] {
    const verdict = this.resolve(argument);
    if (!verdict || verdict.length === 0) return [];
    const byNode = new Map<Node, Flow>();
    for (const flow of verdict) if (!byNode.has(flow.node)) byNode.set(flow.node, flow);
    return [...byNode.values()];
  }

  /** Syntax first; when it says nothing about a leaf and types are on, the leaf's type. */
  resolve(node: Node): Verdict {
    const verdict = this.evaluate(node);
    if (verdict !== null || !this.context.typed) return verdict;
    const leaf = unwrapExpression(node);
    if (!TYPED_LEAVES.has(leaf.type)) return null;
    const typeName = this.context.typed.describe(leaf);
    return typeName === undefined ? null : [{ kind: 'typed', node: leaf, typeName }];
  }

  /** The syntactic verdict on one expression (its parts are `resolve`d). */
  evaluate(node: Node): Verdict {
    if (this.depth >= MAX_DEPTH) return null;
    this.depth++;
    try {
      return this.evaluateExpression(unwrapExpression(node));
    } finally {
      this.depth--;
    }
  }

  /** Reading `key` from a receiver: known sources step through the catalogue, unknown ones by name. */
  readProperty(receiver: Receiver, key: string | undefined, node: Node): Verdict {
    if (key !== undefined && SAFE_PROPERTIES.has(key)) return SAFE;
    const { verdict } = receiver;
    if (verdict !== null) return verdict.length === 0 ? SAFE : union(verdict.map((flow) => stepProperty(flow, key, node)));
    if (key === undefined) return null;
    const named = credentialKindOfName(key);
    // `logprob.token`, `chunk.token`: a streamed token, not a credential.
    if (named === 'token-word' && receiver.name !== undefined && nameContains(receiver.name, TOKEN_STREAM_RECEIVER_WORDS)) return SAFE;
    if (named) return [flowAt(named, node)];
    const steps = this.receiverSteps(receiver);
    // An AI SDK's `error.response` is metadata: only an axios/got error's response keeps the request config.
    if (key === ERROR_RESPONSE_PROPERTY && steps === PROPERTY_STEPS['http-error'] && !this.context.bindings.usesConfigKeepingClient)
      return null;
    if (!Object.hasOwn(steps, key)) return null;
    const next = steps[key];
    return next ? [flowAt(next, node)] : SAFE;
  }

  private evaluateExpression(node: Node): Verdict {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
        // `!!auth`, `typeof token`, `-x`, callbacks: nothing of the value is printed.
        return SAFE;
      case AST_NODE_TYPES.TemplateLiteral:
        return this.combine(node.expressions, true);
      case AST_NODE_TYPES.BinaryExpression:
        // Only `+` builds a string; comparisons, `in`, `instanceof` and arithmetic give booleans/numbers.
        return node.operator === '+' ? this.combine([node.left, node.right], true) : SAFE;
      case AST_NODE_TYPES.LogicalExpression:
        // `auth && 'present'` prints the right side; `a || b` and `a ?? b` either side.
        return node.operator === '&&' ? this.resolve(node.right) : this.combine([node.left, node.right]);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.combine([node.consequent, node.alternate]);
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? this.resolve(node.right) : this.combine([node.left, node.right], true);
      case AST_NODE_TYPES.SequenceExpression:
        return this.resolve(node.expressions[node.expressions.length - 1]!);
      case AST_NODE_TYPES.SpreadElement:
        return this.resolve(node.argument);
      case AST_NODE_TYPES.ArrayExpression:
        return this.combine(node.elements.filter((element) => element !== null));
      case AST_NODE_TYPES.ObjectExpression:
        return this.objectLiteral(node);
      case AST_NODE_TYPES.Identifier:
        return this.definitions.identifierFlows(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.readProperty(this.receiverOf(node.object), propertyName(node), node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      case AST_NODE_TYPES.NewExpression:
        return this.construct(node);
      default:
        return null;
    }
  }

  /** Parts that all end up in the output; `coerced` when they are turned into a string. */
  private combine(parts: readonly Node[], coerced = false): Verdict {
    const verdict = union(parts.map((part) => this.resolve(part)));
    return coerced ? coerce(verdict) : verdict;
  }

  private receiverOf(node: Node): Receiver {
    const unwrapped = unwrapExpression(node);
    return { verdict: this.evaluate(unwrapped), name: nameOf(unwrapped), node: unwrapped };
  }

  /** Property steps of an unknown receiver, chosen by its name: `err.config`, `res.headers`, `axios.defaults`. */
  private receiverSteps(receiver: Receiver): PropertySteps {
    const { name, node } = receiver;
    if (name === undefined) return DEFAULT_RECEIVER_STEPS;
    if (this.context.bindings.isHttpClient(name)) return CLIENT_DEFAULTS_STEPS;
    const normalised = normaliseName(name);
    for (const role of RECEIVER_ROLES) if (role.names.has(normalised)) return role.steps;
    if (node?.type === AST_NODE_TYPES.Identifier && this.definitions.isErrorParameter(node)) return PROPERTY_STEPS['http-error']!;
    return DEFAULT_RECEIVER_STEPS;
  }

  /**
   * `{ headers }`, `{ ...req.headers }`, `{ Authorization: x }`. A credential-named key with a
   * value the syntax knows nothing about is reported by its key. A later `authorization: <safe>`
   * (or `headers: <safe>` on a config) overrides what an earlier spread carried.
   */
  private objectLiteral(node: TSESTree.ObjectExpression): Verdict {
    let flows: Flow[] = [];
    let known = true;
    const spread = new Set<Flow>();
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const verdict = this.resolve(property.argument);
        if (verdict === null) known = false;
        else {
          flows.push(...verdict);
          for (const flow of verdict) spread.add(flow);
        }
        continue;
      }
      if (property.kind !== 'init' || property.method) continue;
      const key = keyName(property);
      let verdict = this.resolve(property.value);
      const named = key === undefined ? undefined : credentialKindOfName(key);
      if (named && verdict === null) verdict = [flowAt(named, property.value)];
      if (key !== undefined && verdict?.length === 0) flows = flows.filter((flow) => !(spread.has(flow) && overrides(flow, key)));
      if (verdict === null) known = false;
      else flows.push(...verdict);
    }
    return flows.length > 0 ? flows : known ? SAFE : null;
  }

  private call(node: TSESTree.CallExpression): Verdict {
    const callee = unwrapExpression(node.callee);
    const name = calleeName(callee);
    if (name !== undefined && isSanitizerName(name)) return SAFE;
    const path = memberPath(callee);
    if (path !== undefined) {
      const known = this.knownFunction(this.context.bindings.canonical(path), node);
      if (known !== undefined) return known;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = propertyName(callee);
    if (method === undefined) return null;
    const receiver = this.receiverOf(callee.object);
    const fromReceiver =
      receiver.verdict === null
        ? this.unknownReceiverMethod(receiver, method, node)
        : receiver.verdict.length === 0
          ? SAFE
          : union(receiver.verdict.map((flow) => stepMethod(flow, method, node)));
    // `'Bearer '.concat(token)`, `parts.concat(headers)`: the arguments end up in the result too.
    return method === 'concat' ? union([fromReceiver, this.combine(node.arguments)]) : fromReceiver;
  }

  /** Functions known by their full path; undefined when `path` is none of them. */
  private knownFunction(path: string, node: TSESTree.CallExpression): Verdict | undefined {
    const args = node.arguments;
    if (SAFE_FUNCTIONS.has(path)) return SAFE;
    if (path === 'JSON.stringify') return this.jsonStringify(node);
    if (path === 'String') return args.length === 0 ? SAFE : coerce(this.resolve(args[0]!));
    if (SERIALISERS.has(path)) return serialise(this.combine(args));
    if (PASSTHROUGH_FUNCTIONS.has(path)) return this.combine(args);
    const dot = path.indexOf('.');
    const last = path.slice(path.lastIndexOf('.') + 1);
    if (KERNEL_CLIENT_FACTORIES.has(last)) return [flowAt('kernel-client', node)];
    // `axios(config)`, `await axios.get(url)`, `api.post(…)`: an axios/got response holds its request config.
    const client = this.context.bindings.clientOf(dot === -1 ? path : path.slice(0, dot));
    if (client) {
      const method = dot === -1 ? undefined : path.slice(dot + 1);
      if (method === undefined || Object.hasOwn(client.methods, method))
        return client.responseCarriesConfig ? [flowAt('http-response', node)] : null;
    }
    return undefined;
  }

  /** `req.get('authorization')`, `ctx.get('Authorization')`, `request.getHeaders()`, `err.toJSON()`. */
  private unknownReceiverMethod(receiver: Receiver, method: string, node: TSESTree.CallExpression): Verdict {
    if (HEADER_GETTER_METHODS.has(method)) {
      // Hono `c.req.header()` without a name: every header.
      if (method === ALL_HEADERS_GETTER && node.arguments.length === 0) return [flowAt('headers', node)];
      const header = staticString(node.arguments[0]);
      const named = header === undefined ? undefined : credentialKindOfName(header);
      return named ? [flowAt(named, node)] : null;
    }
    if (AUTH_VALUE_METHODS.has(method)) return [flowAt('authorization', node)];
    const steps = this.receiverSteps(receiver);
    if (method === 'getHeaders') return steps === PROPERTY_STEPS['http-response'] ? SAFE : [flowAt('headers', node)];
    if (method === 'toJSON' && steps === PROPERTY_STEPS['http-error']) return [flowAt('http-error', node)];
    return null;
  }

  /**
   * `JSON.stringify(value)` serialises everything. With a key allow-list it keeps only those
   * keys (safe unless the list names a credential, `headers`, `config`, …); a replacer function
   * is trusted to filter.
   */
  private jsonStringify(node: TSESTree.CallExpression): Verdict {
    const [value, replacer] = node.arguments;
    if (!value) return SAFE;
    if (replacer && !isNullish(replacer)) {
      if (replacer.type !== AST_NODE_TYPES.ArrayExpression) return SAFE;
      const risky = replacer.elements.some((element) => {
        const key = element ? staticString(element) : undefined;
        return key === undefined || credentialKindOfName(key) !== undefined || RISKY_ALLOW_LIST_KEYS.has(key);
      });
      if (!risky) return SAFE;
    }
    return serialise(this.resolve(value));
  }

  /** `new KernelClient(…)`, `new Headers(req.headers)`, `new Error(\`… ${token}\`)`. */
  private construct(node: TSESTree.NewExpression): Verdict {
    const rawPath = memberPath(node.callee);
    if (rawPath === undefined) return null;
    const path = this.context.bindings.canonical(rawPath);
    if (KERNEL_CLIENT_NAMES.has(path.slice(path.lastIndexOf('.') + 1))) return [flowAt('kernel-client', node)];
    if (!PASSTHROUGH_CONSTRUCTORS.has(path)) return null;
    const verdict = this.combine(node.arguments);
    return MESSAGE_CONSTRUCTORS.has(path) ? coerce(verdict) : verdict;
  }
}

/** A later `authorization: <safe>` drops a spread header object; `headers: <safe>` a spread config. */
function overrides(flow: Flow, key: string): boolean {
  if (flow.kind === 'headers') return isAuthHeaderName(key);
  return key === 'headers' && (flow.kind === 'request-config' || flow.kind === 'http-request');
}

function isNullish(node: Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}
