/**
 * Which header and field names hold a credential. This package has no dependencies, so it keeps
 * its own copy of the lists the rest of kernel-secrets uses; `test/catalogue-drift.test.ts`
 * checks every list below against its origin (the ESLint rule's catalogue and
 * `@kernel-secrets/core`), and checks `isCredentialName` against core's matcher, so the linter
 * that asks for `redact()` and `redact()` itself can never disagree about a name.
 */

/** = eslint-plugin `catalogue/logging-flows.ts` `AUTH_HEADER_NAMES`: header names whose value is a credential. */
export const AUTH_HEADER_NAMES: readonly string[] = ['authorization', 'proxy-authorization', 'x-api-key', 'x-auth-token', 'x-access-token'];

/** = core `KERNEL_CREDENTIAL_NAMES`: Kernel's own names (pino paths list them; the matcher knows every variant through isKernelName). */
export const KERNEL_CREDENTIAL_NAMES: readonly string[] = [
  'KERNEL_TOKEN',
  'KERNEL_API_TOKEN',
  'KERNEL_API_KEY',
  'KERNEL_ACCESS_TOKEN',
  'KERNEL_SECRET',
  'KERNEL_PAT',
];

/** = core `GENERIC_CREDENTIAL_NAMES`: credentials only as the whole name (`token`, not `userToken`). */
export const GENERIC_CREDENTIAL_NAMES: readonly string[] = [
  'token',
  'access_token',
  'api_token',
  'auth_token',
  'bearer',
  'bearer_token',
  'api_key',
  'apikey',
  'x_api_key',
  'x_auth_token',
  'authorization',
];

/** = core `NOT_CREDENTIAL_NAMES`: contain "token" but hold none (`max_tokens`, `token_type`). */
export const NOT_CREDENTIAL_NAMES: readonly string[] = [
  'tokenizer',
  'max_tokens',
  'total_tokens',
  'token_type',
  'token_count',
  'csrf_token_header_name',
  'token_url',
  'token_endpoint',
  'next_page_token',
];

/**
 * = core `KERNEL_WORDS`, `CREDENTIAL_WORDS`, `NOT_CREDENTIAL_LAST_WORDS`: a Kernel name joins a
 * Kernel word and a credential word in any order and case (`KERNEL_AUTH_TOKEN`, `asimovApiKey`,
 * `KERNEL_TOKEN_PROD`), unless its last word names something else (`KERNEL_TOKEN_FILE`).
 */
export const KERNEL_WORDS: readonly string[] = ['kernel', 'asimov'];
export const CREDENTIAL_WORDS: readonly string[] = [
  'token',
  'key',
  'apikey',
  'secret',
  'pat',
  'auth',
  'bearer',
  'jwt',
  'credential',
  'credentials',
  'password',
];
export const NOT_CREDENTIAL_LAST_WORDS: readonly string[] = [
  'file',
  'path',
  'url',
  'uri',
  'dir',
  'endpoint',
  'host',
  'name',
  'type',
  'header',
  'prefix',
  'suffix',
  'count',
  'length',
  'expiry',
  'expires',
  'ttl',
  'id',
  'env',
  'var',
  'field',
  'format',
  'pattern',
  'regex',
  'scope',
  'scopes',
  'policy',
  'version',
];

/**
 * Credentials that are not Kernel tokens but that no log should hold either: basic-auth and
 * OAuth client passwords, refresh tokens, session cookies. Masked by `redact()` only (the
 * scanner and the linter look for Kernel tokens), so they are kept apart from the lists above.
 */
export const EXTRA_FIELD_NAMES: readonly string[] = ['password', 'client_secret', 'refresh_token'];
export const EXTRA_HEADER_NAMES: readonly string[] = ['cookie'];

/** Lower case, `-`, `_`, `.` and white space removed: core's `normaliseName`, the form names are compared in. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

function isSeparator(ch: string): boolean {
  return normaliseName(ch) === '';
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

/**
 * A name in its compared form, plus where its words start (indexed like `normalised`): at the
 * start, after a separator, at a camelCase hump (`myKernelToken`) and before the last capital
 * of an acronym that runs into a word (`APIKernelToken`).
 */
interface NormalisedName {
  readonly normalised: string;
  readonly wordStarts: ReadonlySet<number>;
}

function normaliseWithWords(name: string): NormalisedName {
  let normalised = '';
  const wordStarts = new Set<number>();
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (isSeparator(ch)) continue;
    const before = name[i - 1];
    const after = name[i + 1];
    const startsWord =
      before === undefined || isSeparator(before) || (isUpper(ch) && (!isUpper(before) || (after !== undefined && !isUpper(after))));
    if (startsWord) wordStarts.add(normalised.length);
    normalised += ch.toLowerCase();
  }
  return { normalised, wordStarts };
}

/**
 * The words of a name as core's `nameWords` splits them: `KERNEL_API_TOKEN` → kernel, api,
 * token; `asimovApiKey` → asimov, api, key; a run-together word that starts with a Kernel word is
 * split after it (`kerneltoken` → kernel, token).
 */
function nameWords(name: string): string[] {
  const out: string[] = [];
  for (const piece of name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? []) {
    const w = piece.toLowerCase();
    const k = KERNEL_WORDS.find((kw) => w.length > kw.length && w.startsWith(kw));
    if (k) out.push(k, w.slice(k.length));
    else out.push(w);
  }
  return out;
}

const GENERIC_NORMALISED: ReadonlySet<string> = new Set(GENERIC_CREDENTIAL_NAMES.map(normaliseName));

/** Core's `isKernelName`: a Kernel word and a credential word (or a generic name ending in one), last word not FILE/PATH/URL…. */
export function isKernelName(name: string): boolean {
  const words = nameWords(name);
  if (words.length < 2 || NOT_CREDENTIAL_LAST_WORDS.includes(words[words.length - 1]!)) return false;
  const credential = (w: string) =>
    CREDENTIAL_WORDS.includes(w) || CREDENTIAL_WORDS.some((c) => w.length > c.length && w.endsWith(c) && GENERIC_NORMALISED.has(w));
  return words.some((w) => KERNEL_WORDS.includes(w)) && words.some(credential);
}

/** Answers "is this key a credential?" for one set of names; decisions are cached per key. */
export class NameMatcher {
  private readonly exact: ReadonlySet<string>;
  private readonly never: ReadonlySet<string>;
  private readonly suffixes: readonly string[];
  private readonly decided = new Map<string, boolean>();

  /**
   * `exact`: names that count only as the whole name; `suffixes`: names that may also end a
   * longer name at a word start; `never`: names that are never credentials.
   */
  constructor(
    exact: Iterable<string>,
    suffixes: Iterable<string>,
    never: Iterable<string> = [],
    /** Whether every Kernel name variant counts (field names do; header names do not). */
    private readonly kernelVariants = false,
  ) {
    this.exact = new Set([...exact].map(normaliseName));
    this.never = new Set([...never].map(normaliseName));
    this.suffixes = [...new Set([...suffixes].map(normaliseName))].filter((s) => s !== '');
  }

  matches(name: string): boolean {
    let answer = this.decided.get(name);
    if (answer === undefined) {
      answer = this.decide(name);
      // Keys of a log record repeat; a hostile object with millions of distinct keys must not grow this forever.
      if (this.decided.size > 10_000) this.decided.clear();
      this.decided.set(name, answer);
    }
    return answer;
  }

  private decide(name: string): boolean {
    const { normalised, wordStarts } = normaliseWithWords(name);
    if (normalised === '' || this.never.has(normalised)) return false;
    if (this.exact.has(normalised)) return true;
    if (this.kernelVariants && isKernelName(name)) return true;
    return this.suffixes.some((s) => normalised.endsWith(s) && wordStarts.has(normalised.length - s.length));
  }
}

/** The names `redact()` masks by default; `extraNames`/`extraHeaders` add to them (matched like Kernel's names). */
export function createMatchers(extraNames: Iterable<string> = [], extraHeaders: Iterable<string> = []): Matchers {
  const headers = new NameMatcher([...AUTH_HEADER_NAMES, ...EXTRA_HEADER_NAMES, ...extraHeaders], []);
  const fields = new NameMatcher([...GENERIC_CREDENTIAL_NAMES, ...EXTRA_FIELD_NAMES], [...extraNames], NOT_CREDENTIAL_NAMES, true);
  return {
    isHeader: (name) => headers.matches(name),
    isCredential: (name) => headers.matches(name) || fields.matches(name),
  };
}

export interface Matchers {
  /** An auth header name (`Authorization`, `x-api-key`, also `xApiKey`): compared normalised, like the rule. */
  isHeader(name: string): boolean;
  /** An auth header name or a credential field name (`token`, `apiKey`, `KERNEL_TOKEN`, `myKernelToken`). */
  isCredential(name: string): boolean;
}

/** Core's answer, on core's lists only (no extras): the function the drift test compares with core. */
const coreNames = new NameMatcher(GENERIC_CREDENTIAL_NAMES, [], NOT_CREDENTIAL_NAMES, true);

/** "Is this name a credential?" exactly as `@kernel-secrets/core`'s `createCredentialNameMatcher([])` answers it. */
export function isCredentialName(name: string): boolean {
  return coreNames.matches(name);
}

const authHeaders = new NameMatcher(AUTH_HEADER_NAMES, []);

/** "Is this an auth header name?" exactly as the ESLint rule answers it (normalised, so `X-Api-Key` and `xApiKey` too). */
export function isAuthHeaderName(name: string): boolean {
  return authHeaders.matches(name);
}
