/**
 * The live check's client against a local stand-in for Kernel's API (a worker thread on
 * 127.0.0.1): the one request it makes, how each answer is classified, and that it follows no
 * redirect, gives up at its timeout and keeps to its concurrency cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationFingerprint, FakeKernelApi, type Behaviour } from '../../../test/support/kernel-api.js';
import { randomToken } from '../../../test/support/tokens.js';
import { checkAll, LivenessClient } from '../src/verify/client.js';
import { resolveEndpoint } from '../src/verify/endpoint.js';
import { VERIFY_CONCURRENCY } from '../src/verify/limits.js';

let api: FakeKernelApi;
beforeAll(async () => {
  api = await FakeKernelApi.start();
});
afterAll(async () => {
  await api.close();
});

function client(timeoutMs = 2000, url = api.url): LivenessClient {
  return new LivenessClient({ endpoint: resolveEndpoint({ KERNEL_SECRETS_API_URL: url }), timeoutMs });
}

async function checkOne(behaviour: Behaviour, timeoutMs?: number) {
  const token = randomToken();
  await api.plan(new Map([[token, behaviour]]));
  const c = client(timeoutMs);
  try {
    return { token, result: await c.check(token), log: await api.log() };
  } finally {
    c.close();
  }
}

describe('LivenessClient.check', () => {
  it.each([
    [200, 'live'],
    [403, 'live'],
    [401, 'not-live'],
    [429, 'unknown'],
    [500, 'unknown'],
    [204, 'live'],
  ] as const)('HTTP %i → %s, after one GET /api/v1/constructs with the bearer header', async (status, verdict) => {
    const { token, result, log } = await checkOne({ status });
    expect(result.verdict).toBe(verdict);
    expect(result.status).toBe(status);
    expect(result.endpoint).toBe(api.url);
    expect(result.reason).toContain(`HTTP ${status}`);
    expect(log.requests).toHaveLength(1);
    const [req] = log.requests;
    expect(req!.method).toBe('GET');
    expect(req!.path).toBe('/api/v1/constructs');
    expect(req!.authorization).toBe(authorizationFingerprint(token));
    // No proxy or cookie headers, nothing but what the request needs.
    expect(req!.headerNames).toEqual(['accept', 'authorization', 'connection', 'host', 'user-agent']);
  });

  it('a redirect is unknown and not followed (it would carry the token elsewhere)', async () => {
    const { result, log } = await checkOne({ status: 302, redirect: `${api.url}/elsewhere` });
    expect(result).toMatchObject({ verdict: 'unknown', status: 302 });
    expect(result.reason).toContain('not followed');
    expect(log.requests.map((r) => r.path)).toEqual(['/api/v1/constructs']);
  });

  it('no answer within the timeout is unknown, saying so', async () => {
    const { result, log } = await checkOne({ status: 200, silent: true }, 150);
    expect(result).toEqual({ verdict: 'unknown', reason: 'no answer within 150 ms', endpoint: api.url });
    expect(log.requests).toHaveLength(1);
  });

  it('a refused connection is unknown with node’s error code only', async () => {
    const c = client(2000, 'http://127.0.0.1:1');
    try {
      expect(await c.check(randomToken())).toEqual({
        verdict: 'unknown',
        reason: 'network error (ECONNREFUSED)',
        endpoint: 'http://127.0.0.1:1',
      });
    } finally {
      c.close();
    }
  });

  it('a value a header cannot carry is not sent', async () => {
    await api.plan(new Map());
    const c = client();
    try {
      const result = await c.check(`${randomToken()}\r\nX-Injected: 1`);
      expect(result.verdict).toBe('unknown');
      expect(result.reason).toContain('not sent');
    } finally {
      c.close();
    }
    expect((await api.log()).requests).toHaveLength(0);
  });
});

describe('checkAll', () => {
  it(`asks once per token, at most ${VERIFY_CONCURRENCY} at a time`, async () => {
    const tokens = new Map(Array.from({ length: 9 }, (_, i) => [`fp${i}`, randomToken()] as const));
    await api.plan(new Map([...tokens.values()].map((t) => [t, { status: 200, hold: true }])), VERIFY_CONCURRENCY);
    const c = client(5000);
    let results;
    try {
      results = await checkAll(c, tokens);
    } finally {
      c.close();
    }
    const log = await api.log();
    expect([...results.keys()].sort()).toEqual([...tokens.keys()].sort());
    expect([...results.values()].every((r) => r.verdict === 'live')).toBe(true);
    expect(log.requests).toHaveLength(tokens.size);
    expect(new Set(log.requests.map((r) => r.authorization))).toEqual(new Set([...tokens.values()].map(authorizationFingerprint)));
    expect(log.maxInFlight).toBeLessThanOrEqual(VERIFY_CONCURRENCY);
    expect(log.maxInFlight).toBeGreaterThan(1);
  });

  it('no tokens, no requests', async () => {
    await api.plan(new Map());
    expect((await checkAll(client(), new Map())).size).toBe(0);
    expect((await api.log()).requests).toHaveLength(0);
  });
});
