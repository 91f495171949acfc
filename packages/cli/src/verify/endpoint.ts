/**
 * Where the live check sends a token: Kernel's API, or the base URL in KERNEL_SECRETS_API_URL
 * (tests, self-hosted Kernel). Only `https:` may leave the machine; plain `http:` is allowed to
 * a loopback address alone, where nothing crosses a network. A URL with credentials, a query or
 * a fragment is refused rather than guessed at. Errors never quote the URL (it is config, and a
 * pasted URL may hold a secret of its own).
 */
import { CliError } from '../errors.js';

export const KERNEL_API_URL = 'https://kernel.asimov.com';
export const API_URL_ENV = 'KERNEL_SECRETS_API_URL';
/** Kernel's documented call: 401 for a wrong, expired or revoked token, 403 for a valid one lacking a scope. */
export const LIVENESS_PATH = '/api/v1/constructs';

export interface Endpoint {
  /** The full URL of the one request. */
  url: URL;
  /** Shown in reports: scheme, host and port only. */
  origin: string;
}

/** 127.0.0.0/8, ::1 and localhost: a request that never leaves this machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  // node:net is loaded only here: a scan without --verify never needs it.
  return process.getBuiltinModule('node:net').isIPv4(host) && host.startsWith('127.');
}

/** `/kernel//` → `/kernel`, by a scan from the end (a regex for trailing slashes backtracks quadratically on a long run of them). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

function refuse(problem: string): CliError {
  return new CliError(`${API_URL_ENV} ${problem}`, `set it to a base URL such as ${KERNEL_API_URL}, or unset it to use Kernel's API`);
}

/** The endpoint from the environment; a CliError (exit 2) when the configured URL is not safe to send a token to. */
export function resolveEndpoint(env: NodeJS.ProcessEnv): Endpoint {
  // An empty variable (`KERNEL_SECRETS_API_URL= cmd`) means the default, as if unset.
  const configured = env[API_URL_ENV]?.trim() ?? '';
  let base: URL;
  try {
    base = new URL(configured === '' ? KERNEL_API_URL : configured);
  } catch {
    throw refuse('is not an absolute URL');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw refuse('must be an https: URL');
  if (base.protocol === 'http:' && !isLoopback(base.hostname))
    throw refuse('uses http: to a host that is not a loopback address; a token must not cross a network unencrypted: use https:');
  if (base.username || base.password) throw refuse('holds credentials; the token is the only credential sent');
  if (base.search || base.hash) throw refuse('has a query or fragment; give the base URL only');
  const url = new URL(base.href);
  url.pathname = `${withoutTrailingSlashes(base.pathname)}${LIVENESS_PATH}`;
  return { url, origin: base.origin };
}
