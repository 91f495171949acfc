/**
 * What `kernel-secrets/no-auth-header-logging` knows about logging, as data: where output goes
 * (sinks), what carries a credential (sources) and what makes a value safe to log (sanitizers).
 * The code in `src/logging/` walks the AST and looks things up here; to teach the rule a new
 * logger, header-bearing object or redaction helper, add it to a list below.
 *
 * Credential NAMES (`token`, `apiKey`, `KERNEL_TOKEN`, …) are not listed here: they come from
 * `@kernel-secrets/core` (through `util/credential-names.ts`) so that every front-end gives the
 * same answer to "is this name a credential?".
 *
 * All names are compared exactly unless a comment says otherwise. Lists of identifier names
 * that are compared "normalised" go through core's `normaliseName` (lower case, `_ - .` and
 * spaces removed), so `auth_header`, `authHeader` and `AUTH-HEADER` are one entry.
 */

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Source kinds
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Everything the rule tracks. Each kind says what is logged and why it leaks a credential. */
export type SourceKind =
  | 'authorization'
  | 'headers'
  | 'http-error'
  | 'request-config'
  | 'http-response'
  | 'http-request'
  | 'kernel-client'
  | 'token'
  | 'process-env'
  | 'typed';

export interface SourceKindInfo {
  /** Completes "`x` is …" in the report. Never contains a value. */
  readonly description: string;
  /**
   * A string: it survives `${x}`, `'…' + x` and `String(x)`. Objects turn into
   * `[object Object]` there (and errors into their message), so they do not leak that way.
   */
  readonly stringValued: boolean;
}

export const SOURCE_KINDS: Readonly<Record<SourceKind, SourceKindInfo>> = {
  authorization: { description: 'the Authorization header value', stringValued: true },
  headers: { description: 'a whole header object (it includes Authorization)', stringValued: false },
  'http-error': { description: 'an HTTP-client error (its request config carries the Authorization header)', stringValued: false },
  'request-config': { description: 'a request config (it carries the Authorization header)', stringValued: false },
  'http-response': { description: 'an HTTP-client response (its request config carries the Authorization header)', stringValued: false },
  'http-request': { description: 'an outgoing HTTP request (it carries the Authorization header)', stringValued: false },
  'kernel-client': { description: 'a Kernel client instance (it holds the token)', stringValued: false },
  token: { description: 'a token-named value', stringValued: true },
  'process-env': { description: 'the whole of process.env (it holds KERNEL_TOKEN)', stringValued: false },
  typed: { description: 'a value whose type carries headers', stringValued: false },
};

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Sources: the Authorization header and header objects
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Header names whose value is a credential (compared in lower case). `authorization` is the
 * one Kernel uses; the others carry credentials in the same way for proxies and API gateways.
 */
export const AUTH_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
]);

/**
 * Methods that read ONE header by name: Express `req.get()`/`req.header()`, Koa `ctx.get()`,
 * fetch `headers.get()`, Node `request.getHeader()`. With an auth header name they return the
 * credential; with any other name (`content-type`, `x-request-id`) they are safe.
 */
export const HEADER_GETTER_METHODS: ReadonlySet<string> = new Set(['get', 'header', 'getHeader']);

/**
 * Methods that store ONE header on an object: fetch `headers.set()`/`append()`, Node
 * `request.setHeader()`. With an auth header name the object now carries the credential.
 */
export const HEADER_SETTER_METHODS: ReadonlySet<string> = new Set(['set', 'append', 'setHeader']);

/** Axios' `AxiosHeaders#getAuthorization()`: the Authorization value without naming it. */
export const AUTH_VALUE_METHODS: ReadonlySet<string> = new Set(['getAuthorization']);

/**
 * Identifier names (normalised) that hold a whole header object: `headers`, `reqHeaders`,
 * `requestHeaders`… Response-header names (`resHeaders`) are deliberately absent.
 */
export const HEADER_OBJECT_NAMES: ReadonlySet<string> = new Set([
  'headers',
  'reqheaders',
  'requestheaders',
  'authheaders',
  'defaultheaders',
  'commonheaders',
  'httpheaders',
  'incomingheaders',
  'outgoingheaders',
  'fetchheaders',
]);

/** Identifier names (normalised) that hold an Authorization header value: `authHeader`, … */
export const AUTH_VALUE_NAMES: ReadonlySet<string> = new Set(['authheader', 'authorizationheader', 'authheadervalue', 'bearerheader']);

/** Identifier names (normalised) of request configs: `requestInit`, `axiosConfig`, … */
export const REQUEST_CONFIG_NAMES: ReadonlySet<string> = new Set([
  'requestinit',
  'requestconfig',
  'reqconfig',
  'axiosconfig',
  'fetchoptions',
  'fetchinit',
  'requestoptions',
]);

/** Identifier names (normalised) of HTTP-client errors, whatever `try` they come from. */
export const HTTP_ERROR_NAMES: ReadonlySet<string> = new Set([
  'axioserror',
  'axioserr',
  'httperror',
  'httperr',
  'requesterror',
  'requesterr',
  'goterror',
  'kyerror',
]);

/** Identifier names (normalised) of Kernel client instances. */
export const KERNEL_CLIENT_INSTANCE_NAMES: ReadonlySet<string> = new Set(['kernelclient']);

/** Factory functions (besides the constructors in `token-slots.ts`) that return a Kernel client. */
export const KERNEL_CLIENT_FACTORIES: ReadonlySet<string> = new Set(['createKernelClient']);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Sources: objects that carry headers, and what their properties are
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A property step: `kind` → property → the kind of `source.property`. `null` means "known to be
 * safe" (`response.headers` are the server's headers, not ours). A property missing from a
 * source's table is safe too (`err.message`, `err.response.status`, `headers['content-type']`);
 * auth header names and credential names are checked before these tables for every kind.
 */
export type PropertySteps = Readonly<Record<string, SourceKind | null>>;

/** Axios keeps per-method header bags under `defaults.headers` (`.common`, `.post`, …). */
const HEADER_BAGS: PropertySteps = {
  common: 'headers',
  get: 'headers',
  post: 'headers',
  put: 'headers',
  patch: 'headers',
  delete: 'headers',
  head: 'headers',
  options: 'headers',
};

export const PROPERTY_STEPS: Readonly<Partial<Record<SourceKind, PropertySteps>>> = {
  headers: HEADER_BAGS,
  // axios: error.config / .request / .response; got: error.options / .request / .response.
  'http-error': { config: 'request-config', options: 'request-config', request: 'http-request', response: 'http-response' },
  // fetch RequestInit, axios request config, got options: their headers.
  'request-config': { headers: 'headers' },
  // axios response.config / .request; got response.request; the response's own headers are safe.
  'http-response': { config: 'request-config', request: 'http-request', headers: null },
  // Node's ClientRequest and fetch's Request.
  'http-request': { headers: 'headers', options: 'request-config' },
  'kernel-client': { headers: 'headers', config: 'request-config', options: 'request-config', defaults: 'request-config' },
};

/**
 * Method steps on a source: `kind` → method → the kind of `source.method()`. Methods missing
 * from a kind's table return something safe (`headers.has()`, `err.toString()`); string
 * sources are handled separately (see `SAFE_STRING_METHODS`).
 */
// (`toString` needs its cast: TypeScript types that key from Object.prototype, not from the index signature.)
export const METHOD_STEPS: Readonly<Partial<Record<SourceKind, Readonly<Record<string, SourceKind>>>>> = {
  // fetch Headers / AxiosHeaders / node-fetch: every way of getting all the entries.
  headers: {
    entries: 'headers',
    values: 'headers',
    raw: 'headers',
    toJSON: 'headers',
    normalize: 'headers',
    concat: 'headers',
    toString: 'headers' as SourceKind,
    getAuthorization: 'authorization',
  },
  // axios' AxiosError#toJSON() includes `config`.
  'http-error': { toJSON: 'http-error' },
  'http-request': { getHeaders: 'headers' },
};

/** `toString()` on a header bag: AxiosHeaders print `Authorization: Bearer …` lines. */
export const SERIALISING_METHODS: ReadonlySet<string> = new Set(['toString', 'toJSON']);

/**
 * Roles of an UNKNOWN receiver, decided by its name, for reading its properties. The receiver
 * itself is not reported (a variable called `err` may be any error), but `err.config` is.
 * Names are normalised; a role's steps replace `DEFAULT_RECEIVER_STEPS`.
 */
export interface ReceiverRole {
  readonly names: ReadonlySet<string>;
  readonly steps: PropertySteps;
}

export const RECEIVER_ROLES: readonly ReceiverRole[] = [
  // `err.config`, `error.response`, `e.request`, `reason.options`.
  {
    names: new Set(['err', 'error', 'e', 'ex', 'exc', 'exception', 'reason', 'cause', ...HTTP_ERROR_NAMES]),
    steps: PROPERTY_STEPS['http-error']!,
  },
  // `res.config`, `response.request`; `response.headers` are the server's headers (safe).
  { names: new Set(['res', 'resp', 'response', 'reply', 'axiosresponse', 'httpresponse']), steps: PROPERTY_STEPS['http-response']! },
  // `process.env` as a whole.
  { names: new Set(['process']), steps: { env: 'process-env' } },
];

/** Any other receiver: `req.headers`, `request.headers`, `config.headers`, `init.headers`, `ctx.headers`. */
export const DEFAULT_RECEIVER_STEPS: PropertySteps = { headers: 'headers' };

/** Receivers whose `.defaults` is a request config: axios and its instances (`axios.defaults.headers…`). */
export const CLIENT_DEFAULTS_STEPS: PropertySteps = { defaults: 'request-config', headers: 'headers' };

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Sources: HTTP clients, their errors, configs, interceptors and hooks
// ─────────────────────────────────────────────────────────────────────────────────────────────

export interface HttpClient {
  /** Import/require specifier and the usual local name. */
  readonly module: string;
  /** Whether a response object carries the request config (and so the Authorization header). */
  readonly responseCarriesConfig: boolean;
  /** `client(…)` called directly: argument positions that are request configs (`got(url, options)`). */
  readonly callConfigArguments: readonly number[];
  /** `client.method(…)`: request methods and the position of their config argument. */
  readonly methods: Readonly<Record<string, number>>;
  /** Methods that create an instance sharing the same API (`axios.create()`, `got.extend()`). */
  readonly instanceFactories: readonly string[];
}

export const HTTP_CLIENTS: readonly HttpClient[] = [
  {
    module: 'axios',
    responseCarriesConfig: true,
    // `axios(config)` or `axios(url, config)`; a lone first argument is checked only when it is not a string.
    callConfigArguments: [0, 1],
    methods: { request: 0, get: 1, delete: 1, head: 1, options: 1, post: 2, put: 2, patch: 2, postForm: 2, putForm: 2, patchForm: 2 },
    instanceFactories: ['create'],
  },
  {
    module: 'got',
    responseCarriesConfig: true,
    callConfigArguments: [0, 1],
    methods: { get: 1, post: 1, put: 1, patch: 1, delete: 1, head: 1, stream: 1, paginate: 1 },
    instanceFactories: ['extend'],
  },
  {
    module: 'ky',
    // ky resolves to a fetch Response: its headers are the server's.
    responseCarriesConfig: false,
    callConfigArguments: [1],
    methods: { get: 1, post: 1, put: 1, patch: 1, delete: 1, head: 1 },
    instanceFactories: ['create', 'extend'],
  },
];

/** Global fetch and the Request constructor: the second argument is the request config. */
export const FETCH_CONFIG_ARGUMENT: Readonly<Record<string, number>> = { fetch: 1, Request: 1 };

/**
 * Identifiers that mark a `try` block or promise chain as an HTTP call, so that its `catch`
 * parameter is an HTTP-client error (axios, got, ky, NestJS' `HttpService`). Instances made
 * with an `instanceFactories` method at the top of the file are added per file.
 */
export const HTTP_CLIENT_IDENTIFIERS: ReadonlySet<string> = new Set(['axios', 'got', 'ky', 'httpService', 'HttpService']);

/**
 * Callback registries whose callbacks receive request configs, responses or errors:
 * `axios.interceptors.request.use(onConfig, onError)`, `….response.use(onResponse, onError)`.
 * Kinds are per callback position; the callback's first parameter gets that kind.
 */
export const INTERCEPTORS: Readonly<Record<string, readonly SourceKind[]>> = {
  request: ['request-config', 'http-error'],
  response: ['http-response', 'http-error'],
};

/**
 * got/ky hooks (`hooks: { beforeRequest: [(options) => …] }`): the kind of the first parameter
 * of each hook function.
 */
export const HTTP_HOOKS: Readonly<Record<string, SourceKind>> = {
  init: 'request-config',
  beforeRequest: 'request-config',
  beforeRedirect: 'request-config',
  beforeRetry: 'http-error',
  beforeError: 'http-error',
  afterResponse: 'http-response',
};

/** Promise/RxJS error handlers: `.catch(fn)`, `.then(_, fn)`, `catchError(fn)`; index of `fn`. */
export const ERROR_CALLBACKS: Readonly<Record<string, number>> = { catch: 0, then: 1, catchError: 0 };

/** NestJS parameter decorator: `@Headers('authorization') auth`, `@Headers() headers`. */
export const HEADER_DECORATORS: ReadonlySet<string> = new Set(['Headers']);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Type-aware sources (only with `typeAware: true` and type information)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Type names (the symbol or alias name, also through base interfaces) whose values carry
 * headers. A type also counts when it has an `Authorization`/`authorization` property, or when
 * one of its own properties has such a type (`{ config: AxiosRequestConfig }`).
 */
export const HEADER_CARRYING_TYPES: ReadonlySet<string> = new Set([
  'Headers',
  'IncomingHttpHeaders',
  'AxiosRequestConfig',
  'InternalAxiosRequestConfig',
  'AxiosError',
  'RequestInit',
  'Request',
]);

/** Property names that make an object type an Authorization carrier. */
export const AUTHORIZATION_PROPERTIES: readonly string[] = ['authorization', 'Authorization'];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Propagation: calls that pass their argument's content through to their result
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Serialise their argument: the result is a string holding everything (`JSON.stringify` is handled apart for its replacer). */
export const SERIALISERS: ReadonlySet<string> = new Set(['util.inspect', 'util.format', 'util.formatWithOptions']);

/** Copy or reshape their arguments without removing anything. Compared as full callee paths. */
export const PASSTHROUGH_FUNCTIONS: ReadonlySet<string> = new Set([
  'Object.assign',
  'Object.entries',
  'Object.values',
  'Object.fromEntries',
  'structuredClone',
  'Array.from',
  'Array.of',
  'Buffer.from',
  'encodeURIComponent',
  'encodeURI',
  'btoa',
  '_.clone',
  '_.cloneDeep',
  '_.merge',
  '_.assign',
  '_.toPairs',
]);

/** Constructors that copy their argument's entries (`new Headers(req.headers)`) or message (`new Error(\`…${token}\`)`). */
export const PASSTHROUGH_CONSTRUCTORS: ReadonlySet<string> = new Set(['Headers', 'Map', 'Request', 'Error', 'TypeError', 'RangeError']);

/** Error constructors keep only a string message: objects passed in become `[object Object]`. */
export const MESSAGE_CONSTRUCTORS: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError']);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Sanitizers and safe shapes
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A call whose function name CONTAINS one of these words (case-insensitive) returns a safe
 * value: `redact(headers)`, `maskToken(t)`, `sanitizeConfig(c)`, `_.omit(h, 'authorization')`,
 * `hashToken(t)`. Also in type-aware mode, where the result's type may still be `Headers`.
 */
export const SANITIZER_WORDS: readonly string[] = [
  'redact',
  'mask',
  'sanitize',
  'sanitise',
  'omit',
  'hash',
  'scrub',
  'censor',
  'obfuscate',
];

/** Functions whose result tells nothing about the value: presence, numbers, names only. */
export const SAFE_FUNCTIONS: ReadonlySet<string> = new Set([
  'Boolean',
  'Number',
  'parseInt',
  'parseFloat',
  'isNaN',
  'Array.isArray',
  'Object.keys',
  'Object.getOwnPropertyNames',
  'Object.hasOwn',
]);

/**
 * Methods of a string source that return a boolean, a number or nothing of the value:
 * scheme and presence checks (`auth.startsWith('Bearer ')`). Every other string method
 * (`trim`, `replace`, `slice`, …) keeps the credential. Names starting `is`/`has` count too.
 */
export const SAFE_STRING_METHODS: ReadonlySet<string> = new Set([
  'startsWith',
  'endsWith',
  'includes',
  'indexOf',
  'lastIndexOf',
  'search',
  'localeCompare',
  'charCodeAt',
  'codePointAt',
  'test',
]);

/** `auth.split(' ')` gives [scheme, credential]: element 0 (and `shift()`, `at(0)`) is the scheme. */
export const SPLIT_METHOD = 'split';

/** Methods on `split()` parts that return a boolean/number, not a part. */
export const SAFE_PARTS_METHODS: ReadonlySet<string> = new Set(['includes', 'indexOf', 'some', 'every', 'findIndex']);

/** Properties that never carry a value: `.length` of anything. */
export const SAFE_PROPERTIES: ReadonlySet<string> = new Set(['length']);

/**
 * Keys in a `JSON.stringify(value, [keys])` allow-list that let a credential through. Any other
 * allow-list (`['id', 'status']`) is a sanitizer. A replacer function is trusted to filter.
 */
export const RISKY_ALLOW_LIST_KEYS: ReadonlySet<string> = new Set([
  'headers',
  'config',
  'request',
  'response',
  'options',
  'env',
  'defaults',
]);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Sinks
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Console methods that print their arguments, and the first argument they print. */
export const CONSOLE_METHODS: Readonly<Record<string, number>> = {
  log: 0,
  info: 0,
  warn: 0,
  error: 0,
  debug: 0,
  trace: 0,
  dir: 0,
  dirxml: 0,
  table: 0,
  group: 0,
  groupCollapsed: 0,
  timeLog: 0,
  // console.assert(condition, ...data): the condition is not printed.
  assert: 1,
};

/** Paths under which the console is reached. */
export const CONSOLE_RECEIVERS: ReadonlySet<string> = new Set([
  'console',
  'globalThis.console',
  'global.console',
  'window.console',
  'self.console',
]);

/** `process.stdout.write(chunk)` and `process.stderr.write(chunk)`. */
export const STREAM_RECEIVERS: ReadonlySet<string> = new Set(['process.stdout', 'process.stderr']);
export const STREAM_METHODS: ReadonlySet<string> = new Set(['write']);

/** Sentry: what these calls are given is sent to Sentry with every later event. */
export const SENTRY_METHODS: ReadonlySet<string> = new Set(['addBreadcrumb', 'setExtra', 'setExtras', 'setContext', 'captureMessage']);
/** `Sentry.setExtra`, and `scope.setExtra` inside `Sentry.withScope((scope) => …)`. */
export const SENTRY_RECEIVERS: ReadonlySet<string> = new Set(['Sentry', 'scope']);
/** Calls that return a Sentry scope: `Sentry.getCurrentScope().setContext(…)`. */
export const SENTRY_SCOPE_GETTERS: ReadonlySet<string> = new Set(['getCurrentScope', 'getIsolationScope', 'getGlobalScope']);

export interface LoggerLibrary {
  readonly name: string;
  /** Import/require specifier; a default or namespace import of it is this library's `root`. */
  readonly module: string;
  /** The name the library is usually imported as; paths below start with it. */
  readonly root: string;
  /** Objects that ARE loggers without configuration (`winston.info(…)`, `req.log.info(…)`). */
  readonly receivers: readonly string[];
  /** Calls that return a logger (`pino()`, `log4js.getLogger()`); `new X()` is written `new X`. */
  readonly factories: readonly string[];
  /** Methods that write a log record; their every argument is logged. */
  readonly methods: readonly string[];
}

export const LOGGER_LIBRARIES: readonly LoggerLibrary[] = [
  {
    name: 'pino',
    module: 'pino',
    root: 'pino',
    // pino-http / Fastify put a request-bound logger on the request and the app.
    receivers: ['req.log', 'request.log', 'reply.log', 'fastify.log', 'app.log', 'server.log'],
    factories: ['pino'],
    // `child(bindings)` writes its bindings into every later line.
    methods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'child'],
  },
  {
    name: 'winston',
    module: 'winston',
    root: 'winston',
    receivers: ['winston'],
    factories: ['winston.createLogger', 'winston.loggers.get', 'winston.loggers.add'],
    methods: ['log', 'error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly', 'emerg', 'alert', 'crit', 'notice', 'warning', 'child'],
  },
  {
    name: 'bunyan',
    module: 'bunyan',
    root: 'bunyan',
    receivers: [],
    factories: ['bunyan.createLogger'],
    methods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'child'],
  },
  {
    name: 'log4js',
    module: 'log4js',
    root: 'log4js',
    receivers: [],
    factories: ['log4js.getLogger'],
    methods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'mark', 'log'],
  },
  {
    name: 'loglevel',
    module: 'loglevel',
    root: 'loglevel',
    receivers: ['loglevel'],
    factories: ['loglevel.getLogger'],
    methods: ['trace', 'debug', 'info', 'warn', 'error', 'log'],
  },
  {
    name: 'consola',
    module: 'consola',
    root: 'consola',
    receivers: ['consola'],
    factories: ['consola.create', 'consola.withTag', 'consola.createConsola', 'createConsola'],
    methods: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'success', 'fail', 'ready', 'start', 'box', 'verbose'],
  },
  {
    name: 'NestJS Logger',
    module: '@nestjs/common',
    root: '@nestjs/common',
    // `Logger.log(…)` (static) and `new Logger(Ctx.name)` instances.
    receivers: ['Logger'],
    factories: ['new Logger'],
    methods: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'],
  },
];

/**
 * Methods on a logger that return another logger of the same kind:
 * `logger.child({…}).info(…)`, `consola.withTag('x').info(…)`, `log.getLogger('x').warn(…)`.
 */
export const LOGGER_DERIVATIONS: ReadonlySet<string> = new Set(['child', 'withTag', 'getLogger', 'create']);

/** Default `loggerNames`: objects named like this are loggers (see the rule's docs). */
export const DEFAULT_LOGGER_NAMES: readonly string[] = ['logger', 'log', 'this.logger'];

/**
 * The `debug` package: `const debug = createDebug('app'); debug('%O', headers)`. A call to a
 * function NAMED `debug` counts as a debug logger unless `debug` is the imported factory
 * itself (`import debug from 'debug'; debug('app')` only creates one).
 */
export const DEBUG_MODULE = 'debug';
export const DEBUG_FUNCTION_NAMES: ReadonlySet<string> = new Set(['debug']);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Modules: how imports map to the names above
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Import specifier → the root name the lists above use for it. A default or namespace import
 * (`import L from 'loglevel'`, `import * as S from '@sentry/node'`) makes its local name an
 * alias of the root; a named import (`import { inspect } from 'node:util'`) an alias of
 * `root.name` (or of `name` itself when the root is '').
 */
export const MODULE_ROOTS: Readonly<Record<string, string>> = {
  util: 'util',
  'node:util': 'util',
  debug: 'debug',
  '@nestjs/common': '',
  ...Object.fromEntries(LOGGER_LIBRARIES.filter((l) => l.module !== '@nestjs/common').map((l) => [l.module, l.root])),
  ...Object.fromEntries(HTTP_CLIENTS.map((c) => [c.module, c.module])),
};

/** Every `@sentry/*` package (`@sentry/node`, `@sentry/browser`, …) exports the same API. */
export const SENTRY_MODULE_PREFIX = '@sentry/';
export const SENTRY_ROOT = 'Sentry';
