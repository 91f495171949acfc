/**
 * Recognises a call that writes its arguments somewhere people read: the console, process
 * streams, loggers, Sentry. The rule asks this for EVERY call, so the first test is a Set
 * lookup of the method name; paths, imports and bindings are looked at only after that.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { normaliseName } from '@kernel-secrets/core';
import {
  DEBUG_FUNCTION_NAMES,
  DEBUG_MODULE,
  LOGGER_DERIVATIONS,
  LOGGER_LIBRARIES,
  SINK_RECORDS,
  type SinkRecord,
} from '../catalogue/logging-flows.js';
import { calleeName, memberPath, propertyName, unwrapExpression } from '../util/ast.js';
import { keyName, staticString } from '../util/static-string.js';
import { isSanitizerName } from './names.js';
import type { ModuleBindings } from './module-bindings.js';
import { renderExpression } from './render.js';
import type { Scopes } from './scopes.js';

type Node = TSESTree.Node;

export interface Sink {
  /** The callee as the message shows it: `console.log`, `this.logger.info`, `debug`. */
  readonly label: string;
  /** Index of the first argument that is written out (`console.assert` skips its condition). */
  readonly firstArgument: number;
  /** What the logger redacts by itself (pino `redact`, a redacting winston `format`), when created in this file. */
  readonly redaction?: Redaction | undefined;
}

/** `all`: a redaction helper covers every credential; otherwise paths, lower case, `*` matching one segment. */
export type Redaction = { readonly all: true } | { readonly all: false; readonly paths: readonly (readonly string[])[] };

/** Method → index of its first written argument. */
type Methods = ReadonlyMap<string, number>;

function methodsOf(record: SinkRecord): Methods {
  return new Map(Object.entries(record.methods));
}

/** Every method any logger library writes with: what a configured logger name is called with. */
const LOGGER_METHODS: Methods = new Map(LOGGER_LIBRARIES.flatMap((library) => Object.entries(library.methods)));

/** Objects that are sinks as they are (`console`, `process.stdout`, `winston`, `req.log`, `Sentry`). */
const RECEIVERS: ReadonlyMap<string, Methods> = new Map(
  SINK_RECORDS.flatMap((record) => record.receivers.map((receiver) => [receiver, methodsOf(record)] as const)),
);

/** Calls that return a library's sink object (`pino`, `log4js.getLogger`, `new Logger`). */
const FACTORIES: ReadonlyMap<string, Methods> = new Map(
  SINK_RECORDS.flatMap((record) => record.factories.map((factory) => [factory, methodsOf(record)] as const)),
);

/** Factories whose options may redact, with the option names. */
const REDACTING_FACTORIES: ReadonlyMap<string, readonly string[]> = new Map(
  SINK_RECORDS.flatMap((record) =>
    record.redactOptions ? record.factories.map((factory) => [factory, record.redactOptions!] as const) : [],
  ),
);

/** Calls that return a sink object whatever they are called on, by their last name (`getCurrentScope()`, `getActiveSpan()`). */
const FACTORY_METHODS: ReadonlyMap<string, Methods> = new Map(
  SINK_RECORDS.flatMap((record) => (record.factoryMethods ?? []).map((name) => [name, methodsOf(record)] as const)),
);

/** Receivers known by their conventional last name, normalised (`span`, `activeSpan`). */
const RECEIVER_NAMES: ReadonlyMap<string, Methods> = new Map(
  SINK_RECORDS.flatMap((record) => (record.receiverNames ?? []).map((name) => [name, methodsOf(record)] as const)),
);

/** Named imports of a library with methods at its root (`import { setExtra } from '@sentry/node'`) → canonical `Sentry.setExtra`. */
const ROOT_FUNCTIONS: ReadonlyMap<string, number> = new Map(
  SINK_RECORDS.flatMap((record) =>
    record.receivers.includes(record.root) ? Object.entries(record.methods).map(([m, i]) => [`${record.root}.${m}`, i] as const) : [],
  ),
);

/** The cheap first filter: a member call is looked at only if its method is one of these. */
const SINK_METHODS: ReadonlySet<string> = new Set(SINK_RECORDS.flatMap((record) => Object.keys(record.methods)));

/** How deep `const a = b; const b = pino()` chains are followed to find a logger. */
const MAX_BINDING_HOPS = 4;

/** `req.headers["authorization"]` → ['req', 'headers', 'authorization']: pino's path syntax, lower case, one pass. */
function redactPathSegments(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (const ch of path.toLowerCase()) {
    if (ch === '.' || ch === '[' || ch === ']') {
      if (current !== '') segments.push(current);
      current = '';
    } else if (ch !== '"' && ch !== "'") {
      current += ch;
    }
  }
  if (current !== '') segments.push(current);
  return segments;
}

/** pino's `redact: ['a.b', …]` or `{ paths: [...] }`; a redaction helper (`pinoRedactPaths`, `winstonRedactFormat()`) anywhere in the value. */
function redactionValue(node: Node, scopes: Scopes): Redaction | undefined {
  const value = unwrapExpression(node);
  if (scopes.identifierTokens(value).some((token) => isSanitizerName(token))) return { all: true };
  let list: Node | undefined = value;
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const paths = value.properties.find((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'paths');
    list = paths?.type === AST_NODE_TYPES.Property ? paths.value : undefined;
  }
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const paths = list.elements.flatMap((element) => {
    const text = element ? staticString(element) : undefined;
    return text === undefined ? [] : [redactPathSegments(text)];
  });
  return { all: false, paths };
}

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
    if (first === undefined) return undefined;
    return { label: renderExpression(callee), firstArgument: first, redaction: this.redactionOf(callee.object, 0) };
  }

  /** `const logger = pino({ redact: [...] })`, `logger.child(…)` of one, `winston.createLogger({ format: winstonRedactFormat() })`. */
  private redactionOf(node: Node, hops: number): Redaction | undefined {
    const receiver = unwrapExpression(node);
    if (hops >= MAX_BINDING_HOPS) return undefined;
    if (receiver.type === AST_NODE_TYPES.Identifier) {
      const init = this.scopes.initOf(receiver);
      return init ? this.redactionOf(init, hops + 1) : undefined;
    }
    if (receiver.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(receiver.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && LOGGER_DERIVATIONS.has(propertyName(callee) ?? ''))
      return this.redactionOf(callee.object, hops + 1);
    const path = memberPath(callee);
    const options = path === undefined ? undefined : REDACTING_FACTORIES.get(this.bindings.canonical(path));
    const config = receiver.arguments[0];
    if (!options || config?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of config.properties) {
      if (property.type !== AST_NODE_TYPES.Property || !options.includes(keyName(property) ?? '')) continue;
      const redaction = redactionValue(property.value, this.scopes);
      if (redaction) return redaction;
    }
    return undefined;
  }

  /** Index of the first logged argument when `receiver.method(…)` is a sink. */
  private memberSinkArgument(callee: TSESTree.MemberExpression, method: string): number | undefined {
    const methods = this.sinkMethodsOf(callee.object, 0);
    if (methods) return methods.get(method);
    return undefined;
  }

  /** A bare call: `debug('%O', h)`, `setExtra('h', h)` imported from Sentry, a debug instance under any name. */
  private functionSink(callee: TSESTree.Identifier): Sink | undefined {
    const sink = { label: callee.name, firstArgument: 0 };
    const first = ROOT_FUNCTIONS.get(this.bindings.canonical(callee.name));
    if (first !== undefined && this.bindings.isImported(callee.name)) return { ...sink, firstArgument: first };
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

  /** The methods that write on this receiver, if it is a sink: by library, configured name, factory or binding. */
  private sinkMethodsOf(node: Node, hops: number): Methods | undefined {
    const receiver = unwrapExpression(node);
    const rawPath = memberPath(receiver);
    if (rawPath !== undefined) {
      const libraryMethods = RECEIVERS.get(this.bindings.canonical(rawPath));
      if (libraryMethods) return libraryMethods;
      if (this.isConfiguredLogger(rawPath)) return LOGGER_METHODS;
      const last = rawPath.slice(rawPath.lastIndexOf('.') + 1);
      const byName = RECEIVER_NAMES.get(normaliseName(last));
      if (byName) return byName;
      // `const appLog = pino()` under a name nobody configured.
      if (receiver.type === AST_NODE_TYPES.Identifier && hops < MAX_BINDING_HOPS) {
        const init = this.scopes.initOf(receiver);
        if (init) return this.sinkMethodsOf(init, hops + 1);
      }
      return undefined;
    }
    if (receiver.type === AST_NODE_TYPES.NewExpression) {
      const path = memberPath(receiver.callee);
      return path === undefined ? undefined : FACTORIES.get(`new ${this.bindings.canonical(path)}`);
    }
    if (receiver.type === AST_NODE_TYPES.CallExpression) {
      const path = memberPath(receiver.callee);
      const factoryMethods = path === undefined ? undefined : FACTORIES.get(this.bindings.canonical(path));
      if (factoryMethods) return factoryMethods;
      const byMethod = FACTORY_METHODS.get(calleeName(receiver.callee) ?? '');
      if (byMethod) return byMethod;
      // `logger.child({…})`, `consola.withTag('x')`, `log.getLogger('x')`: a logger of the same library.
      const callee = unwrapExpression(receiver.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && hops < MAX_BINDING_HOPS) {
        const method = propertyName(callee);
        if (method !== undefined && LOGGER_DERIVATIONS.has(method)) return this.sinkMethodsOf(callee.object, hops + 1);
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
