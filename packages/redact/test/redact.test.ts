/**
 * `redact`, `redactHeaders` and `redactError` on every header shape a Node program logs, with
 * every credential header the rule knows, and on inputs built to break a copier.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTH_HEADER_NAMES as RULE_AUTH_HEADERS } from '../../eslint-plugin/src/catalogue/logging-flows.js';
import { randomToken } from '../../../test/support/tokens.js';
import {
  CIRCULAR,
  createRedactor,
  GENERIC_CREDENTIAL_NAMES,
  KERNEL_CREDENTIAL_NAMES,
  redact,
  REDACTED,
  redactError,
  redactHeaders,
  scrubAxiosError,
  TRUNCATED,
  UNREADABLE,
} from '../src/index.js';

/** Every way code spells a header the rule knows. */
const SPELLINGS =
  RULE_AUTH_HEADERS.size > 0
    ? [...RULE_AUTH_HEADERS].flatMap((h) => [
        h,
        h.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase()),
        h.toUpperCase(),
      ])
    : [];

/** Everything a reader of the output could see. */
function shown(value: unknown): string {
  return `${inspect(value, { depth: null, showHidden: true })}\n${JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v] : v)) ?? ''}`;
}

function expectHidden(value: unknown, secret: string): void {
  expect(shown(value).includes(secret), 'the secret is in the output').toBe(false);
}

describe('every credential header the rule knows, in every header shape', () => {
  it.each(SPELLINGS)('%s', (header) => {
    const secret = randomToken();
    const value = `Bearer ${secret}`;
    const plain = { [header]: value, 'content-type': 'application/json', 'x-request-id': 'r-1' };

    const fromPlain = redactHeaders(plain);
    expect(fromPlain).toEqual({ [header]: `Bearer ${REDACTED}`, 'content-type': 'application/json', 'x-request-id': 'r-1' });

    const fetchHeaders = new Headers(plain);
    expect(redactHeaders(fetchHeaders)).toEqual({
      [header.toLowerCase()]: `Bearer ${REDACTED}`,
      'content-type': 'application/json',
      'x-request-id': 'r-1',
    });
    expect(redact(fetchHeaders)).toEqual(redactHeaders(fetchHeaders));

    const map = new Map(Object.entries(plain));
    expect(redactHeaders(map)).toEqual(fromPlain);
    const mapCopy = redact(map) as Map<string, string>;
    expect(mapCopy).toBeInstanceOf(Map);
    expect(mapCopy.get(header)).toBe(`Bearer ${REDACTED}`);
    expect(mapCopy.get('x-request-id')).toBe('r-1');

    expect(redactHeaders(Object.entries(plain))).toEqual(fromPlain);
    expect(redact(Object.entries(plain))).toEqual(Object.entries(fromPlain));
    const raw = Object.entries(plain).flat();
    expect(redactHeaders(raw)).toEqual(fromPlain);
    expect(redact(raw)).toEqual(Object.entries(fromPlain).flat());

    // AxiosHeaders keeps each header as an own field and its methods on the prototype.
    class AxiosHeaders {
      constructor(init: Record<string, string>) {
        Object.assign(this, init);
      }
      getAuthorization(): unknown {
        return (this as Record<string, unknown>)['Authorization'];
      }
    }
    expect(redactHeaders(new AxiosHeaders(plain))).toEqual(fromPlain);

    // Node's multi-value headers and its outgoing-header table (`[name, value]` under the lower-case name).
    expect(redact({ [header]: [value, value] })).toEqual({ [header]: [`Bearer ${REDACTED}`, `Bearer ${REDACTED}`] });
    expect(redact({ [header.toLowerCase()]: [header, value] })).toEqual({ [header.toLowerCase()]: [header, `Bearer ${REDACTED}`] });

    // A raw request head, as Node keeps it in `request._header`.
    const head = `GET /api/v1/constructs HTTP/1.1\r\nAccept: application/json\r\n${header}: ${value}\r\nHost: kernel.example\r\n\r\n`;
    expect(redact(head)).toBe(
      `GET /api/v1/constructs HTTP/1.1\r\nAccept: application/json\r\n${header}: Bearer ${REDACTED}\r\nHost: kernel.example\r\n\r\n`,
    );

    for (const out of [
      fromPlain,
      redact(fetchHeaders),
      mapCopy,
      redact(raw),
      redact(head),
      redact({ [header.toLowerCase()]: [header, value] }),
    ])
      expectHidden(out, secret);
  });
});

describe('token-named fields', () => {
  const names = [
    ...GENERIC_CREDENTIAL_NAMES,
    ...KERNEL_CREDENTIAL_NAMES,
    'apiKey',
    'kernelToken',
    'DEFAULT_KERNEL_TOKEN',
    'accessToken',
    'password',
    'refresh_token',
  ];

  it.each(names)('%s is masked at any depth; neighbours are kept', (name) => {
    const secret = randomToken();
    const input = { user: 'ada', nested: { deeper: [{ [name]: secret, max_tokens: 200, token_type: 'Bearer' }] } };
    expect(redact(input)).toEqual({ user: 'ada', nested: { deeper: [{ [name]: REDACTED, max_tokens: 200, token_type: 'Bearer' }] } });
  });

  it('keeps what says nothing: empty strings, booleans, null, undefined', () => {
    expect(redact({ token: '', apiKey: true, authorization: null, bearer: undefined })).toEqual({
      token: '',
      apiKey: true,
      authorization: null,
      bearer: undefined,
    });
  });

  it('masks numbers and objects stored under a credential name whole', () => {
    expect(redact({ token: 12345678, apiKey: { id: 'k', value: randomToken() } })).toEqual({ token: REDACTED, apiKey: REDACTED });
  });

  it('keeps the other fields as they are, including non-credential look-alikes', () => {
    const input = {
      tokenizer: 'bpe',
      total_tokens: 3,
      userToken: 'u',
      csrfTokenHeaderName: 'x-csrf',
      'content-type': 'text/plain',
      when: new Date(0),
      list: [1, 'two'],
    };
    expect(redact(input)).toEqual(input);
  });

  it('scrubs credentials inside strings: URLs, form and JSON bodies, messages', () => {
    const s = randomToken();
    expect(redact(`https://kernel.example/x?page=2&access_token=${s}&q=1`)).toBe(
      `https://kernel.example/x?page=2&access_token=${REDACTED}&q=1`,
    );
    expect(redact(`grant_type=client_credentials&client_secret=${s}`)).toBe(`grant_type=client_credentials&client_secret=${REDACTED}`);
    expect(redact(`{"name":"c1","apiKey":"${s}","size":3}`)).toBe(`{"name":"c1","apiKey":"${REDACTED}","size":3}`);
    expect(redact(`sent Authorization: Bearer ${s} to the API`)).toBe(`sent Authorization: Bearer ${REDACTED} to the API`);
    expect(redact(`retrying with bearer ${s}.`)).toBe(`retrying with bearer ${REDACTED}`);
    expect(redact(new URL(`https://kernel.example/?token=${s}`))).toBe(`https://kernel.example/?token=${REDACTED}`);
    expect(redact('Bearer of bad news')).toBe('Bearer of bad news');
    expect(redact('page=2&size=10')).toBe('page=2&size=10');
  });
});

describe('request configs and HTTP-client errors', () => {
  /** The shape axios 1.x gives a failed request (real axios runs in the end-to-end test). */
  class AxiosError extends Error {
    isAxiosError = true;
    constructor(
      message: string,
      public code: string,
      public config: object,
      public request: object,
      public response: object,
    ) {
      super(message);
      this.name = 'AxiosError';
    }
    toJSON(): object {
      return { message: this.message, name: this.name, config: this.config, code: this.code };
    }
  }

  class ClientRequest {
    method = 'GET';
    path = '/api/v1/constructs';
    host = 'kernel.example';
    protocol = 'https:';
    socket: object = { bytesRead: 0 };
    _header: string;
    private readonly outHeaders: Record<string, [string, string]>;
    constructor(auth: string) {
      this._header = `GET /api/v1/constructs HTTP/1.1\r\nAuthorization: ${auth}\r\nHost: kernel.example\r\n\r\n`;
      this.outHeaders = { authorization: ['Authorization', auth], host: ['Host', 'kernel.example'] };
    }
    getHeaders(): Record<string, string> {
      return Object.fromEntries(Object.values(this.outHeaders));
    }
  }

  function axiosError(secret: string): AxiosError {
    const config = {
      url: '/api/v1/constructs',
      method: 'get',
      baseURL: 'https://kernel.example',
      headers: { Accept: 'application/json', Authorization: `Bearer ${secret}` },
      timeout: 5000,
      auth: { username: 'u', password: secret },
    };
    const request = new ClientRequest(`Bearer ${secret}`);
    const response = {
      status: 403,
      statusText: 'Forbidden',
      headers: { 'content-type': 'application/json' },
      data: { error: 'missing scope' },
      config,
      request,
    };
    const err = new AxiosError('Request failed with status code 403', 'ERR_BAD_REQUEST', config, request, response);
    (request as unknown as Record<string, unknown>)['res'] = response; // Node's cycle: request.res.req
    return err;
  }

  it('redactError keeps the class, the message and the status, and masks every copy of the Authorization header', () => {
    const secret = randomToken();
    const err = axiosError(secret);
    const out = redactError(err);
    expect(out).toBeInstanceOf(AxiosError);
    expect(out).toBeInstanceOf(Error);
    expect(out).not.toBe(err);
    expect(out.isAxiosError).toBe(true);
    expect(out.message).toBe('Request failed with status code 403');
    expect(out.stack).toBe(err.stack);
    expect(out.code).toBe('ERR_BAD_REQUEST');
    expect(out.config).toMatchObject({
      url: '/api/v1/constructs',
      timeout: 5000,
      headers: { Accept: 'application/json', Authorization: `Bearer ${REDACTED}` },
      auth: { username: 'u', password: REDACTED },
    });
    expect(out.request).toEqual({
      method: 'GET',
      path: '/api/v1/constructs',
      host: 'kernel.example',
      protocol: 'https:',
      _header: `GET /api/v1/constructs HTTP/1.1\r\nAuthorization: Bearer ${REDACTED}\r\nHost: kernel.example\r\n\r\n`,
      headers: { Authorization: `Bearer ${REDACTED}`, Host: 'kernel.example' },
    });
    expect(out.response).toMatchObject({ status: 403, data: { error: 'missing scope' }, headers: { 'content-type': 'application/json' } });
    expect((out.response as { config: unknown }).config).toBe(out.config); // shared, not copied twice
    expect(out.toJSON()).toMatchObject({ config: { headers: { Authorization: `Bearer ${REDACTED}` } } });
    expectHidden(out, secret);
    expectHidden(out.toJSON(), secret);
    expect(scrubAxiosError(err)).toEqual(out);
    // The input is untouched.
    expect((err.config as { headers: { Authorization: string } }).headers.Authorization).toBe(`Bearer ${secret}`);
  });

  it('fetch Request objects and got-style errors', () => {
    const secret = randomToken();
    const request = new Request('https://kernel.example/api/v1/constructs', {
      headers: { authorization: `Bearer ${secret}`, accept: 'application/json' },
    });
    const out = redact({ request }) as { request: Record<string, unknown> };
    expect(out.request).toMatchObject({
      method: 'GET',
      url: 'https://kernel.example/api/v1/constructs',
      headers: { authorization: `Bearer ${REDACTED}`, accept: 'application/json' },
    });
    expectHidden(out, secret);

    const got = Object.assign(new Error('Response code 401 (Unauthorized)'), {
      name: 'HTTPError',
      options: { _internals: { headers: { 'x-api-key': secret } } },
    });
    const gotOut = redactError(got);
    expect(gotOut.name).toBe('HTTPError');
    expectHidden(gotOut, secret);
  });

  it('a request config with an error cause chain', () => {
    const secret = randomToken();
    const cause = Object.assign(new Error('socket hang up'), { config: { headers: { 'X-Auth-Token': secret } } });
    const err = new Error('request failed', { cause });
    const out = redactError(err);
    expect((out.cause as Error).message).toBe('socket hang up');
    expect((out.cause as { config: unknown }).config).toEqual({ headers: { 'X-Auth-Token': REDACTED } });
    expectHidden(out, secret);
  });
});

describe('odd inputs never throw', () => {
  it('cycles', () => {
    const a: Record<string, unknown> = { name: 'a', token: randomToken() };
    a['self'] = a;
    a['list'] = [a, { back: a }];
    const out = redact(a) as Record<string, unknown>;
    expect(out['self']).toBe(CIRCULAR);
    expect(out['list']).toEqual([CIRCULAR, { back: CIRCULAR }]);
    expect(JSON.stringify(out)).toContain(REDACTED);
  });

  it('getters that throw, revoked proxies and hostile toStringTag', () => {
    const secret = randomToken();
    const hostile = {
      get boom(): never {
        throw new Error(secret);
      },
      authorization: `Bearer ${secret}`,
    };
    expect(redact(hostile)).toEqual({ boom: UNREADABLE, authorization: `Bearer ${REDACTED}` });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(redact({ proxy })).toEqual({ proxy: UNREADABLE });
    const tag = {
      get [Symbol.toStringTag](): string {
        throw new Error('no');
      },
    };
    expect(redact({ tag })).toEqual({ tag: UNREADABLE });
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(redact(trap)).toBe(UNREADABLE);
    expect(redactHeaders(trap)).toEqual({});
  });

  it('frozen and null-prototype objects, and a key named __proto__', () => {
    const secret = randomToken();
    const frozen = Object.freeze({ headers: Object.freeze({ authorization: `Bearer ${secret}` }) });
    expect(redact(frozen)).toEqual({ headers: { authorization: `Bearer ${REDACTED}` } });
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { 'x-api-key': secret, host: 'h' });
    expect(redact(bare)).toEqual({ 'x-api-key': REDACTED, host: 'h' });
    const proto = JSON.parse(`{"__proto__": {"token": "${secret}"}}`) as object;
    const out = redact(proto) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ token: REDACTED });
  });

  it('symbols as keys and values (winston keeps its formatted line under Symbol.for("message"))', () => {
    const secret = randomToken();
    const level = Symbol.for('level');
    const message = Symbol.for('message');
    const kToken = Symbol('token');
    const out = redact({ [level]: 'info', [message]: `{"token":"${secret}"}`, [kToken]: secret, tag: Symbol('t') }) as Record<
      symbol,
      unknown
    >;
    expect(out[level]).toBe('info');
    expect(out[message]).toBe(`{"token":"${REDACTED}"}`);
    expect(out[kToken]).toBe(REDACTED);
    expectHidden(out, secret);
  });

  it('huge and deep inputs are bounded', () => {
    const secret = randomToken();
    let deep: Record<string, unknown> = { token: secret };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const deepOut = redact(deep);
    expect(JSON.stringify(deepOut)).toContain(TRUNCATED);
    expectHidden(deepOut, secret);

    const wide: Record<string, string> = {};
    for (let i = 0; i < 100_000; i++) wide[`k${i}`] = 'v';
    wide['authorization'] = `Bearer ${secret}`;
    const wideOut = redact(wide) as Record<string, unknown>;
    expect(Object.keys(wideOut).length).toBeLessThanOrEqual(10_001);
    expect(wideOut[TRUNCATED]).toBe(TRUNCATED);

    const small = createRedactor({ maxDepth: 2, maxNodes: 5 });
    expect(small.redact({ a: { b: { c: 1 } } })).toEqual({ a: { b: TRUNCATED } });
    expect(small.redact([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 2, 3, 4, TRUNCATED]);
  });

  it('any value: never throws, and a token under a credential name never survives', () => {
    const secret = randomToken();
    fc.assert(
      fc.property(
        fc.anything({
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withBoxedValues: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        fc.constantFrom('token', 'Authorization', 'x-api-key', 'KERNEL_TOKEN'),
        (value, key) => {
          const out = redact({ value, [key]: `Bearer ${secret}`, nested: [value, { [key]: secret }] });
          expectHidden(out, secret);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('options', () => {
  it('extra names and headers', () => {
    const secret = randomToken();
    const r = createRedactor({ names: ['LAB_PAT'], headers: ['x-tenant-key'] });
    expect(r.redact({ legacyLabPat: secret, 'X-Tenant-Key': secret, other: 'x' })).toEqual({
      legacyLabPat: REDACTED,
      'X-Tenant-Key': REDACTED,
      other: 'x',
    });
    // Asimov's own names are Kernel names by default, as core names them.
    expect(redact({ legacyAsimovPat: secret })).toEqual({ legacyAsimovPat: REDACTED });
    expect(redact({ legacyLabPat: 'kept' })).toEqual({ legacyLabPat: 'kept' });
  });
});
