/**
 * A local stand-in for Kernel's API for the live-check tests (`verify`, `scan --verify`): see
 * kernel-api-worker.mjs. Nothing in these tests reaches the network: the CLI is pointed at
 * `http://127.0.0.1:<port>` with KERNEL_SECRETS_API_URL.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** How the server answers one token: a status (with a Location for redirects), never (silent), or held for the concurrency check. */
export interface Behaviour {
  status: number;
  redirect?: string;
  silent?: boolean;
  hold?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** SHA-256 of the Authorization header as received (compare with `authorizationFingerprint`). */
  authorization: string;
  headerNames: string[];
}

export function authorizationFingerprint(token: string): string {
  return createHash('sha256').update(`Bearer ${token}`).digest('hex');
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

type Reply =
  | { type: 'listening'; port: number }
  | { type: 'planned' }
  | { type: 'closed' }
  | { type: 'log'; requests: RecordedRequest[]; maxInFlight: number };

export class FakeKernelApi {
  private constructor(
    private readonly worker: Worker,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeKernelApi> {
    const worker = new Worker(new URL('./kernel-api-worker.mjs', import.meta.url));
    const { port } = await next<{ port: number }>(worker, 'listening');
    return new FakeKernelApi(worker, `http://127.0.0.1:${port}`);
  }

  /** What to answer for each token (others get 401); clears the request log. */
  async plan(plan: ReadonlyMap<string, Behaviour>, holdCount = 0): Promise<void> {
    const behaviours = Object.fromEntries([...plan].map(([token, b]) => [sha256(token), b]));
    this.worker.postMessage({ type: 'plan', behaviours, holdCount });
    await next(this.worker, 'planned');
  }

  async log(): Promise<{ requests: RecordedRequest[]; maxInFlight: number }> {
    this.worker.postMessage({ type: 'log' });
    return next(this.worker, 'log');
  }

  async close(): Promise<void> {
    this.worker.postMessage({ type: 'close' });
    await next(this.worker, 'closed');
    await this.worker.terminate();
  }
}

function next<T>(worker: Worker, type: Reply['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: Reply): void => {
      if (msg.type !== type) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(msg as T);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}
