/**
 * Validates a value against the JSON schema shipped in this package. Interprets only the
 * keywords that schema uses (a test keeps the two in step), so the engine has no validator
 * dependency and loads fast in a pre-commit hook.
 */

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  required?: string[];
  items?: JsonSchema;
  /** Valid when one of the branches is (used for "a string or an object" items). */
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
  title?: string;
  $schema?: string;
}

/** Keywords `validate` understands. Any other keyword in the schema is a bug (tested). */
export const SUPPORTED_KEYWORDS = new Set([
  'type',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'anyOf',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'description',
  'title',
  '$schema',
]);

export interface SchemaError {
  /** Where in the config, e.g. `formats[0].pattern`. '' for the root. */
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Levenshtein distance, for short strings only (keys are compared with option names). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * A key as an error message may show it. A config key is user text and could be a pasted
 * token: only a short name, or a near-miss of a known option (a typo), is shown as it is;
 * anything else as a preview (its first four characters and its length).
 */
export function safeKey(key: string, known: readonly string[] = []): string {
  if (/^[A-Za-z$_-]{1,12}$/.test(key)) return key;
  if (/^[A-Za-z$_-]{1,24}$/.test(key) && known.some((k) => distance(key.toLowerCase(), k.toLowerCase()) <= 3)) return key;
  const shown = key.length >= 12 ? key.slice(0, 4) : '';
  return `"${shown}…(${key.length} chars)"`;
}

/** anyOf: valid when a branch is; otherwise the errors of the branch of the value's type. */
function validateAnyOf(branches: JsonSchema[], value: unknown, path: string): SchemaError[] {
  let fallback: SchemaError[] | undefined;
  for (const branch of branches) {
    const errors = validate(branch, value, path);
    if (errors.length === 0) return [];
    if (fallback === undefined || branch.type === typeOf(value)) fallback = errors;
  }
  return fallback ?? [];
}

export function validate(schema: JsonSchema, value: unknown, path = ''): SchemaError[] {
  if (schema.anyOf) return validateAnyOf(schema.anyOf, value, path);
  const errors: SchemaError[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!ok)
      return [
        {
          path,
          message: `must be ${schema.type === 'integer' ? 'an integer' : `a${/^[aeiou]/.test(schema.type) ? 'n' : ''} ${schema.type}`}, got ${actual}`,
        },
      ];
  }
  if (schema.enum && !schema.enum.includes(value)) {
    errors.push({ path, message: `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      errors.push({ path, message: `must be at least ${schema.minLength} characters` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      errors.push({ path, message: `must be at most ${schema.maxLength} characters` });
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push({ path, message: `must match ${schema.pattern}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push({ path, message: `must be ≥ ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) errors.push({ path, message: `must be ≤ ${schema.maximum}` });
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => errors.push(...validate(schema.items!, item, join(path, i))));
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in obj)) errors.push({ path: join(path, key), message: 'is required' });
    }
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(sub, v, join(path, key)));
      else if (schema.additionalProperties === false) {
        const known = Object.keys(schema.properties ?? {}).join(', ');
        errors.push({
          path: join(path, safeKey(key, Object.keys(schema.properties ?? {}))),
          message: `is not a known option (known: ${known})`,
        });
      }
    }
  }
  return errors;
}
