/**
 * The copy itself: a bounded walk over any value a program might log. It never throws and never
 * changes its input; cycles, getters that throw, revoked proxies, frozen and null-prototype
 * objects, symbols and very large or deep inputs all give a result.
 *
 * - A value under a credential name (`authorization`, `x-api-key`, `token`, `KERNEL_TOKEN`…)
 *   is masked, whatever object it is in; every other string is scrubbed (`scrubString`).
 * - Header bags come back as plain objects (fetch `Headers`, `AxiosHeaders`): loggers print
 *   those, while a `Headers` instance prints as `{}` and hides what it holds from review.
 * - `[name, value]` pairs and flat `rawHeaders` arrays mask the value after a credential name.
 * - Errors stay errors (same prototype, `instanceof` and `isAxiosError` still work), with
 *   `message`, `stack`, `cause` and every own field copied the same way.
 * - Request objects (Node's `ClientRequest`/`IncomingMessage`, fetch `Request`, an XHR under
 *   `request`) become a summary: method, URL, path, host, headers and the raw header block.
 */
import { maskCredential, scrubString } from './mask.js';
import type { Matchers } from './names.js';

export const CIRCULAR = '[Circular]';
export const TRUNCATED = '[Truncated]';
export const UNREADABLE = '[Unreadable]';

export interface Limits {
  /** Objects nested deeper than this become `[Truncated]`. */
  readonly maxDepth: number;
  /** Objects and array elements visited in one call; past it, the rest becomes `[Truncated]`. */
  readonly maxNodes: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 12, maxNodes: 10_000 };

/** Error fields that are own but not enumerable, and that loggers print anyway. */
const ERROR_FIELDS = ['name', 'message', 'stack', 'cause', 'errors', 'code'];

/** What a request summary keeps (read through getters, so fetch `Request` works too). */
const REQUEST_FIELDS = ['method', 'url', 'protocol', 'host', 'path', 'responseURL', 'status', '_header'];

const toTag = (value: object): string => Object.prototype.toString.call(value);

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** Sets a copied field without ever calling a setter (a key named `__proto__` stays a key). */
function define(target: object, key: PropertyKey, value: unknown, enumerable = true): void {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
}

function read(source: object, key: PropertyKey): unknown {
  try {
    return (source as Record<PropertyKey, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

export class Walk {
  private nodes = 0;
  private readonly done = new Map<object, unknown>();
  private readonly active = new Set<object>();

  constructor(
    private readonly names: Matchers,
    private readonly limits: Limits,
  ) {}

  /** The redacted copy of `value`. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return scrubString(value, this.names);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (this.active.has(value)) return CIRCULAR;
    if (this.done.has(value)) return this.done.get(value);
    if (depth >= this.limits.maxDepth || !this.spend()) return TRUNCATED;
    return this.guard(value, () => this.object(value, depth));
  }

  /** A field of an object: masked under a credential name, summarised if it is a request, copied otherwise. */
  entry(key: PropertyKey, value: unknown, depth: number): unknown {
    const name = typeof key === 'symbol' ? (key.description ?? '') : String(key);
    if (name !== '' && this.names.isCredential(name)) return maskCredential(value, this.names);
    if (name === 'request' && typeof value === 'object' && value !== null && !Array.isArray(value) && !isPlainObject(value)) {
      return this.guard(value, () => this.requestSummary(value, depth));
    }
    return this.value(value, depth);
  }

  /** `name → value` pairs into a plain object: the shape every header bag is turned into. */
  headerObject(entries: Iterable<readonly [unknown, unknown]>, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of entries) {
      if (!this.spend()) {
        define(out, TRUNCATED, TRUNCATED);
        break;
      }
      const key = String(name);
      const copy = this.entry(key, value, depth + 1);
      // rawHeaders repeat a name (`Set-Cookie` twice): keep every value.
      const prior = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
      define(out, key, prior === undefined ? copy : [...(Array.isArray(prior) ? (prior as unknown[]) : [prior]), copy]);
    }
    return out;
  }

  private spend(): boolean {
    this.nodes++;
    return this.nodes <= this.limits.maxNodes;
  }

  /** Like `value()` for objects reached by a special path: cycle-safe and memoised too. */
  private guard(value: object, copy: () => unknown): unknown {
    if (this.active.has(value)) return CIRCULAR;
    if (this.done.has(value)) return this.done.get(value);
    this.active.add(value);
    let out: unknown;
    try {
      out = copy();
    } catch {
      // A revoked proxy, a hostile `Symbol.toStringTag` getter, an iterator that throws.
      out = UNREADABLE;
    } finally {
      this.active.delete(value);
    }
    this.done.set(value, out);
    return out;
  }

  private object(value: object, depth: number): unknown {
    if (Array.isArray(value)) return this.array(value, depth);
    const tag = toTag(value);
    switch (tag) {
      case '[object Map]':
        return this.map(value as Map<unknown, unknown>, depth);
      case '[object Set]':
        return new Set([...(value as Set<unknown>)].map((v) => this.value(v, depth + 1)));
      case '[object Headers]':
        return this.headerObject((value as { entries(): Iterable<[string, string]> }).entries(), depth);
      case '[object URL]':
        return scrubString(String((value as { href: unknown }).href), this.names);
      case '[object Date]':
        return new Date((value as Date).getTime());
      case '[object Error]':
        return this.error(value as Error, depth);
      default:
        // Binary data, regular expressions, promises and weak collections hold no readable fields; kept as they are.
        if (
          ArrayBuffer.isView(value) ||
          /^\[object (?:ArrayBuffer|SharedArrayBuffer|RegExp|Promise|WeakMap|WeakSet|WeakRef)\]$/.test(tag)
        ) {
          return value;
        }
        if (value instanceof Error) return this.error(value, depth);
        if (typeof value === 'function' && Reflect.ownKeys(value).every((k) => !Object.getOwnPropertyDescriptor(value, k)?.enumerable)) {
          return value;
        }
        if (!isPlainObject(value) && this.isRequest(value)) return this.requestSummary(value, depth);
        return this.fields(value, {}, depth);
    }
  }

  /** Own enumerable fields (strings and symbols) of `source` onto `target`. */
  private fields<T extends object>(source: object, target: T, depth: number): T {
    for (const key of Reflect.ownKeys(source)) {
      const descriptor = Object.getOwnPropertyDescriptor(source, key);
      if (!descriptor?.enumerable) continue;
      if (!this.spend()) {
        define(target, TRUNCATED, TRUNCATED);
        break;
      }
      const field: unknown = 'value' in descriptor ? descriptor.value : read(source, key);
      define(target, key, this.entry(key, field, depth + 1));
    }
    return target;
  }

  private array(value: readonly unknown[], depth: number): unknown[] {
    const out: unknown[] = [];
    // `[name, value]` pairs and Node's flat `rawHeaders`: a string at every even index names the next element.
    const pairs =
      value.length % 2 === 0 && value.length <= this.limits.maxNodes && value.every((v, i) => i % 2 === 1 || typeof v === 'string');
    for (let i = 0; i < value.length; i++) {
      if (!this.spend()) {
        out.push(TRUNCATED);
        break;
      }
      const element = read(value, i);
      const name = pairs && i % 2 === 1 ? (value[i - 1] as string) : undefined;
      out.push(name !== undefined && this.names.isCredential(name) ? maskCredential(element, this.names) : this.value(element, depth + 1));
    }
    return out;
  }

  private map(value: Map<unknown, unknown>, depth: number): Map<unknown, unknown> {
    const out = new Map<unknown, unknown>();
    for (const [key, v] of value) {
      if (!this.spend()) {
        out.set(TRUNCATED, TRUNCATED);
        break;
      }
      out.set(key, typeof key === 'string' || typeof key === 'symbol' ? this.entry(key, v, depth + 1) : this.value(v, depth + 1));
    }
    return out;
  }

  /** Same prototype, so `instanceof`, `isAxiosError` and `toJSON()` still work on the copy. */
  private error(value: Error, depth: number): Error {
    const out = Object.create(Object.getPrototypeOf(value) as object | null) as Error;
    this.fields(value, out, depth);
    for (const key of ERROR_FIELDS) {
      if (Object.prototype.hasOwnProperty.call(out, key)) continue;
      // Read through the original (prototype getters such as DOMException's need it), then
      // stored as the copy's own field so nothing on the copy reads the original's internals.
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined && key !== 'name' && key !== 'message' && key !== 'stack') continue;
      const field = read(value, key);
      if (field !== undefined) define(out, key, this.entry(key, field, depth + 1), false);
    }
    return out;
  }

  private isRequest(value: object): boolean {
    const probe = value as { getHeaders?: unknown; method?: unknown; headers?: unknown };
    return typeof probe.getHeaders === 'function' || (typeof probe.method === 'string' && typeof probe.headers === 'object');
  }

  private requestSummary(value: object, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of REQUEST_FIELDS) {
      const field = read(value, key);
      if (field !== undefined && field !== null && typeof field !== 'function') define(out, key, this.entry(key, field, depth + 1));
    }
    const getHeaders = read(value, 'getHeaders');
    let headers: unknown;
    try {
      headers = typeof getHeaders === 'function' ? (getHeaders as () => unknown).call(value) : read(value, 'headers');
    } catch {
      headers = UNREADABLE;
    }
    if (headers !== undefined && headers !== null) define(out, 'headers', this.value(headers, depth + 1));
    return out;
  }
}
