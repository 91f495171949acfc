/**
 * One record per logger or other sink (console, process streams, pino, winston, …, Sentry,
 * OpenTelemetry): how code reaches it and which of its methods write their arguments out.
 * Teaching the rule a new logger is one record here, a RuleTester case named `<name>: …` and
 * a row in the rule's docs ("What counts as a sink"); test/catalogue.test.ts checks all three.
 */

export interface SinkRecord {
  /** The row name in the docs and the prefix of its test cases. */
  readonly name: string;
  /** Import/require specifiers; a default or namespace import of one is this library's `root`. */
  readonly modules: readonly string[];
  /** Every module whose name starts with this (`@sentry/node`, `@sentry/browser`) is this library. */
  readonly modulePrefix?: string;
  /** The canonical name paths below start with ('' when the library has named exports only). */
  readonly root: string;
  /** Objects that ARE sinks as they are (`console`, `winston`, `req.log`, `Sentry`). */
  readonly receivers: readonly string[];
  /** Calls that return a sink object (`pino()`, `log4js.getLogger()`); `new X()` is written `new X`. */
  readonly factories: readonly string[];
  /** Calls that return a sink object of this library, by the callee's last name (`getCurrentScope`). */
  readonly factoryMethods?: readonly string[];
  /**
   * Writing methods and the index of the first argument they write (`console.assert`'s
   * condition and `span.setAttribute`'s key are not written as values).
   */
  readonly methods: Readonly<Record<string, number>>;
  /**
   * Receivers recognised by their last name, normalised (`span`, `activeSpan`): used for
   * libraries whose objects are passed around under conventional names.
   */
  readonly receiverNames?: readonly string[];
  /** Whether the library's methods are also what a configured `loggerNames` object logs with. */
  readonly isLogger: boolean;
  /**
   * Factory options that redact: pino's `redact: ['req.headers.authorization']` (paths, or
   * `{ paths }`); any option whose value calls or names a redaction helper (`redact`,
   * `pinoRedactPaths`, `winstonRedactFormat()`) redacts everything. Read when the logger is
   * created in the same file.
   */
  readonly redactOptions?: readonly string[];
}

/** Log levels most loggers share. */
const LEVELS = { trace: 0, debug: 0, info: 0, warn: 0, error: 0, fatal: 0 } as const;

export const SINK_RECORDS: readonly SinkRecord[] = [
  {
    name: 'Console',
    modules: [],
    root: 'console',
    receivers: ['console', 'globalThis.console', 'global.console', 'window.console', 'self.console'],
    factories: [],
    methods: {
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
    },
    isLogger: false,
  },
  {
    name: 'Process streams',
    modules: [],
    root: 'process',
    receivers: ['process.stdout', 'process.stderr'],
    factories: [],
    methods: { write: 0 },
    isLogger: false,
  },
  {
    name: 'pino',
    modules: ['pino'],
    root: 'pino',
    // pino-http / Fastify put a request-bound logger on the request and the app.
    receivers: ['req.log', 'request.log', 'reply.log', 'fastify.log', 'app.log', 'server.log'],
    factories: ['pino'],
    // `child(bindings)` writes its bindings into every later line.
    methods: { ...LEVELS, child: 0 },
    isLogger: true,
    redactOptions: ['redact'],
  },
  {
    name: 'winston',
    modules: ['winston'],
    root: 'winston',
    receivers: ['winston'],
    factories: ['winston.createLogger', 'winston.loggers.get', 'winston.loggers.add'],
    methods: {
      log: 0,
      error: 0,
      warn: 0,
      info: 0,
      http: 0,
      verbose: 0,
      debug: 0,
      silly: 0,
      emerg: 0,
      alert: 0,
      crit: 0,
      notice: 0,
      warning: 0,
      child: 0,
    },
    isLogger: true,
    redactOptions: ['format'],
  },
  {
    name: 'bunyan',
    modules: ['bunyan'],
    root: 'bunyan',
    receivers: [],
    factories: ['bunyan.createLogger'],
    methods: { ...LEVELS, child: 0 },
    isLogger: true,
  },
  {
    name: 'log4js',
    modules: ['log4js'],
    root: 'log4js',
    receivers: [],
    factories: ['log4js.getLogger'],
    methods: { ...LEVELS, mark: 0, log: 0 },
    isLogger: true,
  },
  {
    name: 'loglevel',
    modules: ['loglevel'],
    root: 'loglevel',
    receivers: ['loglevel'],
    factories: ['loglevel.getLogger'],
    methods: { trace: 0, debug: 0, info: 0, warn: 0, error: 0, log: 0 },
    isLogger: true,
  },
  {
    name: 'consola',
    modules: ['consola'],
    root: 'consola',
    receivers: ['consola'],
    factories: ['consola.create', 'consola.withTag', 'consola.createConsola', 'createConsola'],
    methods: { ...LEVELS, log: 0, success: 0, fail: 0, ready: 0, start: 0, box: 0, verbose: 0 },
    isLogger: true,
  },
  {
    name: 'NestJS Logger',
    modules: ['@nestjs/common'],
    root: '',
    // `Logger.log(…)` (static) and `new Logger(Ctx.name)` instances.
    receivers: ['Logger'],
    factories: ['new Logger'],
    methods: { log: 0, error: 0, warn: 0, debug: 0, verbose: 0, fatal: 0 },
    isLogger: true,
  },
  {
    name: 'Sentry',
    modules: [],
    modulePrefix: '@sentry/',
    root: 'Sentry',
    // `Sentry.setExtra`, and `scope.setExtra` inside `Sentry.withScope((scope) => …)`.
    receivers: ['Sentry', 'scope'],
    factories: [],
    factoryMethods: ['getCurrentScope', 'getIsolationScope', 'getGlobalScope'],
    // What these calls are given is sent to Sentry with every later event.
    methods: { addBreadcrumb: 0, setExtra: 0, setExtras: 0, setContext: 0, captureMessage: 0 },
    isLogger: false,
  },
  {
    name: 'OpenTelemetry',
    modules: [],
    modulePrefix: '@opentelemetry/',
    root: 'otel',
    receivers: [],
    factories: [],
    // `trace.getActiveSpan()`, `tracer.startSpan(…)` return spans.
    factoryMethods: ['getActiveSpan', 'startSpan', 'getSpan'],
    // Attribute values and event attributes are exported to the tracing backend; the key is not a value.
    methods: { setAttribute: 1, setAttributes: 0, addEvent: 1, startSpan: 1, startActiveSpan: 1 },
    receiverNames: ['span', 'activespan', 'rootspan', 'parentspan', 'childspan', 'currentspan', 'tracer'],
    isLogger: false,
  },
];

/**
 * The `debug` package: `const debug = createDebug('app'); debug('%O', headers)`. A call to a
 * function NAMED `debug` counts as a debug logger unless `debug` is the imported factory
 * itself (`import debug from 'debug'; debug('app')` only creates one). Its doc row is "debug".
 */
export const DEBUG_MODULE = 'debug';
export const DEBUG_FUNCTION_NAMES: ReadonlySet<string> = new Set(['debug']);

/**
 * Methods on a logger that return another logger of the same kind:
 * `logger.child({…}).info(…)`, `consola.withTag('x').info(…)`, `log.getLogger('x').warn(…)`.
 */
export const LOGGER_DERIVATIONS: ReadonlySet<string> = new Set(['child', 'withTag', 'getLogger', 'create']);

/** Default `loggerNames`: objects named like this are loggers (see the rule's docs). */
export const DEFAULT_LOGGER_NAMES: readonly string[] = ['logger', 'log', 'this.logger'];
