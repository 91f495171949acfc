/**
 * End to end for `@kernel-secrets/redact`: the PACKED package (npm pack tarball, installed by
 * the global setup beside real pino, winston and axios) against a real axios request to a local
 * server that answers 403, so the error carries the Authorization header in every place axios
 * and Node put it (`config.headers`, `request._header`, follow-redirects' `_options`,
 * `response.config`, `response.request`). Each check first shows that the unredacted value
 * does leak, so none of them can pass by accident.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomToken } from './support/tokens.js';

/* eslint-disable kernel-secrets/no-auth-header-logging -- these tests log a generated token on purpose, to show that the redaction removes it */

type Redact = typeof import('../packages/redact/src/index.js');

const dir = inject('packedProject');
const requireFromProject = createRequire(join(dir, 'package.json'));

// Loaded from the packed project, as its code would load them (the repo itself does not depend on them).
const axios: any = requireFromProject('axios');
const pino: any = requireFromProject('pino');
const winston: any = requireFromProject('winston');

const SECRET = randomToken();
let server: Server;
let baseURL: string;
let esm: Redact;

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function failedRequest(): Promise<unknown> {
  try {
    await axios.get(`${baseURL}/api/v1/constructs`, { headers: { Authorization: `Bearer ${SECRET}`, 'X-Api-Key': SECRET } });
  } catch (error) {
    return error;
  }
  throw new Error('the test server should have answered 403');
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.statusCode = 403;
    res.setHeader('content-type', 'application/json');
    res.end('{"error":"missing scope"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  esm = (await import(
    pathToFileURL(requireFromProject.resolve('@kernel-secrets/redact')).href.replace(/index\.cjs$/, 'index.js')
  )) as Redact;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the packed @kernel-secrets/redact', () => {
  it("has no dependencies: core's names are inlined in its one ES module, which imports nothing", () => {
    const manifest = requireFromProject('@kernel-secrets/redact/package.json') as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
    expect(manifest['peerDependencies']).toBeUndefined();
    const entry = readFileSync(requireFromProject.resolve('@kernel-secrets/redact').replace(/index\.cjs$/, 'index.js'), 'utf8');
    expect(entry).not.toMatch(/\bfrom\s*['"]/);
    expect(entry).not.toMatch(/\bimport\s*\(/);
    expect(entry).toContain('KERNEL_TOKEN');
  });

  it('has an ES module and a CommonJS entry that are one instance', () => {
    const cjs = requireFromProject('@kernel-secrets/redact') as Redact;
    expect(cjs.redact).toBe(esm.redact);
    for (const name of [
      'redact',
      'redactHeaders',
      'redactError',
      'scrubAxiosError',
      'pinoRedactPaths',
      'pinoRedact',
      'pinoSerializers',
      'winstonRedactFormat',
    ] as const) {
      expect(cjs[name], name).toBeDefined();
    }
  });

  it('scrubAxiosError in an axios interceptor: the rejected error is still an AxiosError and holds no token', async () => {
    const raw = await failedRequest();
    expect(inspect(raw, { depth: 8 })).toContain(SECRET);

    const client = axios.create({ baseURL, headers: { Authorization: `Bearer ${SECRET}` } });
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an interceptor passes on what it got
    client.interceptors.response.use(undefined, (error: unknown) => Promise.reject(esm.scrubAxiosError(error)));
    const error = await client.get('/api/v1/constructs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(axios.AxiosError);
    expect(axios.isAxiosError(error)).toBe(true);
    const e: any = error;
    expect(e.response?.status).toBe(403);
    expect(e.response?.data).toEqual({ error: 'missing scope' });
    expect(e.config?.headers['Authorization']).toBe(`Bearer ${esm.REDACTED}`);
    expect((e.request as { _header: string })._header).toContain(`Authorization: Bearer ${esm.REDACTED}`);
    expect(inspect(e, { depth: null, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(e.toJSON())).not.toContain(SECRET);
    expect(String(e.stack)).toContain('status code 403');
  });

  it('pino: redact paths for headers and token fields, serializers for errors', async () => {
    const raw = await failedRequest();
    const leaky = sink();
    pino({ redact: esm.pinoRedact }, leaky.stream).error({ err: raw }, 'paths alone');
    expect(leaky.text(), 'paths alone cannot reach into an axios request').toContain(SECRET);

    const out = sink();
    const logger = pino({ redact: esm.pinoRedact, serializers: esm.pinoSerializers }, out.stream);
    logger.info(
      {
        req: { method: 'GET', headers: { authorization: `Bearer ${SECRET}`, 'x-api-key': SECRET, 'x-request-id': 'r-1' } },
        token: SECRET,
        user: { apiKey: SECRET, name: 'ada' },
      },
      'incoming',
    );
    logger.error({ err: raw }, 'load failed');
    logger.error(raw, 'load failed again');
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l): any => JSON.parse(l));
    expect(out.text()).not.toContain(SECRET);
    expect(lines[0]).toMatchObject({
      req: { method: 'GET', headers: { authorization: `Bearer ${esm.REDACTED}`, 'x-api-key': esm.REDACTED, 'x-request-id': 'r-1' } },
      token: esm.REDACTED,
      user: { apiKey: esm.REDACTED, name: 'ada' },
    });
    for (const line of lines.slice(1)) {
      expect(line.err).toMatchObject({
        type: 'AxiosError',
        message: 'Request failed with status code 403',
        config: { headers: { Authorization: `Bearer ${esm.REDACTED}` } },
        response: { status: 403 },
      });
    }
  });

  it('winston: winstonRedactFormat in a combine(), symbols and metadata included', async () => {
    const raw = await failedRequest();
    const out = sink();
    const logger = winston.createLogger({
      format: winston.format.combine(esm.winstonRedactFormat(), winston.format.json()),
      transports: [new winston.transports.Stream({ stream: out.stream })],
    });
    logger.info('incoming', { headers: { Authorization: `Bearer ${SECRET}`, accept: 'text/html' }, apiKey: SECRET, n: 1 });
    logger.error('load failed', { error: raw });
    logger.info(`sent ${baseURL}/x?access_token=${SECRET}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l): any => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(out.text()).not.toContain(SECRET);
    expect(lines[0]).toMatchObject({
      level: 'info',
      message: 'incoming',
      headers: { Authorization: `Bearer ${esm.REDACTED}`, accept: 'text/html' },
      apiKey: esm.REDACTED,
      n: 1,
    });
    expect(lines[1].error.config.headers.Authorization).toBe(`Bearer ${esm.REDACTED}`);
    expect(lines[2].message).toBe(`sent ${baseURL}/x?access_token=${esm.REDACTED}`);

    // winston.format(fn) wraps a transform function: the same redaction works that way too.
    const wrapped = winston.format((info: object) => esm.winstonRedactFormat().transform(info as Record<PropertyKey, unknown>));
    const viaFormat = sink();
    const second = winston.createLogger({
      format: winston.format.combine(wrapped(), winston.format.json()),
      transports: [new winston.transports.Stream({ stream: viaFormat.stream })],
    });
    second.warn('again', { token: SECRET });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(JSON.parse(viaFormat.text())).toMatchObject({ level: 'warn', message: 'again', token: esm.REDACTED });
  });

  it('fetch: Headers, Request and a real response from the local server', async () => {
    const request = new Request(`${baseURL}/api/v1/constructs`, {
      headers: { Authorization: `Bearer ${SECRET}`, accept: 'application/json' },
    });
    const response = await fetch(request);
    expect(response.status).toBe(403);
    expect(esm.redactHeaders(request.headers)).toEqual({ authorization: `Bearer ${esm.REDACTED}`, accept: 'application/json' });
    const logged = esm.redact({ request, status: response.status, responseHeaders: response.headers });
    expect(logged).toMatchObject({
      request: { method: 'GET', url: `${baseURL}/api/v1/constructs`, headers: { authorization: `Bearer ${esm.REDACTED}` } },
      status: 403,
      responseHeaders: { 'content-type': 'application/json' },
    });
    expect(inspect(logged, { depth: null })).not.toContain(SECRET);
  });
});
