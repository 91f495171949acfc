/**
 * `@kernel-secrets/redact`: what `kernel-secrets/no-auth-header-logging` asks for when it finds
 * a credential on its way to a log. Copies, never mutations; no dependencies; never throws.
 */
import { createRedactor } from './redactor.js';

const defaults = createRedactor();

/** A copy of any value (headers, request configs, errors, log records) with every credential masked. */
export const redact: (value: unknown) => unknown = defaults.redact;

/** Any header bag as a plain object with credential headers masked. */
export const redactHeaders: (headers: unknown) => Record<string, unknown> = defaults.redactHeaders;

/** A copy of an HTTP-client error, still of the same class, with the request's credentials masked. */
export const redactError: <E>(error: E) => E = defaults.redactError;

/** {@link redactError} under the name axios users look for: `axios.interceptors.response.use(undefined, (e) => Promise.reject(scrubAxiosError(e)))`. */
export const scrubAxiosError: <E>(error: E) => E = defaults.redactError;

export { createRedactor, type RedactOptions, type Redactor } from './redactor.js';
export { pinoCensor, pinoRedact, pinoRedactPaths, pinoSerializers, winstonRedactFormat, type WinstonFormat } from './loggers.js';
export { REDACTED } from './mask.js';
export { CIRCULAR, TRUNCATED, UNREADABLE } from './walk.js';
export {
  AUTH_HEADER_NAMES,
  EXTRA_FIELD_NAMES,
  EXTRA_HEADER_NAMES,
  GENERIC_CREDENTIAL_NAMES,
  KERNEL_CREDENTIAL_NAMES,
  NOT_CREDENTIAL_NAMES,
  KERNEL_WORDS,
  CREDENTIAL_WORDS,
  NOT_CREDENTIAL_LAST_WORDS,
  isAuthHeaderName,
  isCredentialName,
  normaliseName,
} from './names.js';
