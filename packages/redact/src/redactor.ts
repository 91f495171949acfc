/**
 * The public functions, bound to one set of names and limits. The package's top-level
 * `redact`, `redactHeaders` and `redactError` are those of `createRedactor()` with no options.
 */
import { createMatchers } from './names.js';
import { DEFAULT_LIMITS, Walk } from './walk.js';

export interface RedactOptions {
  /** More field names to mask, matched like Kernel's own names (also as the end of a longer name: `myLegacyPat`). */
  readonly names?: Iterable<string>;
  /** More header names to mask (compared normalised: `X-Tenant-Key` also matches `xTenantKey`). */
  readonly headers?: Iterable<string>;
  /** Objects nested deeper than this become `'[Truncated]'` (default 12). */
  readonly maxDepth?: number;
  /** Objects and array elements copied in one call before the rest becomes `'[Truncated]'` (default 10,000). */
  readonly maxNodes?: number;
}

export interface Redactor {
  /** A copy of any value with every credential masked (see the README for what each shape becomes). */
  readonly redact: (value: unknown) => unknown;
  /** Any header bag (plain object, fetch `Headers`, `Map`, `AxiosHeaders`, `[name, value]` pairs, flat `rawHeaders`) as a plain object, credentials masked. */
  readonly redactHeaders: (headers: unknown) => Record<string, unknown>;
  /** A copy of an error (axios, got, fetch…) that is still an instance of the same class, credentials masked. */
  readonly redactError: <E>(error: E) => E;
}

/** A header bag's entries, whatever its shape; `undefined` when it is not one. */
function headerEntries(headers: unknown): Iterable<readonly [unknown, unknown]> | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  if (Array.isArray(headers)) {
    const list = headers as unknown[];
    if (list.every((e) => Array.isArray(e))) return list as [unknown, unknown][];
    const pairs: [unknown, unknown][] = [];
    for (let i = 0; i + 1 < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    return pairs;
  }
  const tag = Object.prototype.toString.call(headers);
  if (tag === '[object Map]' || tag === '[object Headers]') return (headers as { entries(): Iterable<[unknown, unknown]> }).entries();
  return undefined;
}

export function createRedactor(options: RedactOptions = {}): Redactor {
  const names = createMatchers(options.names, options.headers);
  const limits = { maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth, maxNodes: options.maxNodes ?? DEFAULT_LIMITS.maxNodes };

  return {
    redact: (value) => new Walk(names, limits).value(value),
    redactHeaders: (headers) => {
      const walk = new Walk(names, limits);
      try {
        const entries = headerEntries(headers);
        if (entries) return walk.headerObject(entries, 0);
      } catch {
        // An iterator that throws: fall through to the general copy, which reports it as unreadable.
      }
      const copy = walk.value(headers);
      return typeof copy === 'object' && copy !== null && !(copy instanceof Map) ? (copy as Record<string, unknown>) : {};
    },
    redactError: <E>(error: E) => new Walk(names, limits).value(error) as E,
  };
}
