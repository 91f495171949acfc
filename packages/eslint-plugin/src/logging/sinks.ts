/**
 * Recognises a call that writes its arguments somewhere people read: the console, process
 * streams, loggers, Sentry. The rule asks this for EVERY call, so the first test is a Set
 * lookup of the method name; paths, imports and bindings are looked at only after that.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  CONSOLE_METHODS,
  CONSOLE_RECEIVERS,
  DEBUG_FUNCTION_NAMES,
  DEBUG_MODULE,
  LOGGER_DERIVATIONS,
  LOGGER_LIBRARIES,
  SENTRY_METHODS,
  SENTRY_RECEIVERS,
  SENTRY_ROOT,
  SENTRY_SCOPE_GETTERS,
  STREAM_METHODS,
  STREAM_RECEIVERS,
} from '../catalogue/logging-flows.js';
import { memberPath, propertyName, unwrapExpression } from '../util/ast.js';
import type { ModuleBindings } from './module-bindings.js';
import { renderExpression } from './render.js';
import type { Scopes } from './scopes.js';

type Node = TSESTree.Node;
type Methods = ReadonlySet<string>;

export interface Sink {
  /** The callee as the message shows it: `console.log`, `this.logger.info`, `debug`. */
  readonly label: string;
  /** Index of the first argument that is written out (`console.assert` skips its condition). */
  readonly firstArgument: number;
}

/** Every method any logger library writes with: what a configured logger name is called with. */
const LOGGER_METHODS: Methods = new Set(LOGGER_LIBRARIES.flatMap((library) => library.methods));

/** Objects that are loggers of a library as they are (`winston`, `Logger`, `req.log`). */
const LIBRARY_RECEIVERS: ReadonlyMap<string, Methods> = new Map(
  LOGGER_LIBRARIES.flatMap((library) => library.receivers.map((receiver) => [receiver, new Set(library.methods)] as const)),
);

/** Calls that return a library's logger (`pino`, `log4js.getLogger`, `new Logger`). */
const LIBRARY_FACTORIES: ReadonlyMap<string, Methods> = new Map(
  LOGGER_LIBRARIES.flatMap((library) => library.factories.map((factory) => [factory, new Set(library.methods)] as const)),
);

/** The cheap first filter: a member call is looked at only if its method is one of these. */
const SINK_METHODS: Methods = new Set([...Object.keys(CONSOLE_METHODS), ...STREAM_METHODS, ...SENTRY_METHODS, ...LOGGER_METHODS]);

/** How deep `const a = b; const b = pino()` chains are followed to find a logger. */
const MAX_BINDING_HOPS = 4;

export class SinkMatcher {
  private readonly loggerNames: ReadonlySet<string>;

  constructor(
    private readonly bindings: ModuleBindings,
    private readonly scopes: Scopes,
    loggerNames: readonly string[],
  ) {
    this.loggerNames = new Set(loggerNames);
  }

  match(call: TSESTree.CallExpression): Sink | undefined {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      if (method === undefined || !SINK_METHODS.has(method)) return undefined;
      return this.memberSink(callee, method);
    }
    if (callee.type === AST_NODE_TYPES.Identifier) return this.functionSink(callee);
    // `require('debug')('app')('%O', headers)`.
    if (callee.type === AST_NODE_TYPES.CallExpression && this.isDebugFactoryCall(callee))
      return { label: renderExpression(callee), firstArgument: 0 };
    return undefined;
  }

  /** `receiver.method(…)`. */
  private memberSink(callee: TSESTree.MemberExpression, method: string): Sink | undefined {
    const first = this.memberSinkArgument(callee, method);
    // The label is rendered only for real sinks: most calls reaching here are not.
    return first === undefined ? undefined : { label: renderExpression(callee), firstArgument: first };
  }

  /** Index of the first logged argument when `receiver.method(…)` is a sink. */
  private memberSinkArgument(callee: TSESTree.MemberExpression, method: string): number | undefined {
    const receiver = unwrapExpression(callee.object);
    const rawPath = memberPath(receiver);
    if (rawPath !== undefined) {
      const path = this.bindings.canonical(rawPath);
      if (CONSOLE_RECEIVERS.has(path)) return Object.hasOwn(CONSOLE_METHODS, method) ? CONSOLE_METHODS[method] : undefined;
      if (STREAM_RECEIVERS.has(path)) return STREAM_METHODS.has(method) ? 0 : undefined;
      if (SENTRY_RECEIVERS.has(path)) return SENTRY_METHODS.has(method) ? 0 : undefined;
    } else if (SENTRY_METHODS.has(method) && this.isSentryScope(receiver)) {
      return 0;
    }
    if (!LOGGER_METHODS.has(method)) return undefined;
    return this.loggerMethodsOf(receiver, 0)?.has(method) ? 0 : undefined;
  }

  /** A bare call: `debug('%O', h)`, `setExtra('h', h)` imported from Sentry, a debug instance under any name. */
  private functionSink(callee: TSESTree.Identifier): Sink | undefined {
    const sink = { label: callee.name, firstArgument: 0 };
    const canonical = this.bindings.canonical(callee.name);
    if (canonical.startsWith(`${SENTRY_ROOT}.`) && SENTRY_METHODS.has(canonical.slice(SENTRY_ROOT.length + 1))) return sink;
    // `import debug from 'debug'` binds the factory: `debug('app')` makes a logger, it does not log.
    if (this.bindings.isImported(callee.name)) return undefined;
    if (DEBUG_FUNCTION_NAMES.has(callee.name)) return sink;
    if (!this.bindings.hasDebugFactory) return undefined;
    const init = this.scopes.initOf(callee);
    return init?.type === AST_NODE_TYPES.CallExpression && this.isDebugFactoryCall(init) ? sink : undefined;
  }

  /** `createDebug('app')` (imported from 'debug') or `require('debug')('app')`. */
  private isDebugFactoryCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier)
      return this.bindings.isImported(callee.name) && this.bindings.canonical(callee.name) === DEBUG_MODULE;
    return (
      callee.type === AST_NODE_TYPES.CallExpression &&
      callee.callee.type === AST_NODE_TYPES.Identifier &&
      callee.callee.name === 'require' &&
      callee.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      callee.arguments[0].value === DEBUG_MODULE
    );
  }

  /** `Sentry.getCurrentScope()` or an imported `getCurrentScope()`. */
  private isSentryScope(node: Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const path = memberPath(node.callee);
    if (path === undefined) return false;
    const canonical = this.bindings.canonical(path);
    return canonical.startsWith(`${SENTRY_ROOT}.`) && SENTRY_SCOPE_GETTERS.has(canonical.slice(SENTRY_ROOT.length + 1));
  }

  /** The methods that log on this receiver, if it is a logger: by library, configured name, factory or binding. */
  private loggerMethodsOf(node: Node, hops: number): Methods | undefined {
    const receiver = unwrapExpression(node);
    const rawPath = memberPath(receiver);
    if (rawPath !== undefined) {
      const libraryMethods = LIBRARY_RECEIVERS.get(this.bindings.canonical(rawPath));
      if (libraryMethods) return libraryMethods;
      if (this.isConfiguredLogger(rawPath)) return LOGGER_METHODS;
      // `const appLog = pino()` under a name nobody configured.
      if (receiver.type === AST_NODE_TYPES.Identifier && hops < MAX_BINDING_HOPS) {
        const init = this.scopes.initOf(receiver);
        if (init) return this.loggerMethodsOf(init, hops + 1);
      }
      return undefined;
    }
    if (receiver.type === AST_NODE_TYPES.NewExpression) {
      const path = memberPath(receiver.callee);
      return path === undefined ? undefined : LIBRARY_FACTORIES.get(`new ${this.bindings.canonical(path)}`);
    }
    if (receiver.type === AST_NODE_TYPES.CallExpression) {
      const path = memberPath(receiver.callee);
      const factoryMethods = path === undefined ? undefined : LIBRARY_FACTORIES.get(this.bindings.canonical(path));
      if (factoryMethods) return factoryMethods;
      // `logger.child({…})`, `consola.withTag('x')`, `log.getLogger('x')`: a logger of the same library.
      const callee = unwrapExpression(receiver.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && hops < MAX_BINDING_HOPS) {
        const method = propertyName(callee);
        if (method !== undefined && LOGGER_DERIVATIONS.has(method)) return this.loggerMethodsOf(callee.object, hops + 1);
      }
    }
    return undefined;
  }

  /**
   * A configured name matches the receiver path itself or its trailing segments: `logger`
   * matches `logger`, `this.logger` and `ctx.logger`; `app.audit` matches `this.app.audit`.
   */
  private isConfiguredLogger(path: string): boolean {
    if (this.loggerNames.has(path)) return true;
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      if (this.loggerNames.has(path.slice(dot + 1))) return true;
    }
    return false;
  }
}
