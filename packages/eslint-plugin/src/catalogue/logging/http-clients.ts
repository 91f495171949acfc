/**
 * One record per HTTP client: how code reaches it (modules, global names), which calls take a
 * request config, what its errors and responses carry, and which TypeScript types are its
 * request side (they carry Authorization) or its response side (they do not). Teaching the
 * rule a new client is one record here, a RuleTester case named `<name>: …` and a row in the
 * rule's docs ("HTTP clients"); test/catalogue.test.ts checks all three.
 */
import type { SourceKind } from './source-kinds.js';

/** `kind` → property → kind of `source.property`; `null` is "known safe". */
export type PropertySteps = Readonly<Record<string, SourceKind | null>>;

export interface HttpClientRecord {
  /** The row name in the docs and the prefix of its test cases. */
  readonly name: string;
  /** Import/require specifiers whose default/namespace import is this client. */
  readonly modules: readonly string[];
  /** Names under which the client is called without an import (`fetch`, `httpService`). */
  readonly identifiers: readonly string[];
  /** `client(…)` called directly: argument positions that are request configs (`got(url, options)`). */
  readonly callConfigArguments: readonly number[];
  /** `client.method(…)`: request methods and the position of their config argument. */
  readonly methods: Readonly<Record<string, number>>;
  /** Methods that create an instance sharing the same API (`axios.create()`, `got.extend()`). */
  readonly instanceFactories: readonly string[];
  /** Whether a response object carries the request config (and so the Authorization header). */
  readonly responseCarriesConfig: boolean;
  /** Error class names: a variable of that name (normalised) is this client's error. */
  readonly errorNames: readonly string[];
  /** What an error's properties are (`err.config` is a request config). */
  readonly errorProperties?: PropertySteps;
  /** Callback registries: `interceptors.<phase>.use(cb0, cb1)`, the kind of each callback's first parameter. */
  readonly interceptors?: Readonly<Record<string, readonly SourceKind[]>>;
  /** `hooks: { beforeRequest: [(options) => …] }`: the kind of each hook's first parameter. */
  readonly hooks?: Readonly<Record<string, SourceKind>>;
  /** Type names (type-aware mode) whose values carry the REQUEST's headers. */
  readonly requestTypes: readonly string[];
  /** Type names whose headers are the RESPONSE's: never carriers, their properties are not looked into. */
  readonly responseTypes: readonly string[];
}

/** axios error / got error: `.config`/`.options` is the request config, `.request` the request, `.response` the response. */
const CLIENT_ERROR_PROPERTIES: PropertySteps = {
  config: 'request-config',
  options: 'request-config',
  request: 'http-request',
  response: 'http-response',
};

/** The fields of a record known only by its TypeScript types (no module, call or error of its own). */
const TYPES_ONLY = {
  modules: [],
  identifiers: [],
  callConfigArguments: [],
  methods: {},
  instanceFactories: [],
  responseCarriesConfig: false,
  errorNames: [],
} satisfies Partial<HttpClientRecord>;

export const HTTP_CLIENT_RECORDS: readonly HttpClientRecord[] = [
  {
    name: 'fetch',
    modules: ['node-fetch', 'undici'],
    identifiers: [],
    // `fetch(url, init)`, `new Request(url, init)`: see FETCH_CONFIG_ARGUMENT.
    callConfigArguments: [1],
    methods: {},
    instanceFactories: [],
    // A fetch Response holds the server's headers only.
    responseCarriesConfig: false,
    errorNames: [],
    requestTypes: ['Headers', 'RequestInit', 'Request'],
    responseTypes: ['Response'],
  },
  {
    name: 'axios',
    modules: ['axios'],
    identifiers: ['axios'],
    // `axios(config)` or `axios(url, config)`; a lone first argument is checked only when it is not a string.
    callConfigArguments: [0, 1],
    methods: { request: 0, get: 1, delete: 1, head: 1, options: 1, post: 2, put: 2, patch: 2, postForm: 2, putForm: 2, patchForm: 2 },
    instanceFactories: ['create'],
    responseCarriesConfig: true,
    errorNames: ['AxiosError', 'axiosErr'],
    errorProperties: CLIENT_ERROR_PROPERTIES,
    interceptors: { request: ['request-config', 'http-error'], response: ['http-response', 'http-error'] },
    requestTypes: ['AxiosRequestConfig', 'InternalAxiosRequestConfig', 'AxiosError'],
    responseTypes: [],
  },
  {
    name: 'got',
    modules: ['got'],
    identifiers: ['got'],
    callConfigArguments: [0, 1],
    methods: { get: 1, post: 1, put: 1, patch: 1, delete: 1, head: 1, stream: 1, paginate: 1 },
    instanceFactories: ['extend'],
    responseCarriesConfig: true,
    errorNames: ['GotError', 'RequestError'],
    errorProperties: CLIENT_ERROR_PROPERTIES,
    hooks: {
      init: 'request-config',
      beforeRequest: 'request-config',
      beforeRedirect: 'request-config',
      beforeRetry: 'http-error',
      beforeError: 'http-error',
      afterResponse: 'http-response',
    },
    requestTypes: ['Options', 'OptionsInit'],
    responseTypes: [],
  },
  {
    name: 'ky',
    modules: ['ky'],
    identifiers: ['ky'],
    callConfigArguments: [1],
    methods: { get: 1, post: 1, put: 1, patch: 1, delete: 1, head: 1 },
    instanceFactories: ['create', 'extend'],
    // ky resolves to a fetch Response: its headers are the server's.
    responseCarriesConfig: false,
    errorNames: ['KyError', 'HTTPError'],
    errorProperties: { request: 'http-request', options: 'request-config', response: 'http-response' },
    hooks: { beforeRequest: 'request-config', beforeRetry: 'http-error', beforeError: 'http-error', afterResponse: 'http-response' },
    requestTypes: [],
    responseTypes: [],
  },
  {
    name: 'NestJS HttpService',
    modules: ['@nestjs/axios'],
    identifiers: ['httpService', 'HttpService'],
    callConfigArguments: [],
    methods: {},
    instanceFactories: [],
    responseCarriesConfig: true,
    errorNames: ['HttpError', 'httpErr', 'RequestErr'],
    errorProperties: CLIENT_ERROR_PROPERTIES,
    requestTypes: [],
    responseTypes: [],
  },
  {
    name: 'node:http',
    ...TYPES_ONLY,
    // A server's `req` and a ClientRequest's `getHeaders()`: IncomingHttpHeaders hold Authorization.
    requestTypes: ['IncomingHttpHeaders', 'ClientRequest', 'OutgoingHttpHeaders'],
    responseTypes: ['ServerResponse'],
  },
  {
    name: 'API SDK errors',
    ...TYPES_ONLY,
    // OpenAI/Anthropic-style `APIError`, AI SDK `APICallError`: their `headers` are the response's.
    requestTypes: [],
    responseTypes: ['APIError', 'APICallError', 'APIConnectionError', 'AuthenticationError', 'RateLimitError'],
  },
];
