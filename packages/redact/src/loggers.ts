/**
 * Logger integrations without importing any logger: pino's `redact` option takes paths (pino
 * cannot run a function over every record), winston takes a format object.
 */
import { maskCredential, maskCredentialString, scrubString } from './mask.js';
import {
  AUTH_HEADER_NAMES,
  createMatchers,
  EXTRA_FIELD_NAMES,
  EXTRA_HEADER_NAMES,
  GENERIC_CREDENTIAL_NAMES,
  KERNEL_CREDENTIAL_NAMES,
} from './names.js';
import { createRedactor, type RedactOptions } from './redactor.js';

/** `Proxy-Authorization` → `Proxy-Authorization`, `x-api-key` → `X-Api-Key`: how code usually spells a header it sets. */
function titleCase(header: string): string {
  return header.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}

/** `access_token`, `accessToken`, `ACCESS_TOKEN`: the spellings code uses for one name (pino compares keys exactly). */
function spellings(name: string): string[] {
  const words = name.toLowerCase().split('_');
  const camel = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return [words.join('_'), camel, words.join('_').toUpperCase()];
}

/** A pino (fast-redact) path: dotted where the key is an identifier, bracketed where it is not (`headers["x-api-key"]`). */
function path(prefix: string, key: string): string {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return prefix === '' ? (step.startsWith('.') ? key : step) : prefix + step;
}

/**
 * Where loggers find header objects: a top-level `headers`, any top-level object's `headers`
 * (`req`, `request`, `config`, `options`), an HTTP-client error's request config
 * (`err.config.headers`, `err.response.config.headers`, got's `err.options.headers`), and the
 * copy Node's `follow-redirects` (inside axios) keeps on the request (`err.request._redirectable._options.headers`).
 */
const HEADER_CARRIERS = [
  'headers',
  '*.headers',
  '*.config.headers',
  '*.response.config.headers',
  '*.options.headers',
  '*.request._redirectable._options.headers',
  '*.response.request._redirectable._options.headers',
];

/** Raw request heads (`GET / HTTP/1.1\r\nAuthorization: …`) that Node keeps as a string on the request. */
const RAW_HEADS = ['*.request._header', '*.response.request._header'];

/** Top level and one level down (`{ token }`, `{ user: { apiKey } }`): as deep as pino's wildcards reach cheaply. */
const FIELD_CARRIERS = ['', '*'];

function buildPinoPaths(): readonly string[] {
  const headers = [...AUTH_HEADER_NAMES, ...EXTRA_HEADER_NAMES].flatMap((h) => [h, titleCase(h)]);
  const fields = [...GENERIC_CREDENTIAL_NAMES, ...EXTRA_FIELD_NAMES, ...KERNEL_CREDENTIAL_NAMES].flatMap(spellings);
  const paths = [
    ...HEADER_CARRIERS.flatMap((carrier) => headers.map((h) => path(carrier, h))),
    ...FIELD_CARRIERS.flatMap((carrier) => fields.map((f) => path(carrier, f))),
    ...RAW_HEADS,
  ];
  return Object.freeze([...new Set(paths)]);
}

/**
 * pino `redact` paths for every credential header and field name: `pino({ redact: pinoRedactPaths })`,
 * or with {@link pinoCensor} to keep the auth scheme: `pino({ redact: pinoRedact })`.
 * Paths cannot match at any depth; log `redact(value)` for values nested deeper.
 */
export const pinoRedactPaths: readonly string[] = buildPinoPaths();

const defaultMatchers = createMatchers();

/**
 * pino `censor`: `Bearer [REDACTED]` for a bearer header, `[REDACTED]` otherwise; a raw request
 * head keeps its other lines. pino passes the path as an array of keys.
 */
export function pinoCensor(value: unknown, path?: readonly string[]): unknown {
  if (typeof value !== 'string') return maskCredential(value, defaultMatchers);
  return path?.[path.length - 1] === '_header' ? scrubString(value, defaultMatchers) : maskCredentialString(value);
}

/** `pino({ redact: pinoRedact })`: the paths with {@link pinoCensor}. */
export const pinoRedact: { readonly paths: string[]; readonly censor: (value: unknown, path?: readonly string[]) => unknown } =
  Object.freeze({
    paths: [...pinoRedactPaths],
    censor: pinoCensor,
  });

const { redactError } = createRedactor();

/** An error as pino's own `err` serializer shapes it (`type`, `message`, `stack`, own fields, `cause`), from the redacted copy. */
function serializeError(error: unknown, depth = 0): unknown {
  const copy = redactError(error);
  if (!(copy instanceof Error)) return copy;
  const out: Record<string, unknown> = { ...copy, type: copy.constructor.name || 'Error', message: copy.message, stack: copy.stack };
  if (copy.cause !== undefined)
    out['cause'] = depth < 8 && copy.cause instanceof Error ? serializeError(copy.cause, depth + 1) : copy.cause;
  return out;
}

/**
 * pino `serializers` for the keys pino gives errors (`err`, and `error` by habit): redaction
 * paths cannot follow an axios error's request (Node keeps the Authorization header in
 * `request._header`, in follow-redirects' `_options` and again under `response.request`), so
 * errors are redacted before pino sees them: `pino({ redact: pinoRedact, serializers: pinoSerializers })`.
 */
export const pinoSerializers: Readonly<Record<'err' | 'error', (error: unknown) => unknown>> = Object.freeze({
  err: (error: unknown) => serializeError(error),
  error: (error: unknown) => serializeError(error),
});

/** The shape of a winston/logform format instance (`winston.format.combine()` accepts it). */
export interface WinstonFormat {
  transform(info: Record<PropertyKey, unknown>, opts?: unknown): Record<PropertyKey, unknown>;
  options?: unknown;
}

/**
 * A winston format that redacts each log record, its symbol-keyed fields (`Symbol.for('message')`,
 * `Symbol.for('splat')`) included: `format: winston.format.combine(winstonRedactFormat(), winston.format.json())`.
 * Put it last to also scrub the formatted line, first to keep other formats from seeing credentials.
 */
export function winstonRedactFormat(options: RedactOptions = {}): WinstonFormat {
  const { redact } = createRedactor(options);
  return {
    transform: (info) => redact(info) as Record<PropertyKey, unknown>,
    options,
  };
}
