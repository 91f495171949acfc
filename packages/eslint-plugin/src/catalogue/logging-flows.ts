/**
 * What `kernel-secrets/no-auth-header-logging` knows about logging, as data. The per-library
 * records live next to this file: `logging/http-clients.ts` (one record per HTTP client) and
 * `logging/sinks.ts` (one record per logger or other sink); this module holds what is not
 * tied to one library (names of sources, how values propagate, what sanitizes them) and the
 * lookup tables the code in `src/logging/` reads, derived from the records.
 *
 * Credential NAMES (`token`, `apiKey`, `KERNEL_TOKEN`, …) are not listed here: they come from
 * `@kernel-secrets/core` so that every front-end gives the same answer to "is this name a
 * credential?".
 *
 * All names are compared exactly unless a comment says otherwise. Lists of identifier names
 * that are compared "normalised" go through core's `normaliseName` (lower case, `_ - .` and
 * spaces removed), so `auth_header`, `authHeader` and `AUTH-HEADER` are one entry.
 */
import { KERNEL_SDK_NAMES, normaliseName } from '@kernel-secrets/core';
import { HTTP_CLIENT_RECORDS, type HttpClientRecord, type PropertySteps } from './logging/http-clients.js';
import { SINK_RECORDS, type SinkRecord } from './logging/sinks.js';
import type { SourceKind } from './logging/source-kinds.js';

export { SOURCE_KINDS, type SourceKind, type SourceKindInfo } from './logging/source-kinds.js';
export { HTTP_CLIENT_RECORDS, type HttpClientRecord, type PropertySteps } from './logging/http-clients.js';
export {
  DEBUG_FUNCTION_NAMES,
  DEBUG_MODULE,
  DEFAULT_LOGGER_NAMES,
  LOGGER_DERIVATIONS,
  SINK_RECORDS,
  type SinkRecord,
} from './logging/sinks.js';

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

/** Hono's `c.req.header()` called without a name returns every header. */
export const ALL_HEADERS_GETTER = 'header';

/**
 * Partial redaction: `token.slice(-4)`, `token.substring(0, 4)`, `token.substr(0, 6)` show at
 * most this many characters of a credential, which identifies it without giving it away.
 */
export const MAX_SHOWN_CHARACTERS = 6;
export const SLICING_METHODS: ReadonlySet<string> = new Set(['slice', 'substring', 'substr']);

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
export const HTTP_ERROR_NAMES: ReadonlySet<string> = new Set(HTTP_CLIENT_RECORDS.flatMap((client) => client.errorNames.map(normaliseName)));

/**
 * Credential words (normalised) that also name an LLM's or a lexer's tokens: `token` alone is
 * a credential only in a file with a credential context (AUTH_CONTEXT_WORDS), and never as
 * the parameter of a streaming callback (`onToken: (token) => …`, `.on('token', …)`) or a
 * field of a streamed part (`logprob.token`, `chunk.token`).
 */
export const AMBIGUOUS_CREDENTIAL_NAMES: ReadonlySet<string> = new Set(['token']);

/** A file mentioning one of these (case-insensitive) handles credentials: `token` there is one. */
export const AUTH_CONTEXT_WORDS: readonly string[] = [
  'authoriz',
  'bearer',
  'apikey',
  'api_key',
  'credential',
  'kernel',
  'jwt',
  'oauth',
  'password',
];

/** Callback keys and event names (normalised, "contains") of token streams: `onToken`, `'token'`, `handleLLMNewToken`. */
export const TOKEN_STREAM_CALLBACK_WORDS: readonly string[] = ['token'];

/** Event-registration methods whose first argument names the event: `.on('token', cb)`. */
export const EVENT_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'addEventListener', 'prependListener']);

/** Receivers (normalised, "contains") whose `.token` is a streamed token: `logprob.token`, `tokenInfo.token`, `chunk.token`. */
export const TOKEN_STREAM_RECEIVER_WORDS: readonly string[] = [
  'logprob',
  'info',
  'chunk',
  'delta',
  'event',
  'part',
  'choice',
  'item',
  'top',
  'entry',
];

/** Identifier names (normalised) of Kernel client instances. */
export const KERNEL_CLIENT_INSTANCE_NAMES: ReadonlySet<string> = new Set(['kernelclient']);

/**
 * Calls that return a Kernel client: core's SDK names (`createKernelClient(…)`, and the
 * constructors called without `new`), the same list the text scanner and token slots read.
 */
export const KERNEL_CLIENT_FACTORIES: ReadonlySet<string> = new Set(KERNEL_SDK_NAMES);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Sources: objects that carry headers, and what their properties are
// ─────────────────────────────────────────────────────────────────────────────────────────────

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
  'http-error': Object.assign({}, ...HTTP_CLIENT_RECORDS.map((client) => client.errorProperties ?? {})) as PropertySteps,
  // fetch RequestInit, axios request config, got options: their headers.
  'request-config': { headers: 'headers' },
  // axios response.config / .request; got response.request; the response's own headers are safe.
  'http-response': { config: 'request-config', request: 'http-request', headers: null },
  // Node's ClientRequest and fetch's Request.
  'http-request': { headers: 'headers', options: 'request-config' },
  // Express/Fastify `req`, Koa `ctx.request`, Node's IncomingMessage on a server.
  'incoming-request': { headers: 'headers', header: 'headers', rawHeaders: 'headers' },
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
  // Koa `ctx.request`/`ctx.headers`, Hono `c.req`: a framework's request context.
  {
    names: new Set(['ctx', 'context', 'c']),
    steps: { request: 'incoming-request', req: 'incoming-request', headers: 'headers', header: 'headers' },
  },
];

/** The error role's `.response`: an HTTP-client response only in files that use a client whose responses keep the config. */
export const ERROR_RESPONSE_PROPERTY = 'response';

/** Any other receiver: `req.headers`, `request.headers`, `config.headers`, `init.headers`, `ctx.headers`. */
export const DEFAULT_RECEIVER_STEPS: PropertySteps = { headers: 'headers', rawHeaders: 'headers' };

/** Receivers whose `.defaults` is a request config: axios and its instances (`axios.defaults.headers…`). */
export const CLIENT_DEFAULTS_STEPS: PropertySteps = { defaults: 'request-config', headers: 'headers' };

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Sources: HTTP clients, their errors, configs, interceptors and hooks
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Clients whose calls and methods are understood, by the canonical name they are imported/called as. */
export const HTTP_CLIENTS_BY_ROOT: ReadonlyMap<string, HttpClientRecord> = new Map(
  HTTP_CLIENT_RECORDS.flatMap((client) => client.identifiers.map((identifier) => [identifier, client] as const)),
);

/** Global fetch and the Request constructor: the second argument is the request config. */
export const FETCH_CONFIG_ARGUMENT: Readonly<Record<string, number>> = { fetch: 1, Request: 1 };

/**
 * Identifiers that mark a `try` block or promise chain as an HTTP call, so that its `catch`
 * parameter is an HTTP-client error: clients whose errors carry the request (axios, got, ky,
 * NestJS' `HttpService`). Instances made with an `instanceFactories` method at the top of the
 * file are added per file.
 */
export const HTTP_CLIENT_IDENTIFIERS: ReadonlySet<string> = new Set(
  HTTP_CLIENT_RECORDS.filter((client) => client.errorProperties).flatMap((client) => client.identifiers),
);

/** Callback registries (`interceptors.request.use(onConfig, onError)`): kinds per callback position. */
export const INTERCEPTORS: Readonly<Record<string, readonly SourceKind[]>> = Object.assign(
  {},
  ...HTTP_CLIENT_RECORDS.map((client) => client.interceptors ?? {}),
) as Record<string, readonly SourceKind[]>;

/** got/ky hooks (`hooks: { beforeRequest: [(options) => …] }`): the kind of each hook's first parameter. */
export const HTTP_HOOKS: Readonly<Record<string, SourceKind>> = Object.assign(
  {},
  ...HTTP_CLIENT_RECORDS.map((client) => client.hooks ?? {}),
) as Record<string, SourceKind>;

/** Promise/RxJS error handlers: `.catch(fn)`, `.then(_, fn)`, `catchError(fn)`; index of `fn`. */
export const ERROR_CALLBACKS: Readonly<Record<string, number>> = { catch: 0, then: 1, catchError: 0 };

/**
 * Route registrations of Express, Fastify, Koa-router and Hono: a handler with two or more
 * parameters (`(req, res)`, `(request, reply)`) gets the incoming request first. A first
 * parameter named like a context (`ctx`, `c`) is left to RECEIVER_ROLES (`ctx.request`, `c.req`).
 */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'all',
  'use',
  'options',
  'head',
  'addHook',
]);
export const CONTEXT_PARAMETER_NAMES: ReadonlySet<string> = new Set(['ctx', 'context', 'c']);

/** Next.js route handlers: `export async function GET(request) {…}` gets the incoming request. */
export const ROUTE_HANDLER_EXPORTS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** NestJS parameter decorator: `@Headers('authorization') auth`, `@Headers() headers`. */
export const HEADER_DECORATORS: ReadonlySet<string> = new Set(['Headers']);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Type-aware sources (only with `typeAware: true` and type information)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Type names (the symbol or alias name, also through base interfaces) whose values carry the
 * REQUEST's headers. A type also counts when it has an `Authorization`/`authorization`
 * property, or when one of its own properties has such a type (`{ config: AxiosRequestConfig }`).
 */
export const HEADER_CARRYING_TYPES: ReadonlySet<string> = new Set(HTTP_CLIENT_RECORDS.flatMap((client) => client.requestTypes));

/** Response-side types (`Response`, an SDK's `APIError`): their headers are the server's; not looked into. */
export const RESPONSE_SIDE_TYPES: ReadonlySet<string> = new Set(HTTP_CLIENT_RECORDS.flatMap((client) => client.responseTypes));

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

/** The sink records that are loggers: their methods are what a configured `loggerNames` object logs with. */
export const LOGGER_LIBRARIES: readonly SinkRecord[] = SINK_RECORDS.filter((record) => record.isLogger);

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
  ...Object.fromEntries(SINK_RECORDS.flatMap((record) => record.modules.map((module) => [module, record.root]))),
  ...Object.fromEntries(
    HTTP_CLIENT_RECORDS.flatMap((client) => client.modules.map((module) => [module, client.identifiers[0] ?? 'fetch'])),
  ),
};

/** Module prefixes whose every package is one library (`@sentry/*`, `@opentelemetry/*`) → its root. */
export const MODULE_PREFIX_ROOTS: readonly (readonly [string, string])[] = SINK_RECORDS.flatMap((record) =>
  record.modulePrefix === undefined ? [] : [[record.modulePrefix, record.root] as const],
);
