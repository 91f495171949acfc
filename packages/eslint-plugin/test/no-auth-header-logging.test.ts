/**
 * RuleTester cases for kernel-secrets/no-auth-header-logging: every sink family and source
 * family of the rule's docs, the safe shapes that must stay quiet, and the type-aware mode
 * against the fixture project in fixtures/typed. Each expected report is marked ⟦…⟧ in the
 * test code; every error asserts its message data (expression, source kind, sink) and its
 * exact start and end.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomToken } from '../../../test/support/tokens.js';
import { SOURCE_KINDS, type SourceKind } from '../src/catalogue/logging-flows.js';
import rule, { type MessageIds, type NoAuthHeaderLoggingOptions } from '../src/rules/no-auth-header-logging.js';
import { unmark } from './support/marked-code.js';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from './support/rule-tester.js';

type Options = [NoAuthHeaderLoggingOptions];
type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;

interface Expected {
  kind: SourceKind;
  sink: string;
  /** How the message spells the expression when it differs from the marked text. */
  expression?: string;
  origin?: string;
  typeName?: string;
  messageId?: MessageIds;
}

function leak(name: string, marked: string, expected: Expected[], options?: NoAuthHeaderLoggingOptions): Invalid {
  const { code, spans } = unmark(marked);
  if (spans.length !== expected.length) throw new Error(`test setup: ${name}: ${spans.length} marks for ${expected.length} expectations`);
  return {
    name,
    code,
    ...(options && { options: [options] as Options }),
    errors: expected.map((e, i) => {
      const { text, ...location } = spans[i]!;
      const expression = e.expression ?? text;
      return {
        messageId: e.messageId ?? ('credentialLogged' as const),
        data: {
          expression,
          origin: e.origin ? ` (from \`${e.origin}\`)` : '',
          source: e.kind === 'typed' ? `a value whose type carries request headers (${e.typeName})` : SOURCE_KINDS[e.kind].description,
          sink: e.sink,
          advice: SOURCE_KINDS[e.kind].advice.replaceAll('{x}', expression),
        },
        ...location,
      };
    }),
  };
}

function safe(name: string, code: string, options?: NoAuthHeaderLoggingOptions): Valid {
  return { name, code, ...(options && { options: [options] as Options }) };
}

const ruleTester = new RuleTester();

// ─── invalid: sinks × sources ──────────────────────────────────────────────────────────────────

const invalid: Invalid[] = [
  // console family
  leak('Console: console.log of req.headers', `app.get('/', (req) => { console.log(⟦req.headers⟧); });`, [
    { kind: 'headers', sink: 'console.log' },
  ]),
  leak(
    'console.info of the Authorization value in a template literal',
    'function h(req) {\n  console.info(`auth=${⟦req.headers.authorization⟧}`);\n}',
    [{ kind: 'authorization', sink: 'console.info' }],
  ),
  leak(
    "console.warn of req.get('authorization') in a concatenation",
    `function h(req) { console.warn('auth: ' + ⟦req.get('authorization')⟧); }`,
    [{ kind: 'authorization', sink: 'console.warn' }],
  ),
  leak("console.debug of headers['Authorization']", `function h(headers) { console.debug(⟦headers['Authorization']⟧); }`, [
    { kind: 'authorization', sink: 'console.debug' },
  ]),
  leak('console.table of a header object', `function h(request) { console.table(⟦request.headers⟧); }`, [
    { kind: 'headers', sink: 'console.table' },
  ]),
  leak('console.dir of init.headers', `function h(init) { console.dir(⟦init.headers⟧, { depth: 5 }); }`, [
    { kind: 'headers', sink: 'console.dir' },
  ]),
  leak(
    "console.assert's later arguments, not its condition",
    `function h(apiToken) { console.assert(apiToken, 'bad token', ⟦apiToken⟧); }`,
    [{ kind: 'token', sink: 'console.assert' }],
  ),
  leak('console.trace of config.headers', `function h(config) { console.trace(⟦config.headers⟧); }`, [
    { kind: 'headers', sink: 'console.trace' },
  ]),
  leak('globalThis.console.error', `function h(accessToken) { globalThis.console.error(⟦accessToken⟧); }`, [
    { kind: 'token', sink: 'globalThis.console.error' },
  ]),

  // process streams
  leak(
    'Process streams: process.stdout.write of a token in a template',
    'function h(bearer) {\n  process.stdout.write(`bearer ${⟦bearer⟧}\\n`);\n}',
    [{ kind: 'token', sink: 'process.stdout.write' }],
  ),
  leak('process.stderr.write of JSON.stringify(headers)', `function h(headers) { process.stderr.write(JSON.stringify(⟦headers⟧)); }`, [
    { kind: 'headers', sink: 'process.stderr.write' },
  ]),

  // util.inspect / util.format results passed on
  leak(
    'util.inspect result passed to console.log',
    `import util from 'node:util';\nfunction h(req) { console.log(util.inspect(⟦req.headers⟧, { depth: null })); }`,
    [{ kind: 'headers', sink: 'console.log' }],
  ),
  leak(
    "imported format('%o') written to stdout, even inside a template",
    "import { format } from 'util';\nfunction h(req) { process.stdout.write(`${format('%o', ⟦req.headers⟧)}\\n`); }",
    [{ kind: 'headers', sink: 'process.stdout.write' }],
  ),

  // pino
  leak(
    'pino: an instance under any name',
    `import pino from 'pino';\nconst appLogger = pino();\nfunction h(req) { appLogger.info({ headers: ⟦req.headers⟧ }, 'incoming'); }`,
    [{ kind: 'headers', sink: 'appLogger.info' }],
  ),
  leak('pino-http req.log', `function h(req) { req.log.info({ auth: ⟦req.headers.authorization⟧ }); }`, [
    { kind: 'authorization', sink: 'req.log.info' },
  ]),
  leak(
    'Fastify request.log with a shorthand token',
    `function h(request, accessToken) { request.log.warn({ ⟦accessToken⟧ }, 'retrying'); }`,
    [{ kind: 'token', sink: 'request.log.warn' }],
  ),
  leak(
    'pino child bindings are logged on every line',
    `import pino from 'pino';\nconst root = pino();\nfunction h(req) { return root.child({ headers: ⟦req.headers⟧ }); }`,
    [{ kind: 'headers', sink: 'root.child' }],
  ),

  // winston
  leak(
    "winston.log('info', msg, meta) with a token",
    `import winston from 'winston';\nfunction h(apiKey) { winston.log('info', 'calling', { ⟦apiKey⟧ }); }`,
    [{ kind: 'token', sink: 'winston.log' }],
  ),
  leak(
    'winston: a createLogger instance logging an HTTP error config',
    `import winston from 'winston';\nconst wlog = winston.createLogger({});\nfunction h(err) { wlog.error('failed', ⟦err.config⟧); }`,
    [{ kind: 'request-config', sink: 'wlog.error' }],
  ),

  // bunyan
  leak(
    'bunyan: child bindings with headers',
    `import bunyan from 'bunyan';\nconst blog = bunyan.createLogger({ name: 'api' });\nfunction h(headers) { blog.child({ ⟦headers⟧ }).info('x'); }`,
    [{ kind: 'headers', sink: 'blog.child' }],
  ),

  // log4js
  leak(
    'log4js: getLogger().info with util.inspect',
    `import log4js from 'log4js';\nimport { inspect } from 'node:util';\nfunction h(req) { log4js.getLogger('api').info(inspect(⟦req.headers⟧)); }`,
    [{ kind: 'headers', sink: "log4js.getLogger('api').info" }],
  ),

  // loglevel
  leak(
    'loglevel: loglevel.debug of an apiKey member',
    `import loglevel from 'loglevel';\nfunction h(options) { loglevel.debug('key', ⟦options.apiKey⟧); }`,
    [{ kind: 'token', sink: 'loglevel.debug' }],
  ),

  // consola
  leak(
    'consola: consola.withTag(…).success of process.env',
    `import { consola } from 'consola';\nconsola.withTag('boot').success('env', ⟦process.env⟧);`,
    [{ kind: 'process-env', sink: "consola.withTag('boot').success" }],
  ),

  // debug
  leak(
    "debug('%O', headers) from createDebug",
    `import createDebug from 'debug';\nconst debug = createDebug('app:http');\nfunction h(req) { debug('%O', ⟦req.headers⟧); }`,
    [{ kind: 'headers', sink: 'debug' }],
  ),
  leak(
    'a debug instance under another name',
    `const trace = require('debug')('app');\nfunction h(config) { trace('%o', ⟦config.headers⟧); }`,
    [{ kind: 'headers', sink: 'trace' }],
  ),

  // NestJS
  leak(
    "NestJS @Headers('authorization') into this.logger.log",
    `import { Controller, Get, Headers, Logger } from '@nestjs/common';
@Controller()
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Get()
  check(@Headers('authorization') auth: string) {
    this.logger.log(\`auth header: \${⟦auth⟧}\`);
  }
}`,
    [{ kind: 'authorization', sink: 'this.logger.log' }],
  ),
  leak(
    'NestJS Logger: @Headers() into static Logger.warn',
    `import { Headers, Logger } from '@nestjs/common';
export class C {
  handle(@Headers() all: Record<string, string>) { Logger.warn(⟦all⟧); }
}`,
    [{ kind: 'headers', sink: 'Logger.warn' }],
  ),

  // Sentry
  leak(
    'Sentry.addBreadcrumb with headers in data',
    `import * as Sentry from '@sentry/node';\nfunction h(headers) { Sentry.addBreadcrumb({ category: 'http', data: { ⟦headers⟧ } }); }`,
    [{ kind: 'headers', sink: 'Sentry.addBreadcrumb' }],
  ),
  leak(
    'Sentry: setExtra with req.headers',
    `import * as Sentry from '@sentry/node';\nfunction h(req) { Sentry.setExtra('headers', ⟦req.headers⟧); }`,
    [{ kind: 'headers', sink: 'Sentry.setExtra' }],
  ),
  leak(
    "imported setContext with an 'authorization' key",
    `import { setContext } from '@sentry/browser';\nfunction h(req) { setContext('auth', { authorization: ⟦req.get('Authorization')⟧ }); }`,
    [{ kind: 'authorization', sink: 'setContext' }],
  ),

  // configurable logger names
  leak('default logger names: ctx.logger matches "logger"', `function h(ctx, authToken) { ctx.logger.error(⟦authToken⟧); }`, [
    { kind: 'token', sink: 'ctx.logger.error' },
  ]),
  leak(
    'a configured logger name',
    `function h(audit, accessToken) { audit.info('token used', ⟦accessToken⟧); }`,
    [{ kind: 'token', sink: 'audit.info' }],
    {
      loggerNames: ['audit'],
    },
  ),
  leak(
    'a configured dotted logger name',
    `class S { run(bearerToken) { this.deps.audit.warn(⟦bearerToken⟧); } }`,
    [{ kind: 'token', sink: 'this.deps.audit.warn' }],
    {
      loggerNames: ['deps.audit'],
    },
  ),

  // header objects: more shapes
  leak(
    'axios.defaults.headers.common.Authorization',
    `import axios from 'axios';\nconsole.log(⟦axios.defaults.headers.common.Authorization⟧);`,
    [{ kind: 'authorization', sink: 'console.log' }],
  ),
  leak('axios.defaults.headers as a whole', `import axios from 'axios';\nlogger.debug(⟦axios.defaults.headers⟧);`, [
    { kind: 'headers', sink: 'logger.debug' },
  ]),
  leak('Object.fromEntries(headers)', `function h(request) { console.log(Object.fromEntries(⟦request.headers⟧)); }`, [
    { kind: 'headers', sink: 'console.log' },
  ]),
  leak('spread of a header object', `function h(req) { log.info({ ...⟦req.headers⟧, path: req.path }); }`, [
    { kind: 'headers', sink: 'log.info' },
  ]),
  leak(
    "headers.get('authorization') on fetch Headers",
    `function h(request) { const auth = request.headers.get('authorization'); console.log(⟦auth⟧); }`,
    [{ kind: 'authorization', sink: 'console.log', origin: "request.headers.get('authorization')" }],
  ),
  leak("req.header('Authorization') (Express)", `function h(req) { console.log(⟦req.header('Authorization')⟧); }`, [
    { kind: 'authorization', sink: 'console.log' },
  ]),

  // aliases and destructuring
  leak('const alias of req.headers', `function h(req) {\n  const h = req.headers;\n  console.log(⟦h⟧);\n}`, [
    { kind: 'headers', sink: 'console.log', origin: 'req.headers' },
  ]),
  leak(
    'destructured and renamed Authorization value',
    `function h(req) {\n  const { authorization: a } = req.headers;\n  logger.info(⟦a⟧);\n}`,
    [{ kind: 'authorization', sink: 'logger.info', origin: 'req.headers.authorization' }],
  ),
  leak(
    'nested destructuring from req',
    `function h(req) {\n  const { headers: { authorization } } = req;\n  console.log({ ⟦authorization⟧ });\n}`,
    [{ kind: 'authorization', sink: 'console.log', origin: 'req.headers.authorization' }],
  ),
  leak(
    'rest that keeps authorization',
    `function h(req) {\n  const { 'x-request-id': id, ...others } = req.headers;\n  console.log(id, ⟦others⟧);\n}`,
    [{ kind: 'headers', sink: 'console.log', origin: 'req.headers{…rest}' }],
  ),
  leak(
    'let alias assigned later in the same function',
    `function h(req) {\n  let auth;\n  auth = req.headers.authorization;\n  console.log('auth', ⟦auth⟧);\n}`,
    [{ kind: 'authorization', sink: 'console.log', origin: 'req.headers.authorization' }],
  ),
  leak(
    'the credential part of split(" ")',
    `function h(req) {\n  const [, credential] = req.headers.authorization.split(' ');\n  console.log(⟦credential⟧);\n}`,
    [{ kind: 'authorization', sink: 'console.log', origin: "req.headers.authorization.split(' ')[1]" }],
  ),
  leak(
    "authHeader.replace('Bearer ', '') is still the credential",
    `function h(authHeader) { console.log(⟦authHeader.replace('Bearer ', '')⟧); }`,
    [{ kind: 'authorization', sink: 'console.log' }],
  ),

  leak(
    'an Authorization header stored into an object literal later',
    'function h(token) {\n  const headers = {};\n  if (token) headers.Authorization = `Bearer ${token}`;\n  console.log(⟦headers⟧);\n}',
    [{ kind: 'headers', sink: 'console.log', origin: 'headers.Authorization' }],
  ),
  leak(
    "headers.set('Authorization', …) on new Headers()",
    "function h(token) {\n  const outgoing = new Headers();\n  outgoing.set('Authorization', 'Bearer ' + token);\n  logger.info({ ⟦outgoing⟧ });\n}",
    [{ kind: 'headers', sink: 'logger.info', origin: 'outgoing.Authorization' }],
  ),

  // HTTP-client errors and what they carry
  leak(
    'axios: catch (err) around an axios call',
    `import axios from 'axios';\nasync function load() {\n  try {\n    await axios.get('/constructs');\n  } catch (err) {\n    console.error('load failed', ⟦err⟧);\n  }\n}`,
    [{ kind: 'http-error', sink: 'console.error' }],
  ),
  leak(
    'err.response, err.request and err.toJSON()',
    `import axios from 'axios';\nfunction report(err) {\n  logger.error({ response: ⟦err.response⟧, request: ⟦err.request⟧, json: ⟦err.toJSON()⟧ });\n}`,
    [
      { kind: 'http-response', sink: 'logger.error' },
      { kind: 'http-request', sink: 'logger.error' },
      { kind: 'http-error', sink: 'logger.error' },
    ],
  ),
  leak('got: error.options', `function report(error) { console.log(⟦error.options⟧); }`, [{ kind: 'request-config', sink: 'console.log' }]),
  leak('.catch(e => …) on an axios promise', `import axios from 'axios';\naxios.get('/x').catch((e) => console.warn(⟦e⟧));`, [
    { kind: 'http-error', sink: 'console.warn' },
  ]),
  leak(
    'axios request interceptor config',
    `import axios from 'axios';\naxios.interceptors.request.use((config) => {\n  console.log('request', ⟦config⟧);\n  return config;\n});`,
    [{ kind: 'request-config', sink: 'console.log' }],
  ),
  leak(
    'got hooks.beforeRequest options',
    `import got from 'got';\nconst api = got.extend({ hooks: { beforeRequest: [(options) => { logger.debug(⟦options⟧); }] } });`,
    [{ kind: 'request-config', sink: 'logger.debug' }],
  ),
  leak(
    'an axios response holds its config',
    `import axios from 'axios';\nasync function h() {\n  const res = await axios.get('/x');\n  console.log(⟦res⟧);\n}`,
    [{ kind: 'http-response', sink: 'console.log', origin: "axios.get('…')" }],
  ),
  leak(
    'fetch: a request config passed to fetch',
    `async function h(url) {\n  const init = { method: 'GET' };\n  await fetch(url, init);\n  console.log('sent', ⟦init⟧);\n}`,
    [{ kind: 'request-config', sink: 'console.log' }],
  ),
  leak('a Kernel client instance', `const client = new KernelClient({ token: process.env.KERNEL_TOKEN });\nconsole.log(⟦client⟧);`, [
    { kind: 'kernel-client', sink: 'console.log', origin: 'new KernelClient(…)' },
  ]),
  // Client names come from core's KERNEL_SDK_NAMES, the list the hook reads.
  leak(
    'an AsyncKernelClient instance (core SDK names)',
    `const client = new AsyncKernelClient({ token: process.env.KERNEL_TOKEN });\nlogger.info(⟦client⟧);`,
    [{ kind: 'kernel-client', sink: 'logger.info', origin: 'new AsyncKernelClient(…)' }],
  ),
  leak(
    'a client from create_kernel_client (core SDK names)',
    `const kc = create_kernel_client(process.env.KERNEL_TOKEN);\nconsole.error(⟦kc⟧);`,
    [{ kind: 'kernel-client', sink: 'console.error', origin: 'create_kernel_client(…)' }],
  ),

  // token-named values
  leak(
    'KERNEL_TOKEN and process.env.KERNEL_TOKEN',
    `import { KERNEL_TOKEN } from './config';\nconsole.log(⟦KERNEL_TOKEN⟧, ⟦process.env.KERNEL_TOKEN⟧);`,
    [
      { kind: 'token', sink: 'console.log' },
      { kind: 'token', sink: 'console.log' },
    ],
  ),
  leak('this.token and a prefixed Kernel name', `class C { show() { console.log(⟦this.token⟧, ⟦this.defaultKernelToken⟧); } }`, [
    { kind: 'token-word', sink: 'console.log' },
    { kind: 'token', sink: 'console.log' },
  ]),
  leak('an object literal with an Authorization key built from a call', `function h() { console.log({ Authorization: ⟦getAuth()⟧ }); }`, [
    { kind: 'authorization', sink: 'console.log' },
  ]),
  leak('an Error whose message holds the token', 'function h(accessToken) { console.error(new Error(`rejected ${⟦accessToken⟧}`)); }', [
    { kind: 'token', sink: 'console.error' },
  ]),
  // ── libraries added with the per-library records ──
  leak(
    'OpenTelemetry: span.setAttribute with the Authorization header, setAttributes and startSpan attributes',
    "function h(req, span, tracer) {\n  span.setAttribute('http.request.header.authorization', ⟦req.headers.authorization⟧);\n  span.setAttributes({ headers: ⟦req.headers⟧ });\n  tracer.startSpan('call', { attributes: { auth: ⟦req.get('authorization')⟧ } });\n}",
    [
      { kind: 'authorization', sink: 'span.setAttribute' },
      { kind: 'headers', sink: 'span.setAttributes' },
      { kind: 'authorization', sink: 'tracer.startSpan' },
    ],
  ),
  leak(
    'OpenTelemetry: trace.getActiveSpan()?.addEvent with headers',
    "import { trace } from '@opentelemetry/api';\nfunction h(req) { trace.getActiveSpan()?.addEvent('req', { headers: ⟦req.headers⟧ }); }",
    [{ kind: 'headers', sink: 'trace.getActiveSpan()?.addEvent' }],
  ),
  leak(
    'Sentry: setContext with a request config',
    "import * as Sentry from '@sentry/node';\nfunction h(err) { Sentry.setContext('http', { config: ⟦err.config⟧ }); }",
    [{ kind: 'request-config', sink: 'Sentry.setContext' }],
  ),
  leak(
    'ky: a hooks.beforeRequest request is logged',
    "import ky from 'ky';\nconst api = ky.create({ hooks: { beforeRequest: [(request) => { console.log(⟦request.headers⟧); }] } });",
    [{ kind: 'headers', sink: 'console.log' }],
  ),
  leak(
    'NestJS HttpService: catchError on an httpService call logs the error config',
    "function h(httpService, logger) {\n  return httpService.get('/x').pipe(catchError((e) => { logger.error(⟦e.config⟧); throw e; }));\n}",
    [{ kind: 'request-config', sink: 'logger.error' }],
  ),

  // ── throw new Error(…): error messages end up in logs ──
  leak('throw new Error with the token in its message', 'function h(accessToken) { throw new Error(`rejected ${⟦accessToken⟧}`); }', [
    { kind: 'token', sink: 'new Error', messageId: 'credentialInError' },
  ]),
  leak(
    'new HttpError with serialised headers in its message',
    'function h(req) { return Promise.reject(new HttpError(`failed: ${JSON.stringify(⟦req.headers⟧)}`)); }',
    [{ kind: 'headers', sink: 'new HttpError', messageId: 'credentialInError' }],
  ),

  // ── framework request objects ──
  leak('Koa ctx.request.header and ctx.headers', 'router.get("/", (ctx) => { console.log(⟦ctx.request.header⟧, ⟦ctx.headers⟧); });', [
    { kind: 'headers', sink: 'console.log' },
    { kind: 'headers', sink: 'console.log' },
  ]),
  leak('Hono c.req.header() with no argument', 'app.get("/", (c) => { console.log(⟦c.req.header()⟧); return c.text("ok"); });', [
    { kind: 'headers', sink: 'console.log' },
  ]),
  leak(
    "Hono c.req.header('Authorization')",
    'app.use(async (c, next) => { logger.info(⟦c.req.header("Authorization")⟧); await next(); });',
    [{ kind: 'authorization', sink: 'logger.info', expression: "c.req.header('Authorization')" }],
  ),
  leak('req.rawHeaders', 'function h(req) { console.log(⟦req.rawHeaders⟧); }', [{ kind: 'headers', sink: 'console.log' }]),
  leak(
    'Fastify request.log of the request headers',
    'fastify.get("/", async (request, reply) => { request.log.info(⟦request.headers⟧); });',
    [{ kind: 'headers', sink: 'request.log.info' }],
  ),
  leak('Express: logger.info(req) inside app.get((req, res) => …)', 'app.get("/", (req, res) => { logger.info(⟦req⟧); res.end(); });', [
    { kind: 'incoming-request', sink: 'logger.info' },
  ]),
  leak(
    'Express: a whole request under a key',
    'router.post("/x", function (request, response, next) { console.log({ request: ⟦request⟧ }); next(); });',
    [{ kind: 'incoming-request', sink: 'console.log' }],
  ),
  leak(
    'Next.js route handler: console.log(request)',
    'export async function GET(request) {\n  console.log(⟦request⟧);\n  return new Response("ok");\n}',
    [{ kind: 'incoming-request', sink: 'console.log' }],
  ),

  // ── one level of intra-file function summaries ──
  leak(
    'a local helper that logs its parameter, called with headers',
    'function show(label, value) { console.log(label, value); }\nfunction h(req) { show("headers", ⟦req.headers⟧); }',
    [{ kind: 'headers', sink: 'console.log (through show())' }],
  ),
  leak(
    'an arrow helper that logs a parameter inside an object, called before it is defined',
    'function h(req) { audit(⟦req.headers.authorization⟧); }\nconst audit = (what) => logger.warn({ what });',
    [{ kind: 'authorization', sink: 'logger.warn (through audit())' }],
  ),

  // ── `token` with corroboration, partial redaction that shows too much ──
  leak(
    'a bare `token` in a file that handles Authorization',
    'function h(token) {\n  const headers = { Authorization: `Bearer ${token}` };\n  console.log(⟦token⟧);\n  return headers;\n}',
    [{ kind: 'token-word', sink: 'console.log' }],
  ),
  leak('slice(7) keeps the credential', 'function h(req) { console.log(⟦req.headers.authorization.slice(7)⟧); }', [
    { kind: 'authorization', sink: 'console.log' },
  ]),
  leak(
    'pino redact covering another path',
    "import pino from 'pino';\nconst logger = pino({ redact: ['req.headers.cookie'] });\nfunction h(req) { logger.info({ headers: ⟦req.headers⟧ }); }",
    [{ kind: 'headers', sink: 'logger.info' }],
  ),
];

// ─── valid: sanitizers and safe shapes ─────────────────────────────────────────────────────────

const valid: Valid[] = [
  safe(
    'other named headers',
    `function h(req, headers) { console.log(headers['content-type'], req.headers['user-agent'], req.get('x-request-id')); }`,
  ),
  safe(
    'presence checks',
    `function h(req, token) { console.log(!!req.headers.authorization, Boolean(token), 'authorization' in req.headers); }`,
  ),
  safe('.length of a token and of the header', `function h(req, token) { console.log(token.length, req.headers.authorization?.length); }`),
  safe('conditional literals', `function h(token) { console.log(token ? 'present' : 'missing', typeof token, token === undefined); }`),
  safe('scheme check with startsWith', `function h(auth) { logger.info(auth.startsWith('Bearer ')); }`),
  safe('scheme via split()[0]', `function h(req) { console.log(req.headers.authorization.split(' ')[0]); }`),
  safe('scheme via destructuring the first part', `function h(auth) { const [scheme] = auth.split(' '); console.log(scheme); }`),
  safe('redact()', `function h(req) { console.log(redact(req.headers)); }`),
  safe(
    'mask/sanitize/hash helpers',
    `function h(token, headers) { logger.info(maskToken(token), sanitizeHeaders(headers), hashToken(token)); }`,
  ),
  safe("_.omit(headers, 'authorization')", `function h(headers) { console.log(_.omit(headers, 'authorization')); }`),
  safe('a sanitized alias', `function h(token) { const token2 = redactToken(token); const shown = token2; console.log(shown); }`),
  safe(
    'rest-destructuring that drops authorization',
    `function h(req) { const { authorization, ...safeHeaders } = req.headers; console.log(safeHeaders); }`,
  ),
  safe('a spread with authorization overwritten', `function h(req) { console.log({ ...req.headers, authorization: '[redacted]' }); }`),
  safe('JSON.stringify with a key allow-list', `function h(req) { console.log(JSON.stringify(req.headers, ['host', 'user-agent'])); }`),
  safe(
    'JSON.stringify with a replacer function',
    `function h(headers) { console.log(JSON.stringify(headers, (key, value) => (key === 'authorization' ? undefined : value))); }`,
  ),
  safe(
    'err.message, String(err) and a template of an HTTP error',
    `import axios from 'axios';\nasync function h() { try { await axios.get('/x'); } catch (err) { console.error(err.message, String(err), \`\${err}\`, err.response?.status); } }`,
  ),
  safe(
    'the response headers of an HTTP error are the server’s',
    `function h(err, res) { console.log(err.response.headers, res.headers, err.response.data); }`,
  ),
  safe('a header object in a template is [object Object]', 'function h(req) { console.log(`headers: ${req.headers}`); }'),
  safe(
    'usage.total_tokens, maxTokens, tokenizer, token_type',
    `function h(usage, maxTokens, tokenizer, tokenResponse) { console.log(usage.total_tokens, maxTokens, tokenizer, tokenResponse.token_type); }`,
  ),
  safe('a literal message about the header', `console.warn('Authorization header missing'); logger.error('invalid token');`),
  safe("headers.has('authorization')", `function h(headers) { console.log(headers.has('authorization'), headers.get('x-request-id')); }`),
  safe('a call that is not a sink', `function h(req, res) { res.send(req.headers); metrics.count(req.headers.authorization); }`),
  safe('an unknown function is not followed', `function h(token) { console.log(lookupUser(token)); }`),
  safe(
    "NestJS @Headers('user-agent')",
    `import { Headers, Logger } from '@nestjs/common';\nexport class C { handle(@Headers('user-agent') ua: string) { Logger.log(ua); } }`,
  ),
  safe('the debug factory creates a logger, it does not log', `import debug from 'debug';\nconst log = debug('app:auth');`),
  safe('console methods that print no data', `function h(token) { console.time('auth'); console.timeEnd('auth'); console.count(); }`),
  safe('a configured logger list replaces the default', `function h(token) { logger.info(token); }`, { loggerNames: ['audit'] }),
  safe('catch without an HTTP call', `async function h() { try { await readConfig(); } catch (err) { console.error(err); } }`),
  safe('a token-named variable set from a sanitizer', `function h(raw) { const token = maskToken(raw); console.log(token); }`),
  safe(
    'a header object literal without credentials',
    `function h() { const headers = { 'content-type': 'application/json' }; headers.accept = 'text/plain'; console.log(headers); }`,
  ),
  safe(
    'a redacted value stored into an object',
    `function h(req) { const copy = { ...req.headers, authorization: '[redacted]' }; copy.authorization = redact(req.headers.authorization); console.log(copy); }`,
  ),
  safe('process.env other variables', `console.log(process.env.NODE_ENV, process.env['PORT']);`),
  // ── the word `token` in LLM and streaming code ──
  safe('an onToken callback', 'const stream = run({ onToken: (token) => console.log(token) });'),
  safe('a token event', "stream.on('token', (token) => { process.stdout.write(token); });"),
  safe('logprobs token_info.token', 'for (const tokenInfo of logprobs.content) console.log(tokenInfo.token, tokenInfo.logprob);'),
  safe('a bare token in a file with no credential context', 'function h(token) { console.log(token); }'),
  safe(
    'a streamed token even in a file that handles auth',
    "const h = { Authorization: key }; llm.on('token', (token) => console.log(token));",
  ),
  // ── `.response` of errors that are not HTTP-client errors ──
  safe('an AI SDK error response metadata', 'try { await generateText(opts); } catch (error) { console.error(error.response); }'),
  // ── partial redaction ──
  safe(
    'the last four characters of a token',
    'function h(accessToken, req) { console.log(accessToken.slice(-4), req.headers.authorization.substring(0, 4), accessToken.substr(0, 6)); }',
  ),
  safe('a masking helper', 'function h(apiKey) { logger.info({ apiKey: maskSecret(apiKey) }); }'),
  // ── pino redact option ──
  safe(
    'pino redact path in bracket syntax',
    "import pino from 'pino';\nconst log = pino({ redact: ['headers[\"authorization\"]'] });\nfunction h(req) { log.info({ headers: req.headers }); }",
  ),
  safe(
    'pino redact covers the logged header',
    "import pino from 'pino';\nconst logger = pino({ redact: ['headers.authorization', 'req.headers.authorization'] });\nfunction h(req) { logger.info({ headers: req.headers }); logger.child({}).info({ req }); }",
  ),
  safe(
    'pino redact { paths } with a wildcard',
    "import pino from 'pino';\nconst log = pino({ redact: { paths: ['*.authorization'] } });\nfunction h(req) { log.info({ headers: req.headers }); }",
  ),
  // ── route methods and helpers that are not what they seem ──
  safe('a cache get with a one-parameter callback', 'cache.get("k", (value) => console.log(value));'),
  safe(
    'a helper that logs nothing it is given',
    'function show(value) { console.log(typeof value); }\nfunction h(req) { show(req.headers); }',
  ),
  safe('a Koa ctx logged only by its path', 'router.get("/", (ctx) => { console.log(ctx.path, ctx.method); });'),
  safe(
    'a value printed only where it is known not to be a string',
    "function h(accessToken) { if (typeof accessToken !== 'string' || !accessToken) { throw new Error(`expected a string, got ${accessToken}`); } }",
  ),
  safe('an Error message with presence only', 'function h(accessToken) { throw new Error(`missing: ${!accessToken}`); }'),
  safe('an Error about headers as an object prints [object Object]', 'function h(req) { throw new Error(`bad ${req.headers}`); }'),
];

ruleTester.run('no-auth-header-logging', rule, { valid, invalid });

// ─── type-aware mode ───────────────────────────────────────────────────────────────────────────

const fixtureDir = join(import.meta.dirname, 'fixtures', 'typed');
// Relative to tsconfigRootDir: typescript-eslint's RuleTester resolves it there.
const filename = 'file.ts';
const typed = { typeAware: true };
const typedTester = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixtureDir } },
});

const typedDeclarations = `import type { IncomingHttpHeaders } from 'node:http';
import type { AxiosError, AxiosRequestConfig } from 'axios';
interface Credentials { Authorization: string; scope: string }
interface Job { id: string; request: AxiosRequestConfig }
declare function redactHeaders(headers: Headers): Headers;
`;

function typedLeak(name: string, declarations: string, marked: string, typeName: string): Invalid {
  return {
    ...leak(name, `${typedDeclarations}${declarations}\n${marked}`, [{ kind: 'typed', sink: 'console.log', typeName }]),
    filename,
    options: [typed],
  };
}

function typedSafe(name: string, code: string, options: Options = [typed]): Valid {
  return { name, code: `${typedDeclarations}${code}`, filename, options };
}

typedTester.run('no-auth-header-logging (type-aware)', rule, {
  valid: [
    typedSafe('typed: a sanitizer result keeps its Headers type but is safe', 'declare const h: Headers;\nconsole.log(redactHeaders(h));'),
    typedSafe('typed: Headers in a template is [object Headers]', 'declare const h: Headers;\nconsole.log(`${h}`);'),
    typedSafe(
      'typed: plain objects and strings',
      'declare const job: { id: string }, e: AxiosError;\nconsole.log(job, e.message, e.code);',
    ),
    typedSafe('typed: a fetch Response carries the server headers', 'declare const res: Response;\nconsole.log(res);'),
    typedSafe(
      'API SDK errors: typed APIError headers are the response headers',
      'declare class APIError extends Error { headers: Headers; status: number }\ndeclare const failure: APIError;\nconsole.log(failure);',
    ),
    typedSafe('typed: without typeAware the rule stays syntactic', 'declare const h: Headers;\nconsole.log(h);', [{}]),
  ],
  invalid: [
    typedLeak('typed: Headers', 'declare const h: Headers;', 'console.log(⟦h⟧);', 'Headers'),
    typedLeak(
      'node:http: typed IncomingHttpHeaders',
      'declare const incoming: IncomingHttpHeaders;',
      'console.log(⟦incoming⟧);',
      'IncomingHttpHeaders',
    ),
    typedLeak('typed: AxiosRequestConfig', 'declare const cfg: AxiosRequestConfig;', 'console.log(⟦cfg⟧);', 'AxiosRequestConfig'),
    typedLeak('typed: AxiosError under a neutral name', 'declare const failure: AxiosError;', 'console.log(⟦failure⟧);', 'AxiosError'),
    typedLeak('typed: RequestInit', 'declare const opts: RequestInit;', 'console.log(⟦opts⟧);', 'RequestInit'),
    typedLeak('typed: Request', 'declare const incomingRequest: Request;', 'console.log(⟦incomingRequest⟧);', 'Request'),
    typedLeak(
      'typed: an object type with an Authorization property',
      'declare const creds: Credentials;',
      'console.log(⟦creds⟧);',
      'an object type with an Authorization property',
    ),
    typedLeak(
      'typed: a type that contains a request config',
      'declare const job: Job;',
      'console.log(⟦job⟧);',
      "AxiosRequestConfig in property 'request'",
    ),
    typedLeak('typed: an array of Headers', 'declare const all: Headers[];', 'console.log(⟦all⟧);', 'Headers[]'),
    typedLeak(
      'typed: Headers | undefined from a call',
      'declare function current(): Headers | undefined;',
      'console.log({ h: ⟦current()⟧ });',
      'Headers',
    ),
  ],
});

new RuleTester().run('no-auth-header-logging (typeAware without type information)', rule, {
  valid: [],
  invalid: [
    {
      name: 'typeAware without parserServices.program: one error on the file, syntactic checks still run',
      code: `function h(req) {\n  console.log(req.headers);\n}`,
      options: [typed],
      errors: [
        { messageId: 'typeInformationMissing', line: 1, column: 1, endLine: 1, endColumn: 1 },
        { messageId: 'credentialLogged', line: 2, column: 15, endLine: 2, endColumn: 26 },
      ],
    },
  ],
});

// ─── no value ever reaches a message ───────────────────────────────────────────────────────────

describe('no-auth-header-logging messages', () => {
  it('name the expression and never contain the logged value', () => {
    const token = randomToken();
    const code = `const token = '${token}';\nconst headers = { Authorization: 'Bearer ' + token };\nconsole.log(token, headers, \`\${token}\`);`;
    const linter = new Linter({ configType: 'flat' });
    const config = {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { 'kernel-secrets': { rules: { 'no-auth-header-logging': rule } } },
      rules: { 'kernel-secrets/no-auth-header-logging': 'error' },
    } as unknown as Linter.Config;
    const messages = linter.verify(code, [config], 'leak.ts');
    expect(messages.map((m) => `${m.line}:${m.column}`)).toEqual(['3:13', '3:20', '3:32']);
    for (const message of messages) {
      expect(message.ruleId).toBe('kernel-secrets/no-auth-header-logging');
      expect(message.message).not.toContain(token.slice(0, 12));
    }
  });
});
