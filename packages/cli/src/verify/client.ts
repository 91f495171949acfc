/**
 * The one request of the live check: `GET <endpoint>/api/v1/constructs` with
 * `Authorization: Bearer <token>`, straight through node:http(s) with an agent of our own.
 * Nothing else sees the token: HTTP(S)_PROXY is not read (a proxy would see the header),
 * redirects are not followed (they could carry it to another host), the body is not read, and
 * a failure is reported by node's error code alone.
 */
import type http from 'node:http';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { classifyFailure, classifyStatus, sendableToken } from './classify.js';
import type { Endpoint } from './endpoint.js';
import { VERIFY_CONCURRENCY } from './limits.js';
import type { Liveness } from './liveness.js';

const nodeHttp = (): typeof http => process.getBuiltinModule('node:http');
const https = (): typeof import('node:https') => process.getBuiltinModule('node:https');

export interface CheckOptions {
  endpoint: Endpoint;
  timeoutMs: number;
}

/** A client for one run: one agent (no proxy, no keep-alive), shared by its requests. */
export class LivenessClient {
  private readonly agent: http.Agent;

  constructor(private readonly options: CheckOptions) {
    // node:http(s) are loaded by the live check alone: every other command starts without them.
    const secure = options.endpoint.url.protocol === 'https:';
    this.agent = secure ? new (https().Agent)({ keepAlive: false }) : new (nodeHttp().Agent)({ keepAlive: false });
  }

  /** Asks the endpoint about one token. Never throws: every failure is an `unknown` verdict. */
  check(token: string): Promise<Liveness> {
    const { endpoint, timeoutMs } = this.options;
    const { url } = endpoint;
    const request = url.protocol === 'https:' ? https().request : nodeHttp().request;
    if (!sendableToken(token))
      return Promise.resolve({
        verdict: 'unknown',
        reason: 'not sent: it has characters a header cannot carry',
        endpoint: endpoint.origin,
      });
    return new Promise<Liveness>((resolve) => {
      let settled = false;
      const settle = (verdict: Liveness): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve(verdict);
      };
      const req = request(url, {
        method: 'GET',
        agent: this.agent,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'User-Agent': `${TOOL_NAME}/${TOOL_VERSION} (verify)` },
      });
      // One deadline for connecting, TLS and the status line (a socket idle timeout would reset on every byte).
      const timer = setTimeout(() => settle(classifyFailure({ timeoutMs }, endpoint.origin)), timeoutMs);
      req.on('response', (res) => {
        res.resume();
        settle(classifyStatus(res.statusCode ?? 0, endpoint.origin));
      });
      req.on('error', (err: NodeJS.ErrnoException) => settle(classifyFailure({ code: err.code }, endpoint.origin)));
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Checks each token once (keyed by fingerprint), at most `VERIFY_CONCURRENCY` at a time.
 * `tokens` maps fingerprint → value; the result maps fingerprint → verdict.
 */
export async function checkAll(client: Pick<LivenessClient, 'check'>, tokens: ReadonlyMap<string, string>): Promise<Map<string, Liveness>> {
  const queue = [...tokens];
  const out = new Map<string, Liveness>();
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) out.set(next[0], await client.check(next[1]));
  };
  await Promise.all(Array.from({ length: Math.min(VERIFY_CONCURRENCY, queue.length) }, worker));
  return out;
}
